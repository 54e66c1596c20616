// Messages between the timeline webview (client/media/timeline.js) and the extension. The page names
// an item by its folder's index and its ID in the data it was given (with that data's version): the
// extension only opens locations it sent itself.
import type { SvgNode } from '../../../server/src/shared/svgTree';
import type { TimelineZoom } from '../../../server/src/shared/protocol';
import { isIndex, parsePageMessage } from '../webview/webviewMessages';
import type { PageLifecycleMessage } from '../webview/webviewMessages';

export const ZOOMS: readonly TimelineZoom[] = ['quarter', 'month', 'week'];

export interface TimelinePageFolder {
  name: string;
  svg: SvgNode;
  undated: { id: string; title: string }[];
}

/** Extension → webview. */
export type ToTimeline = { type: 'data'; version: number; zoom: TimelineZoom; folders: TimelinePageFolder[] } | { type: 'error'; message: string };

/** Webview → extension. */
export type FromTimeline = PageLifecycleMessage | { type: 'zoom'; zoom: TimelineZoom } | { type: 'open'; version: number; folder: number; id: string };

/** Validates a message from the webview; anything else is ignored (and logged) by the panel. */
export function parseFromTimeline(raw: unknown): FromTimeline | undefined {
  return parsePageMessage(raw, parseOwn);
}

function parseOwn(m: Record<string, unknown>): Exclude<FromTimeline, PageLifecycleMessage> | undefined {
  switch (m.type) {
    case 'zoom':
      return ZOOMS.includes(m.zoom as TimelineZoom) ? { type: 'zoom', zoom: m.zoom as TimelineZoom } : undefined;
    case 'open':
      if (typeof m.version === 'number' && isIndex(m.folder) && typeof m.id === 'string' && m.id !== '') {
        return { type: 'open', version: m.version, folder: m.folder, id: m.id };
      }
      return undefined;
    default:
      return undefined;
  }
}
