// Messages between the timeline webview (client/media/timeline.js) and the extension. The page names
// an item by its folder's index and its ID in the data it was given (with that data's version): the
// extension only opens locations it sent itself.
import type { SvgNode } from '../../../server/src/shared/svgTree';
import type { TimelineZoom } from '../../../server/src/shared/protocol';

export const ZOOMS: readonly TimelineZoom[] = ['quarter', 'month', 'week'];

export interface TimelinePageFolder {
  name: string;
  svg: SvgNode;
  undated: { id: string; title: string }[];
}

/** Extension → webview. */
export type ToTimeline = { type: 'data'; version: number; zoom: TimelineZoom; folders: TimelinePageFolder[] } | { type: 'error'; message: string };

/** Webview → extension. */
export type FromTimeline = { type: 'ready' } | { type: 'refresh' } | { type: 'zoom'; zoom: TimelineZoom } | { type: 'open'; version: number; folder: number; id: string };

/** Validates a message from the webview; anything else is ignored (and logged) by the panel. */
export function parseFromTimeline(raw: unknown): FromTimeline | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'refresh':
      return { type: m.type };
    case 'zoom':
      return ZOOMS.includes(m.zoom as TimelineZoom) ? { type: 'zoom', zoom: m.zoom as TimelineZoom } : undefined;
    case 'open':
      if (typeof m.version === 'number' && Number.isInteger(m.folder) && typeof m.folder === 'number' && m.folder >= 0 && typeof m.id === 'string' && m.id !== '') {
        return { type: 'open', version: m.version, folder: m.folder, id: m.id };
      }
      return undefined;
    default:
      return undefined;
  }
}
