// The HTML report in a real browser (Debian's headless Chromium): it renders the matrix, spec text that
// looks like markup stays text, no script runs. Screenshots go to test/output/ (git-ignored).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { FIXTURES, OUTPUT, ensureBuilt, outputDir, runCli } from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

describe('spectrace report --format html (in Chromium)', function () {
  this.timeout(60000);
  let browser: Browser;
  let dir: string;

  before(async () => {
    ensureBuilt();
    assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    dir = outputDir('report-html');
  });
  after(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<{ page: Page; dialogs: string[]; requests: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const dialogs: string[] = [];
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, dialogs, requests, errors };
  }

  it('shows the matrix and roadmap of the example product; screenshot for the README', async () => {
    const file = path.join(dir, 'acme-shop.html');
    // Relative, as a user types it: the page shows the folder as given.
    const r = await runCli(['report', 'examples/acme-shop', '--format', 'html', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    const { page, requests, errors } = await open(file);
    try {
      assert.match(await page.title(), /^Traceability report: /);
      const ids = await page.locator('table.matrix tbody tr td.id').allTextContents();
      assert.ok(ids.length >= 30, `rows: ${ids.length}`);
      assert.ok(ids.includes('CART-2'));
      const cart2 = page.locator('table.matrix tbody tr', { has: page.locator('td.id', { hasText: /^CART-2$/ }) });
      const cells = await cart2.locator('td').allInnerTexts();
      assert.equal(cells[0], 'CART-2');
      assert.match(cells[1] ?? '', /^Add an item to the cart/);
      assert.equal(cells[2], 'must');
      assert.equal(cells[3], 'released');
      assert.match(cells[4] ?? '', /^M-1/);
      assert.match(cells[5] ?? '', /src\/checkout\/cart\.ts:\d+/);
      assert.match(cells[7] ?? '', /^(covered|uncovered|exempt|not required)$/);
      const roadmapIds = await page.locator('table.roadmap tbody td.id').allTextContents();
      assert.equal(roadmapIds.length, 5);
      assert.ok((await page.locator('table.roadmap tbody td.progress').first().innerText()).match(/^\d+\/\d+ done/));
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'no network requests');
      assert.deepEqual(errors, []);
      fs.mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'report.png'), fullPage: false });
      // Printable: the print stylesheet keeps every row (no scrolling container) and lays out in A4.
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      assert.ok(pdf.length > 10000);
    } finally {
      await page.close();
    }
  });

  it('shows markup in spec text as text: no element, no script, no dialog', async () => {
    const file = path.join(dir, 'hostile.html');
    const r = await runCli(['report', path.join(FIXTURES, 'hostile-titles'), '--format', 'html', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    const { page, dialogs, requests, errors } = await open(file);
    try {
      const titles = await page.locator('table.matrix tbody td.title .text').allTextContents();
      assert.ok(titles.includes('<img src=x onerror=alert(1)>'), JSON.stringify(titles));
      assert.ok(titles.includes('</script><script>alert(2)</script>'), JSON.stringify(titles));
      assert.ok(await page.getByText('<img src=x onerror=alert(1)>', { exact: true }).isVisible(), 'the title is visible as text');
      assert.ok(await page.getByText('</script><script>alert(2)</script>', { exact: true }).isVisible());
      assert.equal(await page.locator('img').count(), 0, 'no img element created by a title');
      assert.equal(await page.locator('script').count(), 0, 'no script element');
      assert.equal(await page.locator('header b, header i, header u, table b, table i, table u').count(), 0, 'no markup from the product name or roadmap title');
      assert.equal(await page.locator('h1 .product').innerText(), '<i>Hostile</i> & Co');
      assert.equal(await page.locator('table.roadmap td.title').innerText(), '<b>First</b> release & <u>more</u>');
      // Give any injected handler a chance to fire: wait until the page has been idle, then check.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
      await page.screenshot({ path: path.join(OUTPUT, 'report-hostile.png') });
    } finally {
      await page.close();
    }
  });
});
