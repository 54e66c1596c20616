// The backlog board webview's HTML: the matrix's Content-Security-Policy (only the nonce'd scripts and
// the extension's stylesheet) and its JSON data block; no spec text is ever in the markup, the script
// inserts it with textContent.
import { contentSecurityPolicy, jsonForScriptBlock } from '../matrix/matrixHtml';
import type { ToBoard } from './boardMessages';

export interface BoardPage {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  modelUri: string;
  scriptUri: string;
  styleUri: string;
  initial: ToBoard;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderBoardHtml(p: BoardPage): string {
  const nonce = attr(p.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(p.styleUri)}" nonce="${nonce}">
<title>Backlog Board</title>
</head>
<body>
<header class="toolbar">
  <input id="filter" type="search" placeholder="Filter by ID or title…" aria-label="Filter by ID or title">
  <select id="product" aria-label="Product"><option value="">All products</option></select>
  <select id="owner" aria-label="Owner"><option value="">All owners</option></select>
  <select id="roadmap" aria-label="Roadmap item"><option value="">All roadmap items</option></select>
  <select id="tag" aria-label="Tag"><option value="">All tags</option></select>
  <label><input id="group" type="checkbox"> Group by roadmap item</label>
  <label><input id="folded" type="checkbox"> Show rejected and deprecated</label>
  <span id="count" role="status" aria-live="polite"></span>
  <span id="help">Drag a card to another column, or focus it and press Alt+←/Alt+→ (Shift+F10: all moves)</span>
</header>
<p id="message" role="alert" hidden></p>
<p id="empty" role="status" hidden></p>
<main id="board" aria-label="Backlog board">
  <div id="heads" role="row"></div>
  <div id="canvas" role="list"></div>
</main>
<div id="menu" role="menu" aria-label="Move card" hidden></div>
<script type="application/json" id="board-data" nonce="${nonce}">${jsonForScriptBlock(p.initial)}</script>
<script nonce="${nonce}" src="${attr(p.modelUri)}"></script>
<script nonce="${nonce}" src="${attr(p.scriptUri)}"></script>
</body>
</html>`;
}
