" corpus-lsp for Vim 8.2+/9 with vim-lsp (prabirshrestha/vim-lsp): source this file from your vimrc, after the
" plugin manager has loaded vim-lsp. The server starts for Markdown notes inside a corpus workspace (a folder with
" corpus-lsp.json or a corpus/ directory); other Markdown files get no server.
"
"   let g:corpus_lsp_program = '/path/to/corpus-lsp'   " optional: default 'corpus-lsp' on the PATH
"   let g:corpus_lsp_log_level = 'info'                " optional: error, warning, info, debug, trace
"   source /path/to/corpus-lsp/editors/vim/corpus-lsp.vim

let g:corpus_lsp_program = get(g:, 'corpus_lsp_program', 'corpus-lsp')
let g:corpus_lsp_log_level = get(g:, 'corpus_lsp_log_level', 'info')

" The workspace folder around the current buffer, or '' outside any workspace.
function! s:corpus_root() abort
  return lsp#utils#find_nearest_parent_file_directory(lsp#utils#get_buffer_path(), ['corpus-lsp.json', 'corpus/'])
endfunction

" vim-lsp does not start a server whose command is empty: that is how buffers outside a workspace are skipped.
function! s:command(server_info) abort
  if empty(s:corpus_root()) | return [] | endif
  return [g:corpus_lsp_program, 'serve', '--log-level', g:corpus_lsp_log_level]
endfunction

function! s:root_uri(server_info) abort
  let l:root = s:corpus_root()
  return empty(l:root) ? '' : lsp#utils#path_to_uri(l:root)
endfunction

function! s:on_buffer_enabled() abort
  if &filetype !=# 'markdown' | return | endif
  setlocal omnifunc=lsp#complete
  nmap <buffer> K <plug>(lsp-hover)
  nmap <buffer> gd <plug>(lsp-definition)
  nmap <buffer> gr <plug>(lsp-references)
  nmap <buffer> <leader>ca <plug>(lsp-code-action)
  nmap <buffer> <leader>rn <plug>(lsp-rename)
endfunction

if executable(g:corpus_lsp_program)
  augroup corpus_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
          \ 'name': 'corpus-lsp',
          \ 'cmd': function('s:command'),
          \ 'root_uri': function('s:root_uri'),
          \ 'allowlist': ['markdown'],
          \ })
    autocmd User lsp_buffer_enabled call s:on_buffer_enabled()
  augroup END
endif
