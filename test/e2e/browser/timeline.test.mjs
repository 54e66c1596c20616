// Browser-level test of the roadmap timeline: the packaged VSIX in a fresh code-server, the example
// opened in Chromium, the timeline webview checked the way a user sees it: a bar per dated roadmap item
// at the x of its dates (read from the rendered SVG), a click on a bar opens the item, and the chart
// follows the theme. Screenshots (light and dark) go to test/output/screenshots/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from '../lib/install-code-server.mjs';
import { cleanupAll, installSignalHandlers } from '../lib/cleanup.mjs';
import { launchBrowser, newPage, waitForWorkbench, workbenchUrl } from '../lib/browser.mjs';
import { QUIET_SETTINGS, installExtension, sandboxDirs, startCodeServer } from '../lib/code-server.mjs';
import { copyWorkspace, makeTempRoot } from '../lib/workspace.mjs';
import { packVsix, reportFailure, runCommand, spectraceReady, waitForFrame } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const shots = path.join(repoRoot, 'test', 'output', 'screenshots');
const LIGHT = { ...QUIET_SETTINGS, 'workbench.colorTheme': 'Default Light Modern' };
const DAY_MS = 86_400_000;
const LABEL_WIDTH = 300;

/** The example's roadmap dates (examples/acme-shop/specs/roadmap.yaml): M-1 and M-2 start on their own. */
const ROADMAP = {
  'R-2026': { start: '2026-01-05', due: '2026-06-30' },
  'M-1': { start: '2026-01-05', due: '2026-03-31' },
  'R-2027': { start: '2026-07-01', due: '2027-06-30' },
  'M-2': { start: '2026-09-01', due: '2027-02-26' },
  'R-2028': { start: '2027-07-01', due: '2028-06-30' },
};

const days = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

