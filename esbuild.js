// Bundles the extension, the language server, the CLI and the e2e test entry into dist/, and writes
// dist/THIRD-PARTY-NOTICES.txt for the packages bundled into what ships.
// `--production` minifies without sourcemaps; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { writeNotices } = require('./scripts/third-party-notices.cjs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The `yaml` package reads `process.env.LOG_TOKENS` for every token it parses (and LOG_STREAM per
 * document), a debugging switch. `process.env` is a native lookup: on a 20,000-requirement file
 * it was a sixth of the whole parse (bench/RESULTS.md, profile). The bundles fix both to false.
 */
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const patched = source.replace(/node_process\.env\.(LOG_TOKENS|LOG_STREAM)/g, 'false');
      const warnings = patched === source ? [{ text: `yaml-debug-switches-off: nothing to patch in ${args.path} (yaml changed?)` }] : [];
      return { contents: patched, loader: 'js', warnings };
    });
  },
};

/**
 * The browser build's language server runs in a Web Worker: no disk, no git, no threads. These modules
 * of the disk layer are replaced by their browser counterparts in server/src/browser/platform/ (same
 * exports, reading through the client), and Node's built-ins the engine uses by small shims. Any
 * other Node built-in reaching the browser bundles is an error (esbuild cannot resolve it).
 */
