// Test harness for EditorTests: loads editors/vscode/extension.js unmodified in Node with stand-ins for the `vscode`
// API and `vscode-languageclient/node` (neither VS Code nor the npm registry is available to the tests), activates
// it over a corpus workspace and a plain folder, feeds it work-done progress through the middleware the real
// language client calls, and checks what it starts and what its status item shows.
//
//   node Tests/EditorHarness/vscode.js editors/vscode/extension.js
//
// Prints one JSON line: {"checks": [{"name", "ok", "detail"}]}; exit status 0 when every check passed.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const extensionPath = path.resolve(process.argv[2] || 'editors/vscode/extension.js');

// --- stand-ins -------------------------------------------------------------------------------------------------

const State = { Stopped: 1, Running: 2, Starting: 3 };
const clients = [];

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, state: State.Stopped, stateListeners: [] });
    clients.push(this);
  }
  onDidChangeState(listener) {
    this.stateListeners.push(listener);
    return { dispose() {} };
  }
  setState(state) {
    const oldState = this.state;
    this.state = state;
    for (const listener of this.stateListeners) listener({ oldState, newState: state });
  }
  async start() {
    this.setState(State.Starting);
    await Promise.resolve();
    this.setState(State.Running);
  }
  async stop() {
    this.setState(State.Stopped);
  }
  // What vscode-languageclient does with $/progress: the middleware sees it first.
  progress(token, params) {
    const middleware = this.clientOptions.middleware || {};
    const next = () => { this.nativeProgress = (this.nativeProgress || 0) + 1; };
    if (middleware.handleWorkDoneProgress) middleware.handleWorkDoneProgress(token, params, next);
    else next();
  }
}

const commands = new Map();
const statusItem = { text: '', tooltip: '', command: undefined, visible: false, show() { this.visible = true; },
  hide() { this.visible = false; }, dispose() {} };
let settings = {};
const configurationListeners = [];

function uri(fsPath) {
  return { scheme: 'file', fsPath, path: fsPath, toString: () => 'file://' + fsPath };
}

const vscode = {
  StatusBarAlignment: { Left: 1, Right: 2 },
  workspace: {
    workspaceFolders: [],
    getConfiguration: (section) => ({
      get: (key, fallback) => (settings[`${section}.${key}`] !== undefined ? settings[`${section}.${key}`] : fallback),
    }),
    onDidChangeWorkspaceFolders: () => ({ dispose() {} }),
    onDidChangeConfiguration: (listener) => {
      configurationListeners.push(listener);
      return { dispose() {} };
    },
  },
  window: {
    createStatusBarItem: () => statusItem,
    createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
  },
  commands: {
    registerCommand: (name, handler) => {
      commands.set(name, handler);
      return { dispose() {} };
    },
  },
};

const stubs = { vscode, 'vscode-languageclient/node': { LanguageClient, State } };
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (Object.prototype.hasOwnProperty.call(stubs, request)) return stubs[request];
  return originalLoad.call(this, request, parent, isMain);
};

// --- checks ----------------------------------------------------------------------------------------------------

