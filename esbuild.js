// Bundles the extension, the language server, the CLI and the e2e test entry into dist/.
// `--production` minifies without sourcemaps; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts' }, outdir: 'dist' },
];
// The e2e suite runs inside the extension host; it is never packaged (see .vscodeignore).
if (!production) {
  builds.push({
    ...common,
    entryPoints: { index: 'test/e2e/suite/index.ts' },
    outdir: path.join('dist', 'test'),
    external: ['vscode', 'mocha'],
  });
}

async function main() {
  const fs = require('node:fs');
  const present = builds.filter((b) => Object.values(b.entryPoints).every((p) => fs.existsSync(p)));
  if (watch) {
    const contexts = await Promise.all(present.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(present.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
