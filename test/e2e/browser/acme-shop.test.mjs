// Browser-level test: the packaged VSIX installed into a fresh code-server, examples/acme-shop (a
// temp copy, plus a broken spec and one with hostile titles) opened in Debian's Chromium, and the
// UI checked the way a user sees it. Screenshots of each step go to test/output/screenshots/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from '../lib/install-code-server.mjs';
import { cleanupAll, installSignalHandlers } from '../lib/cleanup.mjs';
import { launchBrowser, newPage, waitForWorkbench, workbenchUrl } from '../lib/browser.mjs';
import { installExtension, sandboxDirs, startCodeServer } from '../lib/code-server.mjs';
import { copyWorkspace, makeTempRoot } from '../lib/workspace.mjs';
import { waitFor } from '../lib/poll.mjs';
import { buildDemoHistory } from '../../../scripts/demoHistory.mjs';
import { expandedPane, openFile, openViewContainer, packVsix, reportFailure, revealTreePath, runCommand, screenshot, spectraceActivation, spectraceReady, waitForFrame, widenSidebar } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const shots = path.join(repoRoot, 'test', 'output', 'screenshots');
const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_SCRIPT = '</script><script>alert(2)</script>';

/**
 * Adds SRCH-4's history to the workspace copy's git repository: a commit where it is at rev 1 (its
 * criterion as it was), then the example as it is. Review Suspect Links reads the old side from it.
 */
function commitSrch4History(workspace) {
  const git = (...args) => execFileSync('git', ['-c', 'core.fsmonitor=false', '-c', 'user.name=Acme PM', '-c', 'user.email=pm@acme.test', ...args], { cwd: workspace, stdio: 'pipe' });
  const spec = path.join(workspace, 'specs', 'search.yaml');
  const now = fs.readFileSync(spec, 'utf8');
  const rev1 = now.replace('    rev: 2\n', '    rev: 1\n').replace('one wrong or two swapped letters still finds the product ("headphnes" and "haedphones" find headphones)', 'one wrong letter still finds the product ("headphnes" finds headphones)');
  assert.notEqual(rev1, now, 'SRCH-4 at rev 2 in the example');
  git('init', '-q');
  fs.writeFileSync(spec, rev1);
  git('add', '-A');
  git('commit', '-q', '-m', 'SRCH-4 at rev 1');
  fs.writeFileSync(spec, now);
  git('commit', '-q', '-am', 'SRCH-4: swapped letters are a typo too (rev 2)');
}

/** Adds the installed VSIX's figures to test/output/e2e-metrics.json (written by test:e2e). */
function recordMetric(values) {
  const file = path.join(repoRoot, 'test', 'output', 'e2e-metrics.json');
  let doc = {};
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // test:e2e has not run (yet): start the file.
  }
  doc.browser = { ...(doc.browser ?? {}), ...values, date: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
}

