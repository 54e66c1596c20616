// Queries over the workspace index: coverage against the policy, roadmap progress, traces, search and
// the next free ID. Pure functions of the index model (rules/ruleModel.ts); the index exposes them.
import type { IncomingRef, IndexModel } from '../rules/ruleModel';
import { fieldString } from '../rules/ruleModel';
import type { CodeTag, CoveragePolicyRule, CoverageState, RequirementTrace, RoadmapProgress, SpecItem, SpectraceConfig } from '../types';
import { countedTags } from '../review/reviewModel';

/** Statuses that count a requirement as done for roadmap progress and overdue checks. */
export const DONE_STATUSES: ReadonlySet<string> = new Set(['implemented', 'verified', 'released']);
/** Statuses of requirements that are out of play: tags naming them are flagged, they never block a roadmap item. */
export const INACTIVE_STATUSES: ReadonlySet<string> = new Set(['rejected', 'deprecated']);
/** Roadmap item statuses that end the item's schedule. */
export const CLOSED_ROADMAP_STATUSES: ReadonlySet<string> = new Set(['done', 'cancelled']);

// ---------------------------------------------------------------------------------------------
// IDs

/** Natural order: `PAY-2` before `PAY-10`; then plain string order so the order is total. */
export function compareIds(a: string, b: string): number {
  // A hand-rolled scan: this runs in sorts of 20,000 IDs, where regex splitting dominates.
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Compare digit runs as numbers, without overflow: skip leading zeros, then longer is larger.
      let si = i;
      let sj = j;
      while (si < a.length && a.charCodeAt(si) === 48) si++;
      while (sj < b.length && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      let ej = sj;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  if (i < a.length || j < b.length) return i < a.length ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `PAY` (or `PAY-`) -> the prefix without trailing separators. */
function normalizePrefix(prefix: string): string {
  return prefix.trim().replace(/[-_.:/]+$/, '');
}

/** The prefix an ID's number follows: `PAY-12` -> `PAY`; undefined for IDs without a trailing number. */
export function idPrefix(id: string): string | undefined {
  const m = /^(.*?)[-_.:/]?(\d+)$/.exec(id);
  return m && m[1] ? m[1] : undefined;
}

/**
 * The next ID for a prefix: one more than the highest number in use after `prefix-` (`PAY` -> `PAY-13`),
 * `PAY-1` when none is. Gaps are not reused: a deleted ID may still be named in old code or documents.
 */
export function nextFreeId(prefix: string, ids: Iterable<string>): string {
  const p = normalizePrefix(prefix);
  const head = `${p}-`;
  let max = 0n;
  for (const id of ids) {
    if (!id.startsWith(head)) continue;
    const rest = id.slice(head.length);
    if (!/^\d+$/.test(rest)) continue;
    const n = BigInt(rest);
    if (n > max) max = n;
  }
  return `${head}${(max + 1n).toString()}`;
}

// ---------------------------------------------------------------------------------------------
// Coverage

/** The policy that applies to a requirement: the strictest minimum over every matching rule. */
export function policyFor(
  item: SpecItem,
  config: SpectraceConfig,
  status = fieldString(item, 'status'),
): { implementations: number; tests: number; rules: number[] } | undefined {
  const priority = fieldString(item, 'priority');
  const type = fieldString(item, 'type');
  let found: { implementations: number; tests: number; rules: number[] } | undefined;
  config.coverage.forEach((rule: CoveragePolicyRule, i) => {
    if (!matches(rule.status, status) || !matches(rule.priority, priority) || !matches(rule.type, type)) return;
    found ??= { implementations: 0, tests: 0, rules: [] };
    found.implementations = Math.max(found.implementations, rule.implementations);
    found.tests = Math.max(found.tests, rule.tests);
    found.rules.push(i);
  });
  return found;
}

function matches(list: string[] | undefined, value: string | undefined): boolean {
  return list === undefined || (value !== undefined && list.includes(value));
}

/** The written reason for exempting a requirement from the coverage policy, if any. */
export function exemptReason(item: SpecItem): string | undefined {
  return fieldString(item, 'coverage_exempt');
}

export function splitTags(tags: readonly CodeTag[]): { implementations: CodeTag[]; tests: CodeTag[] } {
  const implementations: CodeTag[] = [];
  const tests: CodeTag[] = [];
  for (const t of tags) (t.kind === 'implements' ? implementations : tests).push(t);
  return { implementations, tests };
}

export function coverageOf(model: IndexModel, item: SpecItem): CoverageState {
  // A suspect link does not count until reviewed (unless `review.suspectCounts`).
  const { implementations, tests } = item.id ? splitTags(countedTags(model, item, model.tags(item.id))) : { implementations: [], tests: [] };
  const policy = policyFor(item, model.config);
  const exempt = exemptReason(item);
  const meets = policy !== undefined && implementations.length >= policy.implementations && tests.length >= policy.tests;
  return {
    implementations: implementations.length,
    tests: tests.length,
    underPolicy: policy !== undefined,
    satisfied: policy !== undefined && (exempt !== undefined || meets),
    exemptReason: exempt,
  };
}

// ---------------------------------------------------------------------------------------------
// Links

/** The first definition of `id` of the given kind. */
export function firstOfKind(model: IndexModel, id: string, kind: SpecItem['kind']): SpecItem | undefined {
  return model.definitions(id).find((d) => d.kind === kind);
}

/** Items (of `kind`) whose reference `field` names `id`, each once, in index order. */
export function referrers(model: IndexModel, id: string, field: IncomingRef['ref']['field'], kind: SpecItem['kind']): SpecItem[] {
  const out: SpecItem[] = [];
  const seen = new Set<SpecItem>();
  for (const r of model.incoming(id)) {
    if (r.ref.field !== field || r.item.kind !== kind || seen.has(r.item)) continue;
    seen.add(r.item);
    out.push(r.item);
  }
  return out;
}

/** The requirements planned on a roadmap item: those naming it in `roadmap`, and those it lists in `requirements`. */
export function roadmapRequirements(model: IndexModel, roadmapItem: SpecItem): SpecItem[] {
  if (!roadmapItem.id) return [];
  const out = referrers(model, roadmapItem.id, 'roadmap', 'requirement');
  const seen = new Set(out);
  for (const ref of roadmapItem.references) {
    if (ref.field !== 'requirements') continue;
    const r = firstOfKind(model, ref.targetId, 'requirement');
    if (r && !seen.has(r)) {
      seen.add(r);
      out.push(r);
    }
  }
  return out;
}

/** The ISO date (YYYY-MM-DD) a field holds, as written or as a YAML timestamp. */
export function dateField(item: SpecItem, key: string): string | undefined {
  const v = item.fields.get(key)?.value;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return typeof v === 'string' ? calendarDate(v.trim()) : undefined;
}

/**
 * `text` when it is a day of the calendar written YYYY-MM-DD; undefined for `2026-07-81` or `2026-02-31`
 * (the schema reports them; the timeline, release and roadmap rules treat them as no date at all).
 */
export function calendarDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // exact for years 0–99 too, unlike Date.UTC
  return d.toISOString().slice(0, 10) === text ? text : undefined;
}

const DAY_MS = 86_400_000;
/** The UTC day `today` last answered for, and its text. */
let lastDay = Number.NaN;
let lastDayIso = '';

/** Today as YYYY-MM-DD in UTC (due dates carry no time zone; UTC keeps CI and editors in agreement). */
export function today(now: Date): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) return '9999-12-31';
  // The rules ask on every keystroke: the UTC day's text is kept until the clock reaches another day.
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay) {
    lastDay = day;
    lastDayIso = now.toISOString().slice(0, 10);
  }
  return lastDayIso;
}

