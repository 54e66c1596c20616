#!/usr/bin/env node
// `npm run test:web`: the browser build's mocha suite (test/e2e/web) inside code-server's web worker
// extension host. The repository is loaded as a development extension; the user setting
// `remote.extensionKind` makes VS Code run its "browser" entry (dist/web/extension.js) in the web
// worker instead of its "main" entry in the Node host. Fresh code-server, copy of
// examples/acme-shop, every process stopped on exit. Prints the suite's output and the activation
// time the extension measured; exits with the suite's result.
//
// Options: --keep (keep the temp folders). Env: SPECTRACE_E2E_TIMEOUT_MS (overall, default 6 min).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from './lib/install-code-server.mjs';
import { installSignalHandlers, runWithTimeout } from './lib/cleanup.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { QUIET_SETTINGS, sandboxDirs, startCodeServer, tailFile } from './lib/code-server.mjs';
import { runExtensionTests } from './lib/extension-tests.mjs';
import { copyWorkspace, makeTempRoot } from './lib/workspace.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
if (opts.keep) process.env.SPECTRACE_E2E_KEEP = '1';
const OVERALL_TIMEOUT_MS = Number(process.env.SPECTRACE_E2E_TIMEOUT_MS ?? 6 * 60_000);

/** The setting that runs a dual main + browser extension in the web worker extension host. */
export const WEB_WORKER_SETTINGS = { ...QUIET_SETTINGS, 'remote.extensionKind': { 'spectrace.spectrace': ['web'] } };

async function main() {
  const needed = ['dist/web/extension.js', 'dist/web/serverWorker.js', 'dist/test-web/index.js'];
  const missing = needed.filter((f) => !fs.existsSync(path.join(repoRoot, f)));
  if (missing.length > 0) throw new Error(`missing build output ${missing.join(', ')}: run \`npm run build\` first`);
  const paths = await ensureCodeServer(repoRoot);
  const { browser } = await launchBrowser();
  const root = makeTempRoot('spectrace-web');
  const dirs = sandboxDirs(path.join(root, 'server'));
  const workspace = copyWorkspace(path.join(repoRoot, 'examples', 'acme-shop'), root, 'acme-shop');
  const server = await startCodeServer(paths, dirs, { settings: WEB_WORKER_SETTINGS });
  console.log(`[web] code-server ${server.url}, workspace ${workspace}; the extension runs in the web worker host`);
  const result = await runExtensionTests({
    browser,
    server,
    extensionPath: repoRoot,
    testsPath: path.join(repoRoot, 'dist', 'test-web', 'index.js'),
    workspace,
    env: {},
    timeoutMs: 4 * 60_000,
    echo: false,
  });
  // The web worker host's console reaches the page as "[Extension Host] …" lines: the suite's output.
  for (const line of result.log) if (!/^\s*$/.test(line)) console.log(`  | ${line}`);
  if (result.code !== 0) {
    console.error('[web] ---- workbench errors (last 20) ----');
    console.error(result.pageErrors.slice(-20).join('\n') || '(none)');
    console.error('[web] ---- code-server log (last 30 lines) ----');
    console.error(tailFile(dirs.logFile, 30) || '(empty)');
  }
  await result.page.context().close().catch(() => undefined);
  await server.stop();
  console.log(`[web] ${result.code === 0 ? 'PASS' : 'FAIL'} in ${(result.durationMs / 1000).toFixed(1)} s${result.timedOut ? ' (timed out)' : ''}`);
  return result.code === 0 ? 0 : 1;
}

installSignalHandlers();
const code = await runWithTimeout(main, OVERALL_TIMEOUT_MS, 'the web test run did not finish in time');
process.exit(code);
