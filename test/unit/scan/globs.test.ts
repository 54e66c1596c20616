import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch/posix';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config/config';
import { createPathClassifier, walkGlobs } from '../../../server/src/engine/config/globs';
import type { SpectraceConfig } from '../../../server/src/engine/types';

function classify(config: SpectraceConfig, paths: string[]): Record<string, 'spec' | 'code' | 'none'> {
  const c = createPathClassifier(config);
  const out: Record<string, 'spec' | 'code' | 'none'> = {};
  for (const p of paths) {
    const spec = c.isSpecPath(p);
    const code = c.isCodePath(p);
    assert.ok(!(spec && code), `${p} is never both a spec and a code file`);
    out[p] = spec ? 'spec' : code ? 'code' : 'none';
  }
  return out;
}

describe('path classifier', () => {
  it('classifies with the default globs: specs, code, the config file, always-excluded and build folders', () => {
    assert.deepEqual(
      classify(DEFAULT_CONFIG, [
        'specs/pay.yaml',
        'specs/sub/roadmap.yml',
        'docs/checkout.spec.yaml',
        'checkout.spec.yml',
        'specs/readme.md',
        'src/pay.ts',
        '.github/workflows/ci.yml',
        'spectrace.yaml',
        'sub/spectrace.yaml',
        'node_modules/x/index.js',
        'packages/a/node_modules/x/specs/a.yaml',
        '.git/config',
        'dist/extension.js',
        'packages/a/out/x.js',
        '.vscode-test/user/settings.json',
        'coverage/lcov.info',
        'build/gen.ts',
        './src/dot-slash.ts',
        '../outside.ts',
      ]),
      {
        'specs/pay.yaml': 'spec',
        'specs/sub/roadmap.yml': 'spec',
        'docs/checkout.spec.yaml': 'spec',
        'checkout.spec.yml': 'spec',
        'specs/readme.md': 'code',
        'src/pay.ts': 'code',
        '.github/workflows/ci.yml': 'code',
        'spectrace.yaml': 'none',
        'sub/spectrace.yaml': 'code',
        'node_modules/x/index.js': 'none',
        'packages/a/node_modules/x/specs/a.yaml': 'none',
        '.git/config': 'none',
        'dist/extension.js': 'none',
        'packages/a/out/x.js': 'none',
        '.vscode-test/user/settings.json': 'none',
        'coverage/lcov.info': 'none',
        'build/gen.ts': 'code',
        './src/dot-slash.ts': 'code',
        '../outside.ts': 'none',
      },
    );
  });

  it('the default globs, run without picomatch\'s lookarounds, decide every normalized path as picomatch does', () => {
    const SEGMENTS = ['specs', 'src', 'dist', 'out', 'coverage', '.vscode-test', 'node_modules', '.git', 'a', '.hidden', '..x', 'x..', 'a.spec.yaml', 'b.yaml', 'c.yml', 'd.ts', '.yaml', 'spectrace.yaml', 'e.spec.yml', 'specs.yaml'];
    const is = (globs: string[]) => {
      const ms = globs.map((g) => picomatch(g, { dot: true }));
      return (p: string) => ms.some((m) => m(p));
    };
    const spec = is(['specs/**/*.{yaml,yml}', '**/*.spec.{yaml,yml}']);
    const always = is(['**/node_modules/**', '**/.git/**', '**/.hg/**', '**/.svn/**']);
    const excluded = is(['**/dist/**', '**/out/**', '**/.vscode-test/**', '**/coverage/**']);
    const c = createPathClassifier(DEFAULT_CONFIG);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 }), (segments) => {
        const p = segments.join('/');
        if (p === 'spectrace.yaml') return;
        assert.equal(c.isSpecPath(p), spec(p) && !always(p), p);
        assert.equal(c.isCodePath(p), !spec(p) && !always(p) && !excluded(p), p);
      }),
      { seed: 11, numRuns: 3000 },
    );
  });

  it('applies custom include and exclude globs; a plain folder name means the folder', () => {
    const config: SpectraceConfig = {
      ...DEFAULT_CONFIG,
      specs: ['requirements/*.yaml'],
      code: { include: ['src', './test/**/*.ts', '/lib/'], exclude: ['src/vendor', '**/*.gen.ts', 'test/*'] },
    };
    assert.deepEqual(
      classify(config, [
        'requirements/a.yaml',
        'specs/pay.yaml',
        'src/pay.ts',
        'src/deep/x.py',
        'src/vendor/lib.js',
        'src/api.gen.ts',
        'test/unit/a.ts',
        'test/top.ts',
        'lib/util.ts',
        'scripts/x.ts',
        'src/dist/y.ts',
      ]),
      {
        'requirements/a.yaml': 'spec',
        'specs/pay.yaml': 'none',
        'src/pay.ts': 'code',
        'src/deep/x.py': 'code',
        'src/vendor/lib.js': 'none',
        'src/api.gen.ts': 'none',
        'test/unit/a.ts': 'code',
        'test/top.ts': 'none',
        'lib/util.ts': 'code',
        'scripts/x.ts': 'none',
        'src/dist/y.ts': 'none',
      },
    );
  });

  it('ignores empty globs and matches nothing for no globs', () => {
    const none = classify({ ...DEFAULT_CONFIG, specs: [], code: { include: ['', '  '], exclude: [] } }, ['specs/a.yaml', 'src/a.ts']);
    assert.deepEqual(none, { 'specs/a.yaml': 'none', 'src/a.ts': 'none' });
  });

  it('takes paths out of a list with `!` globs', () => {
    const config: SpectraceConfig = { ...DEFAULT_CONFIG, code: { include: ['src/**', '!src/legacy/**'], exclude: ['**/*.gen.ts', '!keep.gen.ts'] } };
    assert.deepEqual(classify(config, ['src/a.ts', 'src/legacy/old.ts', 'src/b.gen.ts', 'keep.gen.ts']), {
      'src/a.ts': 'code',
      'src/legacy/old.ts': 'none',
      'src/b.gen.ts': 'none',
      'keep.gen.ts': 'none', // not included in the first place
    });
  });

  it('runs workspace globs in linear time: a catastrophic-backtracking glob answers at once', () => {
    // Natively, picomatch's regular expression for this glob takes minutes on this path.
    const glob = `x/${'*a'.repeat(12)}b`;
    const c = createPathClassifier({ ...DEFAULT_CONFIG, code: { include: [glob], exclude: [] } });
    assert.equal(c.isCodePath(`x/${'a'.repeat(5000)}c`), false);
    assert.equal(c.isCodePath(`x/${'a'.repeat(30)}b`), true);
    assert.deepEqual(c.problems, []);
  });

  it('lists a glob RE2 cannot run as a problem; it matches nothing and the others still work', () => {
    const c = createPathClassifier({ ...DEFAULT_CONFIG, code: { include: ['src/!(legacy)/**', 'lib/**'], exclude: [] } });
    assert.equal(c.isCodePath('src/new/a.ts'), false);
    assert.equal(c.isCodePath('lib/a.ts'), true);
    assert.equal(c.problems.length, 1);
    assert.equal(c.problems[0].glob, 'src/!(legacy)/**');
    assert.match(c.problems[0].message, /not supported/);
  });

  it('walks only below the literal base folders of the globs, or the whole tree', () => {
    assert.deepEqual(walkGlobs(DEFAULT_CONFIG), ['**']);
    const config: SpectraceConfig = { ...DEFAULT_CONFIG, specs: ['./specs/**/*.yaml'], code: { include: ['src/**/*.ts', 'lib', 'README.md', '!src/x/**'], exclude: [] } };
    assert.deepEqual(walkGlobs(config), ['specs/**', 'src/**', 'lib', 'lib/**', 'README.md', 'README.md/**']);
    assert.deepEqual(walkGlobs({ ...config, specs: ['{a,b}/*.yaml'] }), ['**']);
  });
});
