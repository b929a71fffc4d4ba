// Starts `scalestudy lsp` (the command is the setting scalestudy.command) for .study files.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('scalestudy').get('command');
  const server = { command, args, transport: TransportKind.stdio };
  client = new LanguageClient('scalestudy', 'scalestudy', server, {
    documentSelector: [{ scheme: 'file', language: 'scalestudy' }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