const checks = [];
async function check(name, body) {
  try {
    await body();
    checks.push({ name, ok: true });
  } catch (error) {
    checks.push({ name, ok: false, detail: String(error && error.message ? error.message : error) });
  }
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-vscode-'));
  const corpusWorkspace = path.join(scratch, 'analysis');
  const plainFolder = path.join(scratch, 'elsewhere');
  fs.mkdirSync(path.join(corpusWorkspace, 'corpus'), { recursive: true });
  fs.mkdirSync(path.join(corpusWorkspace, 'notes'));
  fs.mkdirSync(plainFolder);
  vscode.workspace.workspaceFolders = [
    { uri: uri(corpusWorkspace), name: 'analysis', index: 0 },
    { uri: uri(plainFolder), name: 'elsewhere', index: 1 },
  ];
  settings = { 'corpusLsp.serverPath': '/opt/corpus-lsp/bin/corpus-lsp', 'corpusLsp.logLevel': 'debug' };

  const extension = require(extensionPath);
  const context = { subscriptions: [] };
  await extension.activate(context);

  await check('one server, for the corpus workspace only', () => {
    assert.strictEqual(clients.length, 1, `${clients.length} clients`);
    assert.strictEqual(clients[0].clientOptions.workspaceFolder.name, 'analysis');
  });
  const client = clients[0];
  await check('the server command comes from the settings', () => {
    assert.deepStrictEqual(client.serverOptions.run, {
      command: '/opt/corpus-lsp/bin/corpus-lsp', args: ['serve', '--log-level', 'debug'],
      options: { cwd: corpusWorkspace },
    });
  });
  await check('Markdown notes of the workspace are the documents', () => {
    const selector = client.clientOptions.documentSelector;
    assert.ok(selector.some((filter) => filter.language === 'markdown' && filter.pattern.startsWith(corpusWorkspace)),
      JSON.stringify(selector));
  });
  await check('the status item says ready once the server runs', () => {
    assert.ok(statusItem.visible, 'status item hidden');
    assert.strictEqual(statusItem.text, '$(book) corpus');
  });
  await check('indexing progress is shown with its message and percentage', () => {
    client.progress('t1', { kind: 'begin', title: 'Indexing the corpus', message: '0/3 papers', percentage: 0 });
    assert.strictEqual(statusItem.text, '$(sync~spin) corpus: 0/3 papers 0%');
    client.progress('t1', { kind: 'report', message: '2/3 papers', percentage: 66 });
    assert.strictEqual(statusItem.text, '$(sync~spin) corpus: 2/3 papers 66%');
    assert.ok(statusItem.tooltip.includes('Indexing the corpus'), statusItem.tooltip);
    client.progress('t1', { kind: 'report', percentage: 90 });
    assert.strictEqual(statusItem.text, '$(sync~spin) corpus: 2/3 papers 90%');
    client.progress('t1', { kind: 'end' });
    assert.strictEqual(statusItem.text, '$(book) corpus');
  });
  await check('a progress without message shows its title', () => {
    client.progress('t2', { kind: 'begin', title: 'Re-indexing' });
    assert.strictEqual(statusItem.text, '$(sync~spin) corpus: Re-indexing');
    client.progress('t2', { kind: 'end' });
  });
  await check('a stopped server is shown and one click restarts it', () => {
    client.progress('t3', { kind: 'begin', title: 'Re-indexing' });
    client.setState(State.Stopped);
    assert.strictEqual(statusItem.text, '$(error) corpus');
    assert.strictEqual(statusItem.command, 'corpusLsp.restartServer');
  });
  await check('restart starts a new server with the current settings', async () => {
    settings['corpusLsp.logLevel'] = 'info';
    await commands.get('corpusLsp.restartServer')();
    assert.strictEqual(clients.length, 2, `${clients.length} clients`);
    assert.deepStrictEqual(clients[1].serverOptions.run.args, ['serve', '--log-level', 'info']);
    assert.strictEqual(statusItem.text, '$(book) corpus');
  });
  await check('changing the server path restarts the server', async () => {
    settings['corpusLsp.serverPath'] = 'corpus-lsp';
    for (const listener of configurationListeners) {
      await listener({ affectsConfiguration: (section) => section === 'corpusLsp.serverPath' });
    }
    assert.strictEqual(clients.length, 3, `${clients.length} clients`);
    assert.strictEqual(clients[1].state, State.Stopped);
    assert.strictEqual(clients[2].serverOptions.run.command, 'corpus-lsp');
  });
  await check('deactivate stops the server and hides the item', async () => {
    await extension.deactivate();
    assert.strictEqual(clients[2].state, State.Stopped);
    assert.ok(!statusItem.visible, 'status item still shown');
  });

  fs.rmSync(scratch, { recursive: true, force: true });
}

main()
  .catch((error) => checks.push({ name: 'activation', ok: false, detail: String(error && error.stack) }))
  .then(() => {
    process.stdout.write(JSON.stringify({ checks }) + '\n');
    process.exit(checks.every((c) => c.ok) ? 0 : 1);
  });
