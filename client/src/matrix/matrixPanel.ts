// The traceability matrix webview panel: one at a time, refreshed when the index changes. The page
// (client/media/matrix.js) renders, sorts and filters; this side answers its messages: open a
// location it was sent (beside the matrix, which stays in view), export the rows it shows as CSV.
import * as vscode from 'vscode';
import { MatrixRequest } from '../../../server/src/shared/protocol';
import { traceCsv } from '../../../server/src/shared/traceCsv';
import type { LspLocation, MatrixRow } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { toUri } from '../protocolToVscode';
import { PanelHost, showBeside, showPanel } from '../webview/panelHost';
import type { PageResources, PanelKind, PanelSlot } from '../webview/panelHost';
import { renderMatrixHtml } from './matrixHtml';
import { parseFromWebview } from './webviewMessages';
import { MATRIX_VOCABULARY } from './webviewMessages';
import type { CellKind, FromWebview, ToWebview } from './webviewMessages';
import type { PageLifecycleMessage } from '../webview/webviewMessages';
import { plural } from '../../../server/src/shared/plural';

export const MATRIX_VIEW_TYPE = 'spectrace.matrix';

const MATRIX_PANEL: PanelKind<FromWebview> = { logName: 'matrix', parse: parseFromWebview };
const slot: PanelSlot<MatrixPanel> = { current: undefined };

export class MatrixPanel extends PanelHost<FromWebview, ToWebview> {
  private rows: MatrixRow[] = [];
  /** Documents already asked to load (VS Code keeps a loaded document until it is unused for a while). */
  private readonly prefetched = new Set<string>();

  /** Opens the matrix, or brings the open one to the front and refreshes it. */
  static async show(ctx: Ctx): Promise<MatrixPanel> {
    return showPanel(slot, { ctx, viewType: MATRIX_VIEW_TYPE, title: 'Traceability Matrix', create: (panel, media) => new MatrixPanel(ctx, panel, media) });
  }

  /** The open panel, if any (tests inspect it). */
  static get open(): MatrixPanel | undefined {
    return slot.current;
  }

  private constructor(ctx: Ctx, panel: vscode.WebviewPanel, media: vscode.Uri) {
    super(ctx, panel, media, MATRIX_PANEL, slot);
  }

  get currentRows(): readonly MatrixRow[] {
    return this.rows;
  }

  /** Fetches the rows and hands them to the page (the first time, as its HTML). */
  async reload(): Promise<void> {
    await this.fetchAndShow(async () => {
      this.rows = (await this.ctx.request(MatrixRequest, {})).rows;
      this.version++;
      return this.latestMessage();
    });
  }

  /** Writes the given rows (indices into the current data, in the page's order; all when omitted) as CSV. */
  async exportCsv(target: vscode.Uri, rowIndices?: readonly number[]): Promise<void> {
    const rows = rowIndices ? rowIndices.map((i) => this.rows[i]).filter((r): r is MatrixRow => r !== undefined) : this.rows;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(traceCsv(rows)));
  }

  protected renderPage(page: PageResources, initial: ToWebview): string {
    return renderMatrixHtml({ cspSource: page.cspSource, nonce: page.nonce, scriptUri: page.mediaUri('matrix.js'), styleUri: page.mediaUri('matrix.css'), initial });
  }

  protected latestMessage(): ToWebview {
    return { type: 'data', version: this.version, rows: this.rows, vocabulary: MATRIX_VOCABULARY };
  }

  protected async handle(msg: Exclude<FromWebview, PageLifecycleMessage>): Promise<void> {
    switch (msg.type) {
      case 'open': {
        const location = this.locationOf(msg);
        if (location) await showBeside(location);
        return;
      }
      case 'prefetch': {
        // Loading a file is most of the time a click takes: start it while the pointer rests on the link.
        const location = this.locationOf(msg);
        if (location && !this.prefetched.has(location.uri)) {
          this.prefetched.add(location.uri);
          await vscode.workspace.openTextDocument(toUri(location.uri));
        }
        return;
      }
      case 'exportCsv': {
        if (msg.version !== this.version) {
          void vscode.window.showWarningMessage('Spectrace: the matrix changed while exporting; export again.');
          return;
        }
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, 'traceability.csv') : undefined,
          filters: { CSV: ['csv'] },
          saveLabel: 'Export',
          title: 'Export the traceability matrix as CSV',
        });
        if (!target) return;
        await this.exportCsv(target, msg.rows);
        void vscode.window.showInformationMessage(`Spectrace: exported ${plural(msg.rows.length, 'requirement')} to ${vscode.workspace.asRelativePath(target)}.`);
        return;
      }
    }
  }

  /** The location a cell of the current data names; undefined for rows that have since been replaced. */
  private locationOf(msg: { version: number; row: number; cell: CellKind; index: number }): LspLocation | undefined {
    if (msg.version !== this.version) return undefined;
    const row = this.rows[msg.row];
    return msg.cell === 'requirement' ? row?.location : msg.cell === 'implementation' ? row?.implementationLocations[msg.index] : row?.testLocations[msg.index];
  }
}
