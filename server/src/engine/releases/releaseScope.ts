// One roadmap item seen as a release: its scope (the requirements planned for it or for any item below
// it through `parent`), how far they are (by status, priority and coverage) and what holds it up
// (overdue and blocked requirements). The release view, the release-not-ready rule and the release
// notes all read this one answer. Pure: a function of the index model and today's date.
import type { CoverageLabel, TraceRow } from '../../shared/traceRow';
import { PRIORITIES, REQUIREMENT_STATUSES, compareInOrder } from '../../shared/schemaOrder';
import { countStages } from '../../shared/statusStages';
import type { StageCount } from '../../shared/statusStages';
import { CLOSED_ROADMAP_STATUSES, DONE_STATUSES, INACTIVE_STATUSES, compareIds, dateField, firstOfKind, referrers, roadmapRequirements, traceOf } from '../index/queries';
import { fieldString } from '../rules/ruleModel';
import type { IndexModel } from '../rules/ruleModel';
import { traceRows } from '../reports/traceRows';
import type { SpecItem } from '../types';

/** Where a requirement is, as far as a release is concerned. */
export type ReleaseState = 'done' | 'unfinished' | 'dropped';

/** A roadmap item inside the scope: the item asked for (depth 0) and every item below it. */
export interface ScopeRoadmapItem {
  id: string;
  title: string;
  status: string | undefined;
  start: string | undefined;
  due: string | undefined;
  /** The ID its `parent` names (undefined for the item asked for when it has none). */
  parent: string | undefined;
  /** 0 for the item asked for, 1 for its children, ... */
  depth: number;
  item: SpecItem;
}

/** A requirement of the scope, with the matrix row it shows as (paths relative to the folder, 1-based line). */
export interface ScopeRequirement {
  id: string;
  row: TraceRow;
  item: SpecItem;
  /** The roadmap item of the scope it is planned for (the item itself or one below it). */
  plannedFor: string;
  /** done: implemented, verified or released; dropped: rejected or deprecated; unfinished: anything else. */
  state: ReleaseState;
  coverage: CoverageLabel;
  implementations: number;
  tests: number;
}

export interface ValueCount {
  /** The value as written; '' when the field is missing. */
  value: string;
  count: number;
}

/** A requirement waiting on others: its `depends_on` entries that are not finished. */
export interface BlockedRequirement {
  requirement: ScopeRequirement;
  /** The unfinished requirements it depends on, each with its status and the roadmap item it is planned for. */
  blockers: { id: string; status: string | undefined; roadmap: string | undefined; item: SpecItem }[];
}

export interface ReleaseScope {
  item: ScopeRoadmapItem;
  /** The item first, then the items below it depth-first, children by due date then ID. */
  items: ScopeRoadmapItem[];
  /** Every requirement once, in the order of `items`, each item's requirements in index order. */
  requirements: ScopeRequirement[];
  total: number;
  done: number;
  /** Counts by status in lifecycle order (statuses with none left out). */
  byStatus: ValueCount[];
  /** Counts by MoSCoW priority, must first (priorities with none left out). */
  byPriority: ValueCount[];
  /** Counts by stage, most advanced first (what the Roadmap view's progress says). */
  stages: StageCount[];
  coverage: {
    /** With at least one `@implements` tag (suspect links do not count unless review says so). */
    implemented: number;
    /** With at least one `@verifies` tag. */
    tested: number;
    /** With neither. */
    uncovered: number;
    /** Under the coverage policy and not meeting it (what uncovered-requirement reports). */
    policyUnmet: ScopeRequirement[];
    byLabel: Record<CoverageLabel, number>;
  };
  /** Unfinished requirements whose own roadmap item (in the scope) is past its due date and not closed. */
  overdue: ScopeRequirement[];
  /** Unfinished requirements with at least one unfinished dependency. */
  blocked: BlockedRequirement[];
}

