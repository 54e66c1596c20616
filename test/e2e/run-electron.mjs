#!/usr/bin/env node
// `npm run test:electron`: the same mocha suite (dist/test/index.js) under @vscode/test-electron,
// i.e. in a desktop VS Code. test-electron downloads VS Code from Microsoft's update server; where
// that is unreachable (as on the project's build machines) this fails at once with a clear message
// instead of hanging. To use an installed VS Code instead: SPECTRACE_VSCODE_EXECUTABLE=/path/to/code.
// Runs the trusted pass only: granting trust needs the browser-driven runner (npm run test:e2e).
// On Linux without a display, run it under `xvfb-run -a npm run test:electron`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { download, runTests } from '@vscode/test-electron';
import { installSignalHandlers, onCleanup, runWithTimeout } from './lib/cleanup.mjs';
import { killDescendants } from './lib/descendants.mjs';
import { copyWorkspace, makeTempRoot } from './lib/workspace.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OVERALL_TIMEOUT_MS = Number(process.env.SPECTRACE_E2E_TIMEOUT_MS ?? 10 * 60_000);
const DOWNLOAD_IDLE_TIMEOUT_MS = 20_000;

function describeDownloadError(err) {
  const message = err instanceof Error ? err.message : String(err);
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|timed? ?out|socket hang up/i.test(message);
  return [
    `[electron] could not get VS Code through @vscode/test-electron: ${message}`,
    offline
      ? '[electron] this machine cannot reach update.code.visualstudio.com, so no VS Code can be downloaded here.'
      : '[electron] the download or unpacking failed.',
    '[electron] Run the same suite in code-server instead: npm run test:e2e',
    '[electron] or point at an installed VS Code: SPECTRACE_VSCODE_EXECUTABLE=/path/to/code npm run test:electron',
  ].join('\n');
}

async function main() {
  const testsPath = path.join(repoRoot, 'dist', 'test', 'index.js');
  for (const f of ['dist/extension.js', 'dist/test/index.js']) {
    if (!fs.existsSync(path.join(repoRoot, f))) throw new Error(`missing build output ${f}: run \`npm run build\` first`);
  }
  // test-electron's child is not handed out: stop whatever this process started, whatever happens.
  onCleanup('test-electron processes', () => killDescendants());

  let vscodeExecutablePath = process.env.SPECTRACE_VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    console.log('[electron] getting VS Code (stable) through @vscode/test-electron...');
    try {
      vscodeExecutablePath = await download({
        version: 'stable',
        cachePath: path.join(repoRoot, '.vscode-test'),
        timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
      });
    } catch (err) {
      console.error(describeDownloadError(err));
      return 1;
    }
  } else if (!fs.existsSync(vscodeExecutablePath)) {
    console.error(`[electron] SPECTRACE_VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
    return 1;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('[electron] no DISPLAY: Electron needs one on Linux; run under `xvfb-run -a` if VS Code fails to start');
  }

  const root = makeTempRoot('spectrace-electron');
  const workspace = copyWorkspace(path.join(repoRoot, 'examples', 'acme-shop'), root, 'acme-shop');
  const metricsFile = path.join(root, 'metrics.json');
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsPath,
    extensionTestsEnv: {
      SPECTRACE_E2E_MODE: 'trusted',
      SPECTRACE_E2E_WORKSPACE: workspace,
      SPECTRACE_E2E_RUNNER: 'electron',
      SPECTRACE_E2E_METRICS: metricsFile,
      ...(process.env.SPECTRACE_E2E_GREP ? { SPECTRACE_E2E_GREP: process.env.SPECTRACE_E2E_GREP } : {}),
    },
    launchArgs: [
      workspace,
      '--disable-workspace-trust',
      '--disable-extensions',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', path.join(root, 'user-data'),
      '--extensions-dir', path.join(root, 'extensions'),
    ],
  }).catch((err) => {
    console.error(`[electron] the test run failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  });
  try {
    const m = JSON.parse(fs.readFileSync(metricsFile, 'utf8'));
    console.log(`[electron] ${m.passes} passed, ${m.failures} failed; activation ${m.activationMs ?? m.activationObservedMs ?? 'not reported'} ms`);
  } catch {
    console.error('[electron] the suite wrote no metrics: it did not run');
  }
  return code;
}

installSignalHandlers();
const code = await runWithTimeout(main, OVERALL_TIMEOUT_MS, 'the electron test run did not finish in time');
process.exit(code);
