// The floor servers' shared body: a language server on the same library as Spectrace's
// (vscode-languageserver, stdio) that keeps the open documents (incremental sync, as Spectrace
// does) and answers each version with an empty diagnostics list, so the bench driver
// (bench/driver/bench.mjs) runs it exactly as it runs the real servers.
'use strict';
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

/** Start the server; `onOpen` is called with each opened document's text. */
function listen({ onOpen } = {}) {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
  if (onOpen) documents.onDidOpen(({ document }) => onOpen(document.getText()));
  documents.onDidChangeContent(({ document }) => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
  });
  documents.listen(connection);
  connection.listen();
}

module.exports = { listen };
