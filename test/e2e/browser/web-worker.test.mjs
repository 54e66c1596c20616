// Browser-level test of the browser build: the packaged VSIX installed into a fresh code-server with
// the user setting that runs its "browser" entry in the web worker extension host (the host
// vscode.dev and github.dev have), examples/acme-shop opened in Debian's Chromium. Running
// Extensions shows Spectrace in the "web worker" host with VS Code's activation time, and a broken
// spec gets its squiggle and a requirement its code lens from the language server in its Web Worker.
// Screenshots go to test/output/screenshots/web-*.png (docs/images/web-*.png come from there).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from '../lib/install-code-server.mjs';
import { cleanupAll, installSignalHandlers } from '../lib/cleanup.mjs';
import { launchBrowser, newPage, waitForWorkbench, workbenchUrl } from '../lib/browser.mjs';
import { QUIET_SETTINGS, installExtension, sandboxDirs, startCodeServer } from '../lib/code-server.mjs';
import { copyWorkspace, makeTempRoot } from '../lib/workspace.mjs';
import { openFile, packVsix, reportFailure, runCommand, screenshot, spectraceActivation } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const shots = path.join(repoRoot, 'test', 'output', 'screenshots');

/** Adds the web worker figures to test/output/e2e-metrics.json (beside test:e2e's and acme-shop's). */
function recordMetric(values) {
  const file = path.join(repoRoot, 'test', 'output', 'e2e-metrics.json');
  let doc = {};
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // No earlier run wrote it: start the file.
  }
  doc.webWorker = { ...values, date: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
}

describe('acme-shop in the web worker extension host (browser build, VSIX installed in code-server)', function () {
  /** @type {import('playwright-core').Page} */
  let page;
  let dirs;

  before(async function () {
    this.timeout(600_000); // first use installs code-server (minutes); later runs take seconds
    installSignalHandlers();
    for (const f of ['dist/web/extension.js', 'dist/web/serverWorker.js']) {
      assert.ok(fs.existsSync(path.join(repoRoot, f)), `missing ${f}: run \`npm run build\` first`);
    }
    const paths = await ensureCodeServer(repoRoot);
    const root = makeTempRoot('spectrace-browser-web');
    const vsix = path.join(root, 'spectrace.vsix');
    await packVsix(repoRoot, vsix);
    dirs = sandboxDirs(path.join(root, 'server'));
    await installExtension(paths, dirs, vsix);
    const workspace = copyWorkspace(path.join(repoRoot, 'examples', 'acme-shop'), root, 'acme-shop');
    fs.copyFileSync(path.join(here, 'fixtures', 'specs', 'e2e-broken.yaml'), path.join(workspace, 'specs', 'e2e-broken.yaml'));
    // A dual main + browser extension runs in the Node host by default; this setting picks the web worker.
    const settings = { ...QUIET_SETTINGS, 'remote.extensionKind': { 'spectrace.spectrace': ['web'] } };
    const server = await startCodeServer(paths, dirs, { trust: false, settings });
    const { browser } = await launchBrowser();
    page = await newPage(browser, { width: 1680, height: 1000 });
    await page.goto(workbenchUrl(server.url, workspace), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, page, { shots, repoRoot, prefix: 'failed-web-', logFile: dirs?.logFile });
  });

  after(async function () {
    this.timeout(60_000);
    await cleanupAll();
  });

  it('runs in the "web worker" host, and VS Code reports its activation time', async () => {
    try {
      const { row, label } = await spectraceActivation(page, 60_000);
      const text = await row.innerText();
      assert.match(text, /web worker/i, `Spectrace runs in the web worker host (${text.replace(/\s+/g, ' ')})`);
      const ms = Number(/([\d.]+)\s*ms/.exec(label)?.[1]);
      assert.ok(Number.isFinite(ms), `an activation time is shown ("${label}")`);
      recordMetric({ runningExtensionsLabel: label, activationMs: ms, host: 'web worker' });
      console.log(`      VS Code reports: ${label} (web worker)`);
      await screenshot(page, shots, 'web-running-extensions');
    } finally {
      await runCommand(page, 'View: Close All Editors');
    }
  });

  it('shows a broken spec with a squiggle from the Web Worker language server', async () => {
    const editor = await openFile(page, 'specs/e2e-broken.yaml');
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
    await runCommand(page, 'View: Focus Problems');
    const panel = page.locator('.markers-panel');
    await panel.locator('.monaco-list-row', { hasText: /urgent|must, should, could, wont/i }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, shots, 'web-squiggle');
  });

  it('shows a code lens above a requirement', async () => {
    await runCommand(page, 'View: Hide Panel');
    const editor = await openFile(page, 'specs/checkout.yaml');
    const lens = editor.locator('.codelens-decoration', { hasText: /\S/ }).first();
    await lens.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await lens.innerText(), /impl|test|R-20|M-\d/i);
    await screenshot(page, shots, 'web-codelens');
  });
});
