#!/usr/bin/env node
// `npm run test:e2e`: runs the extension's mocha suite (test/e2e/suite) inside a real VS Code —
// code-server 4.139 (VS Code 1.139) driven by Debian's Chromium — in three passes:
//   trusted    workspace trust disabled (the folder is trusted): every test without a tag below
//   untrusted  workspace trust on, the folder untrusted (restricted mode): the "@untrusted" tests
//   multiroot  a .code-workspace of two folders (test/fixtures/e2e/multi-root): the "@multiroot" tests
// Each pass gets a fresh code-server (own port, user-data, extensions, XDG folders) and a fresh
// copy of examples/acme-shop. Prints the extension host log, writes test/output/e2e-metrics.json,
// exits with the suites' result. Every process it starts is stopped on exit, Ctrl-C or timeout.
//
// Options: --mode trusted|untrusted|multiroot|all (default all), --grep <regexp> (on full test titles),
// --keep (keep the temp folders). Env: SPECTRACE_E2E_TIMEOUT_MS (overall, default 10 min).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from './lib/install-code-server.mjs';
import { installSignalHandlers, runWithTimeout, shuttingDown } from './lib/cleanup.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { sandboxDirs, serverLogFiles, startCodeServer, tailFile } from './lib/code-server.mjs';
import { runExtensionTests } from './lib/extension-tests.mjs';
import { copyWorkspace, makeTempRoot } from './lib/workspace.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({
  options: {
    mode: { type: 'string', default: 'all' },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
if (opts.keep) process.env.SPECTRACE_E2E_KEEP = '1';
const MODES = opts.mode === 'all' ? ['trusted', 'untrusted', 'multiroot'] : [opts.mode];
const OVERALL_TIMEOUT_MS = Number(process.env.SPECTRACE_E2E_TIMEOUT_MS ?? 10 * 60_000);
const PASS_TIMEOUT_MS = 5 * 60_000;

function requireBuild() {
  const needed = ['dist/extension.js', 'dist/server.js', 'dist/test/index.js'];
  const missing = needed.filter((f) => !fs.existsSync(path.join(repoRoot, f)));
  if (missing.length > 0) throw new Error(`missing build output ${missing.join(', ')}: run \`npm run build\` first`);
}

function printFailureContext(mode, result, dirs) {
  console.error(`\n[e2e] ---- ${mode}: extension host output (last 80 lines) ----`);
  console.error(result.log.slice(-80).join('\n') || '(none)');
  if (result.pageErrors.length > 0) {
    console.error(`[e2e] ---- ${mode}: workbench errors (last 20) ----`);
    console.error(result.pageErrors.slice(-20).join('\n'));
  }
  console.error(`[e2e] ---- ${mode}: code-server log (last 40 lines) ----`);
  console.error(tailFile(dirs.logFile, 40) || '(empty)');
  // The extension host's own log, the server's, and the extension's output channels (Spectrace.log...).
  const wanted = (f) => /exthost|remoteagent|server/i.test(path.basename(f)) || /spectrace/i.test(path.relative(dirs.userDataDir, f));
  for (const file of serverLogFiles(dirs).filter(wanted)) {
    const tail = tailFile(file, 40).trim();
    if (!tail) continue;
    console.error(`[e2e] ---- ${mode}: ${path.relative(dirs.userDataDir, file)} (last 40 lines) ----`);
    console.error(tail);
  }
}

async function runPass(paths, browser, mode) {
  const root = makeTempRoot(`spectrace-e2e-${mode}`);
  const dirs = sandboxDirs(path.join(root, 'server'));
  // The multiroot pass opens the .code-workspace file of a copy of the two-folder fixture.
  const workspace =
    mode === 'multiroot'
      ? path.join(copyWorkspace(path.join(repoRoot, 'test', 'fixtures', 'e2e', 'multi-root'), root, 'multi-root'), 'multi-root.code-workspace')
      : copyWorkspace(path.join(repoRoot, 'examples', 'acme-shop'), root, 'acme-shop');
  const metricsFile = path.join(root, 'metrics.json');
  console.log(`\n[e2e] pass "${mode}": starting code-server (workspace trust ${mode === 'untrusted' ? 'on' : 'disabled'})`);
  const server = await startCodeServer(paths, dirs, { trust: mode === 'untrusted' });
  console.log(`[e2e] code-server ${server.url} (pgid ${server.pgid}), workspace ${workspace}`);
  const env = {
    SPECTRACE_E2E_MODE: mode,
    SPECTRACE_E2E_WORKSPACE: workspace,
    SPECTRACE_E2E_RUNNER: 'code-server',
    SPECTRACE_E2E_METRICS: metricsFile,
    ...(opts.grep ? { SPECTRACE_E2E_GREP: opts.grep } : {}),
  };
  const result = await runExtensionTests({
    browser,
    server,
    extensionPath: repoRoot,
    testsPath: path.join(repoRoot, 'dist', 'test', 'index.js'),
    workspace,
    env,
    timeoutMs: PASS_TIMEOUT_MS,
  });
  if (result.aborted) throw new Error(`pass "${mode}" aborted`);
  await result.page.context().close().catch(() => undefined);
  let metrics = null;
  try {
    metrics = JSON.parse(fs.readFileSync(metricsFile, 'utf8'));
  } catch {
    console.error(`[e2e] ${mode}: the suite wrote no metrics (${metricsFile}); did run() start?`);
  }
  if (result.timedOut) console.error(`[e2e] ${mode}: the suite did not finish within ${PASS_TIMEOUT_MS / 1000} s`);
  if (result.code !== 0) printFailureContext(mode, result, dirs);
  await server.stop();
  console.log(`[e2e] pass "${mode}": exit ${result.code} in ${(result.durationMs / 1000).toFixed(1)} s`);
  return { mode, code: result.code, timedOut: result.timedOut, durationMs: result.durationMs, metrics };
}

function writeMetrics(results, totalMs) {
  const out = path.join(repoRoot, 'test', 'output', 'e2e-metrics.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const trusted = results.find((r) => r.mode === 'trusted')?.metrics;
  const doc = {
    runner: 'code-server',
    date: new Date().toISOString(),
    vscodeVersion: results.find((r) => r.metrics)?.metrics.vscodeVersion ?? null,
    activationMs: trusted?.activationMs ?? null,
    activationObservedMs: trusted?.activationObservedMs ?? null,
    codeLoadMs: trusted?.codeLoadMs ?? null,
    totalMs,
    passes: Object.fromEntries(results.map((r) => [r.mode, { exitCode: r.code, timedOut: r.timedOut, passMs: r.durationMs, ...r.metrics }])),
  };
  fs.writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
  return { out, doc };
}

async function main() {
  const started = Date.now();
  requireBuild();
  const paths = await ensureCodeServer(repoRoot);
  const { browser } = await launchBrowser();
  const results = [];
  for (const mode of MODES) {
    if (shuttingDown()) return 1;
    results.push(await runPass(paths, browser, mode));
  }
  const { out, doc } = writeMetrics(results, Date.now() - started);
  console.log('\n[e2e] summary');
  for (const r of results) {
    const m = r.metrics;
    console.log(`  ${r.mode.padEnd(9)} ${r.code === 0 ? 'PASS' : 'FAIL'}  ${m ? `${m.passes} passed, ${m.failures} failed, ${m.pending} pending` : 'no metrics'}  ${(r.durationMs / 1000).toFixed(1)} s`);
  }
  const act = doc.activationMs ?? doc.activationObservedMs;
  console.log(`  activation: ${act === null ? 'not reported' : `${act.toFixed(1)} ms`}${doc.activationMs === null && act !== null ? ' (observed from the test entry)' : ''}`);
  console.log(`  metrics: ${path.relative(repoRoot, out)}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

if (!['all', 'trusted', 'untrusted', 'multiroot'].includes(opts.mode)) {
  console.error(`[e2e] --mode must be trusted, untrusted, multiroot or all (got ${opts.mode})`);
  process.exit(2);
}
installSignalHandlers();
const code = await runWithTimeout(main, OVERALL_TIMEOUT_MS, 'the e2e run did not finish in time');
process.exit(code);
