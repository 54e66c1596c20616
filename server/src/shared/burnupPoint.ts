// One point of a roadmap item's burn-up: the engine computes it from the spec history, the protocol
// sends it to the release view as is.

export interface BurnupPoint {
  /** The day (YYYY-MM-DD, in the committer's time zone). */
  date: string;
  /** The day's last commit (full hash). */
  commit: string;
  scope: number;
  done: number;
  /** IDs that entered the scope since the previous point, sorted. */
  entered: string[];
  /** IDs that left the scope since the previous point, sorted. */
  left: string[];
  /** Files read from an older version at this point (a YAML error), one sentence each. */
  notes: string[];
}
