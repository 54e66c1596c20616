// File events for paths the index does not take, as an editor's watcher sends them while git commits,
// a package manager installs or a build writes its output, through the real server over stdio:
// - under .git and node_modules nothing is read (no line about it in the log) and nothing re-indexed,
//   not even for a .gitignore inside node_modules; a custom schema kept in a package there is still
//   followed;
// - build output and other files outside the specs and code change nothing, so they cause no
//   re-check and no index change (which would refresh every view).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BoardResult } from '../../server/src/shared/protocol';
import { LspClient, copyExample, messageOf, removeCopy } from './lspClient';
import type { Published } from './lspClient';

describe('LSP file events outside the index (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  let sentinels = 0;

  before(async () => {
    root = copyExample('acme-shop');
    client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28' } });
    await client.request<BoardResult>('spectrace/board', {});
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  function write(rel: string, content: string | Buffer): string {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  const indexChanges = () => client.notifications.filter((n) => n.method === 'spectrace/indexChanged').length;
  const lastVersion = () => {
    const sent = client.notifications.filter((n) => n.method === 'spectrace/indexChanged');
    return (sent[sent.length - 1]?.params as { version: number } | undefined)?.version ?? 0;
  };

  /** A one-requirement spec file, announced as created: returns once its card is on the board and its index change was sent. */
  async function sentinel(): Promise<void> {
    const id = `SETTLE-${++sentinels}`;
    const file = write(`specs/settle-${sentinels}.yaml`, `requirements:\n  - id: ${id}\n    title: Sentinel\n    status: draft\n`);
    const sent = indexChanges();
    await client.fileEvents([{ file, type: 'created' }]);
    for (const deadline = Date.now() + 15_000; ; ) {
      const { cards } = await client.request<BoardResult>('spectrace/board', {});
      if (cards.some((c) => c.id === id)) break;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the card ${id}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await client.waitFor(`the index change for ${id}`, () => indexChanges() > sent);
  }

  /** Sentinels announced after the events under test: the events before them have been handled, and reads they started (a few small files) have long finished. */
  async function settle(): Promise<void> {
    await sentinel();
    await sentinel();
  }

  it('reads nothing and re-indexes nothing for what git and npm write', async () => {
    const logsBefore = client.logs.length;
    const gitFiles = [
      write('.git/index', Buffer.concat([Buffer.from('DIRC'), Buffer.alloc(4096, 0)])),
      write('.git/logs/HEAD', '0000 1111 E2E <e2e@spectrace.invalid> 1767225600 +0000\tcommit: specs\n'),
      write('.git/COMMIT_EDITMSG', 'specs\n'),
      write('.git/refs/heads/main', '1111\n'),
    ];
    const npmFiles = [
      write('node_modules/left-pad/.gitignore', '*\n'),
      write('node_modules/left-pad/index.js', '// @implements CART-1\nmodule.exports = (s) => s;\n'),
      write('node_modules/left-pad/specs/reqs.yaml', 'requirements:\n  - id: NPM-1\n    title: From a package\n'),
    ];
    const events = [...gitFiles, ...npmFiles];
    await client.fileEvents(events.map((file) => ({ file, type: 'created' as const })));
    await client.fileEvents(events.map((file) => ({ file, type: 'changed' as const })));
    await settle();

    const lines = client.logs.slice(logsBefore);
    assert.deepEqual(
      lines.filter((l) => l.includes(`${path.sep}.git${path.sep}`) || l.includes('node_modules')),
      [],
      'no line about a file under .git or node_modules',
    );
    assert.deepEqual(
      lines.filter((l) => l.startsWith('spectrace: indexed ')),
      [],
      'no re-index for the .gitignore inside node_modules',
    );
    const { cards } = await client.request<BoardResult>('spectrace/board', {});
    assert.ok(!cards.some((c) => c.id === 'NPM-1'), "a package's spec file is not the workspace's");
  });

  it('re-checks and announces nothing for build output and other files outside the index', async () => {
    await settle();
    const logsBefore = client.logs.length;
    const outside = [
      write('dist/bundle.js', Buffer.concat([Buffer.from('// @implements CART-1\n'), Buffer.alloc(64, 0)])),
      write('dist/big.js', `// @implements CART-1\n${'x'.repeat(2 * 1024 * 1024)}\n`),
      write('tmp/report.log', 'build finished\n'),
      write('notes.txt', 'release notes draft\n'),
    ];
    for (let round = 0; round < 3; round++) {
      await client.fileEvents(outside.map((file) => ({ file, type: round === 0 ? ('created' as const) : ('changed' as const) })));
    }
    for (const file of outside.slice(2)) fs.rmSync(file);
    await client.fileEvents(outside.slice(2).map((file) => ({ file, type: 'deleted' as const })));
    const before = lastVersion();
    // One sentinel re-checks once: one version more, when the events above caused no re-check.
    await sentinel();
    assert.equal(lastVersion(), before + 1, 'the sentinel is the only change announced');
    assert.deepEqual(
      client.logs.slice(logsBefore).filter((l) => outside.some((f) => l.includes(f))),
      [],
      'no line about files the index would not take',
    );
  });

  it('still follows a custom schema kept in a package under node_modules', async () => {
    const schemaRel = 'node_modules/@acme/spec-schemas/requirement.schema.json';
    const schema = (required: string[]) => JSON.stringify({ type: 'object', required, properties: { id: { type: 'string' }, title: { type: 'string' } } });
    const schemaFile = write(schemaRel, schema(['id', 'title', 'reviewer']));
    const config = path.join(root, 'spectrace.yaml');
    const original = fs.readFileSync(config, 'utf8');
    const checkout = path.join(root, 'specs', 'checkout.yaml');
    await client.open(checkout);
    const missingReviewer = (p: Published) => p.diagnostics.some((d) => d.code === 'schema' && messageOf(d) === 'missing required field “reviewer”');
    try {
      fs.writeFileSync(config, `${original.trimEnd()}\nschemas:\n  requirement: ${schemaRel}\n`);
      await client.fileEvents([{ file: config, type: 'changed' }]);
      await client.diagnosticsFor(checkout, missingReviewer);
      // The schema relaxed in place: its event under node_modules must reach the server.
      const seq = client.lastSeq;
      fs.writeFileSync(schemaFile, schema(['id', 'title']));
      await client.fileEvents([{ file: schemaFile, type: 'changed' }]);
      await client.diagnosticsFor(checkout, (p) => !missingReviewer(p), seq);
    } finally {
      fs.writeFileSync(config, original);
      await client.fileEvents([{ file: config, type: 'changed' }]);
    }
  });
});