describe('roadmap timeline in the browser (VSIX installed in code-server)', function () {
  /** @type {import('playwright-core').Page} */
  let page;
  let dirs;
  const dialogs = [];

  before(async function () {
    this.timeout(600_000);
    installSignalHandlers();
    for (const f of ['dist/extension.js', 'dist/server.js']) assert.ok(fs.existsSync(path.join(repoRoot, f)), `missing ${f}: run \`npm run build\` first`);
    const paths = await ensureCodeServer(repoRoot);
    const root = makeTempRoot('spectrace-timeline');
    const vsix = path.join(root, 'spectrace.vsix');
    await packVsix(repoRoot, vsix);
    dirs = sandboxDirs(path.join(root, 'server'));
    await installExtension(paths, dirs, vsix);
    const workspace = copyWorkspace(path.join(repoRoot, 'examples', 'acme-shop'), root, 'acme-shop');
    const server = await startCodeServer(paths, dirs, { trust: false, settings: LIGHT });
    const { browser } = await launchBrowser();
    page = await newPage(browser, { width: 1680, height: 900 });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    await page.goto(workbenchUrl(server.url, workspace), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    await spectraceReady(page, 120_000);
  });

  afterEach(async function () {
    await reportFailure(this.currentTest, page, { shots, repoRoot, prefix: 'failed-timeline-', logFile: dirs?.logFile });
  });

  after(async function () {
    this.timeout(60_000);
    await cleanupAll();
  });

  /** The timeline's frame, once its chart shows the example's items. */
  const timelineFrame = () => waitForFrame(page, async (f) => (await f.locator('svg.spectrace-timeline g[data-id="R-2028"]').count()) > 0, 'a timeline with R-2028', 60_000);

  /**
   * Waits until roadmap.yaml is open with the cursor on `id`'s line, as the status bar names it (an
   * earlier test may have left the file open with the cursor elsewhere).
   */
  async function cursorOnItem(id) {
    const tab = page.locator('.tab', { hasText: 'roadmap.yaml' }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    const status = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    const yaml = fs.readFileSync(path.join(repoRoot, 'examples', 'acme-shop', 'specs', 'roadmap.yaml'), 'utf8').split('\n');
    const deadline = Date.now() + 15_000;
    for (;;) {
      const line = Number(/Ln (\d+)/.exec(await status.innerText().catch(() => ''))?.[1]);
      if (yaml[line - 1]?.trim() === `- id: ${id}`) return;
      if (Date.now() > deadline) assert.fail(`the cursor is on line ${line} of roadmap.yaml, not on ${id}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("draws the example's roadmap with each bar at the x of its dates, by quarter", async () => {
    await runCommand(page, 'Spectrace: Show Roadmap Timeline');
    const frame = await timelineFrame();
    const svg = frame.locator('svg.spectrace-timeline');
    const axisStart = await svg.getAttribute('data-axis-start');
    const ppd = Number(await svg.getAttribute('data-pixels-per-day'));
    assert.equal(ppd, 1.5, 'the quarter zoom: 1.5 px a day');
    assert.equal(axisStart, '2026-01-01', 'the axis starts with the quarter of the earliest date');
    for (const [id, { start, due }] of Object.entries(ROADMAP)) {
      const bar = frame.locator(`g[data-id="${id}"] rect.tl-bar`);
      assert.equal(Number(await bar.getAttribute('x')), LABEL_WIDTH + days(axisStart, start) * ppd, `${id} starts at ${start}`);
      assert.equal(Number(await bar.getAttribute('width')), (days(start, due) + 1) * ppd, `${id} ends with ${due}`);
      // Rendered where the attributes say: the browser laid it out at that x in the chart.
      const box = await bar.boundingBox();
      const origin = await svg.boundingBox();
      assert.ok(box && origin && Math.abs(box.x - origin.x - (LABEL_WIDTH + days(axisStart, start) * ppd)) < 1.5, `${id} is drawn at its x`);
    }
    const today = await frame.locator('line.tl-today').getAttribute('data-date');
    assert.match(today ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(Number(await frame.locator('line.tl-today').getAttribute('x1')), LABEL_WIDTH + days(axisStart, today) * ppd);
    assert.deepEqual(dialogs, []);
    await page.locator('.part.editor').screenshot({ path: path.join(shots, 'timeline-light.png') });
  });

  it('zooms to months and weeks', async () => {
    const frame = await timelineFrame();
    await frame.locator('button[data-zoom="month"]').click();
    await frame.waitForFunction(() => document.querySelector('svg.spectrace-timeline')?.getAttribute('data-pixels-per-day') === '4', undefined, { timeout: 20_000 });
    assert.equal(Number(await frame.locator('g[data-id="R-2027"] rect.tl-bar').getAttribute('x')), LABEL_WIDTH + days('2026-01-01', '2026-07-01') * 4);
    await frame.locator('button[data-zoom="week"]').click();
    await frame.waitForFunction(() => document.querySelector('svg.spectrace-timeline')?.getAttribute('data-pixels-per-day') === '12', undefined, { timeout: 20_000 });
    const axisStart = await frame.locator('svg.spectrace-timeline').getAttribute('data-axis-start');
    assert.equal(axisStart, '2026-01-05', 'weeks start on the Monday holding the earliest date');
    assert.equal(Number(await frame.locator('g[data-id="M-2"] rect.tl-bar').getAttribute('x')), LABEL_WIDTH + days(axisStart, '2026-09-01') * 12);
    await frame.locator('button[data-zoom="quarter"]').click();
    await frame.waitForFunction(() => document.querySelector('svg.spectrace-timeline')?.getAttribute('data-pixels-per-day') === '1.5', undefined, { timeout: 20_000 });
  });

  it('keeps the labels in view when the weeks are scrolled far right, and a label still opens its item', async () => {
    const frame = await timelineFrame();
    await frame.locator('button[data-zoom="week"]').click();
    await frame.waitForFunction(() => document.querySelector('svg.spectrace-timeline')?.getAttribute('data-pixels-per-day') === '12', undefined, { timeout: 20_000 });
    const scroller = frame.locator('.scroller').first();
    const label = frame.locator('text.tl-label', { hasText: 'R-2028' }).first();
    const before = await label.boundingBox();
    const view = await scroller.boundingBox();
    assert.ok(before && view, 'the label and the chart are laid out');
    const scrolled = await scroller.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      return el.scrollLeft;
    });
    assert.ok(scrolled > 2000, `the week chart scrolls far right (${scrolled} px)`);
    // The label follows the scroll offset: still at the same place on screen, not scrolled out of view.
    for (const deadline = Date.now() + 10_000; ; ) {
      const after = await label.boundingBox();
      if (after && Math.abs(after.x - before.x) < 1.5) break;
      if (Date.now() > deadline) assert.fail(`the R-2028 label moved from x ${before.x} to ${after?.x} on screen`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const band = await frame.locator('rect.tl-pin-band').first().evaluate((el) => document.defaultView?.getComputedStyle(el).display ?? '');
    assert.notEqual(band, 'none', 'an opaque band under the labels while scrolled');
    await page.locator('.part.editor').screenshot({ path: path.join(shots, 'timeline-scrolled.png') });
    // A real click where the label is drawn (the label group takes no clicks: the row under it does).
    const at = await label.boundingBox();
    assert.ok(at);
    await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
    await cursorOnItem('R-2028');
    await frame.locator('button[data-zoom="quarter"]').click();
    await frame.waitForFunction(() => document.querySelector('svg.spectrace-timeline')?.getAttribute('data-pixels-per-day') === '1.5', undefined, { timeout: 20_000 });
  });

  it('opens the roadmap item when its bar is clicked', async () => {
    const frame = await timelineFrame();
    await frame.locator('g[data-id="M-2"] rect.tl-bar').click();
    await cursorOnItem('M-2');
  });

  it('follows the theme: a dark theme gives the chart dark colours', async () => {
    const frame = await timelineFrame();
    const labelFill = () => frame.locator('text.tl-label').first().evaluate((el) => document.defaultView?.getComputedStyle(el).fill ?? '');
    const light = await labelFill();
    await runCommand(page, 'Preferences: Color Theme');
    const input = page.locator('.quick-input-widget input.input');
    await input.fill('Dark Modern');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: /Dark Modern/ }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
    await frame.waitForFunction((before) => {
      const label = document.querySelector('text.tl-label');
      return label !== null && document.defaultView?.getComputedStyle(label).fill !== before;
    }, light, { timeout: 30_000 });
    assert.notEqual(await labelFill(), light);
    await page.locator('.part.editor').screenshot({ path: path.join(shots, 'timeline-dark.png') });
  });
});
