// Messages between the release page (client/media/release.js) and the extension. The page names a
// link by its index into the data it was given (with that data's version), never by URI.
import type { ReleasePage } from './releaseModel';
import { isIndex, parsePageMessage } from '../webview/webviewMessages';
import type { PageLifecycleMessage } from '../webview/webviewMessages';

/** Extension → webview. */
export type ToReleaseWebview = { type: 'data'; version: number; page: ReleasePage } | { type: 'error'; message: string };

/** Webview → extension. */
export type FromReleaseWebview = PageLifecycleMessage | { type: 'open'; version: number; link: number };

/** Validates a message from the page; anything else is ignored (and logged) by the panel. */
export function parseFromReleaseWebview(raw: unknown): FromReleaseWebview | undefined {
  return parsePageMessage(raw, (m) => (m.type === 'open' && isIndex(m.version) && isIndex(m.link) ? { type: 'open', version: m.version, link: m.link } : undefined));
}
