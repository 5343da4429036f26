// corpus-lsp for VS Code: starts the language server for Markdown files in a corpus workspace.
// Plain JavaScript with no build step; vscode-languageclient is the only dependency.
'use strict';
const vscode = require('vscode');
const { LanguageClient, State } = require('vscode-languageclient/node');

let client;
let status;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('corpusLsp');
  const command = config.get('serverPath', 'corpus-lsp');
  const args = ['serve', '--log-level', config.get('logLevel', 'info')];
  return { run: { command, args }, debug: { command, args } };
}

async function start(context) {
  client = new LanguageClient('corpusLsp', 'corpus-lsp', serverOptions(), {
    documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'file', pattern: '**/corpus/**/*.txt' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{corpus/**,lexicon.json,corpus-lsp.json}') },
  });
  client.onDidChangeState((event) => {
    status.text = event.newState === State.Running ? '$(book) corpus' : '$(sync~spin) corpus';
  });
  // Indexing progress arrives as work-done progress; the status item mirrors it.
  status.text = '$(sync~spin) corpus: indexing';
  status.show();
  await client.start();
}

async function activate(context) {
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.tooltip = 'corpus-lsp';
  context.subscriptions.push(status);
  context.subscriptions.push(
    vscode.commands.registerCommand('corpusLsp.restartServer', async () => {
      if (client) await client.stop();
      await start(context);
    }),
  );
  await start(context);
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
