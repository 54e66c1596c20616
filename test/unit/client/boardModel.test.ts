// The backlog board's model (client/media/boardModel.js, the page's own script, loaded here as the
// page loads it): columns in lifecycle order with rejected/deprecated folded away, cards by score then
// ID, the filters, roadmap swim lanes, keyboard neighbours, and the virtual window's few cards.
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { BoardCard } from '../../../server/src/shared/protocol';
import { BOARD_LIFECYCLE, parseFromBoard } from '../../../client/src/board/boardMessages';
import { renderBoardHtml } from '../../../client/src/board/boardHtml';

type Card = Omit<BoardCard, 'location'>;
interface Filter {
  text: string;
  product: string;
  owner: string;
  roadmap: string;
  tag: string;
}
interface Column {
  key: string;
  label: string;
  kind: 'status' | 'folded' | 'other';
  count: number;
}
interface Lane {
  key: string;
  label: string;
  cells: number[][];
  count: number;
}
interface Board {
  columns: Column[];
  lanes: Lane[];
  shown: number;
}
interface Metrics {
  cardHeight: number;
  cardGap: number;
  laneHeader: number;
  lanePadding: number;
}
interface Layout {
  lanes: { top: number; bodyTop: number; height: number }[];
  height: number;
}
interface BoardOptions {
  filter: Filter;
  lifecycle: { statuses: readonly string[]; folded: readonly string[] };
  groupByRoadmap: boolean;
  showFolded: boolean;
  roadmapItems: { id: string; title: string }[];
}
/** What boardModel.js exports (it is plain JavaScript: the page runs it as it is). */
interface BoardModel {
  NONE: string;
  compareCards(a: Card, b: Card): number;
  filterOptions(cards: Card[], roadmapItems: { id: string; title: string }[]): { products: string[]; owners: string[]; roadmaps: string[]; tags: string[] };
  buildBoard(cards: Card[], options: BoardOptions): Board;
  layoutBoard(board: Board, m: Metrics): Layout;
  visibleCards(board: Board, layout: Layout, m: Metrics, top: number, bottom: number): { card: number; lane: number; column: number; row: number; y: number }[];
  placeOf(board: Board, card: number): { lane: number; column: number; row: number } | undefined;
  neighbourStatus(board: Board, from: number, direction: -1 | 1): string | undefined;
}

const model = createRequire(__filename)(path.resolve(__dirname, '../../../client/media/boardModel.js')) as BoardModel;
const ANY: Filter = { text: '', product: '', owner: '', roadmap: '', tag: '' };
const METRICS: Metrics = { cardHeight: 92, cardGap: 8, laneHeader: 0, lanePadding: 8 };

function card(id: string, extra: Partial<Card> = {}): Card {
  return { id, title: `Title of ${id}`, status: 'approved', priority: undefined, owner: undefined, roadmap: undefined, roadmapTitle: undefined, product: undefined, tags: [], insightCount: 0, ...extra };
}
function build(cards: Card[], opts: Partial<BoardOptions> = {}): Board {
  return model.buildBoard(cards, { filter: ANY, lifecycle: BOARD_LIFECYCLE, groupByRoadmap: false, showFolded: false, roadmapItems: [], ...opts });
}
/** Each column's card IDs (first lane), by column label. */
function columnsOf(cards: Card[], board: Board, lane = 0): Record<string, string[]> {
  return Object.fromEntries(board.columns.map((c, i) => [c.label, board.lanes[lane].cells[i].map((k) => cards[k].id)]));
}

