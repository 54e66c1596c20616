// Tells the client the index changed: `spectrace/indexChanged` (views and status bar refresh) and,
// when the client supports them, workspace/codeLens/refresh and workspace/inlayHint/refresh (lenses
// and hints of files that were not edited, after a file event or a cross-file change).
// indexChanged is throttled: the first change goes out at once, later ones at most once per interval,
// the last one never lost. The refresh requests are debounced instead: while someone types, the
// editor already re-asks for the edited document's lenses; every visible editor is asked again only
// once typing pauses.
import { CodeLensRefreshRequest, InlayHintRefreshRequest } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import { IndexChangedNotification } from '../shared/protocol';
import { errorText } from '../shared/errorText';

export interface RefreshSupport {
  codeLens: boolean;
  inlayHint: boolean;
}

export class ChangeNotifier {
  private version = 0;
  private sentVersion = 0;
  private timer: NodeJS.Timeout | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private lastSent = 0;

  constructor(
    private readonly connection: Connection,
    private readonly refresh: () => RefreshSupport,
    private readonly intervalMs = 150,
    private readonly refreshDelayMs = 400,
  ) {}

  /** Something in some index changed. */
  changed(): void {
    this.version++;
    if (!this.timer) {
      const wait = Math.max(0, this.lastSent + this.intervalMs - Date.now());
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
    }
    const r = this.refresh();
    if (r.codeLens || r.inlayHint) {
      if (this.refreshTimer) clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = undefined;
        this.sendRefresh(r);
      }, this.refreshDelayMs);
    }
  }

  private report(what: string): (err: unknown) => void {
    return (err) => this.connection.console.warn(`spectrace: ${what} failed: ${errorText(err)}`);
  }

  private flush(): void {
    if (this.version === this.sentVersion) return;
    this.sentVersion = this.version;
    this.lastSent = Date.now();
    this.connection.sendNotification(IndexChangedNotification, { version: this.version }).catch(this.report('indexChanged'));
  }

  private sendRefresh(r: RefreshSupport): void {
    if (r.codeLens) this.connection.sendRequest(CodeLensRefreshRequest.type).catch(this.report('codeLens/refresh'));
    if (r.inlayHint) this.connection.sendRequest(InlayHintRefreshRequest.type).catch(this.report('inlayHint/refresh'));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.timer = undefined;
    this.refreshTimer = undefined;
  }
}
