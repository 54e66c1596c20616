// @ts-check
// The backlog board page. Runs in the webview under a strict CSP (this file and boardModel.js are its
// only scripts, loaded with the page's nonce). Spec text goes into the DOM with textContent only. The
// board is virtualised: only the cards in (and just around) the scrolled window are elements.
// Cards are named to the extension by index into the data it sent (with that data's version).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const M = /** @type {any} */ (window).SpectraceBoardModel;

  /** @typedef {{id: string, title: string, status?: string, priority?: string, owner?: string, roadmap?: string, roadmapTitle?: string, product?: string, tags: string[], score?: {value: number, label: string}, insightCount: number, location: {uri: string}}} Card */

  const COLUMN_WIDTH = 240;
  const COLUMN_GAP = 10;
  const COLUMN_PITCH = COLUMN_WIDTH + COLUMN_GAP;
  const METRICS = { cardHeight: 92, cardGap: 8, laneHeader: 0, lanePadding: 8 };
  const LANE_HEADER = 32;

  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const el = {
    text: /** @type {HTMLInputElement} */ ($('filter')),
    product: /** @type {HTMLSelectElement} */ ($('product')),
    owner: /** @type {HTMLSelectElement} */ ($('owner')),
    roadmap: /** @type {HTMLSelectElement} */ ($('roadmap')),
    tag: /** @type {HTMLSelectElement} */ ($('tag')),
    group: /** @type {HTMLInputElement} */ ($('group')),
    folded: /** @type {HTMLInputElement} */ ($('folded')),
    count: $('count'),
    message: $('message'),
    empty: $('empty'),
    board: $('board'),
    heads: $('heads'),
    canvas: $('canvas'),
    menu: $('menu'),
  };

  /** @type {{version: number, cards: Card[], roadmapItems: {id: string, title: string}[], lifecycle: {statuses: string[], folded: string[]}}} */
  let data = { version: 0, cards: [], roadmapItems: [], lifecycle: { statuses: [], folded: [] } };
  const saved = vscode.getState() || {};
  el.text.value = typeof saved.text === 'string' ? saved.text : '';
  el.group.checked = saved.group === true;
  el.folded.checked = saved.folded === true;
  /** Filter choices the page restores once the options exist. */
  const pendingSelects = { product: saved.product || '', owner: saved.owner || '', roadmap: saved.roadmap || '', tag: saved.tag || '' };

  let board = M.buildBoard([], options());
  let layout = M.layoutBoard(board, metrics());
  /** Card index -> its element, for the cards currently rendered. @type {Map<number, HTMLElement>} */
  const rendered = new Map();
  /** @type {HTMLElement[]} */
  let laneHeads = [];
  /** The card being dragged. @type {number | undefined} */
  let dragging;
  /** The focused card across re-renders and new data: its ID and document. @type {string | undefined} */
  let focusKey;

  function metrics() {
    return { ...METRICS, laneHeader: el.group.checked ? LANE_HEADER : 0 };
  }

  function options() {
    return {
      filter: { text: el.text.value, product: el.product.value, owner: el.owner.value, roadmap: el.roadmap.value, tag: el.tag.value },
      lifecycle: data.lifecycle,
      groupByRoadmap: el.group.checked,
      showFolded: el.folded.checked,
      roadmapItems: data.roadmapItems,
    };
  }

  function saveState() {
    vscode.setState({ text: el.text.value, group: el.group.checked, folded: el.folded.checked, product: el.product.value, owner: el.owner.value, roadmap: el.roadmap.value, tag: el.tag.value });
  }

  /** @param {Card} c */
  const keyOf = (c) => `${c.location.uri}#${c.id}`;

  /**
   * Refills a filter's options (text only), keeping the choice when it still exists.
   * @param {HTMLSelectElement} select @param {string} anyLabel @param {string} noneLabel @param {string[]} values @param {(v: string) => string} [label]
   */
  function fillSelect(select, anyLabel, noneLabel, values, label) {
    const keep = select.value || pendingSelects[/** @type {'product'} */ (select.id)] || '';
    const opts = [new Option(anyLabel, ''), new Option(noneLabel, M.NONE), ...values.map((v) => new Option(label ? label(v) : v, v))];
    select.replaceChildren(...opts);
    select.value = keep === M.NONE || values.includes(keep) ? keep : '';
    pendingSelects[/** @type {'product'} */ (select.id)] = '';
  }

  function fillFilters() {
    const o = M.filterOptions(data.cards, data.roadmapItems);
    const titles = new Map(data.roadmapItems.map((r) => [r.id, r.title]));
    fillSelect(el.product, 'All products', 'No product', o.products);
    fillSelect(el.owner, 'All owners', 'No owner', o.owners);
    fillSelect(el.roadmap, 'All roadmap items', 'No roadmap item', o.roadmaps, (id) => (titles.get(id) ? `${id} · ${titles.get(id)}` : id));
    fillSelect(el.tag, 'All tags', 'No tags', o.tags);
  }

  /** @param {number} n */
  const requirementsText = (n) => (n === 1 ? '1 requirement' : `${n} requirements`);

  function renderHeads() {
    const heads = board.columns.map((/** @type {any} */ col, /** @type {number} */ i) => {
      const head = document.createElement('div');
      head.className = `column-head column-${col.kind}`;
      head.dataset.column = String(i);
      head.style.left = `${i * COLUMN_PITCH}px`;
      head.style.width = `${COLUMN_WIDTH}px`;
      const name = document.createElement(col.kind === 'folded' ? 'button' : 'span');
      name.className = 'column-name';
      name.textContent = col.kind === 'folded' ? `▸ ${col.label}` : col.label;
      if (col.kind === 'folded') {
        /** @type {HTMLButtonElement} */ (name).type = 'button';
        name.title = 'Show these columns';
        name.id = 'unfold';
      }
      const count = document.createElement('span');
      count.className = 'column-count';
      count.textContent = String(col.count);
      head.append(name, count);
      head.setAttribute('role', 'columnheader');
      head.setAttribute('aria-label', `${col.label}: ${requirementsText(col.count)}`);
      return head;
    });
    el.heads.replaceChildren(...heads);
    const width = `${board.columns.length * COLUMN_PITCH}px`;
    el.heads.style.width = width;
    el.canvas.style.width = width;
  }

  /** Rebuilds columns, lanes and geometry (filters, grouping or data changed), then renders the window. */
  function rebuild() {
    board = M.buildBoard(data.cards, options());
    layout = M.layoutBoard(board, metrics());
    el.canvas.style.height = `${layout.height}px`;
    for (const e of rendered.values()) e.remove();
    rendered.clear();
    renderHeads();
    renderStripes();
    renderWindow();
    const shown = board.shown;
    el.count.textContent = shown === data.cards.length ? requirementsText(shown) : `${shown} of ${requirementsText(data.cards.length)}`;
    el.empty.hidden = shown > 0;
    if (shown === 0) el.empty.textContent = data.cards.length === 0 ? 'No requirements in this workspace yet.' : 'No requirement matches the filters.';
  }

  /** One full-height stripe per column: the drop target's highlight. */
  function renderStripes() {
    const stripes = board.columns.map((/** @type {any} */ col, /** @type {number} */ i) => {
      const s = document.createElement('div');
      s.className = `stripe stripe-${col.kind}`;
      s.dataset.column = String(i);
      s.style.left = `${i * COLUMN_PITCH}px`;
      s.style.width = `${COLUMN_WIDTH}px`;
      return s;
    });
    for (const old of el.canvas.querySelectorAll('.stripe')) old.remove();
    el.canvas.prepend(...stripes);
  }

  /** The canvas's visible window, with half a screen more each way so a scroll shows no gap. */
  function windowOf() {
    const top = el.board.scrollTop - el.canvas.offsetTop;
    const height = el.board.clientHeight;
    return { top: top - height / 2, bottom: top + height * 1.5 };
  }

  /** @param {string} text @param {string} cls */
  function span(text, cls) {
    const s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  /** @param {number} i */
  function cardElement(i) {
    const c = data.cards[i];
    const card = document.createElement('div');
    card.className = 'card';
    card.tabIndex = 0;
    card.draggable = true;
    card.dataset.card = String(i);
    card.setAttribute('role', 'listitem');
    const head = document.createElement('div');
    head.className = 'card-head';
    const id = document.createElement('button');
    id.type = 'button';
    id.className = 'link card-id';
    id.tabIndex = -1;
    id.textContent = c.id;
    id.title = 'Open the requirement';
    head.append(id);
    if (c.score) head.append(span(c.score.label, 'score'));
    const title = span(c.title, 'card-title');
    title.title = c.title;
    const meta = document.createElement('div');
    meta.className = 'card-meta';
    if (c.priority) meta.append(span(c.priority, `priority priority-${c.priority}`));
    if (c.owner) meta.append(span(c.owner, 'owner'));
    if (c.roadmap) {
      const r = span(c.roadmap, 'roadmap');
      if (c.roadmapTitle) r.title = c.roadmapTitle;
      meta.append(r);
    }
    if (c.insightCount > 0) meta.append(span(c.insightCount === 1 ? '1 insight' : `${c.insightCount} insights`, 'insights'));
    card.append(head, title, meta);
    card.setAttribute('aria-label', [c.id, c.title, c.status || 'no status', c.priority, c.owner, c.roadmap, c.score && c.score.label, c.insightCount === 0 ? '' : c.insightCount === 1 ? '1 insight' : `${c.insightCount} insights`].filter(Boolean).join(', '));
    return card;
  }

  /** Renders the cards in the window, reusing the elements already there (a focused card keeps focus). */
  function renderWindow() {
    const { top, bottom } = windowOf();
    const visible = M.visibleCards(board, layout, metrics(), top, bottom);
    const keep = new Set();
    const fragment = document.createDocumentFragment();
    for (const v of visible) {
      keep.add(v.card);
      let e = rendered.get(v.card);
      if (!e) {
        e = cardElement(v.card);
        rendered.set(v.card, e);
        fragment.append(e);
      }
      e.style.top = `${v.y}px`;
      e.style.left = `${v.column * COLUMN_PITCH}px`;
      e.style.width = `${COLUMN_WIDTH}px`;
      e.style.height = `${METRICS.cardHeight}px`;
      e.dataset.column = String(v.column);
    }
    for (const [i, e] of rendered) {
      if (!keep.has(i) && document.activeElement !== e) {
        e.remove();
        rendered.delete(i);
      }
    }
    el.canvas.append(fragment);
    renderLaneHeads(top, bottom);
  }

  /** @param {number} top @param {number} bottom */
  function renderLaneHeads(top, bottom) {
    for (const h of laneHeads) h.remove();
    laneHeads = [];
    if (!el.group.checked) return;
    for (const l of M.visibleLanes(layout, top, bottom)) {
      const lane = board.lanes[l];
      const h = document.createElement('div');
      h.className = 'lane-head';
      h.style.top = `${layout.lanes[l].top}px`;
      h.style.height = `${LANE_HEADER}px`;
      h.append(span(lane.label, 'lane-name'), span(requirementsText(lane.count), 'lane-count'));
      laneHeads.push(h);
    }
    el.canvas.append(...laneHeads);
  }

  let scrollFrame = 0;
  el.board.addEventListener('scroll', () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      renderWindow();
    });
  });
  window.addEventListener('resize', () => renderWindow());

  /** Scrolls a card into view (rendering it if needed) and focuses it. @param {number} i */
  function focusCard(i) {
    const place = M.placeOf(board, i);
    if (!place) return;
    const y = layout.lanes[place.lane].bodyTop + place.row * (METRICS.cardHeight + METRICS.cardGap) + el.canvas.offsetTop;
    const viewTop = el.board.scrollTop + el.heads.offsetHeight;
    if (y < viewTop || y + METRICS.cardHeight > el.board.scrollTop + el.board.clientHeight) el.board.scrollTop = Math.max(0, y - el.heads.offsetHeight - METRICS.cardGap);
    const x = place.column * COLUMN_PITCH;
    if (x < el.board.scrollLeft || x + COLUMN_WIDTH > el.board.scrollLeft + el.board.clientWidth) el.board.scrollLeft = Math.max(0, x - COLUMN_GAP);
    renderWindow();
    rendered.get(i)?.focus({ preventScroll: true });
  }

  /** @param {number} i @param {string} status */
  function move(i, status) {
    focusKey = keyOf(data.cards[i]);
    vscode.postMessage({ type: 'move', version: data.version, card: i, status });
  }

  /** @param {Element | null} target */
  function cardIndexOf(target) {
    const card = target instanceof Element ? /** @type {HTMLElement | null} */ (target.closest('.card')) : null;
    return card ? Number(card.dataset.card) : undefined;
  }

  // ---- keyboard: arrows walk the board, Alt+arrows move the card, Enter opens, Shift+F10 the menu
  el.canvas.addEventListener('keydown', (e) => {
    const i = cardIndexOf(/** @type {Element} */ (e.target));
    if (i === undefined) return;
    const place = M.placeOf(board, i);
    if (!place) return;
    const cells = board.lanes[place.lane].cells;
    if (e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      e.preventDefault();
      const status = M.neighbourStatus(board, place.column, e.key === 'ArrowRight' ? 1 : -1);
      if (status) move(i, status);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      vscode.postMessage({ type: 'open', version: data.version, card: i });
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = cells[place.column][place.row + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next !== undefined) focusCard(next);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const step = e.key === 'ArrowRight' ? 1 : -1;
      for (let c = place.column + step; c >= 0 && c < cells.length; c += step) {
        if (cells[c].length > 0) {
          focusCard(cells[c][Math.min(place.row, cells[c].length - 1)]);
          return;
        }
      }
    } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      openMenu(i, /** @type {HTMLElement} */ (e.target));
    }
  });
  el.canvas.addEventListener('focusin', (e) => {
    const i = cardIndexOf(/** @type {Element} */ (e.target));
    if (i !== undefined) focusKey = keyOf(data.cards[i]);
  });
  el.canvas.addEventListener('click', (e) => {
    const target = /** @type {Element} */ (e.target);
    if (!(target instanceof Element) || !target.closest('.card-id')) return;
    const i = cardIndexOf(target);
    if (i !== undefined) vscode.postMessage({ type: 'open', version: data.version, card: i });
  });
  el.canvas.addEventListener('contextmenu', (e) => {
    const i = cardIndexOf(/** @type {Element} */ (e.target));
    if (i === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    openMenu(i, /** @type {HTMLElement} */ (rendered.get(i)));
  });

  // ---- the "Move to" menu: every status column but the card's own
  /** @param {number} i @param {HTMLElement} anchor */
  function openMenu(i, anchor) {
    const card = data.cards[i];
    const current = M.columnKeyOf(card, data.lifecycle);
    const items = [...data.lifecycle.statuses, ...data.lifecycle.folded]
      .filter((s) => s !== current)
      .map((s) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.setAttribute('role', 'menuitem');
        b.textContent = `Move to ${s}`;
        b.dataset.status = s;
        return b;
      });
    const open = document.createElement('button');
    open.type = 'button';
    open.setAttribute('role', 'menuitem');
    open.textContent = 'Open';
    open.dataset.open = 'true';
    el.menu.replaceChildren(open, ...items);
    el.menu.dataset.card = String(i);
    const r = anchor.getBoundingClientRect();
    el.menu.style.left = `${Math.min(r.left + 16, window.innerWidth - 200)}px`;
    el.menu.style.top = `${Math.min(r.top + 24, window.innerHeight - 300)}px`;
    el.menu.hidden = false;
    open.focus();
  }

  function closeMenu() {
    if (el.menu.hidden) return;
    el.menu.hidden = true;
    const i = Number(el.menu.dataset.card);
    if (rendered.has(i)) rendered.get(i)?.focus({ preventScroll: true });
  }

  el.menu.addEventListener('click', (e) => {
    const b = /** @type {HTMLElement | null} */ (e.target instanceof Element ? e.target.closest('button') : null);
    if (!b) return;
    const i = Number(el.menu.dataset.card);
    closeMenu();
    if (b.dataset.open) vscode.postMessage({ type: 'open', version: data.version, card: i });
    else if (b.dataset.status) move(i, b.dataset.status);
  });
  el.menu.addEventListener('keydown', (e) => {
    const items = /** @type {HTMLElement[]} */ ([...el.menu.querySelectorAll('button')]);
    const at = items.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (e.key === 'Escape') {
      e.preventDefault();
      closeMenu();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  });
  document.addEventListener('pointerdown', (e) => {
    if (!el.menu.hidden && !(e.target instanceof Node && el.menu.contains(e.target))) closeMenu();
  });

  // ---- drag and drop: the column under the pointer is the target
  /** @param {DragEvent} e */
  function columnAt(e) {
    const x = e.clientX - el.canvas.getBoundingClientRect().left;
    const c = Math.floor(x / COLUMN_PITCH);
    return x - c * COLUMN_PITCH <= COLUMN_WIDTH + COLUMN_GAP ? c : undefined;
  }
  function clearDropTarget() {
    for (const s of el.canvas.querySelectorAll('.stripe.drop, .column-head.drop')) s.classList.remove('drop');
  }
  el.canvas.addEventListener('dragstart', (e) => {
    const i = cardIndexOf(/** @type {Element} */ (e.target));
    if (i === undefined || !e.dataTransfer) return;
    dragging = i;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', data.cards[i].id);
    rendered.get(i)?.classList.add('dragging');
  });
  el.board.addEventListener('dragover', (e) => {
    if (dragging === undefined) return;
    const c = columnAt(e);
    const from = M.placeOf(board, dragging);
    clearDropTarget();
    if (c === undefined || !M.isDropTarget(board.columns[c]) || (from && from.column === c)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    for (const s of document.querySelectorAll(`.stripe[data-column="${c}"], .column-head[data-column="${c}"]`)) s.classList.add('drop');
  });
  el.board.addEventListener('drop', (e) => {
    if (dragging === undefined) return;
    e.preventDefault();
    const c = columnAt(e);
    const i = dragging;
    clearDropTarget();
    if (c !== undefined && M.isDropTarget(board.columns[c])) move(i, board.columns[c].key);
  });
  el.canvas.addEventListener('dragend', () => {
    if (dragging !== undefined) rendered.get(dragging)?.classList.remove('dragging');
    dragging = undefined;
    clearDropTarget();
  });

  // ---- toolbar
  for (const control of [el.product, el.owner, el.roadmap, el.tag, el.group, el.folded]) {
    control.addEventListener('change', () => {
      saveState();
      rebuild();
    });
  }
  el.text.addEventListener('input', () => {
    saveState();
    rebuild();
  });
  el.heads.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('#unfold')) {
      el.folded.checked = true;
      saveState();
      rebuild();
    }
  });

  /** @param {unknown} msg */
  function accept(msg) {
    if (!msg || typeof msg !== 'object') return;
    const m = /** @type {any} */ (msg);
    if (m.type === 'data' && Array.isArray(m.cards) && typeof m.version === 'number') {
      // The answer to "ready" repeats the data the page was created with: nothing to redo.
      if (m.version === data.version && data.cards.length === m.cards.length && data.version > 0) return;
      const hadFocus = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('card');
      data = { version: m.version, cards: m.cards, roadmapItems: m.roadmapItems || [], lifecycle: m.lifecycle || data.lifecycle };
      el.message.hidden = true;
      fillFilters();
      rebuild();
      // The card that was focused (or just moved) keeps the focus in its new column.
      if (hadFocus && focusKey) {
        const i = data.cards.findIndex((c) => keyOf(c) === focusKey);
        if (i >= 0) focusCard(i);
      }
      document.body.dataset.version = String(m.version);
    } else if ((m.type === 'error' || m.type === 'notice') && typeof m.message === 'string') {
      el.message.textContent = m.message;
      el.message.className = m.type;
      el.message.hidden = false;
    }
  }
  window.addEventListener('message', (e) => accept(e.data));

  // The data the page was created with (a JSON block, read as text: never evaluated as script).
  const initial = document.getElementById('board-data');
  if (initial && initial.textContent) {
    try {
      accept(JSON.parse(initial.textContent));
    } catch (err) {
      accept({ type: 'error', message: `The board data could not be read: ${String(err)}` });
    }
  }
  vscode.postMessage({ type: 'ready' });
})();
