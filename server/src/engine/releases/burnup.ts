// The burn-up series of a roadmap item, from the first-parent history of the spec files: one point
// per day with a commit touching them (the day's last commit), with the scope (requirements planned
// for the item or for any item below it through `parent`, as the roadmap stood at that commit), the
// done count (implemented, verified or released) and the IDs that entered or left the scope since the
// previous point. A version of a file with a YAML error is replaced by that file's last good version,
// with a note. Pure: the history and the parsed versions come from the caller.
import { stageOf } from '../../shared/statusStages';
import type { SpecVersion } from './specVersion';
import type { BurnupPoint } from '../../shared/burnupPoint';

/** One spec file added or changed (`blob`: its content's hash) or deleted (`blob` null) by a commit. */
export interface SpecChange {
  path: string;
  blob: string | null;
}

export interface HistoryCommit {
  commit: string;
  /** The committer date as git writes it (ISO 8601 with the committer's offset). */
  date: string;
  changes: SpecChange[];
}

export interface BurnupSeries {
  item: string;
  points: BurnupPoint[];
}

/** The parsed version of a blob; undefined when it could not be read (then the file counts as absent). */
export type VersionLookup = (blob: string) => SpecVersion | undefined;

export interface FileState {
  version: SpecVersion;
  /** The commit the version was read from. */
  commit: string;
  /** Set while a newer version does not parse: where and why. */
  broken: { commit: string; error: string } | undefined;
}

const DONE = (status: string | undefined): boolean => stageOf(status) === 'done';

/** The IDs in scope, counted across files: a file's share changes only when its version or the roadmap does. */
class ScopeCount {
  /** Per path, the scoped list it contributes now. */
  readonly shares = new Map<string, [string, boolean][]>();
  /** Definitions in scope per ID (an ID planned in two files counts once). */
  readonly refs = new Map<string, number>();
  /** Done definitions in scope per ID (an ID is done when one of them is). */
  readonly doneRefs = new Map<string, number>();
  size = 0;
  done = 0;
  /** IDs whose membership changed since `startPoint`, with whether each was in scope then. */
  private touched = new Map<string, boolean>();

  copy(): ScopeCount {
    const c = new ScopeCount();
    for (const [k, v] of this.shares) c.shares.set(k, v);
    for (const [k, v] of this.refs) c.refs.set(k, v);
    for (const [k, v] of this.doneRefs) c.doneRefs.set(k, v);
    c.size = this.size;
    c.done = this.done;
    return c;
  }

  startPoint(): void {
    this.touched = new Map();
  }

  set(path: string, share: [string, boolean][] | undefined): void {
    const old = this.shares.get(path);
    if (old === share) return;
    if (old) for (const [id, done] of old) this.add(id, done, -1);
    if (share) {
      this.shares.set(path, share);
      for (const [id, done] of share) this.add(id, done, 1);
    } else this.shares.delete(path);
  }

  private add(id: string, done: boolean, delta: 1 | -1): void {
    const before = this.refs.get(id) ?? 0;
    if (!this.touched.has(id)) this.touched.set(id, before > 0);
    const after = before + delta;
    if (after === 0) this.refs.delete(id);
    else this.refs.set(id, after);
    if (before === 0) this.size++;
    if (after === 0) this.size--;
    if (!done) return;
    const doneBefore = this.doneRefs.get(id) ?? 0;
    const doneAfter = doneBefore + delta;
    if (doneAfter === 0) this.doneRefs.delete(id);
    else this.doneRefs.set(id, doneAfter);
    if (doneBefore === 0) this.done++;
    if (doneAfter === 0) this.done--;
  }

  /** The IDs that entered and left the scope since `startPoint`, sorted. */
  moves(): { entered: string[]; left: string[] } {
    const entered: string[] = [];
    const left: string[] = [];
    for (const [id, was] of this.touched) {
      const is = this.refs.has(id);
      if (is && !was) entered.push(id);
      else if (was && !is) left.push(id);
    }
    return { entered: entered.sort(), left: left.sort() };
  }
}

/**
 * Where a computation stopped: the state before the last day's commits, so that a walk extended by
 * new commits resumes there (that day may get more commits) instead of replaying the whole history.
 */
export interface BurnupCheckpoint {
  item: string;
  /** Index of the first commit not yet applied. */
  next: number;
  files: Map<string, FileState>;
  count: ScopeCount;
  points: BurnupPoint[];
}

/** The item and every item below it through `parent` (cycles cut), as a sorted key. */
function subtreeKey(item: string, paths: readonly string[], files: Map<string, FileState>): { items: Set<string>; key: string; known: boolean } {
  const children = new Map<string, string[]>();
  const defined = new Set<string>();
  for (const p of paths) {
    for (const r of (files.get(p) as FileState).version.roadmap) {
      if (defined.has(r.id)) continue; // the first definition wins, as in the workspace
      defined.add(r.id);
      if (r.parent === undefined) continue;
      const list = children.get(r.parent);
      if (list) list.push(r.id);
      else children.set(r.parent, [r.id]);
    }
  }
  const items = new Set([item]);
  const queue = [item];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i]) ?? []) {
      if (items.has(child)) continue;
      items.add(child);
      queue.push(child);
    }
  }
  return { items, key: [...items].sort().join(' '), known: defined.has(item) };
}

