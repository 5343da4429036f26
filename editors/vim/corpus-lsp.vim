" corpus-lsp for Vim with vim-lsp (prabirshrestha/vim-lsp): source this from your vimrc.
if executable('corpus-lsp')
  augroup corpus_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
          \ 'name': 'corpus-lsp',
          \ 'cmd': {server_info -> ['corpus-lsp', 'serve']},
          \ 'root_uri': {server_info -> lsp#utils#path_to_uri(
          \     lsp#utils#find_nearest_parent_file_directory(lsp#utils#get_buffer_path(), ['corpus-lsp.json', 'corpus/']))},
          \ 'allowlist': ['markdown', 'text'],
          \ })
  augroup END
endif
