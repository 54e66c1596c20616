// The traceability matrix webview panel: one at a time, refreshed when the index changes. The page
// (client/media/matrix.js) renders, sorts and filters; this side answers its messages: open a
// location it was sent, export the rows it shows as CSV.
import * as vscode from 'vscode';
import { MatrixRequest } from '../../../server/src/shared/protocol';
import { traceCsv } from '../../../server/src/shared/traceCsv';
import type { MatrixRow } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { openLocation } from '../protocolToVscode';
import { makeNonce, renderMatrixHtml } from './matrixHtml';
import { parseFromWebview } from './webviewMessages';
import type { FromWebview, ToWebview } from './webviewMessages';
import { errorText } from '../../../server/src/shared/errorText';
import { plural } from '../../../server/src/shared/plural';

export const MATRIX_VIEW_TYPE = 'spectrace.matrix';

export class MatrixPanel implements vscode.Disposable {
  private static current: MatrixPanel | undefined;
  private rows: MatrixRow[] = [];
  private version = 0;
  private html = '';
  private readonly disposables: vscode.Disposable[] = [];

  /** Opens the matrix, or brings the open one to the front and refreshes it. */
  static async show(ctx: Ctx): Promise<MatrixPanel> {
    if (MatrixPanel.current) {
      MatrixPanel.current.panel.reveal();
      await MatrixPanel.current.reload();
      return MatrixPanel.current;
    }
    const media = vscode.Uri.joinPath(ctx.extension.extensionUri, 'client', 'media');
    const panel = vscode.window.createWebviewPanel(MATRIX_VIEW_TYPE, 'Traceability Matrix', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      // The page loads only its own script and stylesheet.
      localResourceRoots: [media],
    });
    const matrix = new MatrixPanel(ctx, panel, media);
    MatrixPanel.current = matrix;
    await matrix.reload();
    return matrix;
  }

  /** The open panel, if any (tests inspect it). */
  static get open(): MatrixPanel | undefined {
    return MatrixPanel.current;
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

  get currentRows(): readonly MatrixRow[] {
    return this.rows;
  }

  get dataVersion(): number {
    return this.version;
  }

  /** Fetches the rows and hands them to the page (the first time, as its HTML). */
  async reload(): Promise<void> {
    let message: ToWebview;
    try {
      const result = await this.ctx.request(MatrixRequest, {});
      this.rows = result.rows;
      this.version++;
      message = { type: 'data', version: this.version, rows: this.rows };
    } catch (err) {
      this.ctx.log.warn(`matrix: ${errorText(err)}`);
      message = { type: 'error', message: errorText(err) };
    }
    if (!this.html) {
      const webview = this.panel.webview;
      this.html = renderMatrixHtml({
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'matrix.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'matrix.css')).toString(),
        initial: message,
      });
      webview.html = this.html;
    } else {
      await this.post(message);
    }
  }

  /** Handles one message from the page; public so tests can drive it the way the page does. */
  async receive(raw: unknown): Promise<void> {
    const msg = parseFromWebview(raw);
    if (!msg) {
      this.ctx.log.warn(`matrix: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      await this.handle(msg);
    } catch (err) {
      this.ctx.log.error(`matrix: ${msg.type} failed: ${errorText(err)}`);
      void vscode.window.showErrorMessage(`Spectrace: ${errorText(err)}`);
    }
  }

  /** Writes the given rows (indices into the current data, in the page's order; all when omitted) as CSV. */
  async exportCsv(target: vscode.Uri, rowIndices?: readonly number[]): Promise<void> {
    const rows = rowIndices ? rowIndices.map((i) => this.rows[i]).filter((r): r is MatrixRow => r !== undefined) : this.rows;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(traceCsv(rows)));
  }

  dispose(): void {
    if (MatrixPanel.current === this) MatrixPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private async handle(msg: FromWebview): Promise<void> {
    switch (msg.type) {
      case 'ready':
        // The page (re)loaded, e.g. after being hidden: give it the latest rows.
        await this.post({ type: 'data', version: this.version, rows: this.rows });
        return;
      case 'refresh':
        await this.reload();
        return;
      case 'open': {
        if (msg.version !== this.version) return; // clicked on rows that have since been replaced
        const row = this.rows[msg.row];
        const location = msg.cell === 'requirement' ? row?.location : msg.cell === 'implementation' ? row?.implementationLocations[msg.index] : row?.testLocations[msg.index];
        if (location) await openLocation(location, false);
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

  private async post(message: ToWebview): Promise<void> {
    // False when the page is not there to receive it (hidden); it asks with "ready" when it is back.
    await this.panel.webview.postMessage(message);
  }
}
