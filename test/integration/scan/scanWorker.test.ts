// The code scan on a worker thread gives exactly what the main thread gives: same tags, same
// skips with the same reasons, same stamps, in the same order, whoever scanned which file. A worker
// that cannot start, crashes or dies half-way leaves its share to the main thread; aborting stops it.
// The worker runs from a bundle built here with esbuild (as `npm run build` makes dist/scanWorker.js):
// under tsx there is no .js next to the sources, and the engine then scans on the main thread only.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config/config';
import { extractTags } from '../../../server/src/engine/code/codeTags';
import { discoverFiles, readCodeFile, scanCodeFiles } from '../../../server/src/disk/discovery';
import { scanCodeFileSync } from '../../../server/src/disk/scanFile';
import type { ScanEntry } from '../../../server/src/disk/scanFile';
import { scanInParallel } from '../../../server/src/disk/scanWorkerPool';
import type { KnownFile } from '../../../server/src/disk/scanWorkerPool';
import type { SpectraceConfig } from '../../../server/src/engine/types';
import { removeTree, tempRoot, writeTree } from '../../support/tempTree';

const REPO = path.resolve(__dirname, '../../..');
const MB = 1024 * 1024;

/** A tree with every kind of outcome: tags, no tags, each skip reason, odd encodings and line ends. */
function hostileTree(root: string): void {
  const entries: Record<string, string | Buffer> = {
    'src/crlf.ts': '\uFEFF// @verifies PAY-1\r\nconst a = 1;\r\n// @implements PAY-2, PAY-3\r\n',
    'src/utf16.cs': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('// caf\u00e9\r\n// @verifies PAY-2\r\n', 'utf16le')]),
    'src/latin1.c': Buffer.from('// caf\xe9\n// @implements PAY-4\n', 'latin1'),
    'src/empty.ts': '',
    'src/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    'src/huge.txt': Buffer.alloc(2 * MB, 0x61),
    'src/app.min.js': 'var a=1;'.repeat(4000),
    'src/tagged.min.js': `${'var a=1;'.repeat(4000)}/* @implements PAY-9 */`,
  };
  // Enough plain files that every thread gets several slices.
  for (let i = 0; i < 600; i++) {
    entries[`src/m${i % 7}/f${i}.ts`] = i % 9 === 0 ? `export const x${i} = ${i};\n// @implements PAY-${i % 13}, ORD-${i % 5}\n` : `export const x${i} = ${i};\n`;
  }
  writeTree(root, entries);
}

function comparable(entries: ScanEntry[]): unknown[] {
  return entries.map((e) => ({ result: e.result, stamp: e.stamp }));
}

