// The matrix page (client/media/matrix.js) in Debian's Chromium, outside VS Code: the HTML the
// extension renders, served with its CSP, with a stand-in for the webview's acquireVsCodeApi that
// records what the page posts. Checks rendering, escaping, sorting, filtering and the messages.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { MatrixRow } from '../../../server/src/shared/protocol';
import { renderMatrixHtml } from '../../../client/src/matrix/matrixHtml';
import { MATRIX_VOCABULARY } from '../../../client/src/matrix/webviewMessages';
import { ACQUIRE_VSCODE_API_STUB, launchChromium, serveWebview, waitInPage } from '../../support/webviewPage';

const ORIGIN = 'http://matrix.test';
const NONCE = 'test-nonce-123';

const loc = (file: string, line: number) => ({ uri: `file:///ws/${file}`, range: { start: { line, character: 0 }, end: { line, character: 4 } } });
function row(id: string, title: string, extra: Partial<MatrixRow> = {}): MatrixRow {
  const base: MatrixRow = { id, title, type: 'story', priority: 'should', status: 'approved', owner: undefined, roadmap: 'R-1', roadmapTitle: 'First release', parent: undefined, file: 'specs/a.yaml', line: 2, implementations: [], tests: [], coverage: 'uncovered', exemptReason: undefined, location: loc('specs/a.yaml', 1), implementationLocations: [], testLocations: [], suspectImplementations: [], suspectTests: [], rev: 1 };
  return { ...base, ...extra };
}

const ROWS: MatrixRow[] = [
  row('PAY-10', 'Checkout answers within 2 seconds', { priority: 'must', coverage: 'covered', implementations: [{ file: 'src/pay.ts', line: 22 }], implementationLocations: [loc('src/pay.ts', 21)], tests: [{ file: 'test/pay.test.ts', line: 24 }], testLocations: [loc('test/pay.test.ts', 23)] }),
  row('PAY-9', 'Apply a discount code', { priority: 'could', owner: 'growth-team', implementations: [{ file: 'src/discounts.ts', line: 18 }, { file: 'src/cart.ts', line: 3 }], implementationLocations: [loc('src/discounts.ts', 17), loc('src/cart.ts', 2)], suspectImplementations: [false, true], rev: 3 }),
  row('XSS-1', '<img src=x onerror=alert(1)>'),
  row('XSS-2', '</script><script>alert(2)</script>'),
];

interface Recorded {
  posted: unknown[];
}

