// When the server process dies, restart it — but not forever: a server that crashes on every start
// (a bad build, a file it cannot digest) would otherwise spin. The policy is plain data so it can be
// tested without VS Code; the language client's error handler asks it on every crash.

export interface RestartDecision {
  restart: boolean;
  /** Crashes inside the current window, this one included. */
  crashes: number;
}

export class RestartPolicy {
  private crashTimes: number[] = [];

  constructor(
    /** Restarts allowed inside one window; the crash after that stops the server. */
    readonly maxRestarts = 5,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now` (ms) and says whether to restart. */
  onCrash(now: number): RestartDecision {
    this.crashTimes = this.crashTimes.filter((t) => now - t < this.windowMs);
    this.crashTimes.push(now);
    return { restart: this.crashTimes.length <= this.maxRestarts, crashes: this.crashTimes.length };
  }

  /** A deliberate (re)start by the user forgets earlier crashes. */
  reset(): void {
    this.crashTimes = [];
  }
}
