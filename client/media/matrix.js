// @ts-check
// The traceability matrix page. Runs in the webview under a strict CSP (this file is the only
// script, loaded with the page's nonce). Every piece of spec text goes into the DOM with
// textContent — never innerHTML — so a title like <img src=x onerror=…> stays text.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  /** A code or test location as the extension sent it (shared/traceRow.ts's TraceLink). @typedef {{file: string, line: number}} Cell */
  /** @typedef {{id: string, title: string, priority?: string, status?: string, owner?: string, roadmap?: string, coverage: string, implementations: Cell[], tests: Cell[], suspectImplementations?: boolean[], suspectTests?: boolean[], rev?: number, score?: {value: number, label: string, formula: string}}} Row */

  /** @param {Cell} c */
  const cellLabel = (c) => `${c.file}:${c.line}`;

  /** @type {{key: string, label: string, value: (r: Row) => string, numeric?: boolean}[]} */
  const COLUMNS = [
    { key: 'id', label: 'ID', value: (r) => r.id },
    { key: 'title', label: 'Title', value: (r) => r.title },
    { key: 'roadmap', label: 'Roadmap', value: (r) => r.roadmap || '' },
    { key: 'status', label: 'Status', value: (r) => r.status || '' },
    // Shown only when some row has a score (a scoring model is on): see scored().
    { key: 'score', label: 'Score', value: (r) => (r.score ? String(r.score.value) : ''), numeric: true },
    { key: 'priority', label: 'Priority', value: (r) => r.priority || '' },
    { key: 'owner', label: 'Owner', value: (r) => r.owner || '' },
    { key: 'implementations', label: 'Implementations', value: (r) => String(r.implementations.length), numeric: true },
    { key: 'tests', label: 'Tests', value: (r) => String(r.tests.length), numeric: true },
    { key: 'coverage', label: 'Coverage', value: (r) => r.coverage },
  ];
  /** The extension's one vocabulary: coverage words, and the MoSCoW and lifecycle orders (from the schemas). */
  let vocabulary = { coverageText: /** @type {Record<string, string>} */ ({}), priorities: /** @type {string[]} */ ([]), statuses: /** @type {string[]} */ ([]) };
  /** @param {string[]} order @param {string | undefined} value */
  function rank(order, value) {
    const i = order.indexOf(value || '');
    return i < 0 ? order.length : i;
  }

  const el = {
    filter: /** @type {HTMLInputElement} */ (document.getElementById('filter')),
    coverage: /** @type {HTMLSelectElement} */ (document.getElementById('coverage')),
    exportButton: /** @type {HTMLButtonElement} */ (document.getElementById('export')),
    count: /** @type {HTMLElement} */ (document.getElementById('count')),
    message: /** @type {HTMLElement} */ (document.getElementById('message')),
    empty: /** @type {HTMLElement} */ (document.getElementById('empty')),
    table: /** @type {HTMLElement} */ (document.getElementById('matrix')),
    header: /** @type {HTMLElement} */ (document.getElementById('header')),
    rows: /** @type {HTMLElement} */ (document.getElementById('rows')),
  };

  /** @type {{version: number, rows: Row[]}} */
  let data = { version: 0, rows: [] };
  /** What the user set up survives the page being hidden and shown again. */
  const saved = vscode.getState() || {};
  let sortKey = typeof saved.sortKey === 'string' ? saved.sortKey : 'id';
  let sortDir = saved.sortDir === -1 ? -1 : 1;
  el.filter.value = typeof saved.filter === 'string' ? saved.filter : '';
  el.coverage.value = typeof saved.coverage === 'string' ? saved.coverage : '';
  /** Indices (into data.rows) of the rows shown, in display order. */
  let shown = [];

  function saveState() {
    vscode.setState({ sortKey, sortDir, filter: el.filter.value, coverage: el.coverage.value });
  }

  /** "PAY-10" after "PAY-9": compare digit runs as numbers. */
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  /** @param {Row} a @param {Row} b */
  function compare(a, b) {
    const col = COLUMNS.find((c) => c.key === sortKey) || COLUMNS[0];
    let d;
    if (col.key === 'score') d = scoreOf(a) - scoreOf(b);
    else if (col.numeric) d = Number(col.value(a)) - Number(col.value(b));
    else if (col.key === 'priority') d = rank(vocabulary.priorities, a.priority) - rank(vocabulary.priorities, b.priority);
    else if (col.key === 'status') d = rank(vocabulary.statuses, a.status) - rank(vocabulary.statuses, b.status);
    else d = collator.compare(col.value(a), col.value(b));
    return d * sortDir || collator.compare(a.id, b.id);
  }

  /** A row's score for sorting; unscored rows sort below every score. @param {Row} r */
  function scoreOf(r) {
    return r.score ? r.score.value : -Number.MAX_VALUE;
  }

  /** Whether the Score column is shown: some requirement has a score. */
  function scored() {
    return data.rows.some((r) => r.score !== undefined);
  }

  /** The columns on screen. */
  function visibleColumns() {
    const withScore = scored();
    return COLUMNS.filter((c) => c.key !== 'score' || withScore);
  }

  /** A link reviewed against an older revision of the requirement. @param {Row} r */
  function hasSuspect(r) {
    return (r.suspectImplementations || []).includes(true) || (r.suspectTests || []).includes(true);
  }

  /** The coverage select's choice; "suspect" is not a coverage state but rows with a suspect link. @param {Row} r @param {string} coverage */
  function matchesCoverage(r, coverage) {
    if (!coverage) return true;
    return coverage === 'suspect' ? hasSuspect(r) : r.coverage === coverage;
  }

  /** @param {Row} r */
  function haystack(r) {
    return [r.id, r.title, r.status, r.priority, r.owner, r.roadmap, r.coverage, ...r.implementations.map(cellLabel), ...r.tests.map(cellLabel)]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
  }

  function renderHeader() {
    el.header.replaceChildren();
    for (const col of visibleColumns()) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = `col-${col.key}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = col.label;
      button.dataset.key = col.key;
      th.setAttribute('aria-sort', col.key === sortKey ? (sortDir === 1 ? 'ascending' : 'descending') : 'none');
      if (col.key === sortKey) {
        const arrow = document.createElement('span');
        arrow.className = 'arrow';
        arrow.textContent = sortDir === 1 ? ' ▲' : ' ▼';
        arrow.setAttribute('aria-hidden', 'true');
        button.append(arrow);
      }
      th.append(button);
      el.header.append(th);
    }
  }

  /**
   * A link-like button that asks the extension to open a location it sent.
   * @param {string} text @param {number} row @param {'requirement'|'implementation'|'test'} cell @param {number} index
   */
  function openButton(text, row, cell, index) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link';
    b.textContent = text;
    b.dataset.row = String(row);
    b.dataset.cell = cell;
    b.dataset.index = String(index);
    b.title = cell === 'requirement' ? 'Open the requirement' : `Open ${text}`;
    return b;
  }

  /** @param {Cell[]} cells @param {number} row @param {'implementation'|'test'} kind @param {boolean[]} suspect @param {number} rev */
  function locationsCell(cells, row, kind, suspect, rev) {
    const td = document.createElement('td');
    td.className = 'locations';
    if (cells.length === 0) {
      td.textContent = '—';
      td.classList.add('empty');
      return td;
    }
    const list = document.createElement('ul');
    cells.forEach((c, i) => {
      const li = document.createElement('li');
      li.append(openButton(cellLabel(c), row, kind, i));
      if (suspect[i]) {
        const mark = document.createElement('span');
        mark.className = 'suspect';
        mark.textContent = 'suspect';
        mark.title = `Reviewed against an older revision: the requirement is at rev ${rev} now. Run "Spectrace: Review Suspect Links".`;
        li.classList.add('suspect');
        li.append(' ', mark);
      }
      list.append(li);
    });
    td.append(list);
    return td;
  }

  /** @param {string} text @param {string} [cls] */
  function textCell(text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  /**
   * Says why the table is empty instead of showing a blank one. The filter is the user's text (and
   * the titles are spec text): set with textContent only.
   * @param {string} filter @param {string} coverage
   */
  function showEmptyState(filter, coverage) {
    const empty = shown.length === 0;
    el.table.hidden = empty;
    el.empty.hidden = !empty;
    if (!empty) return;
    const option = el.coverage.selectedOptions[0];
    const label = coverage && option ? option.text.toLowerCase() : '';
    if (data.rows.length === 0) el.empty.textContent = 'No requirements in this workspace yet.';
    else if (filter) el.empty.textContent = `No requirement matches '${filter}'${label ? ` (coverage: ${label})` : ''}.`;
    else if (coverage === 'suspect') el.empty.textContent = 'No suspect links: every link is reviewed against its requirement’s current revision.';
    else el.empty.textContent = `No requirement has coverage '${label}'.`;
  }

  function renderRows() {
    const needle = el.filter.value.trim().toLowerCase();
    const coverage = el.coverage.value;
    const order = data.rows.map((r, i) => ({ r, i }));
    order.sort((a, b) => compare(a.r, b.r));
    shown = order.filter(({ r }) => matchesCoverage(r, coverage) && (!needle || haystack(r).includes(needle))).map(({ i }) => i);

    const fragment = document.createDocumentFragment();
    const withScore = scored();
    for (const i of shown) {
      const r = data.rows[i];
      const tr = document.createElement('tr');
      const idCell = document.createElement('td');
      idCell.className = 'id';
      idCell.append(openButton(r.id, i, 'requirement', 0));
      tr.append(
        idCell,
        textCell(r.title, 'title'),
        textCell(r.roadmap || '—', r.roadmap ? 'roadmap' : 'roadmap empty'),
        textCell(r.status || '—', `status status-${r.status || 'none'}`),
      );
      if (withScore) {
        const cell = textCell(r.score ? r.score.label : '—', r.score ? 'score' : 'score empty');
        if (r.score) cell.title = r.score.formula;
        tr.append(cell);
      }
      tr.append(
        textCell(r.priority || '—', 'priority'),
        textCell(r.owner || '—', r.owner ? 'owner' : 'owner empty'),
        locationsCell(r.implementations, i, 'implementation', r.suspectImplementations || [], r.rev || 1),
        locationsCell(r.tests, i, 'test', r.suspectTests || [], r.rev || 1),
        textCell(vocabulary.coverageText[r.coverage] || r.coverage, `coverage coverage-${r.coverage}`),
      );
      fragment.append(tr);
    }
    el.rows.replaceChildren(fragment);
    showEmptyState(el.filter.value.trim(), coverage);
    el.count.textContent = shown.length === data.rows.length ? requirementsText(data.rows.length) : `${shown.length} of ${requirementsText(data.rows.length)}`;
    el.exportButton.disabled = shown.length === 0;
  }

  /** @param {number} n */
  function requirementsText(n) {
    return n === 1 ? '1 requirement' : `${n} requirements`;
  }

  /** @param {unknown} msg */
  function accept(msg) {
    if (!msg || typeof msg !== 'object') return;
    const m = /** @type {{type?: string, version?: number, rows?: Row[], vocabulary?: typeof vocabulary, message?: string}} */ (msg);
    if (m.type === 'data' && Array.isArray(m.rows) && typeof m.version === 'number') {
      data = { version: m.version, rows: m.rows };
      if (m.vocabulary) vocabulary = m.vocabulary;
      el.message.hidden = true;
      renderHeader();
      renderRows();
    } else if (m.type === 'error' && typeof m.message === 'string') {
      el.message.textContent = m.message;
      el.message.hidden = false;
    }
  }

  el.header.addEventListener('click', (e) => {
    const button = /** @type {HTMLElement | null} */ (e.target instanceof Element ? e.target.closest('button.sort') : null);
    const key = button?.dataset.key;
    if (!key) return;
    sortDir = key === sortKey ? -sortDir : 1;
    sortKey = key;
    saveState();
    renderHeader();
    renderRows();
  });
  el.rows.addEventListener('click', (e) => {
    const button = /** @type {HTMLElement | null} */ (e.target instanceof Element ? e.target.closest('button.link') : null);
    if (!button) return;
    vscode.postMessage({ type: 'open', version: data.version, row: Number(button.dataset.row), cell: button.dataset.cell, index: Number(button.dataset.index) });
  });
  // A location the pointer rests on (or the keyboard reaches) is loaded ahead of the click.
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let prefetchTimer;
  /** @param {Event} e */
  function prefetchSoon(e) {
    const button = /** @type {HTMLElement | null} */ (e.target instanceof Element ? e.target.closest('button.link') : null);
    if (!button) return;
    clearTimeout(prefetchTimer);
    prefetchTimer = setTimeout(() => {
      vscode.postMessage({ type: 'prefetch', version: data.version, row: Number(button.dataset.row), cell: button.dataset.cell, index: Number(button.dataset.index) });
    }, 100);
  }
  el.rows.addEventListener('pointerover', prefetchSoon);
  el.rows.addEventListener('focusin', prefetchSoon);
  el.rows.addEventListener('pointerout', () => clearTimeout(prefetchTimer));
  el.filter.addEventListener('input', () => {
    saveState();
    renderRows();
  });
  el.coverage.addEventListener('change', () => {
    saveState();
    renderRows();
  });
  el.exportButton.addEventListener('click', () => vscode.postMessage({ type: 'exportCsv', version: data.version, rows: shown }));
  window.addEventListener('message', (e) => accept(e.data));

  // The data the page was created with (a JSON block, read as text: never evaluated as script).
  const initial = document.getElementById('matrix-data');
  if (initial && initial.textContent) {
    try {
      accept(JSON.parse(initial.textContent));
    } catch (err) {
      accept({ type: 'error', message: `The matrix data could not be read: ${String(err)}` });
    }
  }
  renderHeader();
  vscode.postMessage({ type: 'ready' });
})();