describe('acme-shop in the browser (VSIX installed in code-server)', function () {
  /** @type {import('playwright-core').Page} */
  let page;
  let server;
  let dirs;
  let workspace;
  const dialogs = [];
  const pageErrors = [];

  before(async function () {
    this.timeout(600_000); // first use installs code-server (minutes); later runs take seconds
    installSignalHandlers();
    for (const f of ['dist/extension.js', 'dist/server.js']) {
      assert.ok(fs.existsSync(path.join(repoRoot, f)), `missing ${f}: run \`npm run build\` first`);
    }
    const paths = await ensureCodeServer(repoRoot);
    const root = makeTempRoot('spectrace-browser');

    // The VSIX from the current build, exactly as `vsce package` makes it.
    const vsix = path.join(root, 'spectrace.vsix');
    await packVsix(repoRoot, vsix);
    dirs = sandboxDirs(path.join(root, 'server'));
    await installExtension(paths, dirs, vsix);
    const installed = fs.readdirSync(dirs.extensionsDir).filter((d) => d.startsWith('spectrace.spectrace-'));
    assert.equal(installed.length, 1, `the VSIX is installed in ${dirs.extensionsDir}`);

    workspace = copyWorkspace(path.join(repoRoot, 'examples', 'acme-shop'), root, 'acme-shop');
    for (const f of fs.readdirSync(path.join(here, 'fixtures', 'specs'))) {
      fs.copyFileSync(path.join(here, 'fixtures', 'specs', f), path.join(workspace, 'specs', f));
    }
    // The demo's dated history of the example (the burn-up draws it), then SRCH-4's two commits on top.
    buildDemoHistory(path.join(repoRoot, 'examples', 'acme-shop'), path.join(root, 'history'));
    fs.renameSync(path.join(root, 'history', '.git'), path.join(workspace, '.git'));
    commitSrch4History(workspace);

    server = await startCodeServer(paths, dirs, { trust: false });
    const { browser } = await launchBrowser();
    // Wide enough for a widened side bar next to the editor and the matrix in the screenshots.
    page = await newPage(browser, { width: 1680, height: 1000 });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(workbenchUrl(server.url, workspace), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, page, { shots, repoRoot, prefix: 'failed-', logFile: dirs?.logFile });
  });

  after(async function () {
    this.timeout(60_000);
    await cleanupAll();
  });

  it('activates at startup and VS Code reports its activation time', async () => {
    try {
      const { label } = await spectraceActivation(page, 30_000);
      const ms = Number(/([\d.]+)\s*ms/.exec(label)?.[1]);
      assert.ok(Number.isFinite(ms), `an activation time is shown for Spectrace ("${label}")`);
      recordMetric({ runningExtensionsLabel: label, activationMs: ms });
      console.log(`      VS Code reports: ${label}`);
      await screenshot(page, shots, 'running-extensions');
    } finally {
      // The next tests click in the workbench: leave no editor open over it, even after a failure.
      await runCommand(page, 'View: Close All Editors');
    }
  });

  it('opens the Specs container from the activity bar', async () => {
    const sidebar = await openViewContainer(page, 'Specs');
    await widenSidebar(page, 220);
    for (const view of ['Requirements', 'Roadmap', 'Coverage gaps']) {
      await sidebar.locator('.pane-header', { hasText: view }).first().waitFor({ state: 'visible', timeout: 20_000 });
    }
    await screenshot(page, shots, 'specs-container');
  });

  it("shows the example's requirement IDs in the Requirements tree", async () => {
    await openViewContainer(page, 'Specs');
    const pane = await expandedPane(page, 'Requirements');
    // Product -> top-level requirement -> child requirement, as in the example's specs.
    for (const [product, epic] of [['accounts', 'ACC-1'], ['Acme Search', 'SRCH-1'], ['Acme Checkout', 'PAY-1']]) {
      await revealTreePath(page, pane, [product, epic]);
    }
    const child = await revealTreePath(page, pane, ['Acme Checkout', 'PAY-1', 'CART-1']);
    assert.match(await child.innerText(), /Shopping cart/);
    assert.match(await child.innerText(), /released/, 'the description shows the status');
    await screenshot(page, shots, 'requirements-tree');
  });

  it('shows the roadmap as its hierarchy, with progress by stage', async () => {
    await openViewContainer(page, 'Specs');
    const pane = await expandedPane(page, 'Roadmap');
    // M-2 sits under its parent release R-2027; its four requirements are in progress, not "0/4 done".
    const milestone = await revealTreePath(page, pane, ['R-2027', 'M-2']);
    assert.match(await milestone.innerText(), /4 in progress/);
    await screenshot(page, shots, 'roadmap');
  });

  it('shows the Insights view: customers, their insights and the requirements addressing them', async () => {
    await openViewContainer(page, 'Specs');
    // Room for the Insights view in the screenshot: the other views folded, the sidebar wider.
    for (const title of ['Requirements', 'Roadmap']) {
      const header = page.locator('.part.sidebar .pane-header', { hasText: new RegExp(`^\\s*${title}`) }).first();
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    await widenSidebar(page, 200);
    const pane = await expandedPane(page, 'Insights');
    // Globex's critical insight is planned: two in-progress requirements cite it.
    const insight = await revealTreePath(page, pane, ['Globex', 'INS-1']);
    assert.match(await insight.innerText(), /critical · planned/);
    const requirement = await revealTreePath(page, pane, ['Globex', 'INS-1', 'PAY-4']);
    assert.match(await requirement.innerText(), /in-progress/);
    await revealTreePath(page, pane, ['Stark Industries', 'INS-7']);
    await screenshot(page, shots, 'insights-view');
    // As the later screenshots expect: the other views open, the sidebar as it was.
    for (const title of ['Requirements', 'Roadmap']) await expandedPane(page, title);
    await widenSidebar(page, -200);
  });

  it('shows a broken spec with a squiggle and its entry in the Problems panel', async () => {
    const editor = await openFile(page, 'specs/e2e-broken.yaml');
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: 30_000 });
    await screenshot(page, shots, 'squiggle');

    await runCommand(page, 'View: Focus Problems');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    await panel.locator('.monaco-list-row', { hasText: 'e2e-broken.yaml' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const marker = panel.locator('.monaco-list-row', { hasText: /urgent|must, should, could, wont/i }).first();
    await marker.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await marker.innerText(), /spectrace/i, 'the problem names its source');
    await screenshot(page, shots, 'problems');
  });

  it('shows a code lens above a requirement', async () => {
    const editor = await openFile(page, 'specs/checkout.yaml');
    const lens = editor.locator('.codelens-decoration', { hasText: /\S/ }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await lens.innerText(), /impl|test|R-20|M-\d/i);
    await screenshot(page, shots, 'codelens');
  });

  it('renders the traceability matrix webview with escaped spec text', async () => {
    await runCommand(page, 'View: Hide Panel'); // the matrix gets the editor area's full height
    await runCommand(page, 'Spectrace: Show Traceability Matrix');
    const frame = await waitForFrame(
      page,
      async (f) => (await f.locator('table tbody tr').count()) > 0 && (await f.locator('table', { hasText: 'PAY-1' }).count()) > 0,
      'a matrix table listing PAY-1',
    );
    const rows = await frame.locator('table tbody tr').count();
    assert.ok(rows >= 40, `the matrix lists the example's requirements (${rows} rows)`);
    await screenshot(page, shots, 'matrix');

    // Hostile titles are text: visible as typed, no element or script made from them.
    const text = await frame.locator('body').innerText();
    assert.ok(text.includes(XSS_IMG), 'the <img> title shows as text');
    assert.ok(text.includes(XSS_SCRIPT), 'the </script> title shows as text');
    assert.equal(await frame.locator('img[src="x"]').count(), 0, 'no <img> element was created from spec text');
    assert.deepEqual(dialogs, [], 'no alert() ran');
    // The webview's Content-Security-Policy allows scripts only with a nonce.
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(csp, 'the webview declares a Content-Security-Policy');
    const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
    assert.match(scriptSrc, /'nonce-[^']+'/);
    assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'/);

    // The filter narrows the table to the hostile rows: a picture of the titles shown as text.
    const filter = frame.locator('input[type="search"], input[type="text"], input:not([type])').first();
    await filter.fill('XSS');
    await frame.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2, undefined, { timeout: 10_000 });
    assert.deepEqual(dialogs, [], 'no alert() ran after filtering');
    await screenshot(page, shots, 'matrix-escaping');

    // The filter finds owners; a filter that matches nothing says so instead of a blank table.
    await filter.fill('security-lead');
    await frame.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 4, undefined, { timeout: 10_000 });
    const owners = await frame.locator('table tbody td.owner').allInnerTexts();
    assert.deepEqual([...new Set(owners)], ['security-lead']);
    await filter.fill('nobody-owns-this');
    await frame.locator('#empty', { hasText: "No requirement matches 'nobody-owns-this'." }).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await frame.locator('table').isVisible(), false, 'no blank table');
    await screenshot(page, shots, 'matrix-empty');
    await filter.fill('');
    await frame.waitForFunction(() => document.querySelectorAll('table tbody tr').length >= 40, undefined, { timeout: 10_000 });
  });

  it('renders the backlog board: the example in its status columns, moved by the keyboard and by a drag', async () => {
    const spec = path.join(workspace, 'specs', 'checkout.yaml');
    const original = fs.readFileSync(spec, 'utf8');
    /** Every requirement's status as the example's files have it. */
    const statusOf = new Map();
    for (const f of fs.readdirSync(path.join(workspace, 'specs'))) {
      const text = fs.readFileSync(path.join(workspace, 'specs', f), 'utf8');
      if (!/^requirements:/m.test(text)) continue;
      for (const m of text.matchAll(/^ {2}- id: ([A-Z]+-\d+)\n((?: {4}.*\n|\n)*)/gm)) statusOf.set(m[1], /^ {4}status: *["']?([\w-]+)/m.exec(m[2])?.[1]);
    }
    await spectraceReady(page);
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Spectrace: Open Backlog Board');
    const frame = await waitForFrame(page, async (f) => (await f.locator('.card', { hasText: 'CART-5' }).count()) > 0, 'a board with CART-5');
    /** Each column's card IDs, top to bottom, by column name. */
    const columns = () =>
      frame.evaluate(() => {
        const heads = [...document.querySelectorAll('.column-head')].map((h) => h.querySelector('.column-name').textContent.replace(/^▸ /, ''));
        const out = Object.fromEntries(heads.map((h) => [h, []]));
        const scores = {};
        const cards = [...document.querySelectorAll('.card')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
        for (const c of cards) {
          const id = c.querySelector('.card-id').textContent;
          out[heads[Number(c.dataset.column)]].push(id);
          const score = c.querySelector('.score');
          if (score) scores[id] = Number(score.textContent.replace(/^\D+/, ''));
        }
        return { ...out, scores };
      });
    const shown = await columns();
    const natural = (ids) => [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    // The example scores some requirements (RICE): those come first in their column, best first; the rest by ID.
    const byScoreThenId = (ids) =>
      [...ids].sort((a, b) => {
        const sa = shown.scores[a];
        const sb = shown.scores[b];
        if (sa !== sb) return sa === undefined ? 1 : sb === undefined ? -1 : sb - sa;
        return a.localeCompare(b, 'en', { numeric: true });
      });
    assert.equal(shown.scores['CART-5'], 75, 'CART-5 shows its RICE score');
    for (const status of ['draft', 'proposed', 'approved', 'in-progress', 'implemented', 'verified', 'released']) {
      const ids = shown[status].filter((id) => statusOf.has(id));
      assert.deepEqual(ids, byScoreThenId(ids), `${status}: scored cards first, then by ID`);
      for (const id of ids) assert.equal(statusOf.get(id), status, `${id} is in the ${status} column`);
    }
    const placed = Object.entries(shown).flatMap(([column, ids]) => (column === 'scores' ? [] : ids)).filter((id) => statusOf.has(id));
    const expected = [...statusOf].filter(([, st]) => st !== 'rejected' && st !== 'deprecated').map(([id]) => id);
    assert.deepEqual(natural(new Set(placed)), natural(expected), 'every requirement not folded away has its card');
    assert.deepEqual(shown['rejected · deprecated'], [], 'rejected and deprecated are folded away');
    const text = await frame.locator('body').innerText();
    assert.ok(text.includes(XSS_IMG), 'a hostile title shows as text');
    assert.equal(await frame.locator('img[src="x"]').count(), 0);
    assert.deepEqual(dialogs, []);
    await screenshot(page, shots, 'board');

    const inColumn = async (id, status) => (await columns())[status]?.includes(id);
    const saved = async (expectedText, what) => {
      await runCommand(page, 'File: Save All');
      await waitFor(what, () => fs.readFileSync(spec, 'utf8') === expectedText, { timeoutMs: 20_000 });
    };
    // Keyboard: focus CART-5 (draft) and press Alt+Right: it moves to proposed; the file is not saved.
    await frame.locator('.card:has(.card-id:text-is("CART-5"))').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await waitFor('CART-5 in the proposed column', () => inColumn('CART-5', 'proposed'), { timeoutMs: 30_000 });
    assert.equal(fs.readFileSync(spec, 'utf8'), original, 'the move is not saved behind the user\'s back');
    const at = original.indexOf('  - id: CART-5\n');
    const moved = (status) => original.slice(0, at) + original.slice(at).replace('status: draft', `status: ${status}`);
    await saved(moved('proposed'), 'the saved file with only CART-5\'s status changed');
    await screenshot(page, shots, 'board-keyboard-move');

    // A drag of CART-5 onto the approved column.
    const board = await waitForFrame(page, async (f) => (await f.locator('.card', { hasText: 'CART-5' }).count()) > 0, 'the board again');
    await board.dragAndDrop('.card:has(.card-id:text-is("CART-5"))', '.column-head:has(.column-name:text-is("approved"))');
    await waitFor('CART-5 in the approved column', () => inColumn('CART-5', 'approved'), { timeoutMs: 30_000 });
    await saved(moved('approved'), 'the saved file with only CART-5\'s status changed by the drag');
    fs.writeFileSync(spec, original);
  });

  it("reviews the example's suspect link in the diff editor beside the code", async () => {
    // The matrix test hid the panel already: the editors get the full height.
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Spectrace: Review Suspect Links');
    // SRCH-4's review fields: rev 1 from git on the left, the current text on the right.
    const diff = page.locator('.monaco-diff-editor', { hasText: 'two swapped letters' }).first();
    await diff.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.monaco-diff-editor', { hasText: 'one wrong letter still finds' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const tab = page.locator('.tab', { hasText: 'SRCH-4: rev 1 (reviewed) ↔ rev 2 (current)' }).first();
    await tab.waitFor({ state: 'visible', timeout: 10_000 });
    // The code beside it, and the choice above.
    await page.locator('.tab', { hasText: 'fuzzy.py' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    const pick = page.locator('.quick-input-widget', { hasText: 'Mark reviewed' });
    await pick.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await pick.innerText(), /Review Suspect Links \(1 of 1\)/);
    await screenshot(page, shots, 'change-review');
    await page.keyboard.press('Escape');
    await pick.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('shows the release view of R-2026 with its burn-up from the git history, in a dark and a light theme', async () => {
    await spectraceReady(page);
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Spectrace: Show Release');
    const input = page.locator('.quick-input-widget input.input');
    await input.fill('R-2026');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '2026 foundations release' }).first().click();
    const frame = await waitForFrame(page, async (f) => (await f.locator('#burnup svg g[data-series="scope"]').count()) > 0, 'the release view with its burn-up chart', 60_000);
    assert.equal(await frame.locator('#item-id').innerText(), 'R-2026');
    assert.match(await frame.locator('#summary').innerText(), /^19 requirements in scope · 19 done \(100%\)$/);
    // The demo history's scope steps: R-2026's first requirements, M-1's, PAY-11 joining, ACC-9 leaving.
    const dates = await frame.locator('#burnup svg rect.burnup-step').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-date')));
    assert.deepEqual(dates.slice(0, 4), ['2026-01-05', '2026-01-18', '2026-03-24', '2026-05-02']);
    const left = await frame.locator('#burnup svg rect.burnup-step[data-date="2026-05-02"] title').textContent();
    assert.match(left ?? '', /left: ACC-9/);
    for (const theme of ['Dark Modern', 'Light Modern']) {
      await runCommand(page, 'Preferences: Color Theme');
      const picker = page.locator('.quick-input-widget input.input');
      await picker.fill(theme);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: new RegExp(`^${theme}`) }).first().click();
      await page.waitForFunction((dark) => document.querySelector('.monaco-workbench')?.classList.contains(dark ? 'vs-dark' : 'vs') === true, theme.startsWith('Dark'), { timeout: 10_000 });
      const stroke = await frame.locator('#burnup svg g[data-series="scope"]').evaluate((p) => p.ownerDocument.defaultView.getComputedStyle(p).stroke);
      assert.notEqual(stroke, 'rgb(26, 115, 232)', "the chart takes the theme's chart colour, not the fallback");
      await screenshot(page, shots, `release-view-${theme.startsWith('Dark') ? 'dark' : 'light'}`);
    }
  });
});
