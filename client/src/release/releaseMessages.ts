// Messages between the release page (client/media/release.js) and the extension. The page names a
// link by its index into the data it was given (with that data's version), never by URI.
import type { ReleasePage } from './releaseModel';

/** Extension → webview. */
export type ToReleaseWebview = { type: 'data'; version: number; page: ReleasePage } | { type: 'error'; message: string };

/** Webview → extension. */
export type FromReleaseWebview = { type: 'ready' } | { type: 'refresh' } | { type: 'open'; version: number; link: number };

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Validates a message from the page; anything else is ignored (and logged) by the panel. */
export function parseFromReleaseWebview(raw: unknown): FromReleaseWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'ready' || m.type === 'refresh') return { type: m.type };
  if (m.type === 'open' && isIndex(m.version) && isIndex(m.link)) return { type: 'open', version: m.version, link: m.link };
  return undefined;
}