const browserPlatformModules = {
  'server/src/disk/readText.ts': 'server/src/browser/platform/readText.ts',
  'server/src/disk/indexFolder.ts': 'server/src/browser/platform/indexFolder.ts',
  'server/src/disk/gitignore.ts': 'server/src/browser/platform/gitignore.ts',
  'server/src/disk/gitHistory.ts': 'server/src/browser/platform/gitHistory.ts',
  'server/src/disk/specHistory.ts': 'server/src/browser/platform/specHistory.ts',
  'server/src/disk/includes.ts': 'server/src/browser/platform/includes.ts',
  'server/src/disk/indexCache.ts': 'server/src/browser/platform/persistedCaches.ts',
  'server/src/disk/specResultCache.ts': 'server/src/browser/platform/persistedCaches.ts',
  'server/src/disk/interchange.ts': 'server/src/browser/platform/interchange.ts',
  'server/src/disk/folderFiles.ts': 'server/src/browser/platform/folderFiles.ts',
};
const browserShims = {
  'node:path': 'server/src/browser/shims/path.ts',
  'node:url': 'server/src/browser/shims/url.ts',
  'node:crypto': 'server/src/browser/shims/crypto.ts',
};
const browserPlatform = {
  name: 'browser-platform',
  setup(build) {
    const byFile = new Map(Object.entries(browserPlatformModules).map(([from, to]) => [path.resolve(from), path.resolve(to)]));
    build.onResolve({ filter: /^\.\.?\/.*disk\// }, (args) => {
      const target = path.resolve(args.resolveDir, args.path) + '.ts';
      const replacement = byFile.get(target);
      return replacement ? { path: replacement } : undefined;
    });
    build.onResolve({ filter: /^node:(path|url|crypto)$/ }, (args) => ({ path: path.resolve(browserShims[args.path]) }));
    // startServer.ts takes its protocol classes from the Node entry; the browser entry has the same ones.
    build.onResolve({ filter: /^vscode-languageserver\/node$/ }, (args) => build.resolve('vscode-languageserver/browser', { kind: args.kind, resolveDir: args.resolveDir }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  plugins: [yamlDebugSwitchesOff],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production && !process.env.SPECTRACE_NO_MINIFY,
  logLevel: 'info',
  legalComments: 'none',
  // ESM-only dependencies (fdir, under tinyglobby) call createRequire(import.meta.url); in a CJS bundle
  // import.meta is empty, so give it this file's URL.
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

// What the VSIX and the CLI ship (.vscodeignore); their metafiles list the bundled packages for the notices.
const shipped = [
  // languageClient: its own bundle, loaded by the extension after activation (`require('./languageClient.js')` in a later turn;
  // stays a runtime require): VS Code's activation time includes loading extension.js.
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode', './languageClient.js'] },
  { ...common, entryPoints: { languageClient: 'client/src/languageClient.ts' }, outdir: 'dist', external: ['vscode'] },
  // scanWorker: the code scan's worker thread, loaded by serverMain.js and cliMain.js from their own folder.
  // server.js and cli.js are small starters that run serverMain.js / cliMain.js with V8's code cache
  // (server/src/startup/compileCache.ts).
  {
    ...common,
    entryPoints: {
      server: 'server/src/startup/server.ts',
      serverMain: 'server/src/serverMain.ts',
      cli: 'server/src/startup/cli.ts',
      cliMain: 'server/src/cliMain.ts',
      scanWorker: 'server/src/disk/scanWorker.ts',
    },
    outdir: 'dist',
  },
].map((b) => ({ ...b, metafile: true }));
// The browser build (package.json "browser"): the extension for a web-worker extension host and its
// language server in a Web Worker. Shipped too; its size is reported by the packaging test.
const browserCommon = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: production ? false : 'linked',
  minify: production && !process.env.SPECTRACE_NO_MINIFY,
  logLevel: 'info',
  legalComments: 'none',
  metafile: true,
  // lsp/ reads a few debugging switches from the environment; a worker has none.
  define: { 'process.env': '{}' },
};
const browserBuilds = [
  // languageClient: loaded by extension.js after activation (client/src/web/loadScript.ts).
  { ...browserCommon, entryPoints: { extension: 'client/src/web/extension.ts', languageClient: 'client/src/web/webLanguageClient.ts' }, outdir: 'dist/web', format: 'cjs', external: ['vscode', './languageClient.js'] },
  {
    ...browserCommon,
    plugins: [yamlDebugSwitchesOff, browserPlatform],
    inject: ['server/src/browser/shims/immediate.ts'],
    entryPoints: { serverWorker: 'server/src/browser/serverWorker.ts' },
    outdir: 'dist/web',
    format: 'iife',
  },
];
shipped.push(...browserBuilds);
const builds = [...shipped];
// The e2e suite runs inside the extension host; it is never packaged (see .vscodeignore).
// index.js bundles mocha (mocha 12 mixes ESM and CJS, which an older extension-host Node cannot
// require); every test/e2e/suite/**/*.test.ts is its own bundle in dist/test/suite/, which index.js
// lists at run time. dist/test is emptied first so a deleted test cannot run from a stale bundle.
// A tree without test/e2e/suite (a source archive of the product alone) builds everything else; where the
// folder is, its entry must be too.
const suiteDir = path.join('test', 'e2e', 'suite');
if (!production && fs.existsSync(suiteDir)) {
  const suiteTests = fs.readdirSync(suiteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));
  if (!watch) fs.rmSync(path.join('dist', 'test'), { recursive: true, force: true });
  builds.push({
    ...common,
    entryPoints: {
      index: 'test/e2e/suite/index.ts',
      ...Object.fromEntries(suiteTests.map((f) => [path.join('suite', f.replace(/\.ts$/, '')), path.join(suiteDir, f)])),
    },
    outdir: path.join('dist', 'test'),
    external: ['vscode'],
    // Only mocha's parallel mode uses these require.resolve calls; the extension host never does.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

// The browser build's suite runs inside the web worker extension host (npm run test:web): one
// CommonJS bundle with mocha's browser build and the tests in it. Never packaged.
const webSuite = path.join('test', 'e2e', 'web', 'index.ts');
if (!production && fs.existsSync(webSuite)) {
  builds.push({ ...browserCommon, metafile: false, entryPoints: { index: webSuite }, outdir: path.join('dist', 'test-web'), format: 'cjs', external: ['vscode'] });
}

/** Every entry point of every build, as [bundle name, source file]. */
function entries(build) {
  return Object.entries(build.entryPoints);
}

async function main() {
  const missing = builds.flatMap(entries).filter(([, file]) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`esbuild.js: entry point${missing.length === 1 ? '' : 's'} not found: ${missing.map(([name, file]) => `${file} (bundle ${name})`).join(', ')}`);
  }
  if (watch) {
    // The notices are written by a full build (npm run build, vscode:prepublish), not on every rebuild.
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  const metafiles = results.filter((_, i) => i < shipped.length).map((r) => r.metafile);
  const notice = path.join('dist', 'THIRD-PARTY-NOTICES.txt');
  const packages = writeNotices(metafiles, process.cwd(), notice);
  console.log(`  ${notice}  ${packages.length} bundled packages`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