export interface OverdueState {
  due: string;
  /** The roadmap item's requirements that are neither done nor out of play (rejected/deprecated). */
  outstanding: SpecItem[];
}

/**
 * Whether a roadmap item is overdue: its due date has passed (strictly before today), it is not done
 * or cancelled, and it still has requirements that are not implemented, verified or released.
 */
export function overdueState(
  item: SpecItem,
  /** The item's requirements; a function when they are costly to gather (read only for a past due date). */
  requirements: readonly SpecItem[] | (() => readonly SpecItem[]),
  todayIso: string,
): OverdueState | undefined {
  const due = dateField(item, 'due');
  if (!due || due >= todayIso) return undefined;
  const status = fieldString(item, 'status');
  if (status !== undefined && CLOSED_ROADMAP_STATUSES.has(status)) return undefined;
  const list = typeof requirements === 'function' ? requirements() : requirements;
  const outstanding = list.filter((r) => {
    const s = fieldString(r, 'status');
    return s === undefined || (!DONE_STATUSES.has(s) && !INACTIVE_STATUSES.has(s));
  });
  return outstanding.length > 0 ? { due, outstanding } : undefined;
}

export function progressOf(model: IndexModel, item: SpecItem, todayIso: string): RoadmapProgress {
  const requirements = roadmapRequirements(model, item);
  const done = requirements.filter((r) => DONE_STATUSES.has(fieldString(r, 'status') ?? '')).length;
  return { item, requirements, done, total: requirements.length, overdue: overdueState(item, requirements, todayIso) !== undefined };
}

