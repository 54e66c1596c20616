// Open documents whose edits are not applied yet. An edit is applied after a short debounce: the
// JSON-RPC layer hands over one message per event-loop turn, so without a few milliseconds of grace a
// burst of didChanges (an editor applying a multi-file rename) would be validated, and published, one
// document at a time. Requests take the pending edits at once, so they never wait for this.

/** Keystroke -> validation delay; well under what a person notices (the benchmark counts it in the latency). */
const FLUSH_DEBOUNCE_MS = 3;

export class PendingEdits {
  private readonly uris = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  /** `onDue`: the debounce ran out; the owner applies what `take()` gives. */
  constructor(private readonly onDue: () => void) {}

  add(uri: string): void {
    this.uris.add(uri);
    this.timer ??= setTimeout(this.onDue, FLUSH_DEBOUNCE_MS);
  }

  /** The document is applied another way (closed, or applied with its folder's new index). */
  delete(uri: string): void {
    this.uris.delete(uri);
  }

  /** Every pending document, in the order first edited; none pending afterwards. */
  take(): string[] {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.uris.size === 0) return [];
    const uris = [...this.uris];
    this.uris.clear();
    return uris;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
