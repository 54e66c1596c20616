// The roadmap timeline webview panel: one at a time, refreshed when the index changes. The page
// (client/media/timeline.js) draws the chart the server built and switches the zoom; this side opens
// the roadmap item a bar was clicked for, beside the timeline.
import * as vscode from 'vscode';
import { TimelineRequest } from '../../../server/src/shared/protocol';
import type { LspLocation, TimelineResult, TimelineZoom } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { toRange, toUri } from '../protocolToVscode';
import { makeNonce } from '../matrix/matrixHtml';
import { renderTimelineHtml } from './timelineHtml';
import { parseFromTimeline } from './timelineMessages';
import type { FromTimeline, ToTimeline } from './timelineMessages';
import { errorText } from '../../../server/src/shared/errorText';

export const TIMELINE_VIEW_TYPE = 'spectrace.timeline';

export class TimelinePanel implements vscode.Disposable {
  private static current: TimelinePanel | undefined;
  private result: TimelineResult = { folders: [] };
  /** Quarters first: the whole roadmap at a glance, labels in view. */
  private zoom: TimelineZoom = 'quarter';
  private version = 0;
  private html = '';
  private readonly disposables: vscode.Disposable[] = [];

  /** Opens the timeline, or brings the open one to the front and refreshes it. */
  static async show(ctx: Ctx): Promise<TimelinePanel> {
    if (TimelinePanel.current) {
      TimelinePanel.current.panel.reveal();
      await TimelinePanel.current.reload();
      return TimelinePanel.current;
    }
    const media = vscode.Uri.joinPath(ctx.extension.extensionUri, 'client', 'media');
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Roadmap Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [media],
    });
    const timeline = new TimelinePanel(ctx, panel, media);
    TimelinePanel.current = timeline;
    await timeline.reload();
    return timeline;
  }

  /** The open panel, if any (tests inspect it). */
  static get open(): TimelinePanel | undefined {
    return TimelinePanel.current;
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

  /** What the page was last sent. */
  get data(): TimelineResult {
    return this.result;
  }

  get dataVersion(): number {
    return this.version;
  }

  get currentZoom(): TimelineZoom {
    return this.zoom;
  }

  /** Fetches the chart at the current zoom and hands it to the page (the first time, as its HTML). */
  async reload(): Promise<void> {
    let message: ToTimeline;
    try {
      this.result = await this.ctx.request(TimelineRequest, { zoom: this.zoom });
      this.version++;
      message = this.dataMessage();
    } catch (err) {
      this.ctx.log.warn(`timeline: ${errorText(err)}`);
      message = { type: 'error', message: errorText(err) };
    }
    if (!this.html) {
      const webview = this.panel.webview;
      this.html = renderTimelineHtml({
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'timeline.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'timeline.css')).toString(),
        chartCss: this.result.folders[0]?.css ?? '',
        initial: message,
      });
      webview.html = this.html;
    } else {
      await this.panel.webview.postMessage(message);
    }
  }

  /** Handles one message from the page; public so tests can drive it the way the page does. */
  async receive(raw: unknown): Promise<void> {
    const msg = parseFromTimeline(raw);
    if (!msg) {
      this.ctx.log.warn(`timeline: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      await this.handle(msg);
    } catch (err) {
      this.ctx.log.error(`timeline: ${msg.type} failed: ${errorText(err)}`);
      void vscode.window.showErrorMessage(`Spectrace: ${errorText(err)}`);
    }
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private dataMessage(): ToTimeline {
    return { type: 'data', version: this.version, zoom: this.zoom, folders: this.result.folders.map((f) => ({ name: f.name, svg: f.svg, undated: f.undated })) };
  }

  private async handle(msg: FromTimeline): Promise<void> {
    switch (msg.type) {
      case 'ready':
        await this.panel.webview.postMessage(this.dataMessage());
        return;
      case 'refresh':
        await this.reload();
        return;
      case 'zoom':
        this.zoom = msg.zoom;
        await this.reload();
        return;
      case 'open': {
        if (msg.version !== this.version) return;
        const locations = this.result.folders[msg.folder]?.locations;
        const location: LspLocation | undefined = locations && Object.prototype.hasOwnProperty.call(locations, msg.id) ? locations[msg.id] : undefined;
        if (!location) return;
        await vscode.window.showTextDocument(toUri(location.uri), { selection: toRange(location.range), viewColumn: vscode.ViewColumn.Beside, preserveFocus: false, preview: true });
        return;
      }
    }
  }
}
