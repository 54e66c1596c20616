// The backlog board webview panel: one at a time, refreshed when the index changes. The page
// (client/media/board.js) lays out, filters and virtualises the cards; this side answers its
// messages: open a card's requirement, and move a card by asking the server for the edit of its
// `status:` value and applying it as a WorkspaceEdit, unsaved (the user saves, or undoes it).
import * as vscode from 'vscode';
import { BoardMoveRequest, BoardRequest } from '../../../server/src/shared/protocol';
import type { BoardCard, BoardMoveResult } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { toRange, toUri } from '../protocolToVscode';
import { PanelHost, showBeside, showPanel } from '../webview/panelHost';
import type { PageResources, PanelKind, PanelSlot } from '../webview/panelHost';
import type { PageLifecycleMessage } from '../webview/webviewMessages';
import { renderBoardHtml } from './boardHtml';
import { BOARD_LIFECYCLE, parseFromBoard } from './boardMessages';
import type { FromBoard, ToBoard } from './boardMessages';

export const BOARD_VIEW_TYPE = 'spectrace.board';

const BOARD_PANEL: PanelKind<FromBoard> = { logName: 'board', parse: parseFromBoard };
const slot: PanelSlot<BoardPanel> = { current: undefined };

export class BoardPanel extends PanelHost<FromBoard, ToBoard> {
  private cards: BoardCard[] = [];
  private roadmapItems: { id: string; title: string }[] = [];

  /** Opens the board, or brings the open one to the front and refreshes it. */
  static async show(ctx: Ctx): Promise<BoardPanel> {
    return showPanel(slot, { ctx, viewType: BOARD_VIEW_TYPE, title: 'Backlog Board', create: (panel, media) => new BoardPanel(ctx, panel, media) });
  }

  /** The open panel, if any (tests inspect it). */
  static get open(): BoardPanel | undefined {
    return slot.current;
  }

  private constructor(ctx: Ctx, panel: vscode.WebviewPanel, media: vscode.Uri) {
    super(ctx, panel, media, BOARD_PANEL, slot);
  }

  get currentCards(): readonly BoardCard[] {
    return this.cards;
  }

  /** Fetches the cards and hands them to the page (the first time, as its HTML). */
  async reload(): Promise<void> {
    await this.fetchAndShow(async () => {
      const result = await this.ctx.request(BoardRequest, {});
      this.cards = result.cards;
      this.roadmapItems = result.roadmapItems;
      this.version++;
      return this.latestMessage();
    });
  }

  protected renderPage(page: PageResources, initial: ToBoard): string {
    return renderBoardHtml({
      cspSource: page.cspSource,
      nonce: page.nonce,
      modelUri: page.mediaUri('boardModel.js'),
      scriptUri: page.mediaUri('board.js'),
      styleUri: page.mediaUri('board.css'),
      initial,
    });
  }

  protected latestMessage(): ToBoard {
    return { type: 'data', version: this.version, cards: this.cards, roadmapItems: this.roadmapItems, lifecycle: BOARD_LIFECYCLE };
  }

  protected async handle(msg: Exclude<FromBoard, PageLifecycleMessage>): Promise<void> {
    switch (msg.type) {
      case 'open': {
        const card = this.cardOf(msg);
        if (card) await showBeside(card.location);
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
}
