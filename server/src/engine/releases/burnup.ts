// The burn-up series of a roadmap item, from the first-parent history of the spec files: one point
// per day with a commit touching them (the day's last commit), with the scope (requirements planned
// for the item or for any item below it through `parent`, as the roadmap stood at that commit), the
// done count (implemented, verified or released) and the IDs that entered or left the scope since the
// previous point. A version of a file with a YAML error is replaced by that file's last good version,
// with a note. Pure: the history and the parsed versions come from the caller.
import { stageOf } from '../../shared/statusStages';
import type { SpecVersion } from './specVersion';

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

export interface BurnupSeries {
  item: string;
  points: BurnupPoint[];
}

/** The parsed version of a blob; undefined when it could not be read (then the file counts as absent). */
export type VersionLookup = (blob: string) => SpecVersion | undefined;

interface FileState {
  version: SpecVersion;
  /** The commit the version was read from. */
  commit: string;
  /** Set while a newer version does not parse: where and why. */
  broken: { commit: string; error: string } | undefined;
}

const DONE = (status: string | undefined): boolean => stageOf(status) === 'done';

/** The item and every item below it through `parent` (cycles cut). */
function subtree(item: string, parents: Map<string, string | undefined>): Set<string> {
  const children = new Map<string, string[]>();
  for (const [id, parent] of parents) {
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(id);
    else children.set(parent, [id]);
  }
  const out = new Set([item]);
  const queue = [item];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i]) ?? []) {
      if (out.has(child)) continue;
      out.add(child);
      queue.push(child);
    }
  }
  return out;
}

function short(commit: string): string {
  return commit.slice(0, 7);
}

/** The state of all spec files after a commit, reduced to the item's scope. */
function measure(item: string, files: Map<string, FileState>): { known: boolean; scope: Map<string, boolean>; notes: string[] } {
  const paths = [...files.keys()].sort();
  const parents = new Map<string, string | undefined>();
  for (const p of paths) for (const r of files.get(p)?.version.roadmap ?? []) if (!parents.has(r.id)) parents.set(r.id, r.parent);
  const items = subtree(item, parents);
  // The first definition of an ID wins, as in the workspace (a duplicate is a diagnostic, not a second requirement).
  const scope = new Map<string, boolean>();
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const p of paths) {
    const state = files.get(p);
    if (!state) continue;
    if (state.broken) {
      const from = state.commit !== '' ? `its version of ${short(state.commit)} is used` : 'it has no earlier version that parses, so it counts as empty';
      notes.push(`${p} does not parse at ${short(state.broken.commit)} (${state.broken.error}): ${from}`);
    }
    for (const r of state.version.requirements) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      if (r.roadmap !== undefined && items.has(r.roadmap)) scope.set(r.id, DONE(r.status));
    }
  }
  return { known: parents.has(item), scope, notes };
}

function dayOf(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? date;
}

/**
 * The burn-up of `item` over `commits` (oldest first, first-parent order). Points start at the first
 * day on which the item exists in the roadmap or has a requirement planned for it.
 */
export function computeBurnup(item: string, commits: readonly HistoryCommit[], versionOf: VersionLookup): BurnupSeries {
  const files = new Map<string, FileState>();
  const points: BurnupPoint[] = [];
  let previous = new Set<string>();
  for (let i = 0; i < commits.length; i++) {
    const c = commits[i];
    for (const change of c.changes) apply(files, change, c.commit, versionOf);
    const last = i === commits.length - 1 || dayOf(commits[i + 1].date) !== dayOf(c.date);
    if (!last) continue;
    const m = measure(item, files);
    if (points.length === 0 && !m.known && m.scope.size === 0) continue;
    const ids = new Set(m.scope.keys());
    let done = 0;
    for (const isDone of m.scope.values()) if (isDone) done++;
    points.push({
      date: dayOf(c.date),
      commit: c.commit,
      scope: ids.size,
      done,
      entered: [...ids].filter((id) => !previous.has(id)).sort(),
      left: [...previous].filter((id) => !ids.has(id)).sort(),
      notes: m.notes,
    });
    previous = ids;
  }
  return { item, points };
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
