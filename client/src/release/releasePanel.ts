// The release view: one webview panel showing a roadmap item's scope, breakdown, coverage, overdue and
// blocked requirements and its burn-up chart. The scope comes at once from the index; the chart
// follows when the server has read the spec history (the page says it is loading, or why there is
// none). Refreshed when the index changes and when git's HEAD moves (gitHeadWatcher.ts); links open
// beside the panel, which stays in view.
import * as vscode from 'vscode';
import { BurnupRequest, ReleaseRequest } from '../../../server/src/shared/protocol';
import type { BurnupResultNode, LspLocation, ReleaseParams, ReleaseResult } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { PanelHost, showBeside, showPanel } from '../webview/panelHost';
import type { PageResources, PanelKind, PanelSlot } from '../webview/panelHost';
import type { PageLifecycleMessage } from '../webview/webviewMessages';
import { errorText } from '../../../server/src/shared/errorText';
import { watchGitHeads } from './gitHeadWatcher';
import { renderReleaseHtml } from './releaseHtml';
import { parseFromReleaseWebview } from './releaseMessages';
import type { FromReleaseWebview, ToReleaseWebview } from './releaseMessages';
import { releasePage } from './releaseModel';
import type { ReleasePage } from './releaseModel';

export const RELEASE_VIEW_TYPE = 'spectrace.release';

const RELEASE_PANEL: PanelKind<FromReleaseWebview> = { logName: 'release', parse: parseFromReleaseWebview };
const slot: PanelSlot<ReleasePanel> = { current: undefined };

export class ReleasePanel extends PanelHost<FromReleaseWebview, ToReleaseWebview> {
  private links: LspLocation[] = [];
  private page: ReleasePage | undefined;
  private release: ReleaseResult | null = null;
  private burnup: BurnupResultNode | undefined;

  /** Opens the release view of `params.id`, or shows it in the open panel. */
  static async show(ctx: Ctx, params: ReleaseParams): Promise<ReleasePanel> {
    return showPanel(slot, {
      ctx,
      viewType: RELEASE_VIEW_TYPE,
      title: `Release ${params.id}`,
      create: (panel, media) => new ReleasePanel(ctx, panel, media, params),
      prepare: (panel) => {
        if (panel.params.id !== params.id || panel.params.folderUri !== params.folderUri) panel.burnup = undefined;
        panel.params = params;
        panel.panel.title = `Release ${params.id}`;
      },
    });
  }

  /** The open panel, if any (tests inspect it). */
  static get open(): ReleasePanel | undefined {
    return slot.current;
  }

  private constructor(
    ctx: Ctx,
    panel: vscode.WebviewPanel,
    media: vscode.Uri,
    private params: ReleaseParams,
  ) {
    super(ctx, panel, media, RELEASE_PANEL, slot);
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
    this.track(watchGitHeads(folders, () => void this.reload(), ctx.log));
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
      this.logWarning(errorText(err));
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

  protected renderPage(page: PageResources, initial: ToReleaseWebview): string {
    return renderReleaseHtml({ cspSource: page.cspSource, nonce: page.nonce, scriptUri: page.mediaUri('release.js'), styleUri: page.mediaUri('release.css'), initial });
  }

  protected latestMessage(): ToReleaseWebview | undefined {
    return this.page ? { type: 'data', version: this.version, page: this.page } : undefined;
  }

  protected async handle(msg: Exclude<FromReleaseWebview, PageLifecycleMessage>): Promise<void> {
    const location = msg.version === this.version ? this.links[msg.link] : undefined;
    if (location) await showBeside(location);
  }
}