describe('client: matrix page in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const html = renderMatrixHtml({ cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/matrix.js`, styleUri: `${ORIGIN}/matrix.css`, initial: { type: 'data', version: 7, rows: ROWS, vocabulary: MATRIX_VOCABULARY } });
    await serveWebview(page, ORIGIN, () => html, /^matrix\.(js|css)$/);
    await page.addInitScript(ACQUIRE_VSCODE_API_STUB);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForSelector('#rows tr').catch((err: unknown) => {
      throw new Error(`the page did not render (${pageErrors.join('; ') || String(err)})`);
    });
  });

  after(async () => {
    await browser?.close();
  });

  // Page-side code as strings: this project's TypeScript has no DOM types (the page is plain JS).
  const all = () => page.evaluate<Recorded['posted']>('window.__rec.posted');
  const isPrefetch = (m: unknown) => typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'prefetch';
  /** What the page asked for, without the prefetches a pointer passing over a link sends. */
  const posted = async () => (await all()).filter((m) => !isPrefetch(m));
  const ids = () => page.$$eval('#rows tr td.id', (tds) => tds.map((td) => td.textContent));

  it('renders every row and says "ready"', async () => {
    assert.equal(await page.locator('#rows tr').count(), ROWS.length);
    assert.deepEqual((await posted())[0], { type: 'ready' });
    assert.equal(await page.textContent('#count'), '4 requirements');
  });

  it('shows hostile titles as text: no element, no script', async () => {
    const text = await page.innerText('body');
    assert.ok(text.includes('<img src=x onerror=alert(1)>'));
    assert.ok(text.includes('</script><script>alert(2)</script>'));
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(dialogs, []);
  });

  it('blocks inline script without the nonce (CSP)', async () => {
    await page.evaluate(`{
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    }`);
    assert.equal(await page.evaluate('window.__inlineRan'), undefined);
  });

  it('sorts by ID with numbers in order, and by any column both ways', async () => {
    assert.deepEqual(await ids(), ['PAY-9', 'PAY-10', 'XSS-1', 'XSS-2']);
    await page.click('th button[data-key="priority"]');
    assert.deepEqual((await ids()).slice(0, 2), ['PAY-10', 'XSS-1'], 'must first, then should');
    assert.equal(await page.getAttribute('th:has(button[data-key="priority"])', 'aria-sort'), 'ascending');
    await page.click('th button[data-key="priority"]');
    assert.equal((await ids())[0], 'PAY-9', 'descending: could first');
    await page.click('th button[data-key="implementations"]');
    await page.click('th button[data-key="implementations"]');
    assert.equal((await ids())[0], 'PAY-9', 'most implementations first');
    await page.click('th button[data-key="id"]');
  });

  it('filters by text and by coverage', async () => {
    await page.fill('#filter', 'discount');
    assert.deepEqual(await ids(), ['PAY-9']);
    await page.fill('#filter', 'pay.test');
    assert.deepEqual(await ids(), ['PAY-10'], 'test locations are searched too');
    await page.fill('#filter', '');
    await page.selectOption('#coverage', 'covered');
    assert.deepEqual(await ids(), ['PAY-10']);
    assert.equal(await page.textContent('#count'), '1 of 4 requirements');
    await page.selectOption('#coverage', '');
  });

  it('marks each suspect location and filters the rows with one', async () => {
    const marked = await page.$$eval('#rows li.suspect', (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(marked, ['src/cart.ts:3 suspect'], 'only the location reviewed against an older revision');
    assert.match((await page.getAttribute('#rows li.suspect span.suspect', 'title')) ?? '', /rev 3 now/);
    await page.selectOption('#coverage', 'suspect');
    assert.deepEqual(await ids(), ['PAY-9']);
    await page.fill('#filter', 'PAY-10');
    assert.equal(await page.textContent('#empty'), "No requirement matches 'PAY-10' (coverage: suspect links).");
    await page.fill('#filter', '');
    await page.selectOption('#coverage', '');
  });

  it('has an owner column and finds requirements by owner', async () => {
    assert.ok((await page.$$eval('#header th', (ths) => ths.map((th) => th.textContent))).includes('Owner'));
    await page.fill('#filter', 'growth-team');
    assert.deepEqual(await ids(), ['PAY-9']);
    assert.equal(await page.textContent('#rows tr td.owner'), 'growth-team');
    await page.fill('#filter', '');
  });

  it('says what matched nothing instead of a blank table, the filter shown as text', async () => {
    await page.fill('#filter', 'security-lead');
    assert.equal(await page.locator('#rows tr').count(), 0);
    assert.equal(await page.isVisible('#matrix'), false, 'no empty table');
    assert.equal(await page.textContent('#empty'), "No requirement matches 'security-lead'.");
    await page.fill('#filter', '<img src=x onerror=alert(3)>');
    assert.equal(await page.textContent('#empty'), "No requirement matches '<img src=x onerror=alert(3)>'.");
    assert.equal(await page.locator('img').count(), 0);
    await page.fill('#filter', 'PAY-10');
    await page.selectOption('#coverage', 'uncovered');
    assert.equal(await page.textContent('#empty'), "No requirement matches 'PAY-10' (coverage: uncovered).");
    await page.fill('#filter', '');
    await page.selectOption('#coverage', 'exempt');
    assert.equal(await page.textContent('#empty'), "No requirement has coverage 'exempt'.");
    await page.selectOption('#coverage', '');
    assert.equal(await page.isVisible('#empty'), false);
    assert.equal(await page.locator('#rows tr').count(), ROWS.length);
    assert.deepEqual(dialogs, []);
  });

  it('keeps columns at their minimum width and scrolls sideways when too narrow, never splitting a word', async () => {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 480, height: 600 });
    try {
      const m = await page.evaluate<{ title: number; em: number; scroll: number; breaks: string[]; owner: string }>(`(() => {
        const th = document.querySelector('th.col-title');
        const td = document.querySelector('td.title');
        const style = getComputedStyle(td);
        return {
          title: th.getBoundingClientRect().width,
          em: parseFloat(getComputedStyle(th).fontSize),
          scroll: document.scrollingElement.scrollWidth,
          breaks: [style.wordBreak, style.overflowWrap],
          owner: getComputedStyle(document.querySelector('td.owner')).whiteSpace,
        };
      })()`);
      assert.ok(m.title >= 16 * m.em - 1, `Title is ${m.title}px wide`);
      assert.ok(m.scroll > 480, 'the page scrolls sideways');
      assert.deepEqual(m.breaks, ['normal', 'normal']);
      assert.equal(m.owner, 'nowrap', 'an owner such as growth-team stays on one line');
    } finally {
      if (size) await page.setViewportSize(size);
    }
  });

  it('asks the extension to open a cell by row and index, never by URI', async () => {
    await page.click('text=src/cart.ts:3');
    const open = (await posted()).at(-1);
    assert.deepEqual(open, { type: 'open', version: 7, row: 1, cell: 'implementation', index: 1 });
    await page.click('td.id >> text=PAY-10');
    assert.deepEqual((await posted()).at(-1), { type: 'open', version: 7, row: 0, cell: 'requirement', index: 0 });
  });

  it('asks the extension to load a location the pointer rests on, by row and index', async () => {
    await page.hover('text=src/discounts.ts:18');
    // The page waits a moment (a pointer only passing by loads nothing): poll for the message.
    let prefetch: unknown;
    for (let i = 0; i < 100 && prefetch === undefined; i++) {
      prefetch = (await all()).filter(isPrefetch).at(-1);
      if (prefetch === undefined) await page.waitForTimeout(20);
    }
    assert.deepEqual(prefetch, { type: 'prefetch', version: 7, row: 1, cell: 'implementation', index: 0 });
    await page.mouse.move(0, 0);
  });

  it('exports the rows shown, in their order', async () => {
    await page.fill('#filter', 'PAY');
    await page.click('#export');
    assert.deepEqual((await posted()).at(-1), { type: 'exportCsv', version: 7, rows: [1, 0] });
    await page.fill('#filter', '');
  });

  it('takes new data from the extension, keeping sort and filter', async () => {
    await page.fill('#filter', 'PAY');
    const rows = [...ROWS, row('PAY-11', 'Strong customer authentication')];
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'data', version: 8, rows, vocabulary: MATRIX_VOCABULARY })}, '*')`);
    await waitInPage(page, "document.querySelectorAll('#rows tr').length === 3");
    assert.deepEqual(await ids(), ['PAY-9', 'PAY-10', 'PAY-11']);
    await page.evaluate(`window.postMessage({ type: 'error', message: 'The Spectrace server is not running.' }, '*')`);
    assert.equal(await page.textContent('#message'), 'The Spectrace server is not running.');
    assert.deepEqual(pageErrors, [], 'the page threw nothing');
  });
});
