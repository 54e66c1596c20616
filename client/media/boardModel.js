// @ts-check
// The backlog board's model, without the DOM: which column and lane each card goes in, the order of the
// cards in a column, the filters, the geometry of the board and which cards a scrolled window shows
// (the page renders only those: a board of 20,000 requirements holds a few hundred card elements).
// Loaded by the webview before board.js (window.SpectraceBoardModel) and by the unit tests (require).
(function (root) {
  'use strict';

  /** @typedef {{id: string, title: string, status?: string, priority?: string, owner?: string, roadmap?: string, roadmapTitle?: string, product?: string, tags: string[], score?: {value: number, label: string}, insightCount: number}} Card */
  /** @typedef {{statuses: string[], folded: string[]}} Lifecycle */
  /** '' = any value; NONE = the field is not set. @typedef {{text: string, product: string, owner: string, roadmap: string, tag: string}} Filter */
  /** kind: a status column, the folded-away statuses in one (no cards), or the cards with no or an unknown status. @typedef {{key: string, label: string, kind: 'status' | 'folded' | 'other', count: number}} Column */
  /** cells[c] = indices into the cards, column c's cards in board order. @typedef {{key: string, label: string, cells: number[][], count: number}} Lane */
  /** @typedef {{columns: Column[], lanes: Lane[], shown: number}} Board */
  /** @typedef {{cardHeight: number, cardGap: number, laneHeader: number, lanePadding: number}} Metrics */
  /** @typedef {{lanes: {top: number, bodyTop: number, height: number}[], height: number}} Layout */

  /** The value a filter uses for "not set" (a character nobody types into a spec). */
  const NONE = '\u0000';
  /** The key of the column that stands for the folded statuses while they are folded away. */
  const FOLDED = '\u0000folded';
  /** The key of the column of cards with no status, or one outside the lifecycle. */
  const OTHER = '\u0000other';

  /** "PAY-10" after "PAY-9": digit runs compare as numbers. */
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

  /** Board order within a column: the higher score first, unscored cards after, then by ID. @param {Card} a @param {Card} b */
  function compareCards(a, b) {
    const sa = a.score ? a.score.value : undefined;
    const sb = b.score ? b.score.value : undefined;
    if (sa !== undefined && sb !== undefined && sa !== sb) return sb - sa;
    if ((sa === undefined) !== (sb === undefined)) return sa === undefined ? 1 : -1;
    return collator.compare(a.id, b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  /** @param {string | undefined} value @param {string} wanted */
  function fieldMatches(value, wanted) {
    return wanted === '' || (wanted === NONE ? !value : value === wanted);
  }

  /** @param {Card} card @param {Filter} filter */
  function matches(card, filter) {
    if (!fieldMatches(card.product, filter.product) || !fieldMatches(card.owner, filter.owner) || !fieldMatches(card.roadmap, filter.roadmap)) return false;
    if (filter.tag !== '' && !(filter.tag === NONE ? card.tags.length === 0 : card.tags.includes(filter.tag))) return false;
    const text = filter.text.trim().toLowerCase();
    return text === '' || card.id.toLowerCase().includes(text) || card.title.toLowerCase().includes(text);
  }

  /** The column key a card goes in. @param {Card} card @param {Lifecycle} lifecycle */
  function columnKeyOf(card, lifecycle) {
    const s = card.status || '';
    return lifecycle.statuses.includes(s) || lifecycle.folded.includes(s) ? s : OTHER;
  }

  /** @param {string[]} values */
  function sortedValues(values) {
    return [...new Set(values.filter((v) => v !== ''))].sort((a, b) => collator.compare(a, b));
  }

  /** What each filter offers: the values the cards have. @param {Card[]} cards @param {{id: string, title: string}[]} roadmapItems */
  function filterOptions(cards, roadmapItems) {
    const roadmapIds = sortedValues(cards.map((c) => c.roadmap || ''));
    const rank = new Map(roadmapItems.map((r, i) => [r.id, i]));
    roadmapIds.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || collator.compare(a, b));
    return {
      products: sortedValues(cards.map((c) => c.product || '')),
      owners: sortedValues(cards.map((c) => c.owner || '')),
      roadmaps: roadmapIds,
      tags: sortedValues(cards.flatMap((c) => c.tags)),
    };
  }

  /**
   * Columns (lifecycle order), lanes (one, or one per roadmap item in roadmap order with "no roadmap
   * item" last) and each cell's cards in board order, for the cards the filter lets through.
   * @param {Card[]} cards
   * @param {{filter: Filter, lifecycle: Lifecycle, groupByRoadmap: boolean, showFolded: boolean, roadmapItems: {id: string, title: string}[]}} options
   * @returns {Board}
   */
  function buildBoard(cards, options) {
    const { lifecycle, showFolded } = options;
    const order = cards.map((_, i) => i).filter((i) => matches(cards[i], options.filter));
    order.sort((a, b) => compareCards(cards[a], cards[b]));
    const hasOther = order.some((i) => columnKeyOf(cards[i], lifecycle) === OTHER);
    /** @type {Column[]} */
    const columns = [];
    if (hasOther) columns.push({ key: OTHER, label: 'No status', kind: 'other', count: 0 });
    for (const s of lifecycle.statuses) columns.push({ key: s, label: s, kind: 'status', count: 0 });
    if (showFolded) for (const s of lifecycle.folded) columns.push({ key: s, label: s, kind: 'status', count: 0 });
    else if (lifecycle.folded.length > 0) columns.push({ key: FOLDED, label: lifecycle.folded.join(' · '), kind: 'folded', count: 0 });
    const columnIndex = new Map(columns.map((c, i) => [c.key, i]));

    const titles = new Map(options.roadmapItems.map((r) => [r.id, r.title]));
    /** @type {Map<string, Lane>} */
    const lanes = new Map();
    const laneOf = (/** @type {Card} */ card) => {
      const key = options.groupByRoadmap ? card.roadmap || NONE : '';
      let lane = lanes.get(key);
      if (!lane) {
        const title = key === NONE || key === '' ? '' : card.roadmapTitle || titles.get(key) || '';
        const label = key === '' ? '' : key === NONE ? 'No roadmap item' : title ? `${key} · ${title}` : key;
        lane = { key, label, cells: columns.map(() => []), count: 0 };
        lanes.set(key, lane);
      }
      return lane;
    };
    if (!options.groupByRoadmap) laneOf(/** @type {Card} */ ({ id: '', title: '', tags: [], insightCount: 0 }));
    for (const i of order) {
      const card = cards[i];
      const key = columnKeyOf(card, lifecycle);
      const folded = lifecycle.folded.includes(key) && !showFolded;
      const c = columnIndex.get(folded ? FOLDED : key);
      if (c === undefined) continue;
      columns[c].count++;
      const lane = laneOf(card);
      lane.count++;
      if (!folded) lane.cells[c].push(i);
    }
    const rank = new Map(options.roadmapItems.map((r, i) => [r.id, i]));
    const laneList = [...lanes.values()].sort((a, b) => {
      if (a.key === NONE || b.key === NONE) return (a.key === NONE ? 1 : 0) - (b.key === NONE ? 1 : 0);
      return (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) || collator.compare(a.key, b.key);
    });
    return { columns, lanes: laneList, shown: order.length };
  }

  /** Where each lane starts and how tall it is: as many card rows as its fullest column (at least one, a drop target). @param {Board} board @param {Metrics} m @returns {Layout} */
  function layoutBoard(board, m) {
    const pitch = m.cardHeight + m.cardGap;
    let y = 0;
    const lanes = board.lanes.map((lane) => {
      const rows = Math.max(1, ...lane.cells.map((cell) => cell.length));
      const top = y;
      const height = m.laneHeader + rows * pitch + m.lanePadding;
      y += height;
      return { top, bodyTop: top + m.laneHeader, height };
    });
    return { lanes, height: y };
  }

  /**
   * The cards in the vertical window [top, bottom) of the board (plus what partly shows), with their place.
   * @param {Board} board @param {Layout} layout @param {Metrics} m @param {number} top @param {number} bottom
   * @returns {{card: number, lane: number, column: number, row: number, y: number}[]}
   */
  function visibleCards(board, layout, m, top, bottom) {
    const pitch = m.cardHeight + m.cardGap;
    /** @type {{card: number, lane: number, column: number, row: number, y: number}[]} */
    const out = [];
    board.lanes.forEach((lane, l) => {
      const { top: laneTop, bodyTop, height } = layout.lanes[l];
      if (laneTop + height <= top || laneTop >= bottom) return;
      const first = Math.max(0, Math.floor((top - bodyTop) / pitch));
      const last = Math.ceil((bottom - bodyTop) / pitch) - 1;
      lane.cells.forEach((cell, c) => {
        for (let row = first; row <= last && row < cell.length; row++) out.push({ card: cell[row], lane: l, column: c, row, y: bodyTop + row * pitch });
      });
    });
    return out;
  }

  /** The lanes whose header shows in the window [top, bottom). @param {Layout} layout @param {number} top @param {number} bottom */
  function visibleLanes(layout, top, bottom) {
    return layout.lanes.flatMap((lane, i) => (lane.top < bottom && lane.top + lane.height > top ? [i] : []));
  }

  /** Where a card is on the board (lane, column, row); undefined when the filter or a fold hides it. @param {Board} board @param {number} card */
  function placeOf(board, card) {
    for (let l = 0; l < board.lanes.length; l++) {
      const cells = board.lanes[l].cells;
      for (let c = 0; c < cells.length; c++) {
        const row = cells[c].indexOf(card);
        if (row >= 0) return { lane: l, column: c, row };
      }
    }
    return undefined;
  }

  /** A column a card can be moved into (a status column: not the folded stand-in, not "No status"). @param {Column | undefined} column */
  function isDropTarget(column) {
    return column !== undefined && column.kind === 'status';
  }

  /**
   * The status a keyboard move (Alt+Left / Alt+Right) takes a card from column `from` to: the next
   * status column that way; undefined at the end of the board.
   * @param {Board} board @param {number} from @param {-1 | 1} direction
   */
  function neighbourStatus(board, from, direction) {
    for (let c = from + direction; c >= 0 && c < board.columns.length; c += direction) {
      if (isDropTarget(board.columns[c])) return board.columns[c].key;
    }
    return undefined;
  }

  const api = { NONE, FOLDED, OTHER, compareCards, matches, columnKeyOf, filterOptions, buildBoard, layoutBoard, visibleCards, visibleLanes, placeOf, isDropTarget, neighbourStatus };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else /** @type {any} */ (root).SpectraceBoardModel = api;
})(typeof self !== 'undefined' ? self : globalThis);
