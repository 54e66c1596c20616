// release-not-ready: a roadmap item that is `done`, or due within `releases.warnDays` days, still has
// requirements (its own or those of the items below it) that are unfinished, short of the coverage
// policy or, with change review on, with suspect links. Reported at the item's `status` (its `due` or
// ID when it has none), with each such requirement as related information.
import { coverageOf, dateField, firstOfKind, referrers, roadmapRequirements, today } from '../index/queries';
import { releaseState, scopeItems } from '../releases/releaseScope';
import { roadmapAncestors } from '../releases/roadmapLinks';
import { suspectLinksOf } from '../review/reviewModel';
import type { RelatedInformation, Severity, SpecDiagnostic, SpecItem } from '../types';
import { diagnostic, fieldString, joinAnd } from './ruleModel';
import type { IndexModel, PerIdRule, RuleReach } from './ruleModel';
import { plural } from '../../shared/plural';

/** How many requirements each part of the message names before "and N more". */
const NAMED = 3;
/** Related-information entries are for navigation; a release with hundreds gets the first ones. */
const RELATED = 50;
const DAY_MS = 86_400_000;

/** A requirement the message names, with its counted code and test links. */
interface Named {
  id: string;
  item: SpecItem;
  implementations: number;
  tests: number;
}

/**
 * Per index: a count bumped whenever something a release reads of a requirement or roadmap item changes
 * (seen by `watch`, which the rule engine calls for every changed ID before the checks), and each
 * release's last result under that count. An edit marks the roadmap item its requirement names as
 * changed, so without this every keystroke in a requirement would gather its whole release again.
 */
interface ReleaseMemo {
  epoch: number;
  watched: Map<string, string>;
  results: Map<string, { epoch: number; key: string; diagnostics: SpecDiagnostic[]; item: SpecItem; config: object; today: string; severity: Severity }>;
}
const memos = new WeakMap<object, ReleaseMemo>();

function memoOf(model: object): ReleaseMemo {
  let memo = memos.get(model);
  if (!memo) {
    memo = { epoch: 0, watched: new Map(), results: new Map() };
    memos.set(model, memo);
  }
  return memo;
}

