// The persisted code index through indexFolder, as the language server uses it: a second start
// takes unchanged files (same size and modification time) from the cache without reading them; a
// changed size or time, a changed config, a new or deleted file are seen; a corrupt, truncated or
// foreign cache file is ignored with a log line; a storage folder that cannot be written is logged.
// To prove a file was NOT read, its bytes are changed while its size and time are kept: the old tags
// must come back. File times are set an hour back (a file changed in the last 2 s is never cached).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeIndexCache, RACY_MS, cacheFileFor } from '../../../server/src/disk/indexCache';
import { indexFolder } from '../../../server/src/disk/indexFolder';
import { removeTree, tempRoot, writeTree } from '../../support/tempTree';

const HOUR_AGO = new Date(Date.now() - 3600_000);

describe('persisted code index', () => {
  let root: string;
  let storage: string;
  let logs: string[];

  beforeEach(() => {
    root = tempRoot('spectrace-cache-');
    storage = tempRoot('spectrace-storage-');
    logs = [];
    writeTree(root, {
      'specs/req.yaml': 'requirements:\n  - id: REQ-1\n    title: One\n  - id: REQ-2\n    title: Two\n  - id: REQ-3\n    title: Three\n',
      'src/a.ts': '// @implements REQ-1\nexport const a = 1;\n',
      'src/b.ts': '// @verifies REQ-2\nexport const b = 2;\n',
      'src/plain.ts': 'export const plain = 0;\n',
      'assets/logo.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    ageAll(root);
    ageFolders(root);
  });
  afterEach(() => {
    removeTree(root);
    removeTree(storage);
  });

  function ageAll(dir: string): void {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) ageAll(p);
      else fs.utimesSync(p, HOUR_AGO, HOUR_AGO);
    }
  }

  /** Folders too (after their contents): a folder changed in the last 2 s has its listing read again. */
  function ageFolders(dir: string): void {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) ageFolders(path.join(dir, e.name));
    fs.utimesSync(dir, HOUR_AGO, HOUR_AGO);
  }

  /** Run `change` inside folder `rel`, then give the folder back its modification time. */
  function changeKeepingFolderTime(rel: string, change: () => void): void {
    const dir = path.join(root, rel);
    const { mtime } = fs.statSync(dir);
    change();
    fs.utimesSync(dir, mtime, mtime);
  }

  /** Replace a file's bytes, keeping its modification time (and, if the text has the same length, its size). */
  function rewriteKeepingTime(rel: string, text: string | Buffer): void {
    const file = path.join(root, rel);
    const { mtime } = fs.statSync(file);
    fs.writeFileSync(file, text);
    fs.utimesSync(file, mtime, mtime);
  }

  /** A new start: a fresh cache object (as a new server process has), index, then write the cache. */
  async function start(cacheDir = storage): Promise<{ tags: Record<string, string[]>; skipped: string[]; cache: CodeIndexCache }> {
    const cache = new CodeIndexCache(cacheDir, root, (m) => logs.push(m));
    const { index, skipped } = await indexFolder(root, { codeCache: cache, log: (m) => logs.push(m) });
    await cache.save();
    const tags: Record<string, string[]> = {};
    for (const c of index.codeFiles()) tags[path.relative(root, c.file).split(path.sep).join('/')] = c.tags.map((t) => `${t.kind} ${t.id}`);
    return { tags, skipped: skipped.map((s) => `${path.relative(root, s.file).split(path.sep).join('/')} ${s.reason}`), cache };
  }

  const FRESH = {
    'src/a.ts': ['implements REQ-1'],
    'src/b.ts': ['verifies REQ-2'],
    'src/plain.ts': [],
  };

  it('writes one cache file for the folder, atomically (no temporary file left)', async () => {
    const first = await start();
    assert.deepEqual(first.tags, FRESH);
    assert.deepEqual(first.skipped, ['assets/logo.bin binary']);
    assert.deepEqual(fs.readdirSync(storage), [path.basename(cacheFileFor(storage, root))]);
    assert.equal(first.cache.size, 4); // three code files and the binary one
  });

  it('a second start reuses unchanged files without reading them', async () => {
    await start();
    // Same length, same time, different bytes: only a read would see REQ-3 / the text.
    rewriteKeepingTime('src/a.ts', '// @implements REQ-3\nexport const a = 1;\n');
    rewriteKeepingTime('assets/logo.bin', 'text ok\n'); // 8 bytes, as before: if read, no longer binary
    logs = [];
    const second = await start();
    assert.deepEqual(second.tags, FRESH);
    assert.deepEqual(second.skipped, ['assets/logo.bin binary']);
    assert.ok(logs.some((m) => m.includes('4 of 4 code files unchanged')), logs.join('\n'));
  });

  it('a changed size is read again', async () => {
    await start();
    rewriteKeepingTime('src/a.ts', '// @implements REQ-3\nexport const a = 1; // longer\n');
    const second = await start();
    assert.deepEqual(second.tags['src/a.ts'], ['implements REQ-3']);
    assert.deepEqual(second.tags['src/b.ts'], ['verifies REQ-2']);
  });

  it('a changed modification time is read again', async () => {
    await start();
    const file = path.join(root, 'src/a.ts');
    fs.writeFileSync(file, '// @implements REQ-3\nexport const a = 1;\n'); // same size, new time
    fs.utimesSync(file, HOUR_AGO, new Date(HOUR_AGO.getTime() + 5000));
    const second = await start();
    assert.deepEqual(second.tags['src/a.ts'], ['implements REQ-3']);
  });

  it('new and deleted files are seen; the rewritten cache drops the deleted one', async () => {
    await start();
    fs.rmSync(path.join(root, 'src/b.ts'));
    writeTree(root, { 'src/c.ts': '// @verifies REQ-3\n' });
    ageAll(root);
    const second = await start();
    assert.deepEqual(second.tags, { 'src/a.ts': ['implements REQ-1'], 'src/c.ts': ['verifies REQ-3'], 'src/plain.ts': [] });
    assert.equal(second.cache.size, 4);
    const raw = fs.readFileSync(cacheFileFor(storage, root), 'utf8');
    assert.ok(!raw.includes('"b.ts"') && raw.includes('"c.ts"'));
  });

  it('a second start takes unchanged folders from the kept listings without listing them', async () => {
    await start();
    // A file added while the folder keeps its time: only listing the folder would find it.
    changeKeepingFolderTime('src', () => writeTree(root, { 'src/hidden.ts': '// @implements REQ-3\n' }));
    const second = await start();
    assert.deepEqual(second.tags, FRESH);
    const raw = JSON.parse(fs.readFileSync(cacheFileFor(storage, root), 'utf8')) as { folders: [string, ...unknown[]][] };
    assert.deepEqual(raw.folders.map((f) => f[0]).sort(), ['', 'assets/', 'specs/', 'src/']);
  });

  it('a folder whose time changed is listed again: new and deleted files in it are seen', async () => {
    await start();
    writeTree(root, { 'src/new.ts': '// @implements REQ-3\n' });
    fs.rmSync(path.join(root, 'src/b.ts'));
    const second = await start();
    assert.deepEqual(second.tags, { 'src/a.ts': ['implements REQ-1'], 'src/new.ts': ['implements REQ-3'], 'src/plain.ts': [] });
    assert.deepEqual(second.skipped, ['assets/logo.bin binary']);
  });

  it('a .gitignore added above kept folders applies to them (their listings are not trusted below new rules)', async () => {
    writeTree(root, { 'src/gen/x.gen.ts': '// @implements REQ-3\n', 'src/gen/y.ts': '' });
    ageAll(root);
    ageFolders(root);
    const first = await start();
    assert.deepEqual(first.tags['src/gen/x.gen.ts'], ['implements REQ-3']);
    writeTree(root, { 'src/.gitignore': '*.gen.ts\n' }); // src's time changes, src/gen's does not
    const second = await start();
    assert.equal(second.tags['src/gen/x.gen.ts'], undefined);
    assert.deepEqual(second.tags['src/gen/y.ts'], []);
  });

  it('a .gitignore changed in place (folder time kept) makes its folder and those below it listed again', async () => {
    writeTree(root, { '.gitignore': 'tmp/\n', 'src/gen/x.gen.ts': '// @implements REQ-3\n' });
    ageAll(root);
    ageFolders(root);
    await start();
    changeKeepingFolderTime('.', () => fs.writeFileSync(path.join(root, '.gitignore'), 'tmp/\n*.gen.ts\n'));
    const second = await start();
    assert.equal(second.tags['src/gen/x.gen.ts'], undefined);
    assert.deepEqual(second.tags['src/a.ts'], ['implements REQ-1']);
  });

  it(`a folder modified less than ${RACY_MS} ms before the walk keeps no listing; one holding a symbolic link never does`, async () => {
    writeTree(root, { 'src/new.ts': '' }); // src modified now
    fs.symlinkSync(path.join(root, 'src'), path.join(root, 'assets/link'));
    fs.utimesSync(path.join(root, 'assets'), HOUR_AGO, HOUR_AGO);
    await start();
    const raw = JSON.parse(fs.readFileSync(cacheFileFor(storage, root), 'utf8')) as { folders: [string, ...unknown[]][] };
    assert.deepEqual(raw.folders.map((f) => f[0]).sort(), ['', 'specs/']);
  });

  it('a config change (tag words) starts from an empty cache', async () => {
    await start();
    writeTree(root, { 'spectrace.yaml': 'tags:\n  implements: ["@implements", "@impl"]\n' });
    rewriteKeepingTime('src/a.ts', `${'// @impl REQ-3'.padEnd('// @implements REQ-1'.length)}\nexport const a = 1;\n`); // same size and time
    logs = [];
    const second = await start();
    assert.deepEqual(second.tags['src/a.ts'], ['implements REQ-3']);
    assert.ok(logs.some((m) => /ignored: made for another folder, configuration or version/.test(m)), logs.join('\n'));
    assert.ok(!logs.some((m) => m.includes('unchanged since')), logs.join('\n'));
  });

  for (const [name, damage, why] of [
    ['a truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON/],
    ['a corrupt', () => '\u0000\u0001garbage', /not valid JSON/],
    ['a foreign', () => JSON.stringify({ hello: 'world' }), /not a Spectrace code index/],
    ['a tampered', (text: string) => text.replace('"mtime":[', '"mtime":["soon",'), /malformed|different lengths/],
    ['a path-escaping', (text: string) => text.replace('"dirs":[', '"dirs":["../outside/",'), /malformed folder/],
    ['a path-escaping listing', (text: string) => text.replace('"folders":[', '"folders":[["../outside/",1,"",0,[],[],["x.ts"]],'), /malformed folder listing/],
  ] as const) {
    it(`${name} cache file is ignored with a log line; the index is built from the files`, async () => {
      await start();
      const file = cacheFileFor(storage, root);
      fs.writeFileSync(file, damage(fs.readFileSync(file, 'utf8')));
      rewriteKeepingTime('src/a.ts', '// @implements REQ-3\nexport const a = 1;\n');
      logs = [];
      const second = await start();
      assert.deepEqual(second.tags['src/a.ts'], ['implements REQ-3']); // read, not taken from the damaged cache
      assert.ok(logs.some((m) => m.includes('persisted index') && why.test(m)), logs.join('\n'));
      // And written again, whole: the third start reuses it.
      logs = [];
      await start();
      assert.ok(logs.some((m) => m.includes('4 of 4 code files unchanged')), logs.join('\n'));
    });
  }

  it('a storage folder that cannot be written is logged; indexing works all the same', async () => {
    const blocker = path.join(storage, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const first = await start(path.join(blocker, 'sub'));
    assert.deepEqual(first.tags, FRESH);
    assert.ok(logs.some((m) => m.includes('could not write the persisted index')), logs.join('\n'));
  });

  it('without a cache nothing is written and the result is the same', async () => {
    const { index } = await indexFolder(root, {});
    assert.deepEqual(
      [...index.codeFiles()].map((c) => [path.relative(root, c.file).split(path.sep).join('/'), c.tags.map((t) => `${t.kind} ${t.id}`)]).sort(),
      Object.entries(FRESH).sort(),
    );
    assert.deepEqual(fs.readdirSync(storage), []);
  });

  it(`a file modified less than ${RACY_MS} ms before the scan is not stored (a later write in the same tick could keep its size and time)`, async () => {
    fs.writeFileSync(path.join(root, 'src/plain.ts'), 'export const plain = 1;\n'); // modified now
    const first = await start();
    assert.equal(first.cache.size, 3);
    const raw = JSON.parse(fs.readFileSync(cacheFileFor(storage, root), 'utf8')) as { name: string[] };
    assert.ok(!raw.name.includes('plain.ts'));
  });
});
