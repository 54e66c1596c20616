// The release page (client/media/release.js) in Debian's Chromium, outside VS Code: the HTML the
// extension renders with its CSP, the data the panel builds (releaseModel) from a release and a
// burn-up whose chart is the real burnupSvg tree. Checks the chart is built as SVG elements with its
// tooltips, hostile text stays text, links post their index, and a missing history shows its reason.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { ReleaseResult } from '../../../server/src/shared/protocol';
import { burnupSvg } from '../../../server/src/engine/reports/svg/burnupSvg';
import type { BurnupSeries } from '../../../server/src/engine/releases/burnup';
import { renderReleaseHtml } from '../../../client/src/release/releaseHtml';
import { releasePage } from '../../../client/src/release/releaseModel';
import { ACQUIRE_VSCODE_API_STUB, launchChromium, serveWebview, waitInPage } from '../../support/webviewPage';

const ORIGIN = 'http://release.test';
const loc = (file: string, line: number) => ({ uri: `file:///ws/${file}`, range: { start: { line, character: 0 }, end: { line, character: 4 } } });

const RELEASE: ReleaseResult = {
  folderUri: 'file:///ws',
  item: { id: 'R-1', title: 'First release', type: 'release', status: 'active', start: '2026-01-01', due: '2026-03-31', depth: 0, location: loc('specs/roadmap.yaml', 1) },
  items: [
    { id: 'R-1', title: 'First release', status: 'active', start: '2026-01-01', due: '2026-03-31', depth: 0, location: loc('specs/roadmap.yaml', 1) },
    { id: 'M-1', title: 'Beta', status: undefined, start: undefined, due: '2026-02-28', depth: 1, location: loc('specs/roadmap.yaml', 7) },
  ],
  total: 2,
  done: 1,
  byStatus: [
    { value: 'approved', count: 1 },
    { value: 'implemented', count: 1 },
  ],
  byPriority: [{ value: 'must', count: 2 }],
  coverage: { implemented: 1, tested: 1, uncovered: 1, policyUnmet: 1 },
  requirements: [
    { id: 'PAY-1', title: 'Pay by card', status: 'implemented', priority: 'must', plannedFor: 'R-1', state: 'done', coverage: 'covered', location: loc('specs/pay.yaml', 2), implementations: [loc('src/pay.ts', 0)], tests: [loc('test/pay.test.ts', 0)], overdue: false, blockedBy: [] },
    { id: 'XSS-1', title: '<img src=x onerror=alert(1)>', status: 'approved', priority: 'must', plannedFor: 'M-1', state: 'unfinished', coverage: 'uncovered', location: loc('specs/pay.yaml', 12), implementations: [], tests: [], overdue: true, blockedBy: [{ id: 'AUTH-1', status: 'draft', roadmap: 'R-2', location: loc('specs/auth.yaml', 2) }] },
  ],
  today: '2026-04-02',
};
const SERIES: BurnupSeries = {
  item: 'R-1',
  points: [
    { date: '2026-01-05', commit: 'a'.repeat(40), scope: 1, done: 0, entered: ['PAY-1'], left: [], notes: [] },
    { date: '2026-01-09', commit: 'b'.repeat(40), scope: 2, done: 1, entered: ['XSS-1'], left: [], notes: [] },
  ],
};

describe('client: release page in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const { page: data, links } = releasePage(RELEASE, { ok: true, points: SERIES.points, chart: burnupSvg(SERIES, 'Burn-up of R-1') }, 2026);

  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const html = renderReleaseHtml({ cspSource: ORIGIN, nonce: 'test-nonce-456', scriptUri: `${ORIGIN}/release.js`, styleUri: `${ORIGIN}/release.css`, initial: { type: 'data', version: 3, page: data } });
    await serveWebview(page, ORIGIN, () => html, /^release\.(js|css)$/);
    await page.addInitScript(ACQUIRE_VSCODE_API_STUB);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForSelector('#burnup svg').catch((err: unknown) => {
      throw new Error(`the page did not render (${pageErrors.join('; ') || String(err)})`);
    });
  });

  after(async () => {
    await browser?.close();
  });

  const posted = () => page.evaluate<unknown[]>('window.__rec.posted');

  it('renders the header, counts and requirements, and says "ready"', async () => {
    assert.equal(await page.textContent('#item-id'), 'R-1');
    assert.equal(await page.textContent('#subtitle'), 'release · active · 1 Jan → 31 Mar');
    assert.equal(await page.textContent('#summary'), '2 requirements in scope · 1 done (50%)');
    assert.equal(await page.locator('#requirement-rows tr').count(), 2);
    assert.equal(await page.textContent('#by-status'), 'approved1implemented1');
    assert.deepEqual((await posted())[0], { type: 'ready' });
  });

  it('builds the chart as SVG elements: the scope and done paths, a marker per scope change with its tooltip', async () => {
    assert.equal(await page.locator('#burnup svg g[data-series="scope"]').count(), 1);
    assert.equal(await page.locator('#burnup svg rect.burnup-step').count(), 2);
    const tooltip = await page.$eval('#burnup svg rect.burnup-step[data-date="2026-01-09"] title', (t) => t.textContent);
    assert.equal(tooltip, '2026-01-09 (bbbbbbb): scope 2, done 1\nentered: XSS-1');
    const stroke = await page.evaluate<string>(`getComputedStyle(document.querySelector('#burnup svg g[data-series="scope"]')).stroke`);
    assert.equal(stroke, 'rgb(26, 115, 232)', 'the fallback colour outside VS Code');
    assert.equal(await page.locator('#burnup svg g[data-series="scope"] line').count(), 3);
    assert.match((await page.textContent('#scope-list')) ?? '', /2026-01-09 scope 2, done 1 \+XSS-1/);
  });

  it('shows hostile text as text, lists overdue and blocked, and blocks inline script', async () => {
    const text = await page.innerText('body');
    assert.ok(text.includes('<img src=x onerror=alert(1)>'));
    assert.equal(await page.locator('img').count(), 0);
    assert.match(await page.innerText('#attention'), /XSS-1 <img src=x onerror=alert\(1\)> — overdue \(M-1 is past its due date, status approved\)\nXSS-1 <img src=x onerror=alert\(1\)> — blocked by AUTH-1 \(draft, R-2\)/);
    await page.evaluate(`{ const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true'; document.body.append(s); }`);
    assert.equal(await page.evaluate('window.__inlineRan'), undefined);
    assert.deepEqual(dialogs, []);
  });

  it('posts the index of a link, which names the location the panel keeps', async () => {
    await page.click('#requirement-rows tr:nth-child(1) td:nth-child(7) a');
    const last = (await posted()).at(-1) as { type: string; version: number; link: number };
    assert.equal(last.type, 'open');
    assert.equal(last.version, 3);
    assert.deepEqual(links[last.link], loc('src/pay.ts', 0));
  });

  it('says why there is no chart', async () => {
    const missing = releasePage(RELEASE, { ok: false, reason: 'this is a shallow clone' }, 2026).page;
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'data', version: 4, page: missing })}, '*')`);
    await waitInPage(page, `document.querySelector('#burnup svg') === null`);
    assert.equal(await page.textContent('#burnup-reason'), 'No burn-up: this is a shallow clone.');
    assert.deepEqual(pageErrors, []);
  });
});
