// Hostile code trees: symlink loops, binary and invalid UTF-8 files, FIFOs, folders
// where files were, unreadable files, files deleted between listing and reading, a 5 MB minified
// file. Nothing may crash or hang; each file is scanned or skipped with a reason.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config/config';
import { discoverFiles, readCodeFile, readSpecFile, scanCodeFiles } from '../../../server/src/disk/discovery';
import type { DiscoveryResult, ReadResult } from '../../../server/src/disk/discovery';
import type { SkippedFile, SpectraceConfig } from '../../../server/src/engine/types';
import { rels, removeTree, tempRoot, writeTree } from '../../support/tempTree';

const REPO = path.resolve(__dirname, '../../..');
const MB = 1024 * 1024;

function skipOf(r: ReadResult): SkippedFile {
  assert.ok('skipped' in r, `expected a skip, got text of ${'text' in r ? r.text.length : 0} characters`);
  return r.skipped;
}

function textOf(r: ReadResult): string {
  assert.ok('text' in r, `expected text, got ${JSON.stringify(r)}`);
  return r.text;
}

/** Deterministic bytes that are not UTF-8 and contain no NUL (a xorshift generator). */
function garbage(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = 0x80 | (x & 0x7f); // continuation bytes without a lead byte: invalid everywhere
  }
  return out;
}

