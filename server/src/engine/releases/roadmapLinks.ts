// How requirements and roadmap items hang together for releases: the roadmap item a requirement is
// planned for, the items above one (through `parent`) and the due date an item inherits when it has
// none of its own. Shared by the release rules, the scope and the timeline.
import { dateField, firstOfKind, referrers } from '../index/queries';
import type { IndexModel } from '../rules/ruleModel';
import type { ItemReference, SpecItem } from '../types';

/** The roadmap item a requirement is planned for: the one its `roadmap` names, else the first listing it under `requirements`. */
export function plannedItem(model: IndexModel, requirement: SpecItem): SpecItem | undefined {
  for (const ref of requirement.references) {
    if (ref.field !== 'roadmap') continue;
    const target = firstOfKind(model, ref.targetId, 'roadmap');
    if (target) return target;
  }
  return requirement.id ? referrers(model, requirement.id, 'requirements', 'roadmap')[0] : undefined;
}

/** The roadmap items above `item` through `parent`, nearest first; a `parent` cycle ends the walk. */
export function roadmapAncestors(model: IndexModel, item: SpecItem): SpecItem[] {
  const out: SpecItem[] = [];
  const seen = new Set<SpecItem>([item]);
  let current: SpecItem | undefined = item;
  while (current) {
    const ref: ItemReference | undefined = current.references.find((r) => r.field === 'parent');
    const parent: SpecItem | undefined = ref ? firstOfKind(model, ref.targetId, 'roadmap') : undefined;
    if (!parent || seen.has(parent)) break;
    seen.add(parent);
    out.push(parent);
    current = parent;
  }
  return out;
}

/** The item's due date, or the nearest item above it that has one (a milestone without a date is due with its release). */
export function effectiveDue(model: IndexModel, item: SpecItem): { due: string; from: SpecItem } | undefined {
  const own = dateField(item, 'due');
  if (own) return { due: own, from: item };
  for (const above of roadmapAncestors(model, item)) {
    const due = dateField(above, 'due');
    if (due) return { due, from: above };
  }
  return undefined;
}
