// The backlog board webview panel: one at a time, refreshed when the index changes. The page
// (client/media/board.js) lays out, filters and virtualises the cards; this side answers its
// messages: open a card's requirement, and move a card by asking the server for the edit of its
// `status:` value and applying it as a WorkspaceEdit, unsaved (the user saves, or undoes it).
import * as vscode from 'vscode';
import { BoardMoveRequest, BoardRequest } from '../../../server/src/shared/protocol';
import type { BoardCard, BoardMoveResult } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { toRange, toUri } from '../protocolToVscode';
import { makeNonce } from '../matrix/matrixHtml';
import { renderBoardHtml } from './boardHtml';
import { BOARD_LIFECYCLE, parseFromBoard } from './boardMessages';
import type { FromBoard, ToBoard } from './boardMessages';
import { errorText } from '../../../server/src/shared/errorText';

export const BOARD_VIEW_TYPE = 'spectrace.board';

export class BoardPanel implements vscode.Disposable {
  private static current: BoardPanel | undefined;
  private cards: BoardCard[] = [];
  private roadmapItems: { id: string; title: string }[] = [];
  private version = 0;
  private html = '';
  private readonly disposables: vscode.Disposable[] = [];

  /** Opens the board, or brings the open one to the front and refreshes it. */
  static async show(ctx: Ctx): Promise<BoardPanel> {
    if (BoardPanel.current) {
      BoardPanel.current.panel.reveal();
      await BoardPanel.current.reload();
      return BoardPanel.current;
    }
    const media = vscode.Uri.joinPath(ctx.extension.extensionUri, 'client', 'media');
    const panel = vscode.window.createWebviewPanel(BOARD_VIEW_TYPE, 'Backlog Board', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      // The page loads only its own scripts and stylesheet.
      localResourceRoots: [media],
    });
    const board = new BoardPanel(ctx, panel, media);
    BoardPanel.current = board;
    await board.reload();
    return board;
  }

  /** The open panel, if any (tests inspect it). */
  static get open(): BoardPanel | undefined {
    return BoardPanel.current;
  }

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
    private readonly media: vscode.Uri,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      ctx.onIndexChanged(() => {
        void this.reload();
      }),
    );
  }

  /** The HTML the webview was given (tests check its CSP and that no spec text is in the markup). */
  get pageHtml(): string {
    return this.html;
  }

  get currentCards(): readonly BoardCard[] {
    return this.cards;
  }

  get dataVersion(): number {
    return this.version;
  }

  private dataMessage(): ToBoard {
    return { type: 'data', version: this.version, cards: this.cards, roadmapItems: this.roadmapItems, lifecycle: BOARD_LIFECYCLE };
  }

  /** Fetches the cards and hands them to the page (the first time, as its HTML). */
  async reload(): Promise<void> {
    let message: ToBoard;
    try {
      const result = await this.ctx.request(BoardRequest, {});
      this.cards = result.cards;
      this.roadmapItems = result.roadmapItems;
      this.version++;
      message = this.dataMessage();
    } catch (err) {
      this.ctx.log.warn(`board: ${errorText(err)}`);
      message = { type: 'error', message: errorText(err) };
    }
    if (!this.html) {
      const webview = this.panel.webview;
      const uri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.media, name)).toString();
      this.html = renderBoardHtml({
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        modelUri: uri('boardModel.js'),
        scriptUri: uri('board.js'),
        styleUri: uri('board.css'),
        initial: message,
      });
      webview.html = this.html;
    } else {
      await this.post(message);
    }
  }

  /** Handles one message from the page; public so tests can drive it the way the page does. */
  async receive(raw: unknown): Promise<void> {
    const msg = parseFromBoard(raw);
    if (!msg) {
      this.ctx.log.warn(`board: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      await this.handle(msg);
    } catch (err) {
      this.ctx.log.error(`board: ${msg.type} failed: ${errorText(err)}`);
      void vscode.window.showErrorMessage(`Spectrace: ${errorText(err)}`);
    }
  }

  dispose(): void {
    if (BoardPanel.current === this) BoardPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private async handle(msg: FromBoard): Promise<void> {
    switch (msg.type) {
      case 'ready':
        // The page (re)loaded, e.g. after being hidden: give it the latest cards.
        await this.post(this.dataMessage());
        return;
      case 'refresh':
        await this.reload();
        return;
      case 'open': {
        const card = this.cardOf(msg);
        if (!card) return;
        await vscode.window.showTextDocument(toUri(card.location.uri), { selection: toRange(card.location.range), viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
        return;
      }
      case 'move': {
        const card = this.cardOf(msg);
        if (!card) {
          await this.refuse('The board changed while the card was moving: try again.');
          return;
        }
        await this.move(card, msg.status);
        return;
      }
    }
  }

  /** Moves a card: the server's edit of its `status:` value, applied and left unsaved. */
  async move(card: BoardCard, status: string): Promise<boolean> {
    const result: BoardMoveResult = await this.ctx.request(BoardMoveRequest, { id: card.id, status, uri: card.location.uri });
    if ('refused' in result) {
      await this.refuse(result.refused);
      return false;
    }
    const { uri, version, edits } = result.edit;
    if (edits.length === 0) return true;
    const target = toUri(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (version !== null && open && open.version !== version) {
      await this.refuse(`${card.id} was not moved: ${vscode.workspace.asRelativePath(target)} changed meanwhile. Try again.`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(target, toRange(e.range), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) {
      await this.refuse(`${card.id} was not moved: VS Code did not apply the edit (is ${vscode.workspace.asRelativePath(target)} read-only?).`);
      return false;
    }
    this.ctx.log.info(`board: ${card.id} → ${status} in ${vscode.workspace.asRelativePath(target)} (unsaved)`);
    return true;
  }

  private async refuse(message: string): Promise<void> {
    void vscode.window.showWarningMessage(`Spectrace: ${message}`);
    await this.post({ type: 'notice', message });
  }

  /** The card a message names, from the data of that version only. */
  private cardOf(msg: { version: number; card: number }): BoardCard | undefined {
    return msg.version === this.version ? this.cards[msg.card] : undefined;
  }

  private async post(message: ToBoard): Promise<void> {
    // False when the page is not there to receive it (hidden); it asks with "ready" when it is back.
    await this.panel.webview.postMessage(message);
  }
}