/** Roadmap progress sorted by due date, undated last, then by ID. */
export function sortProgress(list: RoadmapProgress[]): RoadmapProgress[] {
  return list.sort((a, b) => {
    const da = dateField(a.item, 'due');
    const db = dateField(b.item, 'due');
    if (da !== db) {
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      return da < db ? -1 : 1;
    }
    return compareIds(a.item.id ?? '', b.item.id ?? '') || compareItems(a.item, b.item);
  });
}

export function traceOf(model: IndexModel, requirement: SpecItem): RequirementTrace {
  const id = requirement.id ?? '';
  let roadmapItem: SpecItem | undefined;
  let parent: SpecItem | undefined;
  const dependencies: SpecItem[] = [];
  for (const ref of requirement.references) {
    const target = firstOfKind(model, ref.targetId, ref.targetKind);
    if (!target) continue;
    if (ref.field === 'roadmap') roadmapItem ??= target;
    else if (ref.field === 'parent') parent ??= target;
    else if (ref.field === 'depends_on' && !dependencies.includes(target)) dependencies.push(target);
  }
  if (!roadmapItem && id) roadmapItem = referrers(model, id, 'requirements', 'roadmap')[0];
  const { implementations, tests } = id ? splitTags(model.tags(id)) : { implementations: [], tests: [] };
  return {
    requirement,
    roadmapItem,
    parent,
    children: id ? referrers(model, id, 'parent', 'requirement') : [],
    dependencies,
    dependents: id ? referrers(model, id, 'depends_on', 'requirement') : [],
    implementations,
    tests,
    coverage: coverageOf(model, requirement),
  };
}

// ---------------------------------------------------------------------------------------------
// Search

/**
 * Items whose ID or title matches `query`, best first: exact ID, ID prefix, ID substring, title word
 * prefix, title substring, then subsequence (fuzzy) matches on the ID, then on the title. Every
 * whitespace-separated word of the query must match; the item's score is its worst word's.
 */
export function searchItems(items: readonly SpecItem[], query: string, limit: number): SpecItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const scored: { item: SpecItem; score: number }[] = [];
  for (const item of items) {
    if (!item.id) continue;
    if (words.length === 0) {
      scored.push({ item, score: 0 });
      continue;
    }
    const id = item.id.toLowerCase();
    const title = (fieldString(item, 'title') ?? '').toLowerCase();
    let worst = 0;
    for (const w of words) {
      const s = wordScore(w, id, title, words.length === 1 ? query.trim().toLowerCase() : w);
      if (s === undefined) {
        worst = -1;
        break;
      }
      worst = Math.max(worst, s);
    }
    if (worst >= 0) scored.push({ item, score: worst });
  }
  scored.sort((a, b) => a.score - b.score || compareIds(a.item.id ?? '', b.item.id ?? '') || compareItems(a.item, b.item));
  return scored.slice(0, Math.max(0, limit)).map((s) => s.item);
}

function wordScore(w: string, id: string, title: string, whole: string): number | undefined {
  if (id === whole) return 0;
  if (id.startsWith(w)) return 1;
  if (id.includes(w)) return 2;
  if (title.startsWith(w) || title.includes(` ${w}`)) return 3;
  if (title.includes(w)) return 4;
  if (isSubsequence(w, id)) return 5;
  if (isSubsequence(w, title)) return 6;
  return undefined;
}

function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

// ---------------------------------------------------------------------------------------------
// Order

/** File, then position: the order of every list the index returns. */
export function compareItems(a: SpecItem, b: SpecItem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
