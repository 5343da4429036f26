-- Test harness for EditorTests: real Neovim (0.7+), headless, with the project's editors/neovim config unmodified.
--
--   CORPUS_HARNESS_SPEC=spec.json nvim --headless -n -i NONE -u Tests/EditorHarness/neovim.lua
--
-- spec.json: {"editors": ".../editors", "binary": ".../corpus-lsp", "out": "result.json", "timeout_ms": 20000,
--             "probes": [{"name": "…", "file": "/abs/notes/a.md", "find": "[[", "offset": 2,
--                         "request": "completion" | "hover" | "definition" | "diagnostics"}]}
-- The init does what the README tells a user to do (runtimepath + setup); everything after that goes through
-- Neovim's own LSP client: the FileType autocommand starts and attaches the server, make_position_params turns the
-- cursor into a position, buf_request_sync sends the request, jump_to_location jumps like `gd`, and
-- vim.diagnostic holds what the server published. Results are written as JSON to `out`; then Neovim quits.

local spec_path = os.getenv('CORPUS_HARNESS_SPEC')
local spec = vim.json.decode(table.concat(vim.fn.readfile(spec_path), '\n'))
local timeout = spec.timeout_ms or 20000

-- What a user writes in init.lua (editors/neovim/README.md), with the built binary instead of PATH.
vim.opt.runtimepath:append(spec.editors .. '/neovim')
require('corpus_lsp').setup({ cmd = { spec.binary }, log_level = 'debug' })

