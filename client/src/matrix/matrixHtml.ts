// The matrix webview's HTML: its toolbar and table in the shared page skeleton (strict CSP, data as a
// JSON block). No spec text is ever put into the markup itself; the script inserts it with textContent.
import { renderWebviewPage } from '../webview/pageHtml';
import type { ToWebview } from './webviewMessages';

export interface MatrixPage {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  initial: ToWebview;
}

const MATRIX_BODY = `<header class="toolbar">
  <input id="filter" type="search" placeholder="Filter by ID, title, status, owner, roadmap, file…" aria-label="Filter requirements">
  <select id="coverage" aria-label="Coverage">
    <option value="">All coverage</option>
    <option value="uncovered">Uncovered</option>
    <option value="partial">Partial</option>
    <option value="covered">Covered</option>
    <option value="exempt">Exempt</option>
    <option value="not-required">Not required</option>
    <option value="suspect">Suspect links</option>
  </select>
  <button id="export" type="button">Export CSV</button>
  <span id="count" role="status" aria-live="polite"></span>
</header>
<main>
  <p id="message" hidden></p>
  <p id="empty" role="status" hidden></p>
  <table id="matrix">
    <thead><tr id="header"></tr></thead>
    <tbody id="rows"></tbody>
  </table>
</main>`;

export function renderMatrixHtml(p: MatrixPage): string {
  return renderWebviewPage({ ...p, title: 'Traceability Matrix', scriptUris: [p.scriptUri], dataId: 'matrix-data', body: MATRIX_BODY });
}
