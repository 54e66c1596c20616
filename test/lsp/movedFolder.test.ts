// A folder moved into the workspace with files already in it: a file watcher reports the folder alone,
// in one "created" event. Through the real server over stdio: its spec and code files are indexed as
// the folder walk would index them (nested .gitignore, node_modules and symbolic links left out), and
// a created folder that is empty, or whose files have events of their own, changes nothing else.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BoardResult, TraceResult } from '../../server/src/shared/protocol';
import { LspClient, copyExample, removeCopy } from './lspClient';

const spec = (ids: string[]) => `requirements:\n${ids.map((id) => `  - id: ${id}\n    title: Moved ${id}\n    status: draft\n`).join('')}`;

describe('LSP folder moved into the workspace (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let outside: string;
  let client: LspClient;

  before(async () => {
    root = copyExample('acme-shop');
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-moved-'));
    client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28' } });
    await client.request<BoardResult>('spectrace/board', {});
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  async function boardIds(): Promise<string[]> {
    const { cards } = await client.request<BoardResult>('spectrace/board', {});
    return cards.map((c) => c.id);
  }

  async function boardWhen(what: string, accept: (ids: string[]) => boolean): Promise<string[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ids = await boardIds();
      if (accept(ids)) return ids;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the board has ${ids.filter((i) => i.startsWith('MOV') || i.startsWith('IGN') || i.startsWith('NM')).join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('indexes the spec and code files of a folder moved in, as the walk would', async () => {
    const made = path.join(outside, 'moved');
    fs.mkdirSync(path.join(made, 'deep', 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(made, 'one.yaml'), spec(['MOV-1']));
    fs.writeFileSync(path.join(made, 'deep', 'two.yaml'), spec(['MOV-2', 'MOV-3']));
    fs.writeFileSync(path.join(made, 'deep', '.gitignore'), 'ignored.yaml\n');
    fs.writeFileSync(path.join(made, 'deep', 'ignored.yaml'), spec(['IGN-1']));
    fs.writeFileSync(path.join(made, 'deep', 'node_modules', 'pkg', 'dep.yaml'), spec(['NM-1']));
    fs.symlinkSync(path.join(made, 'one.yaml'), path.join(made, 'link.yaml'));
    const code = path.join(outside, 'movedCode');
    fs.mkdirSync(path.join(code, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(code, 'lib', 'feature.ts'), '// @implements MOV-2\nexport const feature = 1;\n');

    const specDir = path.join(root, 'specs', 'moved');
    const codeDir = path.join(root, 'src', 'moved');
    fs.renameSync(made, specDir);
    fs.renameSync(code, codeDir);
    await client.fileEvents([{ file: specDir, type: 'created' }, { file: codeDir, type: 'created' }]);

    const ids = await boardWhen('MOV-1, MOV-2 and MOV-3 on the board', (all) => ['MOV-1', 'MOV-2', 'MOV-3'].every((id) => all.includes(id)));
    assert.equal(ids.filter((id) => id === 'MOV-1').length, 1, 'the symbolic link is not a second copy of one.yaml');
    assert.ok(!ids.includes('IGN-1'), 'the nested .gitignore keeps ignored.yaml out');
    assert.ok(!ids.includes('NM-1'), 'node_modules is never entered');
    const deadline = Date.now() + 30_000;
    let trace: TraceResult | null = null;
    while (Date.now() < deadline) {
      trace = await client.request<TraceResult | null>('spectrace/trace', { id: 'MOV-2' });
      if (trace?.requirement.implementations.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(trace?.requirement.implementations.map((l) => path.basename(new URL(l.uri).pathname)), ['feature.ts']);
  });

  it('a created empty folder, then files with their own events: each file once, nothing else changes', async () => {
    const before = (await boardIds()).length;
    const dir = path.join(root, 'specs', 'fresh');
    fs.mkdirSync(dir);
    await client.fileEvents([{ file: dir, type: 'created' }]);
    const file = path.join(dir, 'new.yaml');
    fs.writeFileSync(file, spec(['MOV-10']));
    await client.fileEvents([{ file: dir, type: 'created' }, { file, type: 'created' }]);
    const ids = await boardWhen('MOV-10 on the board', (all) => all.includes('MOV-10'));
    assert.equal(ids.length, before + 1);
  });
});
