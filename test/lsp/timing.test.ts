// SPECTRACE_TIMING=1: the server writes its own time for each applied batch of edits to stderr (the
// benchmark reads it); without it, nothing is written.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, copyExample, removeCopy } from './lspClient';

const TIMING_LINE = /^spectrace-timing flush (\d+(?:\.\d+)?) ms checkout\.yaml@(\d+)$/gm;

describe('LSP SPECTRACE_TIMING (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    root = copyExample('acme-shop');
  });
  after(() => removeCopy(root));

  async function editOnce(env: Record<string, string>): Promise<LspClient> {
    const client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28', ...env } });
    const checkout = path.join(root, 'specs', 'checkout.yaml');
    await client.open(checkout);
    await client.diagnosticsFor(checkout, (d) => d.version === 1);
    const version = await client.change(checkout, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
    await client.diagnosticsFor(checkout, (d) => d.version === version);
    return client;
  }

  it('logs one line per applied edit with the server time and the document version', async () => {
    const client = await editOnce({ SPECTRACE_TIMING: '1' });
    try {
      await client.waitFor('a timing line for version 2', () => [...client.stderr.matchAll(TIMING_LINE)].some((m) => m[2] === '2'));
      const line = [...client.stderr.matchAll(TIMING_LINE)].find((m) => m[2] === '2');
      assert.ok(line && Number(line[1]) >= 0, client.stderr);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('writes nothing of the kind without it', async () => {
    const client = await editOnce({});
    try {
      assert.doesNotMatch(client.stderr, /spectrace-timing/);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