const RELEASE_REACH: RuleReach = {
  // A requirement reaches the item it is planned for and every item above it; an item reaches the items above it.
  subjects(model, id) {
    const out = new Set<string>();
    const starts = new Set<SpecItem>();
    for (const def of model.definitions(id)) {
      if (def.kind === 'roadmap') starts.add(def);
      else for (const ref of def.references) if (ref.field === 'roadmap') for (const r of model.definitions(ref.targetId)) if (r.kind === 'roadmap') starts.add(r);
    }
    for (const r of referrers(model, id, 'requirements', 'roadmap')) starts.add(r);
    for (const start of starts) {
      if (start.id) out.add(start.id);
      for (const above of roadmapAncestors(model, start)) if (above.id) out.add(above.id);
    }
    return out;
  },
  // What a release reads of a requirement (status, plan, coverage, suspect links) or of a roadmap item
  // (its place in the hierarchy): typing in a description recomputes no release.
  watch(model, id) {
    const parts: string[] = [];
    for (const def of model.definitions(id)) {
      const plan = def.references.filter((r) => r.field === 'roadmap' || r.field === 'parent' || r.field === 'requirements').map((r) => `${r.field}=${r.targetId}`);
      if (def.kind === 'roadmap') parts.push(`roadmap\u0000${plan.join(',')}`);
      else if (def.kind === 'requirement') {
        const c = coverageOf(model, def);
        const suspects = model.config.review ? suspectLinksOf(model, def).length : 0;
        // Where its related information points, too: a line inserted above it moves the range.
        const r = def.fields.get('status')?.valueRange ?? def.idRange ?? def.headRange;
        const at = `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
        parts.push(`requirement\u0000${def.file}\u0000${at}\u0000${fieldString(def, 'status') ?? ''}\u0000${plan.join(',')}\u0000${c.implementations}/${c.tests}/${c.underPolicy}/${c.satisfied}/${suspects}`);
      }
    }
    const seen = parts.join('\u0001');
    const memo = memoOf(model);
    if (memo.watched.get(id) !== seen) {
      memo.watched.set(id, seen);
      memo.epoch++;
    }
    return seen;
  },
};

export const releaseNotReady: PerIdRule = {
  code: 'release-not-ready',
  check(model, id, _run, severity) {
    const item = firstOfKind(model, id, 'roadmap');
    if (!item) return [];
    const memo = memoOf(model);
    const todayIso = today(model.now());
    const cached = memo.results.get(id);
    // The same item object under the same config, day and severity: the key below would be the same.
    if (cached && cached.epoch === memo.epoch && cached.item === item && cached.config === model.config && cached.today === todayIso && cached.severity === severity) return cached.diagnostics;
    // Everything of the item itself and of the settings the result depends on, positions included.
    const key = JSON.stringify([severity, todayIso, model.config.releases.warnDays, model.config.review ?? null, model.config.coverage, item.file, item.headRange, item.idRange ?? null, [...item.fields].map(([k, f]) => [k, f.valueRange, fieldString(item, k) ?? null])]);
    const entry = { epoch: memo.epoch, key, item, config: model.config, today: todayIso, severity };
    if (cached && cached.epoch === memo.epoch && cached.key === key) {
      memo.results.set(id, { ...entry, diagnostics: cached.diagnostics });
      return cached.diagnostics;
    }
    const diagnostics = checkRelease(model, id, item, severity);
    memo.results.set(id, { ...entry, diagnostics });
    return diagnostics;
  },
  reach: RELEASE_REACH,
};

function checkRelease(model: IndexModel, id: string, item: SpecItem, severity: Severity): SpecDiagnostic[] {
    const status = fieldString(item, 'status');
    const due = dateField(item, 'due');
    const todayIso = today(model.now());
    const days = due === undefined ? undefined : daysFrom(todayIso, due);
    const done = status === 'done';
    const soon = !done && status !== 'cancelled' && days !== undefined && days >= 0 && days <= model.config.releases.warnDays;
    if (!done && !soon) return [];
    // Only now gather the scope: the check runs on every edit of any of its requirements, so it reads
    // just status, coverage and suspect links (not the full trace releaseScope builds).
    const unfinished: Named[] = [];
    const uncovered: Named[] = [];
    const suspect: { r: Named; links: number }[] = [];
    const seen = new Set<SpecItem>();
    for (const scoped of scopeItems(model, item)) {
      for (const requirement of roadmapRequirements(model, scoped.item)) {
        const rid = requirement.id;
        if (rid === undefined || seen.has(requirement) || firstOfKind(model, rid, 'requirement') !== requirement) continue;
        seen.add(requirement);
        const state = releaseState(fieldString(requirement, 'status'));
        if (state === 'dropped') continue;
        const coverage = coverageOf(model, requirement);
        const named: Named = { id: rid, item: requirement, implementations: coverage.implementations, tests: coverage.tests };
        if (state === 'unfinished') unfinished.push(named);
        if (coverage.underPolicy && !coverage.satisfied) uncovered.push(named);
        if (model.config.review) {
          const links = suspectLinksOf(model, requirement).length;
          if (links > 0) suspect.push({ r: named, links });
        }
      }
    }
    if (unfinished.length === 0 && uncovered.length === 0 && suspect.length === 0) return [];

    const parts: string[] = [];
    if (unfinished.length > 0) parts.push(`${plural(unfinished.length, 'requirement')} unfinished (${named(unfinished)})`);
    if (uncovered.length > 0) parts.push(`${uncovered.length} short of the coverage policy (${named(uncovered)})`);
    if (suspect.length > 0) parts.push(`${suspect.length} with suspect links (${named(suspect.map((s) => s.r))})`);
    const when = done ? 'is done' : `is due ${due ?? ''} (${days === 0 ? 'today' : `in ${plural(days ?? 0, 'day')}`})`;
    const related: RelatedInformation[] = [];
    const at = (r: Named) => ({ file: r.item.file, range: r.item.fields.get('status')?.valueRange ?? r.item.idRange ?? r.item.headRange });
    for (const r of unfinished) related.push({ ...at(r), message: `${r.id} is ${fieldString(r.item, 'status') ?? 'without a status'}` });
    for (const r of uncovered) related.push({ ...at(r), message: `${r.id} has ${plural(r.implementations, 'implementation')} and ${plural(r.tests, 'test')}: short of the coverage policy` });
    for (const s of suspect) related.push({ ...at(s.r), message: `${s.r.id} has ${plural(s.links, 'suspect link')}` });
    const range = item.fields.get('status')?.valueRange ?? item.fields.get('due')?.valueRange ?? item.idRange ?? item.headRange;
    return [diagnostic('release-not-ready', severity, item.file, range, `${id} ${when} but not ready: ${joinAnd(parts)}`, related.slice(0, RELATED))];
}

function named(list: readonly Named[]): string {
  const ids = list.map((r) => r.id);
  return joinAnd(ids.length > NAMED ? [...ids.slice(0, NAMED), `${ids.length - NAMED} more`] : ids);
}

/** Whole days from `from` to `to` (YYYY-MM-DD, UTC); negative when `to` is earlier. */
function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
