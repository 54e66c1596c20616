// The browser build indexes a folder through its file-system interface (server/src/browser/), here
// the in-memory one holding the same files: the result must be the disk build's (disk/indexFolder)
// for the example product and every case of examples/broken — the same spec files, code tags,
// skipped files and diagnostics (file, position, code, severity, message) — and .gitignore must
// decide the same way. Nothing here goes through a client: MemoryFiles stands in for it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitignoreRules as DiskGitignoreRules } from '../../../server/src/disk/gitignore';
import { indexFolder as diskIndexFolder } from '../../../server/src/disk/indexFolder';
import { MemoryFiles } from '../../../server/src/browser/memoryFiles';
import { GitignoreRules as BrowserGitignoreRules } from '../../../server/src/browser/platform/gitignore';
import { indexFolder as browserIndexFolder } from '../../../server/src/browser/platform/indexFolder';
import { readTextSync } from '../../../server/src/browser/platform/readText';
import { useWorkspaceFiles } from '../../../server/src/browser/workspaceTexts';
import type { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import type { SkippedFile } from '../../../server/src/engine/types';
import { TestClock } from '../../support/memoryWorkspace';
import { removeTree, tempRoot, writeTree } from '../../support/tempTree';

const REPO = path.resolve(__dirname, '../../..');
const NOW = new TestClock().now;

/** Every regular file below `root` (symbolic links are not followed, as on disk), with its bytes. */
function filesOf(root: string): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  for (const rel of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(root, rel);
    if (fs.lstatSync(file).isFile()) out.push([file, fs.readFileSync(file)]);
  }
  return out;
}

function summary(index: WorkspaceIndex, skipped: SkippedFile[]) {
  return {
    specs: index.specFiles().map((s) => s.file).sort(),
    code: index
      .codeFiles()
      .map((c) => `${c.file} ${c.tags.map((t) => `${t.kind}:${t.id}@${t.idRange.start.line}:${t.idRange.start.character}`).join(' ')}`)
      .sort(),
    skipped: skipped.map((s) => `${s.file} ${s.reason}`).sort(),
    diagnostics: [...index.diagnostics().values()]
      .flat()
      .map((d) => `${d.file}:${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`)
      .sort(),
    requirements: index.requirements().map((r) => `${r.id} ${JSON.stringify(index.coverage(r.id ?? ''))}`),
  };
}

async function bothWays(dir: string) {
  const disk = await diskIndexFolder(dir, { now: NOW });
  useWorkspaceFiles(new MemoryFiles(filesOf(dir)));
  const browser = await browserIndexFolder(dir, { now: NOW });
  return { disk: summary(disk.index, disk.skipped), browser: summary(browser.index, browser.skipped) };
}

const BROKEN = path.join(REPO, 'examples', 'broken');
const brokenCases = fs
  .readdirSync(BROKEN)
  .filter((d) => fs.statSync(path.join(BROKEN, d)).isDirectory())
  .sort();

describe('browser build: indexing through the file-system interface', () => {
  it('indexes examples/acme-shop exactly as the disk build does', async () => {
    const { disk, browser } = await bothWays(path.join(REPO, 'examples', 'acme-shop'));
    assert.ok(disk.specs.length > 0 && disk.code.length > 0 && disk.diagnostics.length > 0, 'the example has specs, code and diagnostics');
    assert.deepEqual(browser, disk);
  });

  for (const name of brokenCases) {
    it(`indexes examples/broken/${name} exactly as the disk build does`, async () => {
      const { disk, browser } = await bothWays(path.join(BROKEN, name));
      assert.deepEqual(browser, disk);
    });
  }

  it('answers synchronous reads (config, custom schemas) from the texts it read', async () => {
    const dir = path.join(REPO, 'examples', 'acme-shop');
    useWorkspaceFiles(new MemoryFiles(filesOf(dir)));
    await browserIndexFolder(dir, { now: NOW });
    assert.equal(readTextSync(path.join(dir, 'spectrace.yaml')), fs.readFileSync(path.join(dir, 'spectrace.yaml'), 'utf8'));
    assert.equal(readTextSync(path.join(dir, 'not-there.yaml')), undefined);
  });
});

describe('browser build: .gitignore', () => {
  let root: string;
  const tree = {
    '.gitignore': 'build/\n*.log\n/top-only.ts\n!keep.log\n',
    'src/a.ts': '',
    'src/debug.log': '',
    'src/keep.log': '',
    'src/top-only.ts': '',
    'top-only.ts': '',
    'build/out.ts': '',
    'src/build/nested.ts': '',
    'src/.gitignore': 'generated/\n!build/\nlocal-*.ts\n',
    'src/generated/g.ts': '',
    'src/local-x.ts': '',
    'lib/local-y.ts': '',
    'lib/deep/.gitignore': '*\n!*.ts\n',
    'lib/deep/kept.ts': '',
    'lib/deep/dropped.md': '',
  };

  before(() => {
    root = tempRoot('spectrace-web-gitignore-');
    writeTree(root, { '.git/HEAD': 'ref: refs/heads/main\n', ...tree });
  });

  after(() => removeTree(root));

  it('ignores the same files as the disk walk', async () => {
    const disk = await DiskGitignoreRules.forRoot(root);
    useWorkspaceFiles(new MemoryFiles(Object.entries(tree).map(([rel, text]) => [path.join(root, rel), text])));
    const browser = await BrowserGitignoreRules.forRoot(root);
    const verdicts = async (isIgnored: (file: string) => Promise<boolean>) =>
      Object.fromEntries(await Promise.all(Object.keys(tree).map(async (rel) => [rel, await isIgnored(path.join(root, rel))] as const)));
    const expected = await verdicts((f) => disk.isIgnored(f));
    assert.deepEqual(await verdicts((f) => browser.isIgnored(f)), expected);
    // The tree exercises both answers, negations included.
    assert.equal(expected['src/keep.log'], false);
    assert.equal(expected['src/debug.log'], true);
    assert.equal(expected['lib/deep/dropped.md'], true);
    assert.equal(expected['lib/deep/kept.ts'], false);
  });
});
