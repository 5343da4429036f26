;;; emacs.el --- EditorTests harness: real Emacs + eglot, batch, editors/emacs unmodified  -*- lexical-binding: t; -*-
;;
;;   CORPUS_HARNESS_SPEC=spec.json emacs --batch -Q -l Tests/EditorHarness/emacs.el
;;
;; spec.json is the same as for neovim.lua: editors, binary, out, timeout_ms, probes (name, file, find,
;; offset, request: completion | hover | definition | diagnostics).  The harness loads the project's
;; corpus-lsp.el as its README says, visits each note (the markdown-mode hook starts eglot), and then uses
;; eglot's own entry points: its completion-at-point function, its hover rendering, xref (M-.) and
;; Flymake.  Results go to `out' as JSON; Emacs exits 0 once they are written.

(require 'cl-lib)
(require 'json)
(require 'subr-x)
(require 'package)

;; -Q skips site-start: activate Debian's elpa packages (eglot 1.9 and its dependencies on Emacs 28).
(setq package-user-dir (expand-file-name "elpa" user-emacs-directory))
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)

(defvar harness-spec
  (json-read-file (or (getenv "CORPUS_HARNESS_SPEC") (error "CORPUS_HARNESS_SPEC is not set"))))
(defun harness-spec-get (key &optional object) (cdr (assq key (or object harness-spec))))
(defvar harness-timeout (/ (or (harness-spec-get 'timeout_ms) 20000) 1000.0))
(defvar harness-output nil "An alist, written as JSON at the end.")
(defvar harness-published nil "Raw publishDiagnostics params per URI, as eglot received them.")

;; Markdown buffers need a mode; Debian's Emacs has no markdown-mode unless elpa-markdown-mode is installed.
(unless (locate-library "markdown-mode")
  (define-derived-mode markdown-mode text-mode "Markdown" "Stand-in markdown mode for the harness."))
(autoload 'markdown-mode "markdown-mode" nil t)
(add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))

;; Without eglot there is nothing to test: say so, and the tests are skipped with that reason.
(unless (locate-library "eglot")
  (with-temp-file (harness-spec-get 'out)
    (insert (json-encode
             '((unavailable . "eglot is not installed for this Emacs (Debian: apt-get install elpa-eglot)")))))
  (kill-emacs 0))

;; What a user writes in the init file (editors/emacs/README.md), with the built binary.
(load (expand-file-name "emacs/corpus-lsp.el" (harness-spec-get 'editors)) nil t)
(setq corpus-lsp-program (harness-spec-get 'binary)
      corpus-lsp-log-level "debug")

(require 'eglot)
(require 'xref)
(require 'flymake)
(setq eglot-sync-connect t
      eglot-connect-timeout (max 5 (round harness-timeout))
      eglot-autoreconnect nil
      eglot-send-changes-idle-time 0.05)

;; Names that newer eglot made public (the old ones remain as obsolete aliases for a while).
(defalias 'harness-path-to-uri (if (fboundp 'eglot-path-to-uri) #'eglot-path-to-uri #'eglot--path-to-uri))
(defalias 'harness-server-capable (if (fboundp 'eglot-server-capable) #'eglot-server-capable #'eglot--server-capable))

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  "Keep the raw diagnostics too (for the rule code, which Flymake does not show)."
  (push (cons uri diagnostics) harness-published))

(defun harness-wait (predicate)
  "Run the event loop until PREDICATE holds or the timeout passes; return its last value."
  (let ((deadline (+ (float-time) harness-timeout)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))

(defun harness-place-cursor (find offset)
  "Put point OFFSET characters into the first occurrence of FIND."
  (goto-char (point-min))
  (when (search-forward find nil t)
    (goto-char (+ (match-beginning 0) (or offset 0)))
    t))

(defun harness-completion (_server)
  "What completion-at-point offers: eglot's capf, asked for every candidate."
  (let* ((capf (eglot-completion-at-point))
         (table (nth 2 capf))
         (annotate (plist-get (nthcdr 3 capf) :annotation-function))
         (candidates (and table (all-completions "" table))))
    `((items . ,(vconcat
                 (mapcar (lambda (candidate)
                           (let ((item (get-text-property 0 'eglot--lsp-item candidate)))
                             `((label . ,(substring-no-properties candidate))
                               (detail . ,(and item (plist-get item :detail)))
                               (annotation . ,(and annotate (funcall annotate candidate))))))
                         candidates))))))

(defun harness-hover (server)
  "The hover as eglot renders it for eldoc."
  (let* ((result (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)
                                  :timeout harness-timeout))
         (contents (and result (plist-get result :contents))))
    `((text . ,(if contents (substring-no-properties (eglot--hover-info contents)) ""))
      (kind . ,(and (consp contents) (plist-get contents :kind))))))

(defun harness-definition (_server)
  "M-. on the citation: where xref lands."
  (let ((start (current-buffer)))
    (xref-find-definitions (xref-backend-identifier-at-point 'eglot))
    (if (eq (current-buffer) start)
        `((count . 0))
      `((count . 1)
        (file . ,buffer-file-name)
        (line . ,(line-number-at-pos))
        (column . ,(current-column))
        (text . ,(buffer-substring-no-properties (line-beginning-position) (line-end-position)))))))

(defun harness-diagnostics (_server)
  "What Flymake shows in the buffer, with the rule code from the raw notification."
  (let ((uri (harness-path-to-uri buffer-file-name)))
    (harness-wait (lambda () (flymake-start) (flymake-diagnostics)))
    (let ((raw (cdr (assoc uri harness-published))))
      `((items . ,(vconcat
                   (mapcar (lambda (diagnostic)
                             (let* ((line (line-number-at-pos (flymake-diagnostic-beg diagnostic)))
                                    (same (cl-find-if (lambda (d) (= (1+ (plist-get (plist-get (plist-get d :range)
                                                                                                :start)
                                                                                     :line))
                                                                     line))
                                                      raw)))
                               `((line . ,line)
                                 (type . ,(symbol-name (flymake-diagnostic-type diagnostic)))
                                 (message . ,(substring-no-properties (flymake-diagnostic-text diagnostic)))
                                 (code . ,(and same (plist-get same :code))))))
                           (flymake-diagnostics))))))))

(defconst harness-capabilities
  '(("completion" . :completionProvider) ("hover" . :hoverProvider) ("definition" . :definitionProvider)
    ("code_action" . :codeActionProvider) ("references" . :referencesProvider))
  "The server capability each request needs; a probe whose capability is missing says so instead.")

(defun harness-references (_server)
  "M-? on the citation: the files of xref's matches."
  (let ((items (xref-backend-references 'eglot (xref-backend-identifier-at-point 'eglot))))
    `((files . ,(vconcat (mapcar (lambda (item) (xref-location-group (xref-item-location item))) items))))))

(defun harness-code_action (server)
  "Code actions for the Flymake diagnostics of the current line, as `eglot-code-actions' asks for them."
  (harness-wait (lambda () (flymake-start) (flymake-diagnostics)))
  (let* ((beg (line-beginning-position)) (end (line-end-position))
         (diagnostics (cl-loop for d in (flymake-diagnostics beg end)
                               when (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) collect it))
         (actions (jsonrpc-request
                   server :textDocument/codeAction
                   (list :textDocument (eglot--TextDocumentIdentifier)
                         :range (list :start (eglot--pos-to-lsp-position beg) :end (eglot--pos-to-lsp-position end))
                         :context (list :diagnostics (vconcat diagnostics)))
                   :timeout harness-timeout)))
    `((titles . ,(vconcat (mapcar (lambda (action) (plist-get action :title)) actions)))
      (diagnostics . ,(length diagnostics)))))

(defun harness-attach (_server)
  "Visiting the file was the test: the servers counted by the caller."
  nil)

(defun harness-capability-names (server)
  (let (names)
    (cl-loop for (key value) on (eglot--capabilities server) by #'cddr
             when (and value (not (eq value :json-false)))
             do (push (substring (symbol-name key) 1) names))
    (vconcat (sort names #'string<))))

(defun harness-probe (probe synchronized)
  "Run one PROBE; SYNCHRONIZED is a cons whose car says whether the server was already waited for."
  (find-file (harness-spec-get 'file probe))
  ;; eglot-ensure connects from `post-command-hook', after the command that visited the file.
  (run-hooks 'post-command-hook)
  (let ((server (harness-wait (lambda () (and (bound-and-true-p eglot--managed-mode) (eglot-current-server))))))
    (if (not server)
        `((error . ,(format "eglot did not manage %s" buffer-file-name)))
      (unless (car synchronized)
        ;; Wait until the workspace is indexed (a small extension request of the server, for tests).
        (jsonrpc-request server :corpusLsp/synchronize nil :timeout harness-timeout)
        (setcar synchronized t)
        (push (cons 'capabilities (harness-capability-names server)) harness-output)
        (push (cons 'root (expand-file-name (project-root (eglot--project server)))) harness-output))
      (when (harness-spec-get 'append probe)
        ;; Type a new last line, as a user would, and leave point at its end.
        (goto-char (point-max))
        (unless (bolp) (insert "\n"))
        (insert (harness-spec-get 'append probe)))
      (if (and (harness-spec-get 'find probe)
               (not (harness-place-cursor (harness-spec-get 'find probe) (harness-spec-get 'offset probe))))
          `((error . ,(format "text not found: %s" (harness-spec-get 'find probe))))
        (let* ((request (harness-spec-get 'request probe))
               (capability (cdr (assoc request harness-capabilities)))
               (result (if (and capability (not (harness-server-capable capability)))
                           `((missing . ,(substring (symbol-name capability) 1)))
                         (funcall (intern (concat "harness-" request)) server))))
          (cons (cons 'servers (apply #'+ (mapcar #'length (hash-table-values eglot--servers-by-project))))
                result))))))

(defun harness-run ()
  (let ((synchronized (list nil)) (probes nil))
    (push (cons 'client (format "Emacs %s + eglot %s" emacs-version
                                (let ((desc (cadr (assq 'eglot package-alist))))
                                  (if desc (package-version-join (package-desc-version desc)) "built-in"))))
          harness-output)
    (dolist (probe (append (harness-spec-get 'probes) nil))
      (let ((result (condition-case err
                        (save-window-excursion (harness-probe probe synchronized))
                      (error `((error . ,(error-message-string err)))))))
        (push (cons (intern (harness-spec-get 'name probe)) result) probes)))
    (push (cons 'probes probes) harness-output)))

(let ((code 0))
  (condition-case err
      (harness-run)
    (error (setq code 1) (push (cons 'error (error-message-string err)) harness-output)))
  (with-temp-file (harness-spec-get 'out)
    (insert (json-encode harness-output)))
  (dolist (server (hash-table-values eglot--servers-by-project))
    (dolist (s server) (ignore-errors (eglot-shutdown s nil 3))))
  (kill-emacs code))

;;; emacs.el ends here
