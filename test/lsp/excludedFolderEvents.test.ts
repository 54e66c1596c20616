// File events under .git and node_modules, as an editor's watcher sends them while git commits or a
// package manager installs, through the real server over stdio: nothing there is a spec or code file,
// so the server reads none of them (no line about them in its log) and re-indexes nothing, not even for
// a .gitignore inside node_modules; a custom schema kept in a package under node_modules is still followed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BoardResult } from '../../server/src/shared/protocol';
import { LspClient, copyExample, messageOf, removeCopy } from './lspClient';
import type { Published } from './lspClient';

describe('LSP file events under .git and node_modules (acme-shop over stdio)', function () {
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

  /**
   * A one-requirement spec file announced after the events under test: once its card is on the board,
   * the events sent before it have been handled. Two rounds, so reads started by the earlier events
   * (a few small files) have long finished.
   */
  async function settle(): Promise<void> {
    for (let round = 0; round < 2; round++) {
      const id = `SETTLE-${++sentinels}`;
      const file = write(`specs/settle-${sentinels}.yaml`, `requirements:\n  - id: ${id}\n    title: Sentinel\n    status: draft\n`);
      await client.fileEvents([{ file, type: 'created' }]);
      for (const deadline = Date.now() + 15_000; ; ) {
        const { cards } = await client.request<BoardResult>('spectrace/board', {});
        if (cards.some((c) => c.id === id)) break;
        if (Date.now() > deadline) throw new Error(`timed out waiting for the card ${id}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
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
