// The backlog board page (client/media/board.js + boardModel.js) in Debian's Chromium, outside VS Code:
// the HTML the extension renders, served with its CSP, with a stand-in for the webview's
// acquireVsCodeApi that records what the page posts. Checks columns and order, escaping, filters,
// swim lanes, that a drag and the keyboard ask for a move by card index, and that 20,000 cards make a
// few hundred elements. It also times the first render of the board and of the matrix on the same
// 20,000 requirements (written to test/output/render-times.json; bench/HISTORY.md keeps the figures).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BoardCard, MatrixRow } from '../../../server/src/shared/protocol';
import { renderBoardHtml } from '../../../client/src/board/boardHtml';
import { BOARD_LIFECYCLE } from '../../../client/src/board/boardMessages';
import type { ToBoard } from '../../../client/src/board/boardMessages';
import { renderMatrixHtml } from '../../../client/src/matrix/matrixHtml';
import { MATRIX_VOCABULARY } from '../../../client/src/matrix/webviewMessages';
import { ACQUIRE_VSCODE_API_STUB, launchChromium, serveWebview, waitInPage } from '../../support/webviewPage';

const ORIGIN = 'http://board.test';
const REPO = path.resolve(__dirname, '..', '..', '..');
const NONCE = 'test-nonce-456';

const loc = (file: string, line: number) => ({ uri: `file:///ws/${file}`, range: { start: { line, character: 8 }, end: { line, character: 13 } } });
function card(id: string, extra: Partial<BoardCard> = {}): BoardCard {
  return { id, title: `Title of ${id}`, status: 'approved', priority: 'should', owner: undefined, roadmap: undefined, roadmapTitle: undefined, product: undefined, tags: [], insightCount: 0, location: loc('specs/a.yaml', 1), ...extra };
}

const CARDS: BoardCard[] = [
  card('PAY-10', { status: 'draft', owner: 'ann', product: 'checkout', roadmap: 'R-2', roadmapTitle: 'Later', tags: ['web'], insightCount: 3 }),
  card('PAY-9', { status: 'draft', owner: 'bob', product: 'checkout', roadmap: 'R-1', roadmapTitle: 'Sooner' }),
  card('PAY-2', { status: 'approved', score: { value: 12, label: 'RICE 12' }, roadmap: 'R-1', roadmapTitle: 'Sooner', priority: 'must' }),
  card('PAY-3', { status: 'approved', score: { value: 320, label: 'RICE 320' }, insightCount: 1 }),
  card('XSS-1', { status: 'approved', title: '<img src=x onerror=alert(1)>' }),
  card('XSS-2', { status: 'released', title: '</script><script>alert(2)</script>', owner: '<b>owner</b>' }),
  card('PAY-4', { status: 'rejected' }),
];
const ROADMAP = [
  { id: 'R-2', title: 'Later' },
  { id: 'R-1', title: 'Sooner' },
];

/** Records when the first element matching `selector` has been painted: the first frame after it exists. */
function firstRenderProbe(selector: string): string {
  return `
    new MutationObserver((_, observer) => {
      if (!document.querySelector(${JSON.stringify(selector)})) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__firstRender = performance.now(); }));
    }).observe(document, { childList: true, subtree: true });
  `;
}

interface Served {
  html: string;
}

async function openPage(browser: Browser, served: Served, probe: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await serveWebview(page, ORIGIN, () => served.html, /^(board|boardModel|matrix)\.(js|css)$/);
  await page.addInitScript(ACQUIRE_VSCODE_API_STUB + probe);
  return page;
}

function boardHtml(initial: ToBoard): string {
  return renderBoardHtml({ cspSource: ORIGIN, nonce: NONCE, modelUri: `${ORIGIN}/boardModel.js`, scriptUri: `${ORIGIN}/board.js`, styleUri: `${ORIGIN}/board.css`, initial });
}