describe('code scan on a worker thread', function () {
  // Building the worker bundle and starting threads; no timing is asserted.
  this.timeout(60_000);
  let root: string;
  let workerScript: string;
  let files: string[];
  let baseline: ScanEntry[];
  const config: SpectraceConfig = { ...DEFAULT_CONFIG };

  before(async () => {
    root = tempRoot('spectrace-worker-');
    hostileTree(root);
    const bundleDir = path.join(root, '.bundle');
    workerScript = path.join(bundleDir, 'scanWorker.js');
    buildSync({
      entryPoints: [path.join(REPO, 'server/src/disk/scanWorker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: workerScript,
      logLevel: 'silent',
      banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
    });
    const found = await discoverFiles(root, config);
    // Files that cannot be read: one deleted after listing, a folder, a FIFO.
    fs.mkdirSync(path.join(root, 'src', 'dir.ts'));
    const extra = [path.join(root, 'src', 'gone.ts'), path.join(root, 'src', 'dir.ts')];
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [path.join(root, 'src', 'pipe.ts')]);
      extra.push(path.join(root, 'src', 'pipe.ts'));
    }
    files = [...found.codeFiles, ...extra];
    baseline = (await scanCodeFiles(files, config, { workers: 0 })).entries;
  });
  after(() => removeTree(root));

  it('the main-thread baseline covers every outcome', () => {
    const reasons = new Set<string>(baseline.map((e) => ('reason' in e.result ? e.result.reason : 'tags' in e.result && e.result.tags.length > 0 ? 'tags' : 'none')));
    for (const r of ['tags', 'none', 'binary', 'too-large', 'minified', 'vanished', 'unreadable']) assert.ok(reasons.has(r), `no ${r} in the baseline`);
    const tagged = baseline.filter((e) => 'tags' in e.result && e.result.tags.length > 0).length;
    assert.ok(tagged > 60, `${tagged} tagged files`);
  });

  it('the synchronous scan (with its no-decode path for ASCII files without a tag word) equals reading and extracting', async () => {
    const words: SpectraceConfig = { ...DEFAULT_CONFIG, tags: { implements: ['@implementé', 'TODO(impl)'], verifies: ['  @verifies  '] } };
    writeTree(root, {
      'fast/accented.ts': '// @implementé PAY-1\n',
      'fast/paren.ts': 'x // TODO(impl) PAY-2, PAY-3\n',
      'fast/inside.ts': 'no tag: x@implementsy @implementsPAY-1\n',
      'fast/ascii-long.ts': `${'a'.repeat(25_000)}\n`,
      'fast/bom.ts': '\uFEFF// @implements PAY-4\n',
    });
    const sample = [...files.filter((f) => !f.endsWith('pipe.ts')), ...['accented', 'paren', 'inside', 'ascii-long', 'bom'].map((n) => path.join(root, 'fast', `${n}.ts`))];
    for (const config of [DEFAULT_CONFIG, words]) {
      for (const file of sample) {
        const sync = scanCodeFileSync(file, config);
        assert.notEqual(sync, 'unchanged');
        if (sync === 'unchanged') continue;
        const read = await readCodeFile(file, config);
        const expected = 'text' in read ? { file, tags: extractTags(file, read.text, config) } : read.skipped;
        assert.deepEqual(sync.result, expected, file);
      }
    }
  });

  it('a worker alone finds exactly what the main thread finds, stamps included', async () => {
    let worker: Worker | undefined;
    const r = await scanInParallel(files, config, { workers: 1, workerScript, mainThread: false, onWorker: (w) => (worker = w) });
    assert.ok(worker, 'no worker was started');
    assert.equal(r.byWorker, files.length);
    assert.deepEqual(comparable(r.entries), comparable(baseline));
  });

  it('both threads together find the same, and progress counts every file once', async () => {
    const seen: number[] = [];
    const r = await scanInParallel(files, config, { workers: 1, workerScript, onProgress: (done, total) => seen.push(done, total) });
    assert.deepEqual(comparable(r.entries), comparable(baseline));
    const dones = seen.filter((_, i) => i % 2 === 0);
    assert.deepEqual(dones, Array.from({ length: files.length }, (_, i) => i + 1));
  });

  it('scanCodeFiles with and without a worker: same files and skips', async () => {
    const withWorker = await scanCodeFiles(files, config, { workers: 1, workerScript });
    const without = await scanCodeFiles(files, config, { workers: 0 });
    assert.deepEqual(withWorker.files, without.files);
    assert.deepEqual(withWorker.skipped, without.skipped);
  });

  it('on the worker, files whose stamp matches the persisted index are not read', async () => {
    // Persisted results that differ from the files' contents: seeing them proves the files were not read.
    const known = new Map<string, KnownFile>();
    for (const e of baseline) {
      if (!e.stamp || !('tags' in e.result)) continue;
      known.set(e.result.file, { stamp: e.stamp, result: { file: e.result.file, tags: [] } });
    }
    const stale = baseline.find((e) => e.stamp && 'tags' in e.result && e.result.tags.length > 0);
    assert.ok(stale?.stamp);
    // One file's stamp is off by a byte: it must be read again.
    known.set(stale.result.file, { stamp: { ...stale.stamp, size: stale.stamp.size + 1 }, result: { file: stale.result.file, tags: [] } });
    const r = await scanInParallel(files, config, { workers: 1, workerScript, mainThread: false, known: (f) => known.get(f) });
    assert.equal(r.reused, known.size - 1);
    for (const e of r.entries) {
      if (e.result.file === stale.result.file) assert.deepEqual(e.result, stale.result);
      else if (known.has(e.result.file)) assert.deepEqual(e.result, { file: e.result.file, tags: [] });
    }
  });

  it('a worker that cannot start leaves the whole scan to the main thread, with a log line', async () => {
    const broken = path.join(root, '.bundle', 'broken.js');
    fs.writeFileSync(broken, "throw new Error('the worker failed to load');\n");
    const logs: string[] = [];
    // mainThread: false, so that the scan waits for the worker (otherwise the main thread may finish first and never hear of it).
    const r = await scanInParallel(files, config, { workers: 1, workerScript: broken, mainThread: false, log: (m) => logs.push(m) });
    assert.equal(r.byWorker, 0);
    assert.deepEqual(comparable(r.entries), comparable(baseline));
    assert.ok(logs.some((m) => /worker thread stopped .*failed to load/.test(m)), logs.join('\n'));
  });

  it('a worker that dies half-way: the slices it claimed and never answered are scanned on the main thread', async () => {
    // The real worker, made to exit as it sends its second reply (after claiming its third slice).
    const dying = path.join(root, '.bundle', 'dying.js');
    fs.writeFileSync(
      dying,
      [
        "const { parentPort } = require('node:worker_threads');",
        'const post = parentPort.postMessage.bind(parentPort);',
        'let replies = 0;',
        'parentPort.postMessage = (message) => { if (++replies === 2) process.exit(3); post(message); };',
        "require('./scanWorker.js');",
        '',
      ].join('\n'),
    );
    const logs: string[] = [];
    const r = await scanInParallel(files, config, { workers: 1, workerScript: dying, mainThread: false, log: (m) => logs.push(m) });
    assert.deepEqual(comparable(r.entries), comparable(baseline));
    assert.ok(r.byWorker > 0 && r.byWorker < files.length, `the worker scanned ${r.byWorker} of ${files.length}`);
    assert.ok(logs.some((m) => m.includes('exit code 3')), logs.join('\n'));
  });

  it('without the worker script the scan runs on the main thread', async () => {
    const r = await scanInParallel(files, config, { workers: 1, workerScript: path.join(root, 'no-such-worker.js') });
    assert.equal(r.byWorker, 0);
    assert.deepEqual(comparable(r.entries), comparable(baseline));
  });

  it('aborting stops the worker thread and rejects the scan', async () => {
    // The same files many times over: far more work than the test waits for.
    const many = Array.from({ length: 400 }, () => files).flat();
    const controller = new AbortController();
    let worker: Worker | undefined;
    const scan = scanInParallel(many, config, {
      workers: 1,
      workerScript,
      mainThread: false,
      signal: controller.signal,
      onWorker: (w) => (worker = w),
      onProgress: () => controller.abort(),
    });
    assert.ok(worker, 'no worker was started');
    const exited = new Promise<number>((resolve) => worker?.once('exit', resolve));
    await assert.rejects(scan, { name: 'AbortError' });
    await exited; // the thread is gone (mocha's timeout fails the test otherwise)
  });
});
