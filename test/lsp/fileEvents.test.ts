// workspace/didChangeWatchedFiles keeps the index current: creating and deleting a code file with a
// tag updates the requirement's lens and the code file's diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { LspClient, copyExample, positionOf, removeCopy, uriOf } from './lspClient';

describe('LSP file events (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  let checkout: string;

  before(async () => {
    root = copyExample('acme-shop');
    checkout = path.join(root, 'specs', 'checkout.yaml');
    client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28' } });
    await client.open(checkout);
    await client.diagnosticsFor(checkout, (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  async function cart5Lenses(): Promise<(string | undefined)[]> {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(checkout) } });
    const line = positionOf(client.doc(checkout), '- id: CART-5\n').line;
    return lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title);
  }

  async function waitForLenses(expected: string[]): Promise<void> {
    // Poll by asking again: lenses are computed on request, the file event is applied asynchronously.
    let last: (string | undefined)[] = [];
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      last = await cart5Lenses();
      if (JSON.stringify(last) === JSON.stringify(expected)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(last, expected);
  }

  it('a created file with a tag adds an implementation to the lens and asks the client to refresh lenses', async () => {
    assert.deepEqual(await cart5Lenses(), ['no implementations', 'no tests']);
    const refreshes = client.serverRequests.filter((r) => r.method === 'workspace/codeLens/refresh').length;
    const file = path.join(root, 'src', 'checkout', 'later.ts');
    fs.writeFileSync(file, '// @implements CART-5\nexport const saveForLater = true;\n');
    await client.fileEvents([{ file, type: 'created' }]);
    await waitForLenses(['1 implementation', 'no tests']);
    await client.waitFor('codeLens/refresh', () => client.serverRequests.filter((r) => r.method === 'workspace/codeLens/refresh').length > refreshes);
  });

  it('a file created in a folder .gitignore lists (build output) is not indexed, as at start', async () => {
    const file = path.join(root, 'build', 'copy-of-later.js');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '// @implements CART-5\n// @verifies GHOST-9\n');
    await client.fileEvents([{ file, type: 'created' }]);
    await client.waitFor('the ignored file is logged', () => client.logs.some((l) => l.includes('copy-of-later.js') && l.includes('.gitignore')));
    assert.deepEqual(await cart5Lenses(), ['1 implementation', 'no tests'], 'only src/checkout/later.ts implements CART-5');
    assert.equal(client.diagnostics.get(uriOf(file)), undefined, 'no diagnostics for the dangling tag in the ignored file');
  });

  it('a created file with a dangling tag gets a diagnostic without being opened', async () => {
    const file = path.join(root, 'src', 'checkout', 'ghost.ts');
    fs.writeFileSync(file, '// @verifies GHOST-1\n');
    const before = client.lastSeq;
    await client.fileEvents([{ file, type: 'created' }]);
    const p = await client.diagnosticsFor(file, (d) => d.diagnostics.length > 0, before);
    assert.equal(p.diagnostics[0].code, 'unknown-code-reference');
    assert.deepEqual(p.diagnostics[0].range.start, { line: 0, character: '// @verifies '.length });
  });

  it('deleting the files clears their diagnostics and the lens', async () => {
    const ghost = path.join(root, 'src', 'checkout', 'ghost.ts');
    const later = path.join(root, 'src', 'checkout', 'later.ts');
    fs.rmSync(ghost);
    fs.rmSync(later);
    const before = client.lastSeq;
    await client.fileEvents([
      { file: ghost, type: 'deleted' },
      { file: later, type: 'deleted' },
    ]);
    const p = await client.diagnosticsFor(ghost, () => true, before);
    assert.deepEqual(p.diagnostics, []);
    await waitForLenses(['no implementations', 'no tests']);
  });

  it('a changed file on disk is re-read', async () => {
    const file = path.join(root, 'test', 'cart.test.ts');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `${text}\n// @verifies CART-5\n`);
    await client.fileEvents([{ file, type: 'changed' }]);
    await waitForLenses(['no implementations', '1 test']);
  });
});