describe('client: backlog board model', () => {
  const CARDS = [
    card('PAY-10', { status: 'draft', owner: 'ann', product: 'checkout', roadmap: 'R-2', tags: ['web'] }),
    card('PAY-9', { status: 'draft', owner: 'bob', product: 'checkout', roadmap: 'R-1' }),
    card('PAY-2', { status: 'approved', score: { value: 12, label: 'RICE 12' }, roadmap: 'R-1', tags: ['web', 'mobile'] }),
    card('PAY-3', { status: 'approved', score: { value: 320, label: 'RICE 320' }, product: 'accounts' }),
    card('PAY-1', { status: 'approved' }),
    card('PAY-4', { status: 'rejected' }),
    card('PAY-5', { status: 'deprecated', roadmap: 'R-2' }),
    card('PAY-6', { status: 'released', owner: 'ann' }),
  ];

  it('has a column per lifecycle status in order, rejected and deprecated folded into one without cards', () => {
    const board = build(CARDS);
    assert.deepEqual(
      board.columns.map((c) => [c.label, c.kind, c.count]),
      [
        ['draft', 'status', 2],
        ['proposed', 'status', 0],
        ['approved', 'status', 3],
        ['in-progress', 'status', 0],
        ['implemented', 'status', 0],
        ['verified', 'status', 0],
        ['released', 'status', 1],
        ['rejected · deprecated', 'folded', 2],
      ],
    );
    assert.deepEqual(board.lanes[0].cells.at(-1), [], 'folded away: no card elements');
    assert.equal(board.shown, 8);
  });

  it('orders a column by score, highest first, unscored cards after by ID with numbers in order', () => {
    const columns = columnsOf(CARDS, build(CARDS));
    assert.deepEqual(columns.approved, ['PAY-3', 'PAY-2', 'PAY-1']);
    assert.deepEqual(columns.draft, ['PAY-9', 'PAY-10']);
  });

  it('unfolds rejected and deprecated into their own columns', () => {
    const board = build(CARDS, { showFolded: true });
    const columns = columnsOf(CARDS, board);
    assert.deepEqual([columns.rejected, columns.deprecated], [['PAY-4'], ['PAY-5']]);
    assert.equal(board.columns.length, 9);
  });

  it('puts cards with no status or one outside the lifecycle into a leading "No status" column only when there are some', () => {
    const cards = [card('A-1', { status: undefined }), card('A-2', { status: 'parked' }), card('A-3')];
    const board = build(cards);
    assert.deepEqual([board.columns[0].label, board.columns[0].kind], ['No status', 'other']);
    assert.deepEqual(columnsOf(cards, board)['No status'], ['A-1', 'A-2']);
    assert.equal(build([card('A-3')]).columns[0].label, 'draft');
  });

  it('filters by product, owner, roadmap item, tag and text, "not set" included', () => {
    const ids = (filter: Partial<Filter>) => {
      const board = build(CARDS, { filter: { ...ANY, ...filter }, showFolded: true });
      return board.lanes[0].cells.flat().map((i) => CARDS[i].id).sort();
    };
    assert.deepEqual(ids({ product: 'checkout' }), ['PAY-10', 'PAY-9']);
    assert.deepEqual(ids({ owner: 'ann' }), ['PAY-10', 'PAY-6']);
    assert.deepEqual(ids({ roadmap: 'R-1' }), ['PAY-2', 'PAY-9']);
    assert.deepEqual(ids({ tag: 'web' }), ['PAY-10', 'PAY-2']);
    assert.deepEqual(ids({ tag: 'web', owner: 'ann' }), ['PAY-10']);
    assert.deepEqual(ids({ owner: model.NONE, roadmap: model.NONE }), ['PAY-1', 'PAY-3', 'PAY-4']);
    assert.deepEqual(ids({ text: 'of pay-1' }), ['PAY-1', 'PAY-10']);
    assert.equal(build(CARDS, { filter: { ...ANY, owner: 'ann' } }).shown, 2);
  });

  it('offers the values the cards have, roadmap items in roadmap order', () => {
    const o = model.filterOptions(CARDS, [{ id: 'R-2', title: 'Later' }, { id: 'R-1', title: 'Sooner' }]);
    assert.deepEqual(o, { products: ['accounts', 'checkout'], owners: ['ann', 'bob'], roadmaps: ['R-2', 'R-1'], tags: ['mobile', 'web'] });
  });

  it('groups by roadmap item into swim lanes in roadmap order, "No roadmap item" last', () => {
    const board = build(CARDS, { groupByRoadmap: true, roadmapItems: [{ id: 'R-2', title: 'Later' }, { id: 'R-1', title: 'Sooner' }] });
    assert.deepEqual(
      board.lanes.map((l) => [l.label, l.count]),
      [
        ['R-2 · Later', 2],
        ['R-1 · Sooner', 2],
        ['No roadmap item', 4],
      ],
    );
    assert.deepEqual(columnsOf(CARDS, board, 1).approved, ['PAY-2']);
    assert.deepEqual(columnsOf(CARDS, board, 2).approved, ['PAY-3', 'PAY-1']);
  });

  it('names the neighbouring status columns for Alt+Left / Alt+Right, skipping the folded stand-in', () => {
    const board = build(CARDS);
    assert.equal(model.neighbourStatus(board, 0, 1), 'proposed');
    assert.equal(model.neighbourStatus(board, 0, -1), undefined);
    assert.equal(model.neighbourStatus(board, 6, 1), undefined, 'released is the last while rejected/deprecated are folded');
    assert.equal(model.neighbourStatus(build(CARDS, { showFolded: true }), 6, 1), 'rejected');
    const withOther = build([card('A-1', { status: undefined }), card('A-2', { status: 'draft' })]);
    assert.equal(model.neighbourStatus(withOther, 1, -1), undefined, 'nothing moves into "No status"');
    assert.equal(model.neighbourStatus(withOther, 0, 1), 'draft', 'a card with no status moves into draft');
    assert.deepEqual(model.placeOf(board, 2), { lane: 0, column: 2, row: 1 });
  });

  it('lays out 20,000 cards and shows only the few in a window, wherever it is scrolled', () => {
    const statuses = BOARD_LIFECYCLE.statuses;
    const many = Array.from({ length: 20_000 }, (_, i) => card(`REQ-${i + 1}`, { status: statuses[i % statuses.length] }));
    const board = build(many);
    const layout = model.layoutBoard(board, METRICS);
    const rows = Math.ceil(20_000 / statuses.length);
    assert.equal(layout.height, rows * 100 + METRICS.lanePadding);
    const top = model.visibleCards(board, layout, METRICS, 0, 900);
    assert.equal(top.length, 9 * statuses.length, '9 rows of 100 px in 900 px, per column');
    assert.deepEqual(top[0], { card: 0, lane: 0, column: 0, row: 0, y: 0 });
    const middle = model.visibleCards(board, layout, METRICS, 150_000, 151_000);
    assert.ok(middle.length <= 11 * statuses.length);
    assert.ok(middle.every((v) => v.y + METRICS.cardHeight > 150_000 && v.y < 151_000));
    assert.equal(model.visibleCards(board, layout, METRICS, layout.height + 10, layout.height + 900).length, 0);
  });

  it('lays out lanes one after the other, each as tall as its fullest column', () => {
    const m = { ...METRICS, laneHeader: 30 };
    const board = build(CARDS, { groupByRoadmap: true, roadmapItems: [{ id: 'R-1', title: '' }, { id: 'R-2', title: '' }] });
    const layout = model.layoutBoard(board, m);
    assert.deepEqual(
      layout.lanes.map((l) => [l.top, l.bodyTop, l.height]),
      [
        [0, 30, 138],
        [138, 168, 138],
        [276, 306, 238],
      ],
    );
    const shown = model.visibleCards(board, layout, m, 276, 400);
    assert.deepEqual(
      shown.map((v) => CARDS[v.card].id),
      ['PAY-3', 'PAY-6'],
    );
  });
});

