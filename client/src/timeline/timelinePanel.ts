// The roadmap timeline webview panel: one at a time, refreshed when the index changes. The page
// (client/media/timeline.js) draws the chart the server built and switches the zoom; this side opens
// the roadmap item a bar was clicked for, beside the timeline.
import * as vscode from 'vscode';
import { TimelineRequest } from '../../../server/src/shared/protocol';
import type { LspLocation, TimelineResult, TimelineZoom } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { PanelHost, showBeside, showPanel } from '../webview/panelHost';
import type { PageResources, PanelKind, PanelSlot } from '../webview/panelHost';
import type { PageLifecycleMessage } from '../webview/webviewMessages';
import { renderTimelineHtml } from './timelineHtml';
import { parseFromTimeline } from './timelineMessages';
import type { FromTimeline, ToTimeline } from './timelineMessages';

export const TIMELINE_VIEW_TYPE = 'spectrace.timeline';

const TIMELINE_PANEL: PanelKind<FromTimeline> = { logName: 'timeline', parse: parseFromTimeline };
const slot: PanelSlot<TimelinePanel> = { current: undefined };

export class TimelinePanel extends PanelHost<FromTimeline, ToTimeline> {
  private result: TimelineResult = { folders: [] };
  /** Quarters first: the whole roadmap at a glance, labels in view. */
  private zoom: TimelineZoom = 'quarter';

  /** Opens the timeline, or brings the open one to the front and refreshes it. */
  static async show(ctx: Ctx): Promise<TimelinePanel> {
    return showPanel(slot, { ctx, viewType: TIMELINE_VIEW_TYPE, title: 'Roadmap Timeline', create: (panel, media) => new TimelinePanel(ctx, panel, media) });
  }

  /** The open panel, if any (tests inspect it). */
  static get open(): TimelinePanel | undefined {
    return slot.current;
  }

  private constructor(ctx: Ctx, panel: vscode.WebviewPanel, media: vscode.Uri) {
    super(ctx, panel, media, TIMELINE_PANEL, slot);
  }

  /** What the page was last sent. */
  get data(): TimelineResult {
    return this.result;
  }

  get currentZoom(): TimelineZoom {
    return this.zoom;
  }

  /** Fetches the chart at the current zoom and hands it to the page (the first time, as its HTML). */
  async reload(): Promise<void> {
    await this.fetchAndShow(async () => {
      this.result = await this.ctx.request(TimelineRequest, { zoom: this.zoom });
      this.version++;
      return this.latestMessage();
    });
  }

  protected renderPage(page: PageResources, initial: ToTimeline): string {
    return renderTimelineHtml({
      cspSource: page.cspSource,
      nonce: page.nonce,
      scriptUri: page.mediaUri('timeline.js'),
      styleUri: page.mediaUri('timeline.css'),
      chartCss: this.result.folders[0]?.css ?? '',
      initial,
    });
  }

  protected latestMessage(): ToTimeline {
    return { type: 'data', version: this.version, zoom: this.zoom, folders: this.result.folders.map((f) => ({ name: f.name, svg: f.svg, undated: f.undated })) };
  }

  protected async handle(msg: Exclude<FromTimeline, PageLifecycleMessage>): Promise<void> {
    switch (msg.type) {
      case 'zoom':
        this.zoom = msg.zoom;
        await this.reload();
        return;
      case 'open': {
        if (msg.version !== this.version) return;
        const locations = this.result.folders[msg.folder]?.locations;
        const location: LspLocation | undefined = locations && Object.prototype.hasOwnProperty.call(locations, msg.id) ? locations[msg.id] : undefined;
        if (!location) return;
        await showBeside(location, false);
        return;
      }
    }
  }
}
