-- corpus-lsp for Neovim: starts the language server for Markdown notes (and corpus .txt papers) inside a corpus
-- workspace, i.e. under a folder holding corpus-lsp.json or a corpus/ directory.
-- Neovim 0.11+: vim.lsp.config + vim.lsp.enable. Neovim 0.7-0.10: an autocommand and vim.lsp.start_client,
-- one client per workspace root, shared by every buffer in it.
local M = {}

M.defaults = {
  -- The server command; `serve` and `--log-level` are added. Use an absolute path if corpus-lsp is not on PATH.
  cmd = { 'corpus-lsp' },
  -- error, warning, info, debug or trace: what the server writes to its log (`:LspLog`).
  log_level = 'info',
  -- File types the server attaches to. Notes are markdown; corpus papers (.txt) are `text`.
  filetypes = { 'markdown', 'text' },
  -- Buffer-local key maps set on attach (normal mode); false keeps yours.
  keymaps = {
    hover = 'K',
    definition = 'gd',
    references = 'gr',
    code_action = '<leader>ca',
    rename = '<leader>rn',
  },
  -- Called after the key maps, as on_attach(client, bufnr).
  on_attach = nil,
}

local uv = vim.uv or vim.loop

local function exists(path, kind)
  local stat = uv.fs_stat(path)
  return stat ~= nil and (kind == nil or stat.type == kind)
end

-- The workspace root around `path` (a file or folder): the nearest folder holding corpus-lsp.json or a
-- corpus/ directory; nil outside any workspace.
function M.find_root(path)
  if path == nil or path == '' then return nil end
  local dir = vim.fn.fnamemodify(path, ':p')
  if not exists(dir, 'directory') then dir = vim.fn.fnamemodify(dir, ':h') end
  dir = dir:gsub('/+$', '')
  if dir == '' then dir = '/' end
  while true do
    if exists(dir .. '/corpus-lsp.json', 'file') or exists(dir .. '/corpus', 'directory') then return dir end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then return nil end
    dir = parent
  end
end

-- The root for a buffer that shows a file (not a terminal, help page or scratch buffer).
local function buffer_root(bufnr)
  if vim.bo[bufnr].buftype ~= '' then return nil end
  return M.find_root(vim.api.nvim_buf_get_name(bufnr))
end

local function command(opts)
  local cmd = vim.deepcopy(opts.cmd)
  if type(cmd) == 'string' then cmd = { cmd } end
  table.insert(cmd, 'serve')
  table.insert(cmd, '--log-level')
  table.insert(cmd, opts.log_level)
  return cmd
end

local function on_attach(opts)
  return function(client, bufnr)
    -- <C-x><C-o> completes from the server (a completion plugin such as nvim-cmp uses the client directly).
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
    local keys = opts.keymaps
    if keys then
      local function map(lhs, rhs, desc)
        if lhs then vim.keymap.set('n', lhs, rhs, { buffer = bufnr, silent = true, desc = desc }) end
      end
      map(keys.hover, vim.lsp.buf.hover, 'corpus-lsp: hover (source quotes)')
      map(keys.definition, vim.lsp.buf.definition, 'corpus-lsp: go to the cited passage')
      map(keys.references, vim.lsp.buf.references, 'corpus-lsp: references')
      map(keys.code_action, vim.lsp.buf.code_action, 'corpus-lsp: code actions')
      map(keys.rename, vim.lsp.buf.rename, 'corpus-lsp: rename key or alias')
    end
    if opts.on_attach then opts.on_attach(client, bufnr) end
  end
end

-- Neovim 0.7-0.10: one client per root, started on the first buffer of that root.
local clients_by_root = {}

local function attach_legacy(opts, bufnr)
  local root = buffer_root(bufnr)
  if not root then return end
  local client_id = clients_by_root[root]
  local client = client_id and vim.lsp.get_client_by_id(client_id)
  if not client or client.is_stopped() then
    client_id = vim.lsp.start_client({
      name = 'corpus_lsp',
      cmd = command(opts),
      cmd_cwd = root,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
      on_attach = on_attach(opts),
    })
    if not client_id then return end
    clients_by_root[root] = client_id
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
end

function M.setup(user)
  user = user or {}
  local opts = vim.tbl_deep_extend('force', M.defaults, user)
  -- Lists are replaced, not merged index by index.
  for _, key in ipairs({ 'cmd', 'filetypes' }) do
    if user[key] ~= nil then opts[key] = user[key] end
  end
  if vim.lsp.config and vim.lsp.enable then
    -- Neovim 0.11+: the root function decides whether a buffer belongs to a corpus workspace.
    vim.lsp.config('corpus_lsp', {
      cmd = command(opts),
      filetypes = opts.filetypes,
      root_dir = function(bufnr, on_dir)
        local root = buffer_root(bufnr)
        if root then on_dir(root) end
      end,
      on_attach = on_attach(opts),
    })
    vim.lsp.enable('corpus_lsp')
    return
  end
  local group = vim.api.nvim_create_augroup('corpus_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args) attach_legacy(opts, args.buf) end,
  })
  -- Buffers opened before setup ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
      attach_legacy(opts, bufnr)
    end
  end
end

return M
