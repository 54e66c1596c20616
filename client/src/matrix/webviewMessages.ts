// Messages between the matrix webview (client/media/matrix.js) and the extension. The webview
// names rows and cells by index into the data it was given (with that data's version), never by
// URI: the extension only opens locations it sent itself.
import type { MatrixRow } from '../../../server/src/shared/protocol';
import { PRIORITIES, REQUIREMENT_STATUSES } from '../../../server/src/shared/schemaOrder';
import { COVERAGE_TEXT } from '../../../server/src/shared/traceRow';
import { isIndex, parsePageMessage } from '../webview/webviewMessages';
import type { PageLifecycleMessage } from '../webview/webviewMessages';

/** The words and orders the page shows and sorts by, so it needs no copy of them. */
export interface MatrixVocabulary {
  coverageText: Record<string, string>;
  priorities: readonly string[];
  statuses: readonly string[];
}

export const MATRIX_VOCABULARY: MatrixVocabulary = { coverageText: COVERAGE_TEXT, priorities: PRIORITIES, statuses: REQUIREMENT_STATUSES };

/** Extension → webview. */
export type ToWebview =
  | { type: 'data'; version: number; rows: MatrixRow[]; vocabulary: MatrixVocabulary }
  | { type: 'error'; message: string };

export type CellKind = 'requirement' | 'implementation' | 'test';

/** Webview → extension. */
export type FromWebview =
  | { type: 'open'; version: number; row: number; cell: CellKind; index: number }
  /** The pointer rests on (or the keyboard focuses) a location: load its document before the click. */
  | { type: 'prefetch'; version: number; row: number; cell: CellKind; index: number }
  | { type: 'exportCsv'; version: number; rows: number[] }
  | PageLifecycleMessage;

/** Validates a message from the webview; anything else is ignored (and logged) by the panel. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  return parsePageMessage(raw, parseOwn);
}

function parseOwn(m: Record<string, unknown>): Exclude<FromWebview, PageLifecycleMessage> | undefined {
  switch (m.type) {
    case 'open':
    case 'prefetch':
      if (isIndex(m.version) && isIndex(m.row) && isIndex(m.index) && (m.cell === 'requirement' || m.cell === 'implementation' || m.cell === 'test')) {
        return { type: m.type, version: m.version, row: m.row, cell: m.cell, index: m.index };
      }
      return undefined;
    case 'exportCsv':
      if (isIndex(m.version) && Array.isArray(m.rows) && m.rows.every(isIndex)) return { type: 'exportCsv', version: m.version, rows: m.rows as number[] };
      return undefined;
    default:
      return undefined;
  }
}