/** The scope of the roadmap item `roadmapId` on `today` (YYYY-MM-DD); undefined when no roadmap item has that ID. */
export function releaseScope(index: IndexModel, roadmapId: string, today: string): ReleaseScope | undefined {
  const root = firstOfKind(index, roadmapId, 'roadmap');
  if (!root) return undefined;
  const items = scopeItems(index, root);
  const seen = new Set<SpecItem>();
  const planned: { item: SpecItem; plannedFor: ScopeRoadmapItem }[] = [];
  for (const scopeItem of items) {
    for (const requirement of roadmapRequirements(index, scopeItem.item)) {
      if (!requirement.id || seen.has(requirement) || firstOfKind(index, requirement.id, 'requirement') !== requirement) continue;
      seen.add(requirement);
      planned.push({ item: requirement, plannedFor: scopeItem });
    }
  }
  const byItem = new Map(planned.map((p) => [p.item, p.plannedFor]));
  const requirements: ScopeRequirement[] = [];
  const source = {
    root: index.root,
    requirements: () => planned.map((p) => p.item),
    trace: (id: string) => {
      const item = firstOfKind(index, id, 'requirement');
      return item ? traceOf(index, item) : undefined;
    },
  };
  for (const built of traceRows(source)) {
    const plannedFor = byItem.get(built.requirement);
    if (!plannedFor) continue;
    requirements.push({
      id: built.row.id,
      row: built.row,
      item: built.requirement,
      plannedFor: plannedFor.id,
      state: releaseState(fieldString(built.requirement, 'status')),
      coverage: built.row.coverage,
      implementations: built.row.implementations.length,
      tests: built.row.tests.length,
    });
  }

  const byLabel: Record<CoverageLabel, number> = { covered: 0, partial: 0, uncovered: 0, exempt: 0, 'not-required': 0 };
  let implemented = 0;
  let tested = 0;
  let uncovered = 0;
  for (const r of requirements) {
    byLabel[r.coverage]++;
    if (r.implementations > 0) implemented++;
    if (r.tests > 0) tested++;
    if (r.implementations === 0 && r.tests === 0) uncovered++;
  }
  const lateItems = new Set(items.filter((i) => i.due !== undefined && i.due < today && !CLOSED_ROADMAP_STATUSES.has(i.status ?? '')).map((i) => i.id));

  return {
    item: items[0] as ScopeRoadmapItem,
    items,
    requirements,
    total: requirements.length,
    done: requirements.filter((r) => r.state === 'done').length,
    byStatus: countInOrder(requirements.map((r) => r.row.status), REQUIREMENT_STATUSES),
    byPriority: countInOrder(requirements.map((r) => r.row.priority), PRIORITIES),
    stages: countStages(requirements.map((r) => fieldString(r.item, 'status'))),
    coverage: {
      implemented,
      tested,
      uncovered,
      policyUnmet: requirements.filter((r) => r.coverage === 'uncovered' || r.coverage === 'partial'),
      byLabel,
    },
    overdue: requirements.filter((r) => r.state === 'unfinished' && lateItems.has(r.plannedFor)),
    blocked: blockedRequirements(index, requirements),
  };
}

/** done, dropped or unfinished, from a requirement's status. */
export function releaseState(status: string | undefined): ReleaseState {
  if (status !== undefined && DONE_STATUSES.has(status)) return 'done';
  if (status !== undefined && INACTIVE_STATUSES.has(status)) return 'dropped';
  return 'unfinished';
}

/** The item and every roadmap item below it, depth-first; a `parent` cycle is cut where it closes. */
export function scopeItems(index: IndexModel, root: SpecItem): ScopeRoadmapItem[] {
  const out: ScopeRoadmapItem[] = [];
  const visited = new Set<string>();
  const visit = (item: SpecItem, depth: number) => {
    const id = item.id;
    if (id === undefined || visited.has(id)) return;
    visited.add(id);
    out.push({
      id,
      title: fieldString(item, 'title') ?? '',
      status: fieldString(item, 'status'),
      start: dateField(item, 'start'),
      due: dateField(item, 'due'),
      parent: fieldString(item, 'parent'),
      depth,
      item,
    });
    const children = referrers(index, id, 'parent', 'roadmap').filter((c) => c.id !== undefined && firstOfKind(index, c.id, 'roadmap') === c);
    children.sort(compareByDue);
    for (const child of children) visit(child, depth + 1);
  };
  visit(root, 0);
  return out;
}

/** Due date first (undated last), then ID: the order of a roadmap's children. */
export function compareByDue(a: SpecItem, b: SpecItem): number {
  const da = dateField(a, 'due') ?? '\uffff';
  const db = dateField(b, 'due') ?? '\uffff';
  return da < db ? -1 : da > db ? 1 : compareIds(a.id ?? '', b.id ?? '');
}

function blockedRequirements(index: IndexModel, requirements: readonly ScopeRequirement[]): BlockedRequirement[] {
  const out: BlockedRequirement[] = [];
  for (const requirement of requirements) {
    if (requirement.state !== 'unfinished') continue;
    const blockers: BlockedRequirement['blockers'] = [];
    const named = new Set<string>();
    for (const ref of requirement.item.references) {
      if (ref.field !== 'depends_on' || named.has(ref.targetId)) continue;
      named.add(ref.targetId);
      const dependency = firstOfKind(index, ref.targetId, 'requirement');
      if (!dependency) continue;
      const status = fieldString(dependency, 'status');
      if (releaseState(status) !== 'unfinished') continue;
      blockers.push({ id: ref.targetId, status, roadmap: fieldString(dependency, 'roadmap'), item: dependency });
    }
    if (blockers.length > 0) out.push({ requirement, blockers });
  }
  return out;
}

/** Counts in the schema's order (values a workspace schema adds after, alphabetically), a missing value last. */
function countInOrder(values: readonly string[], order: readonly string[]): ValueCount[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const compare = compareInOrder(order);
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (a.value === '') !== (b.value === '') ? (a.value === '' ? 1 : -1) : compare(a.value, b.value));
}
