// Messages between the backlog board webview (client/media/board.js) and the extension. The page names
// a card by its index into the data it was given (with that data's version), never by URI or ID, and
// may only ask to move it to a lifecycle status: the extension edits only requirements it sent.
import type { BoardCard } from '../../../server/src/shared/protocol';
import { REQUIREMENT_STATUSES } from '../../../server/src/shared/schemaOrder';
import { isIndex, parsePageMessage } from '../webview/webviewMessages';
import type { PageLifecycleMessage } from '../webview/webviewMessages';

/** The statuses the board shows as columns, in lifecycle order, and the ones folded away. */
export interface BoardLifecycle {
  statuses: readonly string[];
  folded: readonly string[];
}

const FOLDED = ['rejected', 'deprecated'];

export const BOARD_LIFECYCLE: BoardLifecycle = {
  statuses: REQUIREMENT_STATUSES.filter((s) => !FOLDED.includes(s)),
  folded: REQUIREMENT_STATUSES.filter((s) => FOLDED.includes(s)),
};

/** Extension → webview. A `notice` tells why a move was not made. */
export type ToBoard =
  | { type: 'data'; version: number; cards: BoardCard[]; roadmapItems: { id: string; title: string }[]; lifecycle: BoardLifecycle }
  | { type: 'error'; message: string }
  | { type: 'notice'; message: string };

/** Webview → extension. */
export type FromBoard =
  | PageLifecycleMessage
  | { type: 'open'; version: number; card: number }
  | { type: 'move'; version: number; card: number; status: string };

/** Validates a message from the page; anything else is ignored (and logged) by the panel. */
export function parseFromBoard(raw: unknown): FromBoard | undefined {
  return parsePageMessage(raw, parseOwn);
}

function parseOwn(m: Record<string, unknown>): Exclude<FromBoard, PageLifecycleMessage> | undefined {
  switch (m.type) {
    case 'open':
      return isIndex(m.version) && isIndex(m.card) ? { type: 'open', version: m.version, card: m.card } : undefined;
    case 'move':
      if (isIndex(m.version) && isIndex(m.card) && typeof m.status === 'string' && REQUIREMENT_STATUSES.includes(m.status)) {
        return { type: 'move', version: m.version, card: m.card, status: m.status };
      }
      return undefined;
    default:
      return undefined;
  }
}
