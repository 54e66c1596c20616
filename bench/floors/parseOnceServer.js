// A second floor for the memory figures: the empty server (emptyServer.js) that also parses each
// document once, when it is opened, with the `yaml` package (the parser yaml-language-server uses),
// and does nothing with the result. The difference to the empty server is what one parse of the
// file costs in peak memory; Spectrace does that much work and more (validation, index, checks).
'use strict';
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { parseDocument } = require('yaml');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidOpen(({ document }) => {
  parseDocument(document.getText());
});
documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
documents.listen(connection);
connection.listen();