describe('hostile code trees', () => {
  let root: string;
  beforeEach(() => {
    root = tempRoot();
  });
  afterEach(() => removeTree(root));

  it('does not follow a symlink loop and reports it; the walk still finds every real file once', async () => {
    writeTree(root, {
      'a/x.ts': '// @implements PAY-1\n',
      'a/loop': { symlink: '..' },
      'a/deeper/up': { symlink: '../..' },
      self: { symlink: 'self' },
      'ping/pong': { symlink: '../pong' },
      pong: { symlink: 'ping/pong' },
      'linked.ts': { symlink: 'a/x.ts' },
      'dangling.ts': { symlink: 'nowhere.ts' },
    });
    const r = await discoverFiles(root, DEFAULT_CONFIG);
    assert.deepEqual(rels(root, r.codeFiles), ['a/x.ts']);
    assert.deepEqual(
      r.skipped.map((s) => `${path.relative(root, s.file)} ${s.reason}`),
      ['a/deeper/up symlink-loop', 'a/loop symlink-loop', 'ping/pong symlink-loop', 'pong symlink-loop', 'self symlink-loop'],
    );
    assert.ok(r.skipped.every((s) => typeof s.detail === 'string' && s.detail.length > 0));
    // A loop reached by reading (not by the walk) is reported too.
    assert.equal(skipOf(await readCodeFile(path.join(root, 'self'), DEFAULT_CONFIG)).reason, 'symlink-loop');
  });

  it('skips binary files: a NUL byte early, or mostly invalid UTF-8', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('// @implements PAY-1')]);
    writeTree(root, { 'img/logo.png': png, 'data/blob.dat': garbage(4096) });
    const logo = skipOf(await readCodeFile(path.join(root, 'img/logo.png'), DEFAULT_CONFIG));
    assert.deepEqual([logo.reason, logo.detail], ['binary', 'a NUL byte in the first 8 KiB']);
    const blob = skipOf(await readCodeFile(path.join(root, 'data/blob.dat'), DEFAULT_CONFIG));
    assert.equal(blob.reason, 'binary');
    assert.match(blob.detail ?? '', /invalid UTF-8/);
  });

  it('scans text with a few invalid UTF-8 bytes (a Latin-1 comment) and UTF-16 text with a byte order mark', async () => {
    const latin1 = Buffer.from('// caf\xe9 na\xefve\n// @implements PAY-1\n', 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('// caf\u00e9\r\n// @verifies PAY-2\r\n', 'utf16le')]);
    writeTree(root, { 'latin1.c': latin1, 'utf16.cs': utf16 });
    const scan = await scanCodeFiles([path.join(root, 'latin1.c'), path.join(root, 'utf16.cs')], DEFAULT_CONFIG);
    assert.deepEqual(scan.skipped, []);
    assert.deepEqual(
      scan.files.map((f) => f.tags.map((t) => `${path.basename(f.file)} ${t.kind} ${t.id} ${t.idRange.start.line}:${t.idRange.start.character}`)),
      [['latin1.c implements PAY-1 1:15'], ['utf16.cs verifies PAY-2 1:13']],
    );
    assert.equal(textOf(await readCodeFile(path.join(root, 'latin1.c'), DEFAULT_CONFIG)).split('\n')[0], '// caf\uFFFD na\uFFFDve');
  });

  it('reads a FIFO without blocking and reports it, and the walk does not list it', async function () {
    if (process.platform === 'win32') this.skip(); // no mkfifo
    writeTree(root, { 'src/a.ts': '' });
    const fifo = path.join(root, 'src', 'pipe.ts');
    execFileSync('mkfifo', [fifo]);
    const r = await discoverFiles(root, DEFAULT_CONFIG);
    assert.deepEqual(rels(root, r.codeFiles), ['src/a.ts']);
    // Nobody writes to the FIFO: a blocking open would wait forever (the mocha timeout would fail the test).
    const skipped = skipOf(await readCodeFile(fifo, DEFAULT_CONFIG));
    assert.deepEqual([skipped.reason, skipped.detail], ['unreadable', 'not a regular file (a FIFO)']);
    assert.equal(skipOf(await readSpecFile(fifo, DEFAULT_CONFIG)).reason, 'unreadable');
  });

  it('reports a folder where a file was listed as unreadable', async () => {
    writeTree(root, { 'src/a.ts': { dir: true } });
    const skipped = skipOf(await readCodeFile(path.join(root, 'src/a.ts'), DEFAULT_CONFIG));
    assert.deepEqual([skipped.reason, skipped.detail], ['unreadable', 'a folder, not a file']);
  });

  it('reports a file deleted between listing and reading as vanished, and scans the rest', async () => {
    writeTree(root, { 'src/a.ts': '// @implements PAY-1\n', 'src/b.ts': '// @implements PAY-2\n', 'src/c.ts': '// @implements PAY-3\n' });
    const listed = await discoverFiles(root, DEFAULT_CONFIG);
    assert.deepEqual(rels(root, listed.codeFiles), ['src/a.ts', 'src/b.ts', 'src/c.ts']);
    fs.unlinkSync(path.join(root, 'src/b.ts'));
    const scan = await scanCodeFiles(listed.codeFiles, DEFAULT_CONFIG);
    assert.deepEqual(
      scan.files.map((f) => [path.basename(f.file), f.tags.map((t) => t.id)]),
      [
        ['a.ts', ['PAY-1']],
        ['c.ts', ['PAY-3']],
      ],
    );
    assert.deepEqual(
      scan.skipped.map((s) => [path.relative(root, s.file), s.reason, s.detail]),
      [['src/b.ts', 'vanished', 'deleted or moved after it was listed']],
    );
    assert.equal(skipOf(await readSpecFile(path.join(root, 'specs/gone.yaml'), DEFAULT_CONFIG)).reason, 'vanished');
  });

  it('skips a 5 MB minified file as too large by default; over a raised limit, scans it only when it has a tag word', async () => {
    const unit = 'var a=function(b){return b+1};';
    const line = unit.repeat(Math.ceil((5 * MB) / unit.length)).slice(0, 5 * MB);
    writeTree(root, { 'dist-like/app.min.js': line, 'tagged.min.js': `${line}/* @implements PAY-1 */` });
    const big = path.join(root, 'dist-like/app.min.js');
    const tooLarge = skipOf(await readCodeFile(big, DEFAULT_CONFIG));
    assert.equal(tooLarge.reason, 'too-large');
    assert.equal(tooLarge.detail, `${5 * MB} bytes, over the limit of ${DEFAULT_CONFIG.maxFileSize} (maxFileSize)`);

    const raised: SpectraceConfig = { ...DEFAULT_CONFIG, maxFileSize: 8 * MB };
    const minified = skipOf(await readCodeFile(big, raised));
    assert.deepEqual([minified.reason, minified.detail], ['minified', `a line of ${5 * MB} characters and no tag word`]);

    const scan = await scanCodeFiles([big, path.join(root, 'tagged.min.js')], raised);
    assert.deepEqual(scan.skipped.map((s) => s.reason), ['minified']);
    assert.deepEqual(
      scan.files.flatMap((f) => f.tags.map((t) => [t.id, t.idRange.start.line, t.idRange.start.character])),
      [['PAY-1', 0, 5 * MB + 15]],
    );
  });

  it('scans a whole hostile tree without throwing: every file is scanned or skipped with a reason', async function () {
    writeTree(root, {
      'src/ok.ts': '// @implements PAY-1, PAY-2\n',
      'src/loop': { symlink: '..' },
      'src/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'src/blob.dat': garbage(2048),
      'src/huge.txt': Buffer.alloc(2 * MB, 0x61),
      'src/crlf.ts': '\uFEFF// @verifies PAY-1\r\n',
      'src/empty.ts': '',
    });
    if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(root, 'src/pipe.ts')]);
    const listed = await discoverFiles(root, DEFAULT_CONFIG);
    // A FIFO swapped in after listing is read without blocking.
    const swapped = path.join(root, 'src/swapped.ts');
    if (process.platform !== 'win32') execFileSync('mkfifo', [swapped]);
    const files = process.platform === 'win32' ? listed.codeFiles : [...listed.codeFiles, swapped];
    const scan = await scanCodeFiles(files, DEFAULT_CONFIG);
    const outcome = new Map<string, string>();
    for (const f of scan.files) outcome.set(path.relative(root, f.file), f.tags.map((t) => t.id).join(',') || 'no tags');
    for (const s of [...listed.skipped, ...scan.skipped]) outcome.set(path.relative(root, s.file), s.reason);
    const expected: Record<string, string> = {
      'src/ok.ts': 'PAY-1,PAY-2',
      'src/loop': 'symlink-loop',
      'src/logo.png': 'binary',
      'src/blob.dat': 'binary',
      'src/huge.txt': 'too-large',
      'src/crlf.ts': 'PAY-1',
      'src/empty.ts': 'no tags',
    };
    if (process.platform !== 'win32') expected['src/swapped.ts'] = 'unreadable';
    assert.deepEqual(Object.fromEntries([...outcome].sort()), Object.fromEntries(Object.entries(expected).sort()));
  });

  it('reports files and folders it has no permission to read as unreadable', async function () {
    if (process.platform === 'win32') this.skip(); // no POSIX permissions
    writeTree(root, { 'src/ok.ts': '', 'src/secret.ts': '// @implements PAY-1\n', 'locked/inside.ts': '' });
    const secret = path.join(root, 'src/secret.ts');
    fs.chmodSync(secret, 0o000);
    fs.chmodSync(path.join(root, 'locked'), 0o000);

    let result: { discovered: DiscoveryResult; read: ReadResult };
    if (process.getuid?.() === 0) {
      // Root reads chmod-000 files; an unprivileged user (nobody) sees the real permission errors.
      fs.chmodSync(root, 0o755);
      const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'probe.ts'), root, secret], {
        cwd: REPO,
        uid: 65534,
        gid: 65534,
        env: { ...process.env, HOME: os.tmpdir() },
        encoding: 'utf8',
      });
      assert.equal(child.status, 0, `probe failed: ${child.stderr}`);
      result = JSON.parse(child.stdout) as { discovered: DiscoveryResult; read: ReadResult };
    } else {
      result = { discovered: await discoverFiles(root, DEFAULT_CONFIG), read: await readCodeFile(secret, DEFAULT_CONFIG) };
    }
    assert.deepEqual(skipOf(result.read), { file: secret, reason: 'unreadable', detail: 'permission denied (EACCES)' });
    assert.deepEqual(rels(root, result.discovered.codeFiles), ['src/ok.ts', 'src/secret.ts']);
    assert.deepEqual(
      result.discovered.skipped.map((s) => [path.relative(root, s.file), s.reason]),
      [['locked', 'unreadable']],
    );
  });
});
