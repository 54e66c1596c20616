// The server persists each folder's code index and spec analyses in the storage folder the client
// passes (initializationOptions.storagePath): a restart gives the same diagnostics and code lenses
// while taking unchanged code files and spec texts from it, and sees a code file edited while the server was down (its
// modification time changed). Without a storage folder nothing is written and everything works.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, copyExample, removeCopy, uriOf } from './lspClient';

const HOUR_AGO = new Date(Date.now() - 3600_000);

/** Set every file an hour back: the cache never stores a file changed in the last 2 seconds. */
function ageAll(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) ageAll(p);
    else if (e.isFile()) fs.utimesSync(p, HOUR_AGO, HOUR_AGO);
  }
}

interface Snapshot {
  /** Diagnostics per file (relative path), as last published. */
  diagnostics: Record<string, string[]>;
  /** Code lens titles of checkout.yaml, by line. */
  lenses: string[];
}

describe('LSP persisted code index (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let storage: string;
  let checkout: string;

  beforeEach(() => {
    root = copyExample('acme-shop');
    // A finding in a code file, so that diagnostics from cached tags are compared too.
    fs.writeFileSync(path.join(root, 'src', 'checkout', 'ghost.ts'), '// @implements GHOST-1, CART-1\nexport const ghost = true;\n');
    ageAll(root);
    storage = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-lsp-storage-')));
    checkout = path.join(root, 'specs', 'checkout.yaml');
  });
  afterEach(() => {
    removeCopy(root);
    fs.rmSync(storage, { recursive: true, force: true });
  });

  /** Start the server, wait for its first index, take a snapshot, stop it (which writes the cache). */
  async function session(storagePath: string | undefined): Promise<{ snapshot: Snapshot; logs: string[] }> {
    const client = await LspClient.start({
      root,
      env: { SPECTRACE_NOW: '2026-11-28' },
      initializationOptions: storagePath === undefined ? { trusted: true } : { trusted: true, storagePath },
    });
    try {
      await client.open(checkout);
      await client.diagnosticsFor(checkout, (p) => p.version === 1);
      await client.waitFor('the first index', () => client.logs.some((m) => m.includes('spectrace: indexed')));
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(checkout) } });
      const diagnostics: Record<string, string[]> = {};
      for (const [uri, p] of client.diagnostics) {
        if (p.diagnostics.length === 0) continue;
        diagnostics[path.relative(root, new URL(uri).pathname)] = p.diagnostics.map((d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`).sort();
      }
      const titles = lenses.map((l) => `${l.range.start.line} ${l.command?.title ?? ''}`).sort();
      return { snapshot: { diagnostics, lenses: titles }, logs: [...client.logs] };
    } finally {
      assert.equal(await client.stop(), 0);
    }
  }

  it('a restart gives the same diagnostics and code lenses, reading only what changed', async () => {
    const first = await session(storage);
    assert.ok(first.snapshot.diagnostics['src/checkout/ghost.ts']?.some((d) => d.includes('GHOST-1')), JSON.stringify(first.snapshot.diagnostics));
    assert.ok(first.snapshot.lenses.length > 0);
    const files = fs.readdirSync(storage).sort();
    assert.equal(files.length, 2, `the code index and the spec analyses: ${files.join(', ')}`);
    assert.match(files[0], /^code-index-[0-9a-f]+\.json$/);
    assert.match(files[1], /^spec-analyses-[0-9a-f]+\.bin$/);
    assert.ok(!first.logs.some((m) => m.includes('unchanged since the persisted index')));

    const second = await session(storage);
    assert.deepEqual(second.snapshot, first.snapshot);
    assert.ok(second.logs.some((m) => /spectrace: \d+ of \d+ code files unchanged since the persisted index/.test(m)), second.logs.join('\n'));
    assert.ok(second.logs.some((m) => /spectrace: 5 of 5 spec files unchanged since the persisted analyses/.test(m)), second.logs.join('\n'));
  });

  it('a code file edited while the server was down is seen after the restart', async () => {
    const before = await session(storage);
    assert.ok(before.snapshot.lenses.some((l) => / no implementations$/.test(l)), before.snapshot.lenses.join('\n'));
    // CART-5 has no implementation yet; an existing code file gains a tag (new size and time).
    const lensLine = fs.readFileSync(checkout, 'utf8').split('\n').findIndex((l) => l.includes('- id: CART-5'));
    assert.ok(lensLine >= 0);
    const lensFor = (s: Snapshot) => s.lenses.filter((l) => l.startsWith(`${lensLine} `));
    assert.deepEqual(lensFor(before.snapshot), [`${lensLine} no implementations`, `${lensLine} no tests`]);
    const codeFile = path.join(root, 'src', 'checkout', 'cart.ts');
    fs.appendFileSync(codeFile, '\n// @implements CART-5\n');

    const after = await session(storage);
    assert.deepEqual(lensFor(after.snapshot), [`${lensLine} 1 implementation`, `${lensLine} no tests`]);
    // The other files still came from the cache.
    assert.ok(after.logs.some((m) => /code files unchanged since the persisted index/.test(m)), after.logs.join('\n'));
  });

  it('without a storage folder the server indexes as usual and writes nothing', async () => {
    const withCache = await session(storage);
    const without = await session(undefined);
    assert.deepEqual(without.snapshot, withCache.snapshot);
    assert.ok(!without.logs.some((m) => m.includes('persisted index')), without.logs.join('\n'));
  });
});
