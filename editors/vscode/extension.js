// corpus-lsp for VS Code: starts the language server for the Markdown notes of each workspace folder that is a
// corpus workspace (holds corpus-lsp.json or a corpus/ folder), and shows its state and indexing progress in
// the status bar. Plain JavaScript with no build step; vscode-languageclient is the only dependency.
'use strict';
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, State } = require('vscode-languageclient/node');

/** Workspace folder URI → { folder, client, indexing: Map<token, {title, message, percentage}> }. */
const servers = new Map();
let status;
let output;

/** A corpus workspace holds corpus-lsp.json or a corpus/ folder at its root. */
function isCorpusWorkspace(folder) {
  if (folder.uri.scheme !== 'file') return false;
  const root = folder.uri.fsPath;
  if (fs.existsSync(path.join(root, 'corpus-lsp.json'))) return true;
  try {
    return fs.statSync(path.join(root, 'corpus')).isDirectory();
  } catch {
    return false;
  }
}

/** The server's command line, from the settings of that folder. */
function serverCommand(folder) {
  const config = vscode.workspace.getConfiguration('corpusLsp', folder.uri);
  const command = config.get('serverPath', 'corpus-lsp') || 'corpus-lsp';
  const args = ['serve', '--log-level', config.get('logLevel', 'info')];
  return { command, args, options: { cwd: folder.uri.fsPath } };
}

async function startServer(folder) {
  const key = folder.uri.toString();
  const executable = serverCommand(folder);
  const root = folder.uri.fsPath.replace(/\\/g, '/');
  const server = { folder, client: undefined, indexing: new Map() };
  const serverOptions = { run: executable, debug: executable };
  server.client = new LanguageClient('corpusLsp', `corpus-lsp (${folder.name})`, serverOptions, {
    // Notes anywhere in the folder, and the corpus papers (hover and references on a paragraph).
    documentSelector: [
      { scheme: 'file', language: 'markdown', pattern: `${root}/**/*` },
      { scheme: 'file', pattern: `${root}/corpus/**/*.txt` },
    ],
    workspaceFolder: folder,
    outputChannel: output,
    middleware: {
      // The server reports indexing as work-done progress (window/workDoneProgress/create, then $/progress):
      // the status item shows it. `next` is not called, so the same progress is not drawn twice in the status bar.
      handleWorkDoneProgress: (token, params, _next) => {
        trackProgress(server, token, params);
        updateStatus();
      },
    },
  });
  const client = server.client;
  servers.set(key, server);
  client.onDidChangeState((event) => {
    // A server that stopped or restarts will not end the progress it had begun.
    if (event.newState !== State.Running) server.indexing.clear();
    updateStatus();
  });
  updateStatus();
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`corpus-lsp did not start for ${folder.name}: ${error && error.message ? error.message : error}`);
    output.appendLine('Set corpusLsp.serverPath to the corpus-lsp executable (see editors/vscode/README.md).');
    updateStatus();
    return;
  }
  updateStatus();
}

/** Keeps the latest title, message and percentage of each running progress of a server. */
function trackProgress(server, token, params) {
  if (params.kind === 'end') {
    server.indexing.delete(token);
    return;
  }
  const previous = server.indexing.get(token) || {};
  server.indexing.set(token, {
    title: params.title !== undefined ? params.title : previous.title,
    message: params.message !== undefined ? params.message : previous.message,
    percentage: params.percentage !== undefined ? params.percentage : previous.percentage,
  });
}

async function stopServer(key) {
  const server = servers.get(key);
  if (!server) return;
  servers.delete(key);
  try {
    await server.client.stop();
  } catch {
    // Already stopped or never started.
  }
  updateStatus();
}

/** One status item for every server: starting, indexing (with message and percentage), ready or stopped. */
function updateStatus() {
  if (servers.size === 0) {
    status.hide();
    return;
  }
  const all = [...servers.values()];
  const indexing = all.flatMap((server) => [...server.indexing.values()]);
  const stopped = all.filter((server) => server.client.state === State.Stopped);
  const starting = all.filter((server) => server.client.state === State.Starting);
  if (indexing.length > 0) {
    const first = indexing[0];
    const percent = first.percentage !== undefined ? ` ${first.percentage}%` : '';
    status.text = `$(sync~spin) corpus: ${first.message || first.title || 'indexing'}${percent}`;
    status.tooltip = `corpus-lsp: ${first.title || 'indexing'}${first.message ? ` (${first.message})` : ''}`;
    status.command = 'corpusLsp.showOutput';
  } else if (stopped.length > 0) {
    status.text = '$(error) corpus';
    status.tooltip = `corpus-lsp stopped for ${stopped.map((s) => s.folder.name).join(', ')}: click to restart`;
    status.command = 'corpusLsp.restartServer';
  } else if (starting.length > 0) {
    status.text = '$(sync~spin) corpus';
    status.tooltip = 'corpus-lsp: starting';
    status.command = 'corpusLsp.showOutput';
  } else {
    status.text = '$(book) corpus';
    status.tooltip = `corpus-lsp: ready (${all.map((s) => s.folder.name).join(', ')})`;
    status.command = 'corpusLsp.showOutput';
  }
  status.show();
}

async function startAll() {
  for (const folder of vscode.workspace.workspaceFolders || []) {
    if (isCorpusWorkspace(folder) && !servers.has(folder.uri.toString())) await startServer(folder);
  }
}

async function restartAll() {
  await Promise.all([...servers.keys()].map(stopServer));
  await startAll();
}

async function activate(context) {
  output = vscode.window.createOutputChannel('corpus-lsp');
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.name = 'corpus-lsp';
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('corpusLsp.restartServer', restartAll),
    vscode.commands.registerCommand('corpusLsp.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeWorkspaceFolders(async (event) => {
      for (const folder of event.removed) await stopServer(folder.uri.toString());
      await startAll();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('corpusLsp.serverPath') || event.affectsConfiguration('corpusLsp.logLevel')) {
        await restartAll();
      }
    }),
  );
  await startAll();
}

async function deactivate() {
  await Promise.all([...servers.keys()].map(stopServer));
}

module.exports = { activate, deactivate };
