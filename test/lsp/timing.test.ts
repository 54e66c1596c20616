// SPECTRACE_TIMING=1: the server writes its own time for each applied batch of edits to stderr (the
// benchmark reads it); without it, nothing is written.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, copyExample, removeCopy } from './lspClient';

const TIMING_LINE = /^spectrace-timing flush (\S+) ms (\S+)$/gm;

describe('LSP SPECTRACE_TIMING (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    root = copyExample('acme-shop');
  });
  after(() => removeCopy(root));

  /**
   * Opens checkout.yaml and makes `edits` edits, each waited for (published) before the next, so each
   * is its own batch. Returns the versions applied: the opened text's, then each edit's.
   */
  async function edit(env: Record<string, string>, edits: number): Promise<{ client: LspClient; versions: number[] }> {
    const client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28', ...env } });
    const checkout = path.join(root, 'specs', 'checkout.yaml');
    await client.open(checkout);
    await client.diagnosticsFor(checkout, (d) => d.version === 1);
    const versions = [1];
    for (let i = 0; i < edits; i++) {
      const version = await client.change(checkout, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `# edit ${i}\n` }]);
      await client.diagnosticsFor(checkout, (d) => d.version === version);
      versions.push(version);
    }
    return { client, versions };
  }

  it('logs one line per applied batch (the open, then each edit): a positive time in ms and the document with its version', async () => {
    const { client, versions } = await edit({ SPECTRACE_TIMING: '1' }, 3);
    try {
      const last = `checkout.yaml@${versions[versions.length - 1]}`;
      await client.waitFor(`a timing line for ${last}`, () => [...client.stderr.matchAll(TIMING_LINE)].some((m) => m[2] === last));
      const lines = [...client.stderr.matchAll(TIMING_LINE)].map((m) => ({ ms: m[1]!, edited: m[2]! }));
      assert.deepEqual(
        lines.map((l) => l.edited),
        versions.map((v) => `checkout.yaml@${v}`),
        client.stderr,
      );
      for (const { ms } of lines) {
        assert.match(ms, /^\d+\.\d\d$/, `not a time in ms with two decimals: ${ms}`);
        assert.ok(Number(ms) > 0, `not a positive time: ${ms}`);
      }
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('writes nothing of the kind without it', async () => {
    const { client } = await edit({}, 1);
    try {
      assert.doesNotMatch(client.stderr, /spectrace-timing/);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
