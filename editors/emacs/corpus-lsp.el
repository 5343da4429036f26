;;; corpus-lsp.el --- corpus-lsp for Emacs (eglot)  -*- lexical-binding: t; -*-

;; Starts corpus-lsp for Markdown (and text) buffers in a corpus workspace: a folder holding
;; corpus-lsp.json or a corpus/ directory.  Requires eglot (built into Emacs 29, `elpa-eglot' on Debian).

;;; Code:

(require 'eglot)
(require 'project)

(defgroup corpus-lsp nil "Corpus-aware notes." :group 'tools)

(defcustom corpus-lsp-program "corpus-lsp"
  "Path to the corpus-lsp executable."
  :type 'string)

(defcustom corpus-lsp-log-level "info"
  "Log level passed to the server (error, warning, info, debug)."
  :type 'string)

(defun corpus-lsp-root (dir)
  "Return the corpus workspace root containing DIR, or nil."
  (or (locate-dominating-file dir "corpus-lsp.json")
      (locate-dominating-file dir (lambda (d) (file-directory-p (expand-file-name "corpus" d))))))

(defun corpus-lsp--project (dir)
  "A transient project rooted at the corpus workspace around DIR."
  (let ((root (corpus-lsp-root dir)))
    (when root (cons 'transient (expand-file-name root)))))

(defun corpus-lsp--contact (&optional _interactive)
  (list corpus-lsp-program "--log-level" corpus-lsp-log-level))

(add-hook 'project-find-functions #'corpus-lsp--project)

(dolist (mode '(markdown-mode gfm-mode text-mode))
  (add-to-list 'eglot-server-programs (cons mode #'corpus-lsp--contact)))

(defun corpus-lsp-maybe-start ()
  "Start eglot in this buffer when it lies in a corpus workspace."
  (when (and buffer-file-name (corpus-lsp-root (file-name-directory buffer-file-name)))
    (eglot-ensure)))

(add-hook 'markdown-mode-hook #'corpus-lsp-maybe-start)

(provide 'corpus-lsp)
;;; corpus-lsp.el ends here
