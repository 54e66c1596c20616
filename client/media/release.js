// @ts-check
// The release page. Runs in the webview under a strict CSP (this file is the only script, loaded
// with the page's nonce). Every piece of spec text goes into the DOM with textContent, and the
// burn-up chart is built element by element from the tree the server sent (known SVG tags and
// attributes only) — never innerHTML — so a title like <img src=x onerror=…> stays text.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const SVG_NS = 'http://www.w3.org/2000/svg';
  // The tags and attributes of shared/svgTree.ts: anything else in the tree is dropped.
  const SVG_TAGS = new Set(['svg', 'g', 'rect', 'line', 'polygon', 'text', 'title']);
  const SAFE_ATTRIBUTE = /^(x|y|x1|x2|y1|y2|width|height|rx|points|class|viewBox|role|tabindex|aria-label|text-anchor|data-[a-z]+(-[a-z]+)*)$/;

  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  let version = 0;

  /** @param {string} tag @param {string} [text] @param {string} [cls] */
  function h(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  /** A link that asks the extension to open location `link` of this data's version. @param {string} text @param {number} link */
  function link(text, link) {
    const a = /** @type {HTMLAnchorElement} */ (h('a', text));
    a.href = '#';
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      vscode.postMessage({ type: 'open', version, link });
    });
    return a;
  }

  /** @param {any} node @returns {Element | undefined} */
  function svgNode(node) {
    if (!node || typeof node !== 'object' || !SVG_TAGS.has(node.tag)) return undefined;
    const e = document.createElementNS(SVG_NS, node.tag);
    for (const [k, v] of Object.entries(node.attrs || {})) if (SAFE_ATTRIBUTE.test(k) && (typeof v === 'string' || typeof v === 'number')) e.setAttribute(k, String(v));
    if (typeof node.text === 'string') e.textContent = node.text;
    for (const c of node.children || []) {
      const child = svgNode(c);
      if (child) e.appendChild(child);
    }
    return e;
  }

  /** @param {HTMLElement} table @param {[string, string | number][]} rows */
  function counts(table, rows) {
    table.replaceChildren(
      ...rows.map(([label, n]) => {
        const tr = h('tr');
        tr.append(h('th', label), h('td', String(n), 'num'));
        return tr;
      }),
    );
  }

  /** @param {number[]} links @param {string} prefix */
  function linkList(links, prefix) {
    const span = h('span');
    links.forEach((l, i) => {
      if (i > 0) span.append(', ');
      span.append(link(`${prefix}${i + 1}`, l));
    });
    if (links.length === 0) span.append(h('span', '—', 'muted'));
    return span;
  }

  /** @param {any} page */
  function render(page) {
    byId('message').hidden = true;
    const idLink = /** @type {HTMLAnchorElement} */ (byId('item-link'));
    byId('item-id').textContent = page.id;
    idLink.onclick = (ev) => {
      ev.preventDefault();
      vscode.postMessage({ type: 'open', version, link: page.link });
    };
    byId('item-title').textContent = page.title;
    byId('subtitle').textContent = page.subtitle;
    const pct = page.total > 0 ? Math.round((100 * page.done) / page.total) : 0;
    byId('summary').textContent = page.total === 0 ? 'No requirements are planned for this item or the items below it.' : `${page.total} requirement${page.total === 1 ? '' : 's'} in scope · ${page.done} done (${pct}%)`;

    // Burn-up.
    const chart = byId('burnup');
    const reason = byId('burnup-reason');
    const changes = /** @type {HTMLDetailsElement} */ (byId('scope-changes'));
    chart.replaceChildren();
    reason.hidden = true;
    changes.hidden = true;
    if (page.burnup.state === 'loading') {
      reason.hidden = false;
      reason.textContent = 'Reading the history of the spec files…';
    } else if (page.burnup.state === 'missing') {
      reason.hidden = false;
      reason.textContent = `No burn-up: ${page.burnup.reason}.`;
    } else {
      const svg = svgNode(page.burnup.chart);
      if (svg) chart.append(svg);
      const moved = page.burnup.points.filter((/** @type {any} */ p) => p.entered.length + p.left.length > 0 || p.notes.length > 0);
      const list = byId('scope-list');
      list.replaceChildren(
        ...moved.map((/** @type {any} */ p) => {
          const li = h('li');
          li.append(h('span', `${p.date} `, 'muted'), `scope ${p.scope}, done ${p.done}`);
          if (p.entered.length > 0) li.append(h('span', ` +${p.entered.join(' +')}`, 'entered'));
          if (p.left.length > 0) li.append(h('span', ` \u2212${p.left.join(' \u2212')}`, 'left'));
          for (const n of p.notes) li.append(h('div', n, 'muted'));
          return li;
        }),
      );
      changes.hidden = moved.length === 0;
    }

    counts(byId('by-status'), page.byStatus.map((/** @type {any} */ c) => [c.value || '(none)', c.count]));
    counts(byId('by-priority'), page.byPriority.map((/** @type {any} */ c) => [c.value || '(none)', c.count]));
    counts(byId('coverage'), [
      ['implemented', page.coverage.implemented],
      ['tested', page.coverage.tested],
      ['uncovered', page.coverage.uncovered],
      ['not meeting the policy', page.coverage.policyUnmet],
    ]);

    // Overdue and blocked.
    const attention = byId('attention');
    const notes = [];
    for (const r of page.requirements) {
      if (r.overdue) {
        const li = h('li');
        li.append(link(r.id, r.link), ` ${r.title} — overdue (${r.plannedFor} is past its due date, status ${r.status || 'none'})`);
        notes.push(li);
      }
      if (r.blockedBy.length > 0) {
        const li = h('li');
        li.append(link(r.id, r.link), ` ${r.title} — blocked by `);
        r.blockedBy.forEach((/** @type {any} */ b, /** @type {number} */ i) => {
          if (i > 0) li.append(', ');
          li.append(link(b.id, b.link), ` (${b.status || 'no status'}${b.roadmap ? `, ${b.roadmap}` : ''})`);
        });
        notes.push(li);
      }
    }
    if (notes.length === 0) notes.push(h('li', 'Nothing overdue or blocked.', 'muted'));
    attention.replaceChildren(...notes);

    // Requirements.
    byId('requirement-rows').replaceChildren(
      ...page.requirements.map((/** @type {any} */ r) => {
        const tr = h('tr', undefined, `state-${r.state}`);
        const idCell = h('td');
        idCell.append(link(r.id, r.link));
        const code = h('td');
        code.append(linkList(r.implementations, 'code '));
        const tests = h('td');
        tests.append(linkList(r.tests, 'test '));
        tr.append(idCell, h('td', r.title), h('td', r.status), h('td', r.priority), h('td', r.plannedFor), h('td', r.coverage, `coverage-${r.coverage}`), code, tests);
        return tr;
      }),
    );

    byId('items').replaceChildren(
      ...page.items.map((/** @type {any} */ it) => {
        const li = h('li');
        li.style.paddingLeft = `${it.depth * 16}px`;
        li.append(link(it.id, it.link), ` ${it.title}`, h('span', [it.status, it.due ? `due ${it.due}` : ''].filter(Boolean).join(' · ') ? ` — ${[it.status, it.due ? `due ${it.due}` : ''].filter(Boolean).join(' · ')}` : '', 'muted'));
        return li;
      }),
    );
  }

  /** @param {any} msg */
  function receive(msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'data') {
      version = msg.version;
      render(msg.page);
    } else if (msg.type === 'error') {
      const m = byId('message');
      m.hidden = false;
      m.textContent = msg.message;
    }
  }

  window.addEventListener('message', (ev) => receive(ev.data));
  const initial = document.getElementById('release-data');
  if (initial && initial.textContent) receive(JSON.parse(initial.textContent));
  vscode.postMessage({ type: 'ready' });
})();
