// The backlog board webview's HTML: its toolbar, columns and move menu in the shared page skeleton
// (strict CSP, data as a JSON block); no spec text is ever in the markup, the script inserts it with
// textContent.
import { renderWebviewPage } from '../webview/pageHtml';
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

const BOARD_BODY = `<header class="toolbar">
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
<div id="menu" role="menu" aria-label="Move card" hidden></div>`;

export function renderBoardHtml(p: BoardPage): string {
  return renderWebviewPage({ ...p, title: 'Backlog Board', scriptUris: [p.modelUri, p.scriptUri], dataId: 'board-data', body: BOARD_BODY });
}
