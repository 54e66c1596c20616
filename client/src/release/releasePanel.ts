// The release view: one webview panel showing a roadmap item's scope, breakdown, coverage, overdue and
// blocked requirements and its burn-up chart. The scope comes at once from the index; the chart
// follows when the server has read the spec history (the page says it is loading, or why there is
// none). Refreshed when the index changes; links open beside the panel, which stays in view.
import * as vscode from 'vscode';
import { BurnupRequest, ReleaseRequest } from '../../../server/src/shared/protocol';
import type { BurnupResultNode, LspLocation, ReleaseParams, ReleaseResult } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { makeNonce } from '../matrix/matrixHtml';
import { toRange, toUri } from '../protocolToVscode';
import { errorText } from '../../../server/src/shared/errorText';
import { renderReleaseHtml } from './releaseHtml';
import { parseFromReleaseWebview } from './releaseMessages';
import type { FromReleaseWebview, ToReleaseWebview } from './releaseMessages';
import { releasePage } from './releaseModel';
import type { ReleasePage } from './releaseModel';

export const RELEASE_VIEW_TYPE = 'spectrace.release';

export class ReleasePanel implements vscode.Disposable {
  private static current: ReleasePanel | undefined;
  private version = 0;
  private html = '';
  private links: LspLocation[] = [];
  private page: ReleasePage | undefined;
  private release: ReleaseResult | null = null;
  private burnup: BurnupResultNode | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Opens the release view of `params.id`, or shows it in the open panel. */
  static async show(ctx: Ctx, params: ReleaseParams): Promise<ReleasePanel> {
    let panel = ReleasePanel.current;
    if (panel) panel.panel.reveal();
    else {
      const media = vscode.Uri.joinPath(ctx.extension.extensionUri, 'client', 'media');
      const webview = vscode.window.createWebviewPanel(RELEASE_VIEW_TYPE, `Release ${params.id}`, vscode.ViewColumn.Active, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [media],
      });
      panel = new ReleasePanel(ctx, webview, media, params);
      ReleasePanel.current = panel;
    }
    if (panel.params.id !== params.id || panel.params.folderUri !== params.folderUri) panel.burnup = undefined;
    panel.params = params;
    panel.panel.title = `Release ${params.id}`;
    await panel.reload();
    return panel;
  }

  /** The open panel, if any (tests inspect it). */
  static get open(): ReleasePanel | undefined {
    return ReleasePanel.current;
  }

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
    private readonly media: vscode.Uri,
    private params: ReleaseParams,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      ctx.onIndexChanged(() => {
        void this.reload();
      }),
    );
  }

  get pageHtml(): string {
    return this.html;
  }

  get dataVersion(): number {
    return this.version;
  }

  /** What the page was last given (tests read the chart and the counts). */
  get currentPage(): ReleasePage | undefined {
    return this.page;
  }

  /** Fetches the scope and shows it, then the burn-up when the server has read it. */
  async reload(): Promise<void> {
    const params = this.params;
    try {
      this.release = await this.ctx.request(ReleaseRequest, params);
    } catch (err) {
      this.ctx.log.warn(`release: ${errorText(err)}`);
      await this.show({ type: 'error', message: errorText(err) });
      return;
    }
    if (!this.release) {
      await this.show({ type: 'error', message: `${params.id} is not a roadmap item (any more).` });
      return;
    }
    await this.show(this.data());
    try {
      this.burnup = await this.ctx.request(BurnupRequest, params);
    } catch (err) {
      this.burnup = { ok: false, reason: errorText(err) };
    }
    if (this.params === params) await this.show(this.data());
  }

  private data(): ToReleaseWebview {
    if (!this.release) return { type: 'error', message: 'no release' };
    const { page, links } = releasePage(this.release, this.burnup, new Date().getFullYear());
    this.version++;
    this.page = page;
    this.links = links;
    return { type: 'data', version: this.version, page };
  }

  /** Handles one message from the page; public so tests can drive it the way the page does. */
  async receive(raw: unknown): Promise<void> {
    const msg = parseFromReleaseWebview(raw);
    if (!msg) {
      this.ctx.log.warn(`release: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      await this.handle(msg);
    } catch (err) {
      this.ctx.log.error(`release: ${msg.type} failed: ${errorText(err)}`);
      void vscode.window.showErrorMessage(`Spectrace: ${errorText(err)}`);
    }
  }

  dispose(): void {
    if (ReleasePanel.current === this) ReleasePanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private async handle(msg: FromReleaseWebview): Promise<void> {
    switch (msg.type) {
      case 'ready':
        if (this.page) await this.panel.webview.postMessage({ type: 'data', version: this.version, page: this.page } satisfies ToReleaseWebview);
        return;
      case 'refresh':
        await this.reload();
        return;
      case 'open': {
        const location = msg.version === this.version ? this.links[msg.link] : undefined;
        if (!location) return;
        await vscode.window.showTextDocument(toUri(location.uri), { selection: toRange(location.range), viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
        return;
      }
    }
  }

  private async show(message: ToReleaseWebview): Promise<void> {
    if (!this.html) {
      const webview = this.panel.webview;
      this.html = renderReleaseHtml({
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'release.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'release.css')).toString(),
        initial: message,
      });
      webview.html = this.html;
      return;
    }
    await this.panel.webview.postMessage(message);
  }
}