describe('client: backlog board messages and page', () => {
  it('accepts only well-formed messages naming a card by index and a lifecycle status', () => {
    assert.deepEqual(parseFromBoard({ type: 'move', version: 3, card: 2, status: 'approved' }), { type: 'move', version: 3, card: 2, status: 'approved' });
    assert.deepEqual(parseFromBoard({ type: 'open', version: 3, card: 0 }), { type: 'open', version: 3, card: 0 });
    assert.deepEqual(parseFromBoard({ type: 'ready' }), { type: 'ready' });
    for (const bad of [
      { type: 'move', version: 3, card: 2, status: 'done' },
      { type: 'move', version: 3, card: -1, status: 'approved' },
      { type: 'move', version: 3, card: 1.5, status: 'approved' },
      { type: 'move', version: 3, card: 2, status: 'approved\nrev: 9' },
      { type: 'move', uri: 'file:///etc/passwd', version: 3, status: 'approved' },
      { type: 'edit', version: 3, card: 2 },
      null,
      'move',
    ]) {
      assert.equal(parseFromBoard(bad), undefined, JSON.stringify(bad));
    }
  });

  it('builds a page with the matrix CSP, nonce on every script, no spec text in the markup', () => {
    const hostile = card('XSS-1', { title: '</script><img src=x onerror=alert(1)>' });
    const html = renderBoardHtml({
      cspSource: 'https://webview.example',
      nonce: 'abc123',
      modelUri: 'https://webview.example/boardModel.js',
      scriptUri: 'https://webview.example/board.js',
      styleUri: 'https://webview.example/board.css',
      initial: { type: 'data', version: 1, cards: [{ ...hostile, location: { uri: 'file:///ws/a.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } } } }], roadmapItems: [], lifecycle: BOARD_LIFECYCLE },
    });
    assert.match(html, /content="default-src 'none'; style-src https:\/\/webview\.example 'nonce-abc123'; script-src 'nonce-abc123';/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 3);
    for (const tag of scripts) assert.match(tag, /nonce="abc123"/);
    assert.ok(!html.includes('</script><img'), 'the title is escaped inside the JSON block');
    assert.ok(html.includes('\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e'));
  });
});
