// @ts-check
// The roadmap timeline page. Runs in the webview under a strict CSP (this file is the only script,
// loaded with the page's nonce). The chart arrives as a tree of SVG elements (shared/svgTree.ts) and
// is built with createElementNS, setAttribute and textContent, never innerHTML: a title like
// <img src=x onerror=…> stays text. Only chart elements and attributes are accepted.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const TAGS = ['svg', 'g', 'rect', 'line', 'polygon', 'text', 'title'];
  const SAFE_ATTRIBUTE = /^(x|y|x1|x2|y1|y2|width|height|rx|points|class|viewBox|role|tabindex|aria-label|text-anchor|data-[a-z]+(-[a-z]+)*)$/;

  /** @typedef {{tag: string, attrs: Record<string, string | number>, text?: string, children?: SvgNode[]}} SvgNode */
  /** @typedef {{name: string, svg: SvgNode, undated: {id: string, title: string}[]}} Folder */

  const charts = /** @type {HTMLElement} */ (document.getElementById('charts'));
  const message = /** @type {HTMLElement} */ (document.getElementById('message'));
  let version = 0;

  /** @param {SvgNode} node @returns {Element | null} */
  function build(node) {
    if (!node || TAGS.indexOf(node.tag) < 0) return null;
    const element = document.createElementNS(SVG_NS, node.tag);
    for (const [name, value] of Object.entries(node.attrs || {})) {
      if (SAFE_ATTRIBUTE.test(name)) element.setAttribute(name, String(value));
    }
    if (typeof node.text === 'string') element.textContent = node.text;
    for (const child of node.children || []) {
      const built = build(child);
      if (built) element.appendChild(built);
    }
    return element;
  }

  /**
   * Keeps the label column in view when the chart scrolls sideways (a year by weeks is several screens
   * wide): the labels move into one group, shifted by the scroll offset, over an opaque band while
   * scrolled. The group takes no clicks, so a click on a label still lands on its row.
   * @param {HTMLElement} scroller @param {Element} svg
   */
  function pinLabels(scroller, svg) {
    const labels = svg.querySelectorAll('text.tl-label');
    const width = Number(svg.getAttribute('data-label-width'));
    if (labels.length === 0 || !(width > 0)) return;
    const pinned = document.createElementNS(SVG_NS, 'g');
    pinned.setAttribute('class', 'tl-pinned');
    const band = document.createElementNS(SVG_NS, 'rect');
    band.setAttribute('class', 'tl-pin-band');
    band.setAttribute('x', '0');
    band.setAttribute('y', '0');
    band.setAttribute('width', String(width));
    band.setAttribute('height', svg.getAttribute('height') || '0');
    pinned.appendChild(band);
    for (const label of labels) pinned.appendChild(label);
    svg.appendChild(pinned);
    const follow = () => {
      pinned.setAttribute('transform', `translate(${scroller.scrollLeft} 0)`);
      // Unscrolled, nothing passes under the labels: the band stays away and rows keep their hover colour.
      pinned.classList.toggle('tl-scrolled', scroller.scrollLeft > 0);
    };
    scroller.addEventListener('scroll', follow, { passive: true });
    follow();
  }

  /** @param {string} zoom */
  function markZoom(zoom) {
    for (const button of document.querySelectorAll('button[data-zoom]')) {
      const b = /** @type {HTMLElement} */ (button);
      b.setAttribute('aria-pressed', String(b.dataset.zoom === zoom));
    }
  }

  /** @param {Folder[]} folders */
  function render(folders) {
    charts.replaceChildren();
    folders.forEach((folder, index) => {
      const section = document.createElement('section');
      section.dataset.folder = String(index);
      if (folders.length > 1) {
        const heading = document.createElement('h2');
        heading.textContent = folder.name;
        section.appendChild(heading);
      }
      const scroller = document.createElement('div');
      scroller.className = 'scroller';
      const svg = build(folder.svg);
      if (svg) {
        scroller.appendChild(svg);
        pinLabels(scroller, svg);
      }
      section.appendChild(scroller);
      if (folder.undated.length > 0) {
        const note = document.createElement('p');
        note.className = 'undated';
        note.textContent = 'Without a due date (not drawn): ';
        folder.undated.forEach((item, i) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'link';
          button.dataset.id = item.id;
          button.textContent = `${item.id} ${item.title}`;
          if (i > 0) note.appendChild(document.createTextNode(', '));
          note.appendChild(button);
        });
        section.appendChild(note);
      }
      charts.appendChild(section);
    });
  }

  /** @param {unknown} raw */
  function accept(raw) {
    const m = /** @type {{type?: string, version?: number, zoom?: string, folders?: Folder[], message?: string}} */ (raw);
    if (!m || typeof m !== 'object') return;
    if (m.type === 'data' && Array.isArray(m.folders)) {
      version = Number(m.version) || 0;
      message.hidden = true;
      markZoom(String(m.zoom));
      render(m.folders);
    } else if (m.type === 'error' && typeof m.message === 'string') {
      message.textContent = m.message;
      message.hidden = false;
    }
  }

  /** @param {Element} target */
  function open(target) {
    const item = target.closest('[data-id]');
    const section = target.closest('section[data-folder]');
    if (!(item instanceof Element) || !(section instanceof HTMLElement)) return;
    const id = item.getAttribute('data-id');
    if (id) vscode.postMessage({ type: 'open', version, folder: Number(section.dataset.folder), id });
  }

  charts.addEventListener('click', (e) => {
    if (e.target instanceof Element) open(e.target);
  });
  charts.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element) {
      e.preventDefault();
      open(e.target);
    }
  });
  for (const button of document.querySelectorAll('button[data-zoom]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'zoom', zoom: /** @type {HTMLElement} */ (button).dataset.zoom }));
  }
  window.addEventListener('message', (e) => accept(e.data));

  // The data the page was created with (a JSON block, read as text: never evaluated as script).
  const initial = document.getElementById('timeline-data');
  if (initial && initial.textContent) {
    try {
      accept(JSON.parse(initial.textContent));
    } catch (err) {
      accept({ type: 'error', message: `The timeline data could not be read: ${String(err)}` });
    }
  }
  vscode.postMessage({ type: 'ready' });
})();