-- Harness settings (not the project's): leave edited buffers to open the next file.
vim.o.hidden = true

local output = { client = 'Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) ..
  '.' .. tostring(vim.version().patch), probes = {}, errors = {} }

local function fail(message) table.insert(output.errors, message) end

local function all_clients()
  local list = {}
  for _, client in pairs(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) do
    if client.name == 'corpus_lsp' then table.insert(list, client) end
  end
  return list
end

local function clients_of(bufnr)
  local list = {}
  if vim.lsp.get_clients then
    list = vim.lsp.get_clients({ bufnr = bufnr })
  else
    for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do table.insert(list, client) end
  end
  local ours = {}
  for _, client in ipairs(list) do
    if client.name == 'corpus_lsp' then table.insert(ours, client) end
  end
  return ours
end

-- Waits until the config has attached an initialized client to the buffer.
local function attached_client(bufnr)
  local client
  vim.wait(timeout, function()
    local list = clients_of(bufnr)
    client = list[1]
    return client ~= nil and client.initialized == true
  end, 20)
  if client and #clients_of(bufnr) > 1 then fail('more than one corpus_lsp client on one buffer') end
  return client
end

-- Puts the cursor `offset` characters into the first occurrence of `find`.
local function place_cursor(bufnr, find, offset)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for index, line in ipairs(lines) do
    local start = line:find(find, 1, true)
    if start then
      local byte = start - 1 + vim.str_byteindex(line:sub(start), offset or 0)
      vim.api.nvim_win_set_cursor(0, { index, byte })
      return true
    end
  end
  return false
end

local function request(bufnr, client, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not responses then return nil, 'no answer to ' .. method .. ': ' .. tostring(err) end
  local response = responses[client.id]
  if not response then return nil, 'no answer from corpus_lsp to ' .. method end
  if response.err then return nil, method .. ' failed: ' .. vim.inspect(response.err) end
  return response.result, nil
end

local function nonnil(value)
  if value == nil or value == vim.NIL then return nil end
  return value
end

local probes = {}
-- The server capability each request needs; a probe whose capability is missing says so instead.
local needs = {
  completion = 'completionProvider', hover = 'hoverProvider', definition = 'definitionProvider',
  code_action = 'codeActionProvider', references = 'referencesProvider',
}

function probes.completion(bufnr, client, probe)
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  if probe.append then
    -- In insert mode the cursor sits after the typed text; the headless normal-mode cursor stops on its last byte.
    local _, utf16 = vim.str_utfindex(probe.append)
    params.position.character = client.offset_encoding == 'utf-16' and utf16 or #probe.append
  end
  params.context = { triggerKind = 1 }
  local result, err = request(bufnr, client, 'textDocument/completion', params)
  if err then return { error = err } end
  local items = nonnil(result) or {}
  if items.items then items = items.items end
  local out = {}
  for _, item in ipairs(items) do
    local edit = nonnil(item.textEdit)
    table.insert(out, {
      label = item.label, detail = nonnil(item.detail), kind = nonnil(item.kind),
      filterText = nonnil(item.filterText), newText = edit and edit.newText or nonnil(item.insertText),
    })
  end
  return { items = out, position = params.position }
end

function probes.hover(bufnr, client)
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local result, err = request(bufnr, client, 'textDocument/hover', params)
  if err then return { error = err } end
  result = nonnil(result)
  if not result then return { lines = {}, position = params.position } end
  -- What the hover window shows.
  local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
  return { lines = lines, kind = type(result.contents) == 'table' and nonnil(result.contents.kind) or nil,
    position = params.position }
end

function probes.definition(bufnr, client)
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local result, err = request(bufnr, client, 'textDocument/definition', params)
  if err then return { error = err } end
  local locations = nonnil(result) or {}
  if locations.uri or locations.targetUri then locations = { locations } end
  local out = { count = #locations, position = params.position }
  if #locations == 0 then return out end
  -- Jump as `gd` does, then report where the cursor landed.
  vim.lsp.util.jump_to_location(locations[1], client.offset_encoding)
  local cursor = vim.api.nvim_win_get_cursor(0)
  out.file = vim.api.nvim_buf_get_name(0)
  out.line = cursor[1]
  out.text = vim.api.nvim_buf_get_lines(0, cursor[1] - 1, cursor[1], false)[1]
  out.column = vim.str_utfindex(out.text, cursor[2])
  return out
end

function probes.diagnostics(bufnr)
  vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  local out = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    table.insert(out, {
      line = diagnostic.lnum + 1, severity = diagnostic.severity, message = diagnostic.message,
      code = nonnil(diagnostic.code) or nonnil(lsp.code), source = nonnil(diagnostic.source),
    })
  end
  return { items = out }
end

-- References, as `gr` asks for them: the files they are in.
function probes.references(bufnr, client)
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  params.context = { includeDeclaration = true }
  local result, err = request(bufnr, client, 'textDocument/references', params)
  if err then return { error = err } end
  local files = {}
  for _, location in ipairs(nonnil(result) or {}) do table.insert(files, vim.uri_to_fname(location.uri)) end
  return { files = files }
end

-- Code actions for the diagnostics of the cursor's line, as `<leader>ca` asks for them.
function probes.code_action(bufnr, client)
  vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  local line = vim.api.nvim_win_get_cursor(0)[1] - 1
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, line) }
  local result, err = request(bufnr, client, 'textDocument/codeAction', params)
  if err then return { error = err } end
  local titles = {}
  for _, action in ipairs(nonnil(result) or {}) do table.insert(titles, action.title) end
  return { titles = titles, diagnostics = #params.context.diagnostics }
end

-- Opening the file was the test: what the config set up in the buffer (the caller adds the client count).
function probes.attach(bufnr)
  local maps = {}
  for _, lhs in ipairs({ 'K', 'gd', 'gr', '<leader>ca' }) do
    local map = vim.fn.maparg(lhs, 'n', false, true)
    maps[lhs] = map.buffer == 1 and (map.desc or '') or nil
  end
  return { omnifunc = vim.bo[bufnr].omnifunc, maps = maps }
end

local function capability_names(client)
  local names = {}
  for key, value in pairs(client.server_capabilities or {}) do
    if value ~= false and value ~= vim.NIL then table.insert(names, key) end
  end
  table.sort(names)
  return names
end

-- Indexing progress: Neovim 0.10+ announces each $/progress with the LspProgress event; 0.7-0.9 keep them in
-- client.messages.progress.
local progress_seen = {}
if vim.fn.exists('##LspProgress') == 1 then
  vim.api.nvim_create_autocmd('LspProgress', {
    callback = function(args)
      local params = args.data and args.data.params or {}
      local value = params.value or {}
      local token = tostring(params.token)
      progress_seen[token] = progress_seen[token] or {}
      if value.kind == 'begin' then progress_seen[token].title = value.title end
      if value.kind == 'end' then progress_seen[token].done = true end
    end,
  })
end

local function progress(client)
  local out = {}
  local messages = client.messages
  if messages and messages.progress then
    for _, item in pairs(messages.progress) do
      table.insert(out, { title = nonnil(item.title), done = item.done == true })
    end
  end
  for _, item in pairs(progress_seen) do
    table.insert(out, { title = item.title, done = item.done == true })
  end
  return out
end

local function run()
  local synchronized = {}
  for _, probe in ipairs(spec.probes) do
    local ok, result = pcall(function()
      vim.cmd('edit ' .. vim.fn.fnameescape(probe.file))
      local bufnr = vim.api.nvim_get_current_buf()
      local client = attached_client(bufnr)
      if not client then return { error = 'corpus-lsp did not attach to ' .. probe.file } end
      if not synchronized[client.id] then
        -- Wait until the workspace is indexed (a small extension request of the server, for tests).
        local _, err = request(bufnr, client, 'corpusLsp/synchronize', nil)
        if err then return { error = err } end
        synchronized[client.id] = true
        output.capabilities = capability_names(client)
        output.root = client.config.root_dir
        output.offset_encoding = client.offset_encoding
      end
      if probe.append then
        -- Type a new last line, as a user would, and leave the cursor at its end.
        local count = vim.api.nvim_buf_line_count(bufnr)
        vim.api.nvim_buf_set_lines(bufnr, count, count, false, { probe.append })
        vim.api.nvim_win_set_cursor(0, { count + 1, #probe.append })
      end
      if probe.find and not place_cursor(bufnr, probe.find, probe.offset) then
        return { error = 'text not found: ' .. probe.find }
      end
      local capability = needs[probe.request]
      local capabilities = client.server_capabilities or {}
      if capability and (nonnil(capabilities[capability]) == nil or capabilities[capability] == false) then
        return { missing = capability }
      end
      local result = probes[probe.request](bufnr, client, probe)
      result.clients = #all_clients()
      output.progress = progress(client)
      return result
    end)
    output.probes[probe.name] = ok and result or { error = tostring(result) }
  end
end

if vim.fn.has('nvim-0.7') == 0 then
  vim.fn.writefile({ vim.json.encode({ unavailable = 'the Neovim setup needs Neovim 0.7 or later' }) }, spec.out)
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true, -- so that :edit runs the FileType autocommands (the config's)
  callback = function()
    local ok, err = pcall(run)
    if not ok then fail(tostring(err)) end
    vim.fn.writefile({ vim.json.encode(output) }, spec.out)
    for _, client in ipairs(all_clients()) do vim.lsp.stop_client(client.id) end
    vim.wait(2000, function() return #all_clients() == 0 end, 20)
    vim.cmd('qall!')
  end,
})
