// Tells the client the index changed: `spectrace/indexChanged` (views and status bar refresh) and,
// when the client supports them, workspace/codeLens/refresh and workspace/inlayHint/refresh (lenses
// and hints of files that were not edited, after a file event or a cross-file change). Throttled: the
// first change is sent at once, later ones at most once per interval, the last one never lost.
import { CodeLensRefreshRequest, InlayHintRefreshRequest } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import { IndexChangedNotification } from '../shared/protocol';

export interface RefreshSupport {
  codeLens: boolean;
  inlayHint: boolean;
}

export class ChangeNotifier {
  private version = 0;
  private sentVersion = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastSent = 0;

  constructor(
    private readonly connection: Connection,
    private readonly refresh: () => RefreshSupport,
    private readonly intervalMs = 150,
  ) {}

  /** Something in some index changed. */
  changed(): void {
    this.version++;
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private flush(): void {
    if (this.version === this.sentVersion) return;
    this.sentVersion = this.version;
    this.lastSent = Date.now();
    const report = (what: string) => (err: unknown) =>
      this.connection.console.warn(`spectrace: ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    this.connection.sendNotification(IndexChangedNotification, { version: this.version }).catch(report('indexChanged'));
    const r = this.refresh();
    if (r.codeLens) this.connection.sendRequest(CodeLensRefreshRequest.type).catch(report('codeLens/refresh'));
    if (r.inlayHint) this.connection.sendRequest(InlayHintRefreshRequest.type).catch(report('inlayHint/refresh'));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
