// The floor for the memory and start-up figures: a language server on the same library as
// Spectrace's (vscode-languageserver, stdio) that does no work. It keeps the open documents
// (incremental sync, as Spectrace does) and answers each version with an empty diagnostics list, so
// the bench driver (bench/driver/bench.mjs) runs it exactly as it runs the real servers. Its peak
// memory and its spawn → initialize time are what any Node server on this library pays before it
// parses or checks anything.
'use strict';
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
documents.listen(connection);
connection.listen();
