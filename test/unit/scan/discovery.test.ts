import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import ignore from 'ignore';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config/config';
import { discoverFiles } from '../../../server/src/disk/discovery';
import { ruleKinds } from '../../../server/src/disk/gitignore';
import type { SpectraceConfig } from '../../../server/src/engine/types';
import { rels, removeTree, tempRoot, writeTree } from '../../support/tempTree';

describe('file discovery', () => {
  let root: string;
  beforeEach(() => {
    root = tempRoot();
  });
  afterEach(() => removeTree(root));

  async function discover(config: SpectraceConfig = DEFAULT_CONFIG, at = root) {
    const r = await discoverFiles(at, config);
    return { specs: rels(at, r.specFiles), code: rels(at, r.codeFiles), skipped: r.skipped.map((s) => `${path.relative(at, s.file)} ${s.reason}`) };
  }

  it('classifies spec and code files with the defaults; leaves out node_modules, .git, build output and spectrace.yaml', async () => {
    writeTree(root, {
      'spectrace.yaml': 'idPattern: "^[A-Z]+-[0-9]+$"\n',
      'specs/pay.yaml': 'requirements: []\n',
      'specs/sub/roadmap.yml': 'roadmap: []\n',
      'specs/notes.md': '# notes\n',
      'docs/checkout.spec.yaml': 'requirements: []\n',
      'src/pay.ts': '// @implements PAY-1\n',
      'test/pay.test.ts': '// @verifies PAY-1\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'README.md': '# readme\n',
      'node_modules/lib/index.js': '// @implements PAY-1\n',
      'node_modules/lib/specs/x.yaml': 'requirements: []\n',
      'packages/a/node_modules/b/c.js': '',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'dist/extension.js': '',
      'coverage/lcov.info': '',
      'empty-folder': { dir: true },
    });
    const found = await discover();
    assert.deepEqual(found.specs, ['docs/checkout.spec.yaml', 'specs/pay.yaml', 'specs/sub/roadmap.yml']);
    assert.deepEqual(found.code, ['.github/workflows/ci.yml', 'README.md', 'specs/notes.md', 'src/pay.ts', 'test/pay.test.ts']);
    assert.deepEqual(found.skipped, []);
  });

  it('without `!` rules, a file is listed exactly when no .gitignore rule matches it or a folder above it', async () => {
    // The walk leaves folder-only .gitignore files out of the per-file checks when nothing
    // re-includes; the reference here applies every .gitignore to each whole path (parents included).
    const RULES = ['build/', 'gen/', 'a/b/', '**/tmp/', '/c/', 'b/', '*.log', 'x.ts', 'a/*.ts', 'tmp'];
    const DIRS = ['', 'a', 'a/b', 'b', 'c', 'build', 'gen', 'a/tmp', 'c/build', 'b/gen/tmp'];
    const FILES = ['x.ts', 'y.log', 'z.md'];
    const gitignores = fc.dictionary(fc.constantFrom('', 'a', 'b', 'c'), fc.array(fc.constantFrom(...RULES), { minLength: 1, maxLength: 4 }), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(gitignores, async (files) => {
        removeTree(root);
        root = tempRoot();
        const tree: Record<string, string> = {};
        for (const d of DIRS) for (const f of FILES) tree[d ? `${d}/${f}` : f] = '';
        for (const [dir, rules] of Object.entries(files)) tree[dir ? `${dir}/.gitignore` : '.gitignore'] = `${rules.join('\n')}\n`;
        writeTree(root, tree);
        const levels = Object.entries(files).map(([dir, rules]) => ({ dir, ig: ignore().add(rules.join('\n')) }));
        const expected = Object.keys(tree)
          .filter((file) => !levels.some(({ dir, ig }) => (dir === '' || file.startsWith(`${dir}/`)) && ig.ignores(dir ? file.slice(dir.length + 1) : file)))
          .sort();
        assert.deepEqual((await discover()).code, expected);
      }),
      { seed: 5, numRuns: 60 },
    );
  });

  it('tells folder-only .gitignore rules and re-includes apart', () => {
    assert.deepEqual(ruleKinds('# comment\nbuild/\n\n/tmp/  \r\n'), { foldersOnly: true, negates: false });
    assert.deepEqual(ruleKinds('build/\n!build/keep/\n'), { foldersOnly: true, negates: true });
    assert.deepEqual(ruleKinds('build/\n*.log\n'), { foldersOnly: false, negates: false });
    assert.deepEqual(ruleKinds('odd\\ name/\n'), { foldersOnly: false, negates: false });
  });

  it('returns absolute, sorted paths', async () => {
    writeTree(root, { 'src/b.ts': '', 'src/a.ts': '', 'a.ts': '', 'specs/z.yaml': '', 'specs/a.yaml': '' });
    const r = await discoverFiles(root, DEFAULT_CONFIG);
    assert.ok([...r.codeFiles, ...r.specFiles].every((f) => path.isAbsolute(f)));
    assert.deepEqual(r.codeFiles, [...r.codeFiles].sort());
    assert.deepEqual(rels(root, r.codeFiles), ['a.ts', 'src/a.ts', 'src/b.ts']);
    assert.deepEqual(rels(root, r.specFiles), ['specs/a.yaml', 'specs/z.yaml']);
  });

  it('honours the root .gitignore and nested ones, each in its own subtree, with negations', async () => {
    writeTree(root, {
      '.gitignore': '*.log\nbuild/\n/tmp\nspecs/draft.yaml\n',
      'app.log': '',
      'build/out.ts': '',
      'pkg/build/deep.ts': '',
      'tmp/a.ts': '',
      'pkg/tmp/b.md': '',
      'specs/draft.yaml': 'requirements: []\n',
      'specs/pay.yaml': 'requirements: []\n',
      'src/util.ts': '',
      'pkg/.gitignore': 'generated/\n*.ts\n!main.ts\n!keep.log\n',
      'pkg/keep.log': '',
      'pkg/other.log': '',
      'pkg/generated/g.js': '',
      'pkg/main.ts': '',
      'pkg/util.ts': '',
      'pkg/readme.md': '',
      'pkg/sub/.gitignore': '!util.ts\n',
      'pkg/sub/util.ts': '',
    });
    const found = await discover();
    assert.deepEqual(found.specs, ['specs/pay.yaml']);
    assert.deepEqual(found.code, [
      '.gitignore',
      'pkg/.gitignore',
      'pkg/keep.log',
      'pkg/main.ts',
      'pkg/readme.md',
      'pkg/sub/.gitignore',
      'pkg/sub/util.ts',
      'pkg/tmp/b.md',
      'src/util.ts',
    ]);
  });

  it('does not walk into ignored folders (a symlink loop inside one is never met)', async () => {
    writeTree(root, { '.gitignore': 'vendor/\n', 'vendor/loop': { symlink: '..' }, 'vendor/a.ts': '', 'src/a.ts': '', 'node_modules/loop': { symlink: '..' } });
    const found = await discover();
    assert.deepEqual(found.code, ['.gitignore', 'src/a.ts']);
    assert.deepEqual(found.skipped, []);
  });

  it('applies .git/info/exclude at the root', async () => {
    writeTree(root, { '.git/info/exclude': 'secret.ts\n', 'secret.ts': '', 'open.ts': '' });
    assert.deepEqual((await discover()).code, ['open.ts']);
  });

  it('applies the .gitignore files of the enclosing repository to a workspace folder inside it', async () => {
    writeTree(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '*.gen.ts\n',
      'packages/.gitignore': 'fixtures/\n',
      'packages/app/src/a.ts': '',
      'packages/app/src/b.gen.ts': '',
      'packages/app/fixtures/f.ts': '',
    });
    const app = path.join(root, 'packages', 'app');
    assert.deepEqual((await discover(DEFAULT_CONFIG, app)).code, ['src/a.ts']);
  });

  it('opens a folder the enclosing repository ignores with only its own rules (the user chose it)', async () => {
    writeTree(root, { '.git/HEAD': '', '.gitignore': 'generated/\n*.gen.ts\n', 'generated/a.ts': '', 'generated/b.gen.ts': '', 'generated/.gitignore': 'c.ts\n', 'generated/c.ts': '' });
    const generated = path.join(root, 'generated');
    assert.deepEqual((await discover(DEFAULT_CONFIG, generated)).code, ['.gitignore', 'a.ts', 'b.gen.ts']);
  });

  it('applies custom spec, include and exclude globs', async () => {
    writeTree(root, {
      'requirements/pay.yaml': '',
      'specs/old.yaml': '',
      'src/pay.ts': '',
      'src/vendor/lib.js': '',
      'src/api.gen.ts': '',
      'tests/pay.test.ts': '',
      'scripts/release.ts': '',
      'docs/x.spec.yaml': '',
    });
    const config: SpectraceConfig = {
      ...DEFAULT_CONFIG,
      specs: ['requirements/**/*.yaml'],
      code: { include: ['src', 'tests/**/*.ts'], exclude: ['src/vendor', '**/*.gen.ts'] },
    };
    const found = await discover(config);
    assert.deepEqual(found.specs, ['requirements/pay.yaml']);
    assert.deepEqual(found.code, ['src/pay.ts', 'tests/pay.test.ts']);
  });

  it('finds nothing, without an error, in an empty folder; reports a missing folder', async () => {
    assert.deepEqual(await discover(), { specs: [], code: [], skipped: [] });
    const missing = path.join(root, 'gone');
    const r = await discoverFiles(missing, DEFAULT_CONFIG);
    assert.deepEqual([r.specFiles, r.codeFiles], [[], []]);
    assert.deepEqual(
      r.skipped.map((s) => [s.file, s.reason]),
      [[missing, 'vanished']],
    );
  });

  it('stops when the signal aborts', async () => {
    writeTree(root, { 'src/a.ts': '' });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(discoverFiles(root, DEFAULT_CONFIG, { signal: controller.signal }), { name: 'AbortError' });
  });

  it('skips a .gitignore it cannot read as a file, and still walks', async () => {
    writeTree(root, { '.gitignore': { dir: true }, 'a.ts': '' });
    assert.ok(fs.statSync(path.join(root, '.gitignore')).isDirectory());
    const found = await discover();
    assert.deepEqual(found.code, ['a.ts']);
  });
});
