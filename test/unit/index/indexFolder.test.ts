// indexFolder on a real folder: config first, spec and code files found by discovery (.gitignore
// honoured), an oversized spec reported rather than dropped, unreadable files skipped with a reason,
// progress reported, and the same index as feeding the files one by one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { indexFolder } from '../../../server/src/disk/indexFolder';
import { readTextSync } from '../../../server/src/disk/readText';
import type { SkippedFile } from '../../../server/src/engine/types';
import { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import { assertSameIndex } from './equivalence';
import { TestClock } from '../../support/memoryWorkspace';

const FIXTURE = path.resolve(__dirname, '../../fixtures/index/small');
const NOW = new TestClock().now;

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

describe('indexFolder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-index-'));
    copyTree(FIXTURE, dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes specs and code under the config, honouring .gitignore', async () => {
    const { index, skipped } = await indexFolder(dir, { now: NOW });
    assert.equal(index.config.maxSpecFileSize, 4000, 'spectrace.yaml was read');
    assert.deepEqual(index.specFiles().map((s) => path.relative(dir, s.file)), ['specs/big.yaml', 'specs/pay.yaml', 'specs/roadmap.yaml']);
    assert.deepEqual(index.codeFiles().map((c) => path.relative(dir, c.file)).filter((f) => f.endsWith('.ts')), ['src/pay.ts', 'test/pay.test.ts']);
    assert.equal(index.trace('PAY-1')?.implementations.length, 1);
    assert.equal(index.trace('PAY-1')?.tests.length, 1);
    assert.deepEqual(index.referencesTo('GHOST-1').implementations, [], 'git-ignored files contribute nothing');
    assert.deepEqual(skipped, []);
  });

  it('reports a spec file over maxSpecFileSize with a diagnostic instead of dropping it', async () => {
    const { index } = await indexFolder(dir, { now: NOW });
    const all = [...index.diagnostics()].flatMap(([file, list]) => list.map((d) => `${path.relative(dir, file)} ${d.code}`));
    assert.deepEqual(all, ['specs/big.yaml file-too-large']);
  });

  it('skips binary and unreadable code files with a reason, through onSkip and the result', async () => {
    fs.writeFileSync(path.join(dir, 'src', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const seen: SkippedFile[] = [];
    const { skipped } = await indexFolder(dir, { now: NOW, onSkip: (s) => seen.push(s) });
    assert.deepEqual(skipped.map((s) => [path.relative(dir, s.file), s.reason]), [['src/logo.png', 'binary']]);
    assert.deepEqual(seen, skipped);
  });

  it('reports progress up to the number of files', async () => {
    const calls: [number, number][] = [];
    await indexFolder(dir, { now: NOW, onProgress: (done, total) => calls.push([done, total]) });
    assert.ok(calls.length > 0);
    const total = calls[0][1];
    assert.ok(calls.every(([, t]) => t === total));
    assert.deepEqual(calls.map(([d]) => d).sort((a, b) => a - b), Array.from({ length: total }, (_, i) => i + 1));
  });

  it('works without a config file, and equals an index fed file by file', async () => {
    fs.rmSync(path.join(dir, 'spectrace.yaml'));
    const { index } = await indexFolder(dir, { now: NOW });
    assert.equal(index.config.maxFileSize, 1048576);
    const manual = new WorkspaceIndex(dir, { now: NOW, readFile: readTextSync });
    for (const f of ['specs/big.yaml', 'specs/pay.yaml', 'specs/roadmap.yaml', 'src/pay.ts', 'test/pay.test.ts', '.gitignore']) {
      const file = path.join(dir, f);
      if (manual.classify(file) !== 'none') manual.updateFile(file, fs.readFileSync(file, 'utf8'));
    }
    assertSameIndex(index, manual);
  });

  it('gives an empty index and one skip for a folder that is not there, without throwing', async () => {
    const missing = path.join(dir, 'no-such-folder');
    const { index, skipped } = await indexFolder(missing, { now: NOW });
    assert.deepEqual(index.specFiles(), []);
    assert.deepEqual(skipped.map((s) => [s.file, s.reason]), [[missing, 'vanished']]);
  });
});
