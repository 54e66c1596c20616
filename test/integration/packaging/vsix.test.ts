// The VSIX ships exactly what a user needs: the three bundles and the code scan's worker, the browser build's three, the third-party notices, schemas, icons and the
// manifest/readme/license/changelog — nothing else (no sources, maps, tests, node_modules), nothing
// missing, and it stays under 2 MB. Packs the current dist/ (a dev build in `npm test`, which is
// larger than the minified `npm run package` build, so the size check is conservative).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createVSIX, listFiles, PackageManager } from '@vscode/vsce';
import { zipEntries } from './zipEntries';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Where the README's relative links point in the package (vsce needs it for a repository not on GitHub). */
function linkOptions(): { baseContentUrl: string; baseImagesUrl: string } {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'vsce-options.json'), 'utf8')) as { baseContentUrl: string; baseImagesUrl: string };
}
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
/** The browser build (docs/web.md): the extension, its language client and the server's worker, together. */
const WEB_BUNDLES = ['dist/web/extension.js', 'dist/web/languageClient.js', 'dist/web/serverWorker.js'];
const MAX_WEB_BYTES = 2 * 1024 * 1024;

/** Files that ship whatever else changes. */
const FIXED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/extension.js',
  'dist/languageClient.js',
  'dist/server.js',
  'dist/serverMain.js',
  'dist/cli.js',
  'dist/cliMain.js',
  'dist/scanWorker.js',
  // The browser build (package.json "browser"): the extension and its language server's Web Worker.
  'dist/web/extension.js',
  'dist/web/languageClient.js',
  'dist/web/serverWorker.js',
  // The licenses of the bundled packages (the bundles carry no license comments).
  'dist/THIRD-PARTY-NOTICES.txt',
  'media/icon.png',
  'media/specs.svg',
];

/** Every file of a folder with this extension (schemas for hover/validation, the webview's files, the walkthrough). */
function filesIn(dir: string, ext: string): string[] {
  return fs
    .readdirSync(path.join(repoRoot, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => `${dir}/${f}`);
}

function expectedFiles(): string[] {
  return [
    ...FIXED,
    ...filesIn('schemas', '.json'),
    // The matrix webview's script and stylesheet, and the walkthrough's pages.
    ...filesIn('client/media', '.js'),
    ...filesIn('client/media', '.css'),
    ...filesIn('media/walkthrough', '.md'),
  ].sort();
}

/** Patterns that must never be in the package, whatever the allowlist says. */
const FORBIDDEN = [/\.map$/, /\.ts$/, /^dist\/test\//, /node_modules\//, /^test\//, /^examples\//, /^\.vscode-test\//, /^media\/src\//];

describe('VSIX packaging', function () {
  // vsce loads slowly and zips the package; no timing is asserted.
  this.timeout(180_000);

  before(function () {
    const missing = ['dist/extension.js', 'dist/languageClient.js', 'dist/server.js', 'dist/serverMain.js', 'dist/cli.js', 'dist/cliMain.js', 'dist/scanWorker.js', 'dist/web/extension.js', 'dist/web/languageClient.js', 'dist/web/serverWorker.js', 'dist/THIRD-PARTY-NOTICES.txt'].filter((f) => !fs.existsSync(path.join(repoRoot, f)));
    assert.deepEqual(missing, [], `build output missing (run \`npm run build\` first): ${missing.join(', ')}`);
  });

  it('.vscodeignore selects exactly the expected files', async () => {
    const listed = (await listFiles({ cwd: repoRoot, packageManager: PackageManager.None })).map((f) => f.replace(/\\/g, '/')).sort();
    const expected = expectedFiles();
    const unexpected = listed.filter((f) => !expected.includes(f));
    const missing = expected.filter((f) => !listed.includes(f));
    assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] });
    for (const f of listed) assert.ok(!FORBIDDEN.some((re) => re.test(f)), `forbidden file in the package: ${f}`);
  });

  it('packs a VSIX under 2 MB with exactly those files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-vsix-'));
    try {
      const vsix = path.join(dir, 'spectrace.vsix');
      await createVSIX({ cwd: repoRoot, packagePath: vsix, dependencies: false, ...linkOptions() });
      const size = fs.statSync(vsix).size;
      assert.ok(size < MAX_VSIX_BYTES, `VSIX is ${(size / 1024 / 1024).toFixed(2)} MB, the limit is 2 MB`);
      // Packing ran vscode:prepublish (the production build): these are the files the VSIX holds.
      const webBytes = WEB_BUNDLES.reduce((sum, f) => sum + fs.statSync(path.join(repoRoot, f)).size, 0);
      assert.ok(webBytes < MAX_WEB_BYTES, `the browser build is ${(webBytes / 1024 / 1024).toFixed(2)} MB, the limit is 2 MB`);

      const entries = zipEntries(vsix).sort();
      // vsce renames the license, readme and changelog inside the package.
      const renamed: Record<string, string> = { LICENSE: 'LICENSE.txt', 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md' };
      const expected = [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        ...expectedFiles().map((f) => `extension/${renamed[f] ?? f}`),
      ].sort();
      assert.deepEqual(entries, expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('declares the icon and the activity-bar icon files that ship', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { icon?: string };
    assert.equal(manifest.icon, 'media/icon.png');
    const png = fs.readFileSync(path.join(repoRoot, 'media', 'icon.png'));
    // PNG signature, then the IHDR chunk's width and height: the Marketplace wants 128x128.
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    const svg = fs.readFileSync(path.join(repoRoot, 'media', 'specs.svg'), 'utf8');
    assert.match(svg, /viewBox="0 0 24 24"/);
    // Activity-bar icons are masks: one colour only (currentColor), no fills of their own.
    assert.doesNotMatch(svg, /#[0-9a-f]{3,6}\b/i);
  });
});
