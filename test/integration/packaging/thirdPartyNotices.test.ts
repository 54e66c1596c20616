// dist/THIRD-PARTY-NOTICES.txt (written by `npm run build`) names every package bundled into what
// ships, with its version, license and full license text; a bundled package without a license file
// fails the build instead of shipping an incomplete notice.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Metafile } from 'esbuild';
import { renderNotices } from '../../../scripts/third-party-notices.cjs';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const noticeFile = path.join(repoRoot, 'dist', 'THIRD-PARTY-NOTICES.txt');

function packageJson(name: string): { version: string; license: string } {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license: string };
}

/** A metafile listing one input file per package folder, as esbuild writes them. */
function metafileOf(inputs: string[]): Pick<Metafile, 'inputs'> {
  return { inputs: Object.fromEntries(inputs.map((i) => [i, { bytes: 1, imports: [] }])) };
}

describe('third-party notices', () => {
  let notice: string;

  before(function () {
    assert.ok(fs.existsSync(noticeFile), 'dist/THIRD-PARTY-NOTICES.txt is missing: run `npm run build` first');
    notice = fs.readFileSync(noticeFile, 'utf8');
  });

  for (const [name, licenseFile] of [
    ['yaml', 'LICENSE'],
    ['vscode-languageclient', 'License.txt'],
    ['vscode-languageserver', 'License.txt'],
  ] as const) {
    it(`lists ${name} with its version, license and full license text`, () => {
      const pkg = packageJson(name);
      assert.ok(notice.includes(`\n- ${name} ${pkg.version} (${pkg.license})\n`), `${name} in the list`);
      assert.ok(notice.includes(`\n${name} ${pkg.version}\nLicense: ${pkg.license}\n`), `${name} has its own section`);
      const text = fs.readFileSync(path.join(repoRoot, 'node_modules', name, licenseFile), 'utf8').replace(/\r\n/g, '\n').trim();
      assert.ok(text.length > 200, `${name}'s license file has text`);
      assert.ok(notice.includes(text), `${name}'s license text in full`);
    });
  }

  it('lists no development-only package', () => {
    for (const devOnly of ['mocha', 'esbuild', 'typescript', 'eslint', '@vscode/vsce']) assert.ok(!notice.includes(`\n- ${devOnly} `), devOnly);
  });

  it('one entry per package, however many files of it were bundled, scoped names included', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-notices-'));
    try {
      const write = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
      };
      write('node_modules/plain/package.json', JSON.stringify({ name: 'plain', version: '1.2.3', license: 'MIT' }));
      write('node_modules/plain/LICENSE', 'MIT License\r\n\r\nCopyright plain\r\n');
      write('node_modules/@scope/pkg/package.json', JSON.stringify({ name: '@scope/pkg', version: '0.1.0', license: { type: 'ISC' } }));
      write('node_modules/@scope/pkg/LICENCE.md', 'ISC License, scoped');
      const { text, packages } = renderNotices(
        [metafileOf(['node_modules/plain/a.js', 'node_modules/plain/lib/b.js']), metafileOf(['node_modules/@scope/pkg/index.js', 'src/own.ts'])],
        root,
        { name: 'product', version: '9.9.9' },
      );
      assert.deepEqual(
        packages.map((p) => [p.name, p.version, p.license]),
        [
          ['@scope/pkg', '0.1.0', 'ISC'],
          ['plain', '1.2.3', 'MIT'],
        ],
      );
      assert.match(text, /^Third-party software notices for product 9\.9\.9\n/);
      assert.ok(text.includes('MIT License\n\nCopyright plain'), 'line endings normalised');
      assert.ok(text.includes('ISC License, scoped'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a bundled package without a license file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-notices-'));
    try {
      fs.mkdirSync(path.join(root, 'node_modules', 'bare'), { recursive: true });
      fs.writeFileSync(path.join(root, 'node_modules', 'bare', 'package.json'), JSON.stringify({ name: 'bare', version: '1.0.0', license: 'MIT' }));
      assert.throws(() => renderNotices([metafileOf(['node_modules/bare/index.js'])], root, { name: 'p', version: '1' }), /bare@1\.0\.0 .*has no LICENSE file/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
