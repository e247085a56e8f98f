-- lsp-nvim.lua - Neovim's own LSP client on a note, for t0710-lsp-nvim.sh:
-- it starts `$NOTES lsp` on $NOTE (in the journal $J), waits for the
-- unreviewed diagnostic, ticks the item in the buffer, waits for the
-- diagnostic to go, asks for completion after @ and #, and writes what it
-- saw to $OUT. Exits 0 when it got that far, 1 otherwise.
local out = {}
local function say(fmt, ...)
  table.insert(out, string.format(fmt, ...))
end
local function finish(ok)
  local f = assert(io.open(os.getenv('OUT'), 'w'))
  f:write(table.concat(out, '\n') .. '\n')
  f:close()
  vim.cmd(ok and 'qa!' or 'cq!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('NOTE')))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'notes',
  cmd = { os.getenv('NOTES'), 'lsp' },
  root_dir = os.getenv('J'),
  flags = { debounce_text_changes = 0 },
})
if not id or not vim.lsp.buf_attach_client(buf, id) then
  say('could not start notes lsp')
  return finish(false)
end

local function unreviewed()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'unreviewed' then
      return d
    end
  end
end

if not vim.wait(30000, function() return unreviewed() ~= nil end, 20) then
  say('no unreviewed diagnostic came')
  return finish(false)
end
local d = unreviewed()
local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
say('%s on line %d: %s', d.code, d.lnum + 1, line)

-- tick it in the buffer, as a person does before saving
vim.api.nvim_buf_set_lines(buf, d.lnum, d.lnum + 1, false, { (line:gsub('%[ %]', '[x]', 1)) })
if not vim.wait(30000, function() return unreviewed() == nil end, 20) then
  say('the unreviewed diagnostic stayed after the tick')
  return finish(false)
end
say('ticked: the unreviewed diagnostic is gone')

-- completion after a trigger typed at the end of the support item
local function complete(trigger)
  local rows = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for row, text in ipairs(rows) do
    if text:find('Introduce Alice', 1, true) then
      local typed = text .. ' ' .. trigger
      vim.api.nvim_buf_set_lines(buf, row - 1, row, false, { typed })
      local res = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
        textDocument = { uri = vim.uri_from_bufnr(buf) },
        position = { line = row - 1, character = #typed },
      }, 30000)
      vim.api.nvim_buf_set_lines(buf, row - 1, row, false, { text })
      local labels = {}
      for _, r in pairs(res or {}) do
        for _, item in ipairs((r.result or {}).items or r.result or {}) do
          table.insert(labels, item.label)
        end
      end
      return table.concat(labels, ' ')
    end
  end
  return '(no support item)'
end
say('after @: %s', complete('@'))
say('after #: %s', complete('#'))
finish(true)