describe('client: backlog board page in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    page = await openPage(browser, { html: boardHtml({ type: 'data', version: 7, cards: CARDS, roadmapItems: ROADMAP, lifecycle: BOARD_LIFECYCLE }) }, '', errors);
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForSelector('.card').catch((err: unknown) => {
      throw new Error(`the board did not render (${errors.join('; ') || String(err)})`);
    });
  });

  after(async () => {
    await browser?.close();
  });

  const posted = () => page.evaluate<unknown[]>('window.__rec.posted');
  /** The card IDs of each column, top to bottom, by column name. */
  const columns = () =>
    page.evaluate<Record<string, string[]>>(`(() => {
      const out = {};
      const heads = [...document.querySelectorAll('.column-head')];
      for (const h of heads) out[h.querySelector('.column-name').textContent] = [];
      const cards = [...document.querySelectorAll('.card')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      for (const c of cards) out[heads[Number(c.dataset.column)].querySelector('.column-name').textContent].push(c.querySelector('.card-id').textContent);
      return out;
    })()`);
  const cardSelector = (id: string) => `.card:has(.card-id:text-is("${id}"))`;

  it('shows a column per status in lifecycle order, each sorted by score then ID, rejected folded away', async () => {
    assert.deepEqual(await columns(), {
      draft: ['PAY-9', 'PAY-10'],
      proposed: [],
      approved: ['PAY-3', 'PAY-2', 'XSS-1'],
      'in-progress': [],
      implemented: [],
      verified: [],
      released: ['XSS-2'],
      '▸ rejected · deprecated': [],
    });
    assert.deepEqual(await page.$$eval('.column-count', (els) => els.map((e) => e.textContent)), ['2', '0', '3', '0', '0', '0', '1', '1']);
    assert.deepEqual((await posted())[0], { type: 'ready' });
    assert.equal(await page.textContent('#count'), '7 requirements');
  });

  it('shows each card\'s ID, title, priority, owner, roadmap item, score and insight count', async () => {
    assert.equal(await page.textContent(`${cardSelector('PAY-10')} .card-title`), 'Title of PAY-10');
    assert.deepEqual(await page.$$eval(`${cardSelector('PAY-10')} .card-meta span`, (s) => s.map((x) => x.textContent)), ['should', 'ann', 'R-2', '3 insights']);
    assert.equal(await page.textContent(`${cardSelector('PAY-3')} .score`), 'RICE 320');
    assert.deepEqual(await page.$$eval(`${cardSelector('PAY-3')} .card-meta span`, (s) => s.map((x) => x.textContent)), ['should', '1 insight']);
  });

  it('shows hostile titles as text: no element, no script', async () => {
    const text = await page.innerText('body');
    assert.ok(text.includes('<img src=x onerror=alert(1)>'));
    assert.ok(text.includes('</script><script>alert(2)</script>'));
    assert.ok(text.includes('<b>owner</b>'));
    assert.equal(await page.locator('img, b').count(), 0);
    await page.evaluate(`{
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    }`);
    assert.equal(await page.evaluate('window.__inlineRan'), undefined, 'the CSP blocks inline script');
    assert.deepEqual(errors, []);
  });

  it('filters by product, owner, roadmap item and tag', async () => {
    await page.selectOption('#owner', 'ann');
    assert.deepEqual((await columns()).draft, ['PAY-10']);
    assert.equal(await page.textContent('#count'), '1 of 7 requirements');
    await page.selectOption('#owner', '');
    await page.selectOption('#product', 'checkout');
    assert.deepEqual((await columns()).draft, ['PAY-9', 'PAY-10']);
    assert.deepEqual((await columns()).approved, []);
    await page.selectOption('#product', '');
    await page.selectOption('#roadmap', 'R-1');
    assert.deepEqual(Object.values(await columns()).flat(), ['PAY-9', 'PAY-2']);
    assert.deepEqual(await page.$$eval('#roadmap option', (o) => o.map((x) => x.textContent)), ['All roadmap items', 'No roadmap item', 'R-2 · Later', 'R-1 · Sooner']);
    await page.selectOption('#roadmap', '');
    await page.selectOption('#tag', 'web');
    assert.deepEqual(Object.values(await columns()).flat(), ['PAY-10']);
    await page.selectOption('#tag', '');
    await page.fill('#filter', 'nothing like this');
    assert.equal(await page.textContent('#empty'), 'No requirement matches the filters.');
    await page.fill('#filter', '');
  });

  it('groups cards into roadmap swim lanes, and unfolds rejected and deprecated', async () => {
    await page.check('#group');
    assert.deepEqual(await page.$$eval('.lane-head .lane-name', (l) => l.map((x) => x.textContent)), ['R-2 · Later', 'R-1 · Sooner', 'No roadmap item']);
    await page.uncheck('#group');
    await page.click('#unfold');
    assert.deepEqual((await columns()).rejected, ['PAY-4']);
    await page.uncheck('#folded');
  });

  it('a drag onto another column asks the extension to move that card, by index', async () => {
    await page.dragAndDrop(cardSelector('PAY-9'), '.column-head[data-column="2"]');
    assert.deepEqual((await posted()).at(-1), { type: 'move', version: 7, card: 1, status: 'approved' });
    await page.dragAndDrop(cardSelector('PAY-3'), '.stripe[data-column="4"]', { targetPosition: { x: 100, y: 250 } });
    assert.deepEqual((await posted()).at(-1), { type: 'move', version: 7, card: 3, status: 'implemented' });
    const before = (await posted()).length;
    await page.dragAndDrop(cardSelector('PAY-3'), '.column-head[data-column="2"]');
    await page.dragAndDrop(cardSelector('PAY-3'), '.column-head[data-column="7"]');
    assert.equal((await posted()).length, before, 'no move onto its own column or the folded one');
  });

  it('the keyboard moves a card (Alt+Right / Alt+Left), walks the board with the arrows and opens with Enter', async () => {
    await page.focus(cardSelector('PAY-10'));
    await page.keyboard.press('Alt+ArrowRight');
    assert.deepEqual((await posted()).at(-1), { type: 'move', version: 7, card: 0, status: 'proposed' });
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate('document.activeElement.querySelector(".card-id").textContent'), 'PAY-9');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate('document.activeElement.querySelector(".card-id").textContent'), 'PAY-3');
    await page.keyboard.press('Alt+ArrowLeft');
    assert.deepEqual((await posted()).at(-1), { type: 'move', version: 7, card: 3, status: 'proposed' });
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted()).at(-1), { type: 'open', version: 7, card: 3 });
    await page.keyboard.press('Shift+F10');
    assert.equal(await page.isVisible('#menu'), true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate('document.activeElement.textContent'), 'Move to proposed');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted()).at(-1), { type: 'move', version: 7, card: 3, status: 'proposed' });
    assert.equal(await page.isVisible('#menu'), false);
  });

  it('takes new data, keeping the filters and the moved card\'s focus; shows the reason for a refused move', async () => {
    await page.selectOption('#owner', 'ann');
    await page.focus(cardSelector('PAY-10'));
    await page.keyboard.press('Alt+ArrowRight');
    const moved = CARDS.map((c) => (c.id === 'PAY-10' ? { ...c, status: 'proposed' } : c));
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'data', version: 8, cards: moved, roadmapItems: ROADMAP, lifecycle: BOARD_LIFECYCLE })}, '*')`);
    await waitInPage(page, 'document.body.dataset.version === "8"');
    assert.deepEqual((await columns()).proposed, ['PAY-10']);
    assert.equal(await page.evaluate('document.activeElement.querySelector(".card-id").textContent'), 'PAY-10');
    assert.equal(await page.inputValue('#owner'), 'ann');
    await page.evaluate(`window.postMessage({ type: 'notice', message: 'PAY-10 was not moved: its file has YAML errors.' }, '*')`);
    await page.waitForSelector('#message:not([hidden])');
    assert.equal(await page.textContent('#message'), 'PAY-10 was not moved: its file has YAML errors.');
    await page.selectOption('#owner', '');
    assert.deepEqual(errors, [], 'the page threw nothing');
  });
});

describe('client: board and matrix at 20,000 requirements in Chromium', function () {
  this.timeout(300_000);
  const N = 20_000;
  let browser: Browser;
  const times: Record<string, number> = {};
  const errors: string[] = [];

  const statuses = ['draft', 'draft', 'proposed', 'approved', 'approved', 'in-progress', 'implemented', 'verified', 'released', 'released', 'rejected'];
  const cards: BoardCard[] = Array.from({ length: N }, (_, i) =>
    card(`REQ-${i + 1}`, { title: `Requirement number ${i + 1} of the generated backlog`, status: statuses[i % statuses.length], owner: `team-${i % 7}`, roadmap: `R-${i % 12}`, product: `product-${i % 4}`, tags: [`tag-${i % 9}`], location: loc(`specs/gen-${i % 40}.yaml`, i) }),
  );
  const rows: MatrixRow[] = cards.map((c, i) => ({
    id: c.id,
    title: c.title,
    type: 'story',
    priority: c.priority ?? '',
    status: c.status ?? '',
    owner: c.owner,
    roadmap: c.roadmap,
    roadmapTitle: undefined,
    parent: undefined,
    file: `specs/gen-${i % 40}.yaml`,
    line: i + 1,
    implementations: [{ file: `src/gen-${i % 40}.ts`, line: i + 1 }],
    tests: [],
    coverage: 'partial',
    exemptReason: undefined,
    location: c.location,
    implementationLocations: [loc(`src/gen-${i % 40}.ts`, i)],
    testLocations: [],
    suspectImplementations: [false],
    suspectTests: [],
    rev: 1,
  }));

  before(async () => {
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (Object.keys(times).length === 2) {
      const out = path.join(REPO, 'test', 'output');
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'render-times.json'), `${JSON.stringify({ requirements: N, firstRenderMs: times, chromium: browser.version() }, null, 2)}\n`);
      console.log(`      first render at ${N} requirements: board ${times.board} ms, matrix ${times.matrix} ms (test/output/render-times.json)`);
    }
  });

  async function firstRender(p: Page): Promise<number> {
    await waitInPage(p, 'window.__firstRender !== undefined', 240_000);
    return Math.round(await p.evaluate<number>('window.__firstRender'));
  }

  it('the board holds a few hundred cards in the DOM, not 20,000, wherever it is scrolled', async () => {
    const page = await openPage(browser, { html: boardHtml({ type: 'data', version: 1, cards, roadmapItems: [], lifecycle: BOARD_LIFECYCLE }) }, firstRenderProbe('.card'), errors);
    await page.goto(`${ORIGIN}/index.html`);
    times.board = await firstRender(page);
    const count = () => page.evaluate<{ cards: number; elements: number }>(`({ cards: document.querySelectorAll('.card').length, elements: document.querySelectorAll('*').length })`);
    const atTop = await count();
    assert.equal(await page.textContent('#count'), '20000 requirements');
    assert.ok(atTop.cards > 20 && atTop.cards < 400, `${atTop.cards} card elements at the top`);
    assert.ok(atTop.elements < 4000, `${atTop.elements} elements in the page`);
    await page.evaluate(`document.getElementById('board').scrollTop = 100000`);
    await waitInPage(page, `[...document.querySelectorAll('.card')].some((c) => parseFloat(c.style.top) > 100000)`);
    const middle = await count();
    assert.ok(middle.cards > 20 && middle.cards < 400, `${middle.cards} card elements in the middle`);
    const shown = await page.evaluate<string[]>(`[...document.querySelectorAll('.card')].filter((c) => { const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left < 260; }).map((c) => c.querySelector('.card-id').textContent)`);
    assert.ok(shown.length > 3, 'draft cards are visible in the scrolled window');
    await page.check('#group');
    const grouped = await count();
    assert.ok(grouped.cards < 400, `${grouped.cards} card elements with swim lanes`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the matrix renders the same 20,000 requirements (its first render, for comparison)', async () => {
    const html = renderMatrixHtml({ cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/matrix.js`, styleUri: `${ORIGIN}/matrix.css`, initial: { type: 'data', version: 1, rows, vocabulary: MATRIX_VOCABULARY } });
    const page = await openPage(browser, { html }, firstRenderProbe('#rows tr'), errors);
    await page.goto(`${ORIGIN}/index.html`);
    times.matrix = await firstRender(page);
    assert.equal(await page.textContent('#count'), '20000 requirements');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
