// The mocha entry the extension host loads (`extensionTestsPath`), under code-server and under
// @vscode/test-electron alike: it exports `run()`, which resolves when every test passed and
// rejects otherwise. Bundled by esbuild.js to dist/test/index.js with mocha inside (mocha 12 mixes
// ESM and CJS, which an older extension-host Node cannot `require`); each `*.test.ts` next to this
// file is its own bundle in dist/test/suite/, found here at run time.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { e2eEnv, type E2eMode } from './env';
import { extensionCodeLoadMs } from './hostMarks';

const EXTENSION_ID = 'spectrace.spectrace';
/** Tests whose full title contains this tag run only in the untrusted-workspace pass. */
export const UNTRUSTED_TAG = '@untrusted';
/** Tests whose full title contains this tag run only in the multi-root pass (a .code-workspace of two folders). */
export const MULTIROOT_TAG = '@multiroot';
const LAST_FILE = 'harness.test.js';

/** What the runner reads back from SPECTRACE_E2E_METRICS after the run. */
export interface E2eMetrics {
  mode: E2eMode;
  vscodeVersion: string;
  /** Activation time the extension measured itself (its exports' `activationMs`), if it exposes it. */
  activationMs: number | null;
  /** How long `activate()` took as seen from here, when the extension was not yet active at start. */
  activationObservedMs: number | null;
  /** Loading extension.js, from VS Code's marks around its require (hostMarks.ts); null without them. */
  codeLoadMs: number | null;
  /** `vscode.workspace.isTrusted` when the entry started, and when it finished. */
  trustedAtStart: boolean;
  trustedAtEnd: boolean;
  passes: number;
  failures: number;
  pending: number;
  /** From the entry's start to the end of the mocha run. */
  suiteMs: number;
}

function testFiles(): string[] {
  const dir = path.join(__dirname, 'suite');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    // harness.test.js last: its untrusted pass ends by granting trust, which cannot be undone.
    .sort((a, b) => Number(a === LAST_FILE) - Number(b === LAST_FILE) || a.localeCompare(b))
    .map((f) => path.join(dir, f));
}

/** Keeps only the tests `keep` accepts (a mode filter and an optional grep, which mocha cannot combine). */
function filterTests(suite: Mocha.Suite, keep: (test: Mocha.Test) => boolean): void {
  suite.tests = suite.tests.filter(keep);
  for (const child of suite.suites) filterTests(child, keep);
}

function activationMsFrom(exports: unknown): number | null {
  if (typeof exports === 'object' && exports !== null && 'activationMs' in exports) {
    const ms = (exports as { activationMs: unknown }).activationMs;
    if (typeof ms === 'number' && Number.isFinite(ms)) return ms;
  }
  return null;
}

type ActivationMetrics = Pick<E2eMetrics, 'activationMs' | 'activationObservedMs' | 'codeLoadMs'>;

async function measureActivation(): Promise<ActivationMetrics> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    console.error(`[spectrace-e2e] extension ${EXTENSION_ID} is not loaded`);
    return { activationMs: null, activationObservedMs: null, codeLoadMs: null };
  }
  let activationObservedMs: number | null = null;
  if (!ext.isActive) {
    const start = performance.now();
    await ext.activate();
    activationObservedMs = performance.now() - start;
  }
  return { activationMs: activationMsFrom(ext.exports), activationObservedMs, codeLoadMs: extensionCodeLoadMs(EXTENSION_ID) ?? null };
}

function writeMetrics(file: string | undefined, metrics: E2eMetrics): void {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(metrics, null, 2) + '\n');
  } catch (err) {
    // The runner reports the missing file; the test result itself stays what it was.
    console.error(`[spectrace-e2e] could not write metrics to ${file}: ${String(err)}`);
  }
}

export async function run(): Promise<void> {
  const env = e2eEnv();
  const started = performance.now();
  const trustedAtStart = vscode.workspace.isTrusted;
  console.log(`[spectrace-e2e] mode=${env.mode} vscode=${vscode.version} workspace=${env.workspace ?? '(none)'} trusted=${vscode.workspace.isTrusted}`);
  // Measured before any test can activate the extension some other way.
  const activation = await measureActivation().catch((err: unknown) => {
    console.error(`[spectrace-e2e] activation failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { activationMs: null, activationObservedMs: null, codeLoadMs: null };
  });
  console.log(`[spectrace-e2e] activationMs=${activation.activationMs ?? 'n/a'} observedMs=${activation.activationObservedMs?.toFixed(1) ?? 'already active'} codeLoadMs=${activation.codeLoadMs?.toFixed(1) ?? 'n/a'}`);

  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, slow: 5_000 });
  const files = testFiles();
  // What mocha's own loadFiles does, with require() and not import(): VS Code serves the
  // `vscode` module only to CommonJS requires.
  const load = createRequire(__filename);
  for (const file of files) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', load(file), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }

  const grep = env.grep ? new RegExp(env.grep, 'i') : undefined;
  filterTests(mocha.suite, (test) => {
    const title = test.fullTitle();
    const pass: E2eMode = title.includes(UNTRUSTED_TAG) ? 'untrusted' : title.includes(MULTIROOT_TAG) ? 'multiroot' : 'trusted';
    if (pass !== env.mode) return false;
    return grep ? grep.test(title) : true;
  });
  const total = mocha.suite.total();
  console.log(`[spectrace-e2e] ${files.length} test file(s), ${total} test(s) selected for mode ${env.mode}`);

  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 } as Mocha.Stats));
  });
  writeMetrics(env.metricsFile, {
    mode: env.mode,
    vscodeVersion: vscode.version,
    ...activation,
    trustedAtStart,
    trustedAtEnd: vscode.workspace.isTrusted,
    passes: stats.passes,
    failures: stats.failures,
    pending: stats.pending,
    suiteMs: Math.round(performance.now() - started),
  });
  // A grep aimed at the other passes' tests leaves the multiroot pass with nothing to run: not an error.
  if (total === 0 && env.mode === 'multiroot' && env.grep) {
    console.log('[spectrace-e2e] no multiroot test matches the grep');
    return;
  }
  if (files.length === 0 || total === 0) {
    throw new Error(`no e2e tests to run for mode ${env.mode} (looked in ${path.join(__dirname, 'suite')})`);
  }
  if (stats.failures > 0) throw new Error(`${stats.failures} of ${total} e2e test(s) failed`);
}
