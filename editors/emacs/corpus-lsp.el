;;; corpus-lsp.el --- corpus-lsp for Emacs: eglot (and lsp-mode)  -*- lexical-binding: t; -*-

;; Starts the corpus-lsp language server for Markdown notes inside a corpus workspace: a folder
;; holding corpus-lsp.json or a corpus/ directory.  Uses eglot (built into Emacs 29; the
;; `elpa-eglot' package on Debian's Emacs 28); registers a client for lsp-mode too, for those who
;; use it instead (set `corpus-lsp-client' to `lsp-mode').
;;
;; Usage, in your init file:
;;   (load "/path/to/corpus-lsp/editors/emacs/corpus-lsp.el")
;;   (setq corpus-lsp-program "/path/to/corpus-lsp")   ; unless corpus-lsp is on `exec-path'

;;; Code:

(require 'project)

(defvar eglot-server-programs)
(declare-function eglot-ensure "eglot")
(declare-function lsp-deferred "lsp-mode")
(declare-function lsp-register-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")
(declare-function make-lsp-client "lsp-mode")

(defgroup corpus-lsp nil
  "Notes about a corpus of papers, checked by the corpus-lsp language server."
  :group 'tools
  :prefix "corpus-lsp-")

(defcustom corpus-lsp-program "corpus-lsp"
  "The corpus-lsp executable: a name on `exec-path' or an absolute file name."
  :type 'string)

(defcustom corpus-lsp-log-level "info"
  "How much the server logs to eglot's events buffer.
One of error, warning, info, debug or trace."
  :type '(choice (const "error") (const "warning") (const "info") (const "debug") (const "trace")))

(defcustom corpus-lsp-client 'eglot
  "Which LSP client `corpus-lsp-maybe-start' uses."
  :type '(choice (const eglot) (const lsp-mode)))

(defun corpus-lsp-root (dir)
  "The corpus workspace around DIR, or nil.
That is the nearest folder holding corpus-lsp.json or a corpus/ directory."
  (let ((dir (expand-file-name dir)))
    (or (locate-dominating-file dir "corpus-lsp.json")
        (locate-dominating-file
         dir (lambda (d) (file-directory-p (expand-file-name "corpus" d)))))))

(defun corpus-lsp-command ()
  "The server's command line."
  (list corpus-lsp-program "serve" "--log-level" corpus-lsp-log-level))

;; eglot keys servers by project: make the corpus workspace the project of the files inside it,
;; so that one server serves every note and paper of a workspace, rooted at the workspace.
(defun corpus-lsp--project (dir)
  "A transient project rooted at the corpus workspace around DIR, or nil."
  (let ((root (corpus-lsp-root dir)))
    (when root (cons 'transient (file-name-as-directory (expand-file-name root))))))

(add-hook 'project-find-functions #'corpus-lsp--project)

(defun corpus-lsp--eglot-contact (&optional _interactive)
  "The eglot contact: the server command line."
  (corpus-lsp-command))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               (cons '(markdown-mode gfm-mode) #'corpus-lsp--eglot-contact)))

;; lsp-mode: an add-on client for Markdown (it runs beside other Markdown servers).
(with-eval-after-load 'lsp-mode
  (when (fboundp 'lsp-register-client)
    (lsp-register-client
     (make-lsp-client
      :new-connection (lsp-stdio-connection #'corpus-lsp-command)
      :activation-fn (lambda (file-name _mode)
                       (and (string-match-p "\\.md\\'" file-name)
                            (corpus-lsp-root (file-name-directory file-name))))
      :server-id 'corpus-lsp
      :add-on? t))))

(defun corpus-lsp-maybe-start ()
  "Start the language server here when the file lies in a corpus workspace."
  (when (and buffer-file-name (corpus-lsp-root (file-name-directory buffer-file-name)))
    (pcase corpus-lsp-client
      ('eglot (require 'eglot) (eglot-ensure))
      ('lsp-mode (require 'lsp-mode) (lsp-deferred)))))

(add-hook 'markdown-mode-hook #'corpus-lsp-maybe-start)

(provide 'corpus-lsp)
;;; corpus-lsp.el ends here
