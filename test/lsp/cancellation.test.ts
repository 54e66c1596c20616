// Cancelling a request ($/cancelRequest) ends it with RequestCancelled instead of running it to
// completion, and the server keeps answering afterwards. The client withholds its answer to the
// server's settings pull, so the folder's index cannot be ready: every request below is still waiting
// for it when the cancel arrives, however fast the machine.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { writeBigWorkspace } from '../fixtures/lsp/bigWorkspace';
import { LspClient, removeCopy, uriOf } from './lspClient';

const SETTINGS_PULL = 'workspace/configuration';

describe('LSP cancellation (a generated workspace: 5,000 requirements, 60,000 tags of one ID)', function () {
  this.timeout(120_000);
  let root: string;
  let client: LspClient;
  let spec: string;

  before(async () => {
    root = writeBigWorkspace(5000, 1500, 40);
    spec = path.join(root, 'specs', 'big.yaml');
    client = await LspClient.start({ root, holdAnswers: [SETTINGS_PULL] });
    await client.waitFor('the settings pull', () => client.serverRequests.some((r) => r.method === SETTINGS_PULL));
    await client.open(spec);
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

  it('the server still answers afterwards, once its settings arrive', async () => {
    assert.equal(client.publishes.length, 0, 'nothing was indexed while the settings were withheld');
    client.server.release(SETTINGS_PULL);
    await client.diagnosticsFor(spec, (p) => p.version === 1, 0, 60_000);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(spec) }, position: { line: 2, character: 9 } });
    assert.match((h.contents as MarkupContent).value, /Generated requirement number 1/);
    assert.match((h.contents as MarkupContent).value, /60000 implementations/);
  });
});
