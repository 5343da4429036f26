-- corpus-lsp for Neovim: starts the server for Markdown buffers inside a corpus workspace.
-- Works with Neovim 0.7+ (vim.lsp.start_client) and uses vim.lsp.config/vim.lsp.enable on 0.11+.
local M = {}

M.defaults = {
  cmd = { 'corpus-lsp' },
  log_level = 'info',
  -- Key maps set on attach; set to false to keep yours.
  keymaps = true,
}

-- The workspace root: the nearest folder holding corpus-lsp.json or a corpus/ directory.
function M.find_root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while dir and dir ~= '' do
    if vim.fn.filereadable(dir .. '/corpus-lsp.json') == 1 or vim.fn.isdirectory(dir .. '/corpus') == 1 then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then break end
    dir = parent
  end
  return nil
end

local function on_attach(opts)
  return function(_, bufnr)
    if not opts.keymaps then return end
    local map = function(lhs, rhs, desc)
      vim.api.nvim_buf_set_keymap(bufnr, 'n', lhs, '', { callback = rhs, noremap = true, silent = true, desc = desc })
    end
    map('K', vim.lsp.buf.hover, 'corpus-lsp: hover (source quotes)')
    map('gd', vim.lsp.buf.definition, 'corpus-lsp: go to citation')
    map('gr', vim.lsp.buf.references, 'corpus-lsp: references')
    map('<leader>ca', vim.lsp.buf.code_action, 'corpus-lsp: code actions')
    map('<leader>rn', vim.lsp.buf.rename, 'corpus-lsp: rename key or alias')
  end
end

local function command(opts)
  local cmd = vim.deepcopy(opts.cmd)
  table.insert(cmd, '--log-level')
  table.insert(cmd, opts.log_level)
  return cmd
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', M.defaults, user or {})
  if vim.lsp.config and vim.lsp.enable then
    -- Neovim 0.11+
    vim.lsp.config('corpus_lsp', {
      cmd = command(opts),
      filetypes = { 'markdown', 'text' },
      root_dir = function(bufnr, done)
        local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
        if root then done(root) end
      end,
      on_attach = on_attach(opts),
    })
    vim.lsp.enable('corpus_lsp')
    return
  end
  -- Neovim 0.7–0.10
  local group = vim.api.nvim_create_augroup('corpus_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = { 'markdown', 'text' },
    callback = function(args)
      local root = M.find_root(vim.api.nvim_buf_get_name(args.buf))
      if not root then return end
      local client_id = vim.lsp.start_client({
        name = 'corpus_lsp',
        cmd = command(opts),
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
        on_attach = on_attach(opts),
      })
      if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
    end,
  })
end

return M