function short(commit: string): string {
  return commit.slice(0, 7);
}

/** A version's requirements in the scope whose items are `key`, with whether each is done; kept per version. */
const scoped = new WeakMap<SpecVersion, { key: string; list: [string, boolean][] }>();

function inScope(version: SpecVersion, items: Set<string>, key: string): [string, boolean][] {
  const kept = scoped.get(version);
  if (kept?.key === key) return kept.list;
  const list: [string, boolean][] = [];
  for (const r of version.requirements) if (r.roadmap !== undefined && items.has(r.roadmap)) list.push([r.id, DONE(r.status)]);
  scoped.set(version, { key, list });
  return list;
}

/** Brings `count` to the state of `files` (only the files whose share changed cost anything); the notes of files read from an older version. */
function measure(item: string, files: Map<string, FileState>, count: ScopeCount): { known: boolean; notes: string[] } {
  const paths = [...files.keys()].sort();
  const { items, key, known } = subtreeKey(item, paths, files);
  const notes: string[] = [];
  for (const p of [...count.shares.keys()]) if (!files.has(p)) count.set(p, undefined);
  for (const p of paths) {
    const state = files.get(p) as FileState;
    if (state.broken) {
      const from = state.commit !== '' ? `its version of ${short(state.commit)} is used` : 'it has no earlier version that parses, so it counts as empty';
      notes.push(`${p} does not parse at ${short(state.broken.commit)} (${state.broken.error}): ${from}`);
    }
    count.set(p, inScope(state.version, items, key));
  }
  return { known, notes };
}

function dayOf(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? date;
}

/**
 * The burn-up of `item` over `commits` (oldest first, first-parent order). Points start at the first
 * day on which the item exists in the roadmap or has a requirement planned for it. `from`, a
 * checkpoint of an earlier call whose commits are a prefix of these, skips what it already covers.
 */
export function computeBurnup(item: string, commits: readonly HistoryCommit[], versionOf: VersionLookup, from?: BurnupCheckpoint): { series: BurnupSeries; checkpoint: BurnupCheckpoint } {
  const resume = from && from.item === item && from.next <= commits.length ? from : undefined;
  const files = new Map(resume?.files ?? []);
  const count = resume?.count.copy() ?? new ScopeCount();
  const points = [...(resume?.points ?? [])];
  // The last day's commits: those after the last change of day (dates need not be monotonic).
  let lastGroup = commits.length - 1;
  while (lastGroup > 0 && dayOf(commits[lastGroup - 1].date) === dayOf(commits[commits.length - 1].date)) lastGroup--;
  let checkpoint: BurnupCheckpoint | undefined;
  for (let i = resume?.next ?? 0; i < commits.length; i++) {
    const c = commits[i];
    const day = dayOf(c.date);
    if (i === lastGroup) checkpoint = { item, next: i, files: new Map(files), count: count.copy(), points: [...points] };
    for (const change of c.changes) apply(files, change, c.commit, versionOf);
    if (i < commits.length - 1 && dayOf(commits[i + 1].date) === day) continue;
    const m = measure(item, files, count);
    if (points.length === 0 && !m.known && count.size === 0) {
      count.startPoint();
      continue;
    }
    const { entered, left } = count.moves();
    count.startPoint();
    points.push({ date: day, commit: c.commit, scope: count.size, done: count.done, entered, left, notes: m.notes });
  }
  checkpoint ??= { item, next: commits.length, files: new Map(files), count: count.copy(), points: [...points] };
  return { series: { item, points }, checkpoint };
}

function apply(files: Map<string, FileState>, change: SpecChange, commit: string, versionOf: VersionLookup): void {
  if (change.blob === null) {
    files.delete(change.path);
    return;
  }
  const version = versionOf(change.blob);
  if (version === undefined) {
    files.delete(change.path);
    return;
  }
  if (version.error === undefined) {
    files.set(change.path, { version, commit, broken: undefined });
    return;
  }
  const before = files.get(change.path);
  files.set(change.path, { version: before?.version ?? { requirements: [], roadmap: [] }, commit: before?.commit ?? '', broken: { commit, error: version.error } });
}

/** The series as CSV (the `spectrace burnup` format): IDs space-separated, notes joined with "; ". */
export function burnupCsv(series: BurnupSeries): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ['date,commit,scope,done,entered,left,notes'];
  for (const p of series.points) rows.push([p.date, p.commit, String(p.scope), String(p.done), p.entered.join(' '), p.left.join(' '), p.notes.join('; ')].map(cell).join(','));
  return `${rows.join('\n')}\n`;
}
