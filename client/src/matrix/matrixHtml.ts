// The matrix webview's HTML: a strict Content-Security-Policy (nothing but the nonce'd script and
// the extension's stylesheet), the data as a JSON block the script reads with textContent. No spec
// text is ever put into the markup itself; the script inserts it with textContent.
import type { ToWebview } from './webviewMessages';

export interface MatrixPage {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  initial: ToWebview;
}

/** JSON that is safe inside a <script> element: no "</script>", no "<!--", no line separators. */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Escapes text for an HTML attribute value (only our own URIs and nonce go there). */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function renderMatrixHtml(p: MatrixPage): string {
  const nonce = attr(p.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(p.styleUri)}" nonce="${nonce}">
<title>Traceability Matrix</title>
</head>
<body>
<header class="toolbar">
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
</main>
<script type="application/json" id="matrix-data" nonce="${nonce}">${jsonForScriptBlock(p.initial)}</script>
<script nonce="${nonce}" src="${attr(p.scriptUri)}"></script>
</body>
</html>`;
}

/** A fresh nonce per page: 128 random bits, base64 (the CSP's nonce grammar allows + / =). */
export function makeNonce(): string {
  // Web Crypto: the same in Node's extension host and in the browser's web worker host.
  return btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(16))));
}
