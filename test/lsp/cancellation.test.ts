// Cancelling a long request ($/cancelRequest) ends it with RequestCancelled instead of running it to
// completion, and the server keeps answering afterwards.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { writeBigWorkspace } from '../fixtures/lsp/bigWorkspace';
import { LspClient, removeCopy, uriOf } from './lspClient';

describe('LSP cancellation (a generated workspace: 5,000 requirements, 60,000 tags of one ID)', function () {
  this.timeout(120_000);
  let root: string;
  let client: LspClient;
  let spec: string;

  before(async () => {
    root = writeBigWorkspace(5000, 1500, 40);
    spec = path.join(root, 'specs', 'big.yaml');
    client = await LspClient.start({ root });
    await client.open(spec);
    await client.diagnosticsFor(spec, (p) => p.version === 1, 0, 60_000);
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  async function cancelled(method: string, params: unknown): Promise<void> {
    await assert.rejects(client.requestAndCancel(method, params), (err: unknown) => {
      assert.ok(err instanceof ResponseError, String(err));
      assert.equal(err.code, LSPErrorCodes.RequestCancelled, err.message);
      return true;
    });
  }

  it('the traceability matrix', async () => {
    await cancelled('spectrace/matrix', {});
  });

  it('references to an ID tagged in every code file', async () => {
    await cancelled('textDocument/references', { textDocument: { uri: uriOf(spec) }, position: { line: 2, character: 9 }, context: { includeDeclaration: true } });
  });

  it('code lenses of the 5,000-requirement file', async () => {
    await cancelled('textDocument/codeLens', { textDocument: { uri: uriOf(spec) } });
  });

  it('the server still answers afterwards', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(spec) }, position: { line: 2, character: 9 } });
    assert.match((h.contents as MarkupContent).value, /Generated requirement number 1/);
    assert.match((h.contents as MarkupContent).value, /60000 implementations/);
  });
});
