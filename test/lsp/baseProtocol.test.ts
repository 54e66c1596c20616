// A client that supports only the base protocol (no pull diagnostics, no dynamic registration, no
// workspace folders, no configuration, no work-done progress, no Markdown, no snippets, no versioned
// edits): the server falls back everywhere, features degrade, nothing throws.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionList, DocumentSymbol, Hover, Location, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, REPO_ROOT, copyExample, positionOf, removeCopy, uriOf } from './lspClient';

describe('LSP with a base-protocol-only client (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  let checkout: string;
  let payment: string;

  before(async () => {
    root = copyExample('acme-shop');
    checkout = path.join(root, 'specs', 'checkout.yaml');
    payment = path.join(root, 'src', 'checkout', 'payment.ts');
    client = await LspClient.start({ root, capabilities: {}, workspaceFolders: false, env: { SPECTRACE_NOW: '2026-11-28' } });
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  it('declares no capability that needs client support it lacks', () => {
    const caps = client.initializeResult?.capabilities;
    assert.equal(caps?.codeActionProvider, false, 'code action literals are not supported by this client');
    assert.equal(caps?.renameProvider, true, 'no prepareRename without prepareSupport');
    assert.equal(caps?.workspace, undefined, 'no workspace folder notifications');
    assert.equal(caps?.diagnosticProvider, undefined, 'diagnostics are pushed, never pulled');
  });

  it('names itself with the version in package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(client.initializeResult?.serverInfo, { name: 'spectrace', version: manifest.version });
  });

  it('indexes the rootUri and pushes diagnostics for an edited document', async () => {
    await client.open(checkout);
    await client.diagnosticsFor(checkout, (p) => p.version === 1);
    const version = await client.replace(checkout, 'priority: must', 'priority: mus');
    const p = await client.diagnosticsFor(checkout, (d) => d.version === version);
    assert.equal(p.diagnostics[0]?.code, 'schema');
    // Without related-information support the other place goes into the message; here there is none.
    assert.equal(p.diagnostics[0]?.relatedInformation, undefined);
    const fixed = await client.replace(checkout, 'priority: mus\n', 'priority: must\n');
    await client.diagnosticsFor(checkout, (d) => d.version === fixed && d.diagnostics.length === 0);
  });

  it('asked nothing the client cannot answer', () => {
    const methods = new Set(client.serverRequests.map((r) => r.method));
    for (const m of ['workspace/configuration', 'client/registerCapability', 'window/workDoneProgress/create', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh']) {
      assert.ok(!methods.has(m), `${m} was sent to a client that does not support it`);
    }
  });

  it('hover is plain text, completion has no snippets, symbols are flat, edits unversioned', async () => {
    await client.open(payment, 'typescript');
    const pos = positionOf(client.doc(payment), 'PAY-3, PAY-5', 1);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(payment) }, position: pos });
    assert.equal((hover.contents as { kind: string }).kind, 'plaintext');
    assert.match((hover.contents as { value: string }).value, /Pay by card/);

    const completion = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: uriOf(checkout) },
      position: positionOf(client.doc(checkout), 'priority: must', 'priority: '.length),
    });
    assert.ok(completion.items.length > 0);
    assert.ok(completion.items.every((i) => i.insertTextFormat !== 2), 'no snippet items');

    const symbols = await client.request<(DocumentSymbol | SymbolInformation)[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(checkout) } });
    assert.equal(symbols.length, 18);
    assert.ok(symbols.every((s) => 'location' in s), 'SymbolInformation, not nested DocumentSymbol');

    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(payment) }, position: pos });
    assert.equal(defs[0]?.uri, uriOf(checkout));

    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uriOf(checkout) },
      position: positionOf(client.doc(checkout), 'id: PAY-3\n', 'id: '.length),
      newName: 'PAY-33',
    });
    assert.equal(edit.documentChanges, undefined);
    assert.ok(Object.keys(edit.changes ?? {}).length >= 4);
  });

  it('custom requests work without any client capability', async () => {
    const summary = await client.request<{ requirements: number }>('spectrace/summary', {});
    assert.equal(summary.requirements, 40);
  });

  it('logs no error and exits cleanly', async () => {
    assert.ok(!client.logs.some((l) => /failed|unexpected/i.test(l)), client.logs.join('\n'));
    assert.equal(await client.stop(), 0, client.stderr);
  });
});
