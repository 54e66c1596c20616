// The roadmap as the timeline draws it: every item with an ID, nested by `parent` (depth-first, children
// by due date), with the start it is drawn from (its own, else the nearest item above it with one),
// its due date and its progress over its whole scope (its requirements and those of the items below
// it). Built from the index's roadmap progress alone, so the report builders can use it too.
import { CLOSED_ROADMAP_STATUSES, DONE_STATUSES, compareIds, dateField } from '../index/queries';
import { fieldString } from '../rules/ruleModel';
import type { RoadmapProgress, SpecItem } from '../types';

export interface TimelineItem {
  id: string;
  title: string;
  type: string | undefined;
  status: string | undefined;
  /** The item's own start. */
  start: string | undefined;
  /** Where its bar starts: its own start, else the nearest item above it with one; undefined: a milestone diamond. */
  drawnStart: string | undefined;
  due: string | undefined;
  parent: string | undefined;
  depth: number;
  /** Done and total requirements of its scope. */
  done: number;
  total: number;
  overdue: boolean;
  closed: boolean;
  item: SpecItem;
}

export function timelineItems(progress: readonly RoadmapProgress[]): TimelineItem[] {
  const byId = new Map<string, RoadmapProgress>();
  for (const p of progress) if (p.item.id !== undefined && !byId.has(p.item.id)) byId.set(p.item.id, p);
  const children = new Map<string, RoadmapProgress[]>();
  const roots: RoadmapProgress[] = [];
  for (const p of byId.values()) {
    const parent = fieldString(p.item, 'parent');
    if (parent !== undefined && parent !== p.item.id && byId.has(parent)) {
      const list = children.get(parent) ?? [];
      list.push(p);
      children.set(parent, list);
    } else roots.push(p);
  }
  const order = (a: RoadmapProgress, b: RoadmapProgress) => {
    const ka = dateField(a.item, 'start') ?? dateField(a.item, 'due') ?? '\uffff';
    const kb = dateField(b.item, 'start') ?? dateField(b.item, 'due') ?? '\uffff';
    return ka < kb ? -1 : ka > kb ? 1 : compareIds(a.item.id ?? '', b.item.id ?? '');
  };
  const out: TimelineItem[] = [];
  const visited = new Set<string>();
  const visit = (p: RoadmapProgress, depth: number, inheritedStart: string | undefined): Set<SpecItem> => {
    const id = p.item.id as string;
    visited.add(id);
    const start = dateField(p.item, 'start');
    const drawnStart = start ?? inheritedStart;
    const entry: TimelineItem = {
      id,
      title: fieldString(p.item, 'title') ?? '',
      type: fieldString(p.item, 'type'),
      status: fieldString(p.item, 'status'),
      start,
      drawnStart,
      due: dateField(p.item, 'due'),
      parent: fieldString(p.item, 'parent'),
      depth,
      done: 0,
      total: 0,
      overdue: p.overdue,
      closed: CLOSED_ROADMAP_STATUSES.has(fieldString(p.item, 'status') ?? ''),
      item: p.item,
    };
    out.push(entry);
    const scope = new Set<SpecItem>(p.requirements);
    for (const child of [...(children.get(id) ?? [])].sort(order)) {
      if (visited.has(child.item.id as string)) continue;
      for (const r of visit(child, depth + 1, drawnStart)) scope.add(r);
    }
    entry.total = scope.size;
    for (const r of scope) if (DONE_STATUSES.has(fieldString(r, 'status') ?? '')) entry.done++;
    return scope;
  };
  for (const root of roots.sort(order)) visit(root, 0, undefined);
  // Items only reachable through a parent cycle still appear, as roots.
  for (const p of [...byId.values()].sort(order)) if (!visited.has(p.item.id as string)) visit(p, 0, undefined);
  return out;
}
