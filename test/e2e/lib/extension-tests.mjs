// Runs the extension's mocha suite inside code-server's extension host, driven from a real browser
// page: the workbench's smoke-test driver reads `payload` (extensionDevelopmentPath,
// extensionTestsPath, extensionEnvironment) from the URL, loads the extension from the repository,
// calls the tests module's `run()`, and reports back through two functions exposed on the page:
// `codeAutomationLog(type, args)` (extension host console) and `codeAutomationExit(code)`.
import util from 'node:util';
import { newPage, waitForWorkbench, workbenchUrl } from './browser.mjs';
import { shuttingDown } from './cleanup.mjs';

/** A line the suite logs to ask the runner to grant workspace trust through the real UI. */
export const GRANT_TRUST_REQUEST = '[spectrace-e2e] request: grant-trust';
export const GRANT_TRUST_DONE = '[spectrace-e2e] trust granted by the runner';

/**
 * Lines code-server logs on every offline start that say nothing about the extension: the
 * marketplace (open-vsx) lookups, GitHub auth, chat/agent services, web-lifecycle warnings.
 */
const OFFLINE_NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /open-vsx\.org/,
  /Long running operations during shutdown are unsupported in the web/,
  /vsda/,
  /github-authentication/i,
  /\[AgentHost/,
  /\[AccountPolicyGate\]/,
  /RemoteAgentHost/,
  /No default agent contributed/,
  /chatSessionInput|\[Chat[A-Za-z]*\]/,
  /Extension `vscode\.[a-z-]+` is already registered/,
];

function isOfflineNoise(line) {
  return OFFLINE_NOISE.some((re) => re.test(line));
}

function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${absPath}`;
}

/**
 * Clicks "trust" in the workbench: the startup trust dialog when it is showing, otherwise the
 * Workspace Trust editor opened from the command palette.
 */
export async function grantTrustInUi(page) {
  // The command palette sometimes opens without listing the command (the workbench still starting on a
  // busy machine, focus taken by a notification): close it and try again rather than fail the suite.
  const attempts = 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await grantTrustOnce(page);
    } catch (err) {
      if (attempt >= attempts) throw err;
      await page.keyboard.press('Escape').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function grantTrustOnce(page) {
  const dialogButton = page.locator('.monaco-dialog-box .monaco-button', { hasText: /trust the authors/i }).first();
  if (await dialogButton.isVisible().catch(() => false)) {
    await dialogButton.click();
    return 'startup dialog';
  }
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill('>Workspaces: Manage Workspace Trust');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: /Manage Workspace Trust/ }).first().click({ timeout: 6000 });
  const trustButton = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust( Folder)?$/ }).first();
  await trustButton.click({ timeout: 15000 });
  return 'workspace trust editor';
}

/**
 * Opens the workspace with the test payload and waits for the suite's exit code.
 * Returns { code, log } where `log` holds every extension host line; `timedOut` when the suite did
 * not finish within `timeoutMs`. The page stays open until the exit arrives (the extension host only
 * runs while a browser is connected) and is closed afterwards.
 */
export async function runExtensionTests({ browser, server, extensionPath, testsPath, workspace, env, timeoutMs = 300000, echo = true }) {
  const page = await newPage(browser);
  const log = [];
  const pageErrors = [];
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  let trustRequests = 0;
  let inNoise = false;
  // The console shows the suite's own output: from its first "[spectrace-e2e]" line until the exit
  // code arrives, minus known offline noise. Everything stays in `log`, printed on failure.
  let echoing = false;
  let finished = false;
  const print = (line) => {
    log.push(line);
    if (line.includes('[spectrace-e2e]')) echoing = true;
    const noise = isOfflineNoise(line) || (inNoise && /^(ERR)?\s+at /.test(line));
    inNoise = noise;
    if (echo && echoing && !finished && !noise) process.stdout.write(`  | ${line}\n`);
  };
  await page.exposeFunction('codeAutomationExit', (code) => {
    finished = true;
    resolveExit(Number(code));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    for (const l of line.split('\n')) print(type === 'error' ? `ERR ${l}` : l);
    if (line.includes(GRANT_TRUST_REQUEST)) trustRequests++;
  });
  // A closed page (browser gone, run aborted) ends the wait; it is not a result.
  page.on('close', () => resolveExit(undefined));
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(`console.error: ${msg.text()}`);
  });

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
    ['extensionTestsPath', remoteUri(server, testsPath)],
    ['extensionEnvironment', JSON.stringify(env)],
  ];
  const started = Date.now();
  await page.goto(workbenchUrl(server.url, workspace, payload), { waitUntil: 'domcontentloaded', timeout: 60000 });
  await waitForWorkbench(page);

  // Serve trust requests from the suite while it runs; a failure here is logged for the suite to see.
  let handled = 0;
  let stop = false;
  const trustLoop = (async () => {
    while (!stop) {
      if (trustRequests > handled) {
        handled = trustRequests;
        try {
          const how = await grantTrustInUi(page);
          print(`${GRANT_TRUST_DONE} (${how})`);
        } catch (err) {
          print(`ERR [spectrace-e2e] could not grant trust: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  const code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  stop = true;
  await trustLoop;
  const aborted = shuttingDown() || page.isClosed();
  return {
    code: aborted || code === undefined ? 1 : code,
    timedOut: !aborted && code === undefined,
    aborted,
    log,
    pageErrors,
    page,
    durationMs: Date.now() - started,
  };
}
