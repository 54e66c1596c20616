// The folders whose diagnostics may have changed beyond the edited documents (the cross-file
// effects of an edit, a file event), published together on the next turn of the event loop.
import { describeError } from './boundary';
import type { Folder } from './folder';
import type { ChangeNotifier } from './notifier';
import type { DiagnosticsPublisher } from './publisher';

export class PublishScheduler {
  private readonly dirty = new Set<Folder>();
  private timer: NodeJS.Immediate | undefined;

  constructor(
    private readonly publisher: DiagnosticsPublisher,
    private readonly notifier: ChangeNotifier,
    private readonly logError: (message: string) => void,
    /** Run first in a pass: edits that arrived meanwhile must be published before anything else. */
    private readonly beforePass: () => void,
  ) {}

  markDirty(folder: Folder): void {
    this.dirty.add(folder);
  }

  schedule(): void {
    if (this.dirty.size === 0) return;
    this.timer ??= setImmediate(() => this.pass());
  }

  /** Diff every dirty folder's diagnostics against what was sent. */
  private pass(): void {
    this.timer = undefined;
    this.beforePass();
    const folders = [...this.dirty];
    this.dirty.clear();
    for (const f of folders) {
      if (!f.index) continue;
      try {
        this.publisher.publishAll(f.uri, f.index.diagnostics());
      } catch (err) {
        this.logError(`spectrace: publishing diagnostics for ${f.root} failed: ${describeError(err)}`);
      }
    }
    this.notifier.changed();
  }

  dispose(): void {
    if (this.timer) clearImmediate(this.timer);
  }
}
