// roadmap-order: an unfinished requirement planned for a roadmap item depends (`depends_on`) on an
// unfinished requirement planned for an item due later, or planned for none. Reported on the
// `depends_on` entry, with related information at the other requirement. Due dates are compared as
// written (an item without one is due with the nearest item above it); an item with no date at all is
// not compared.
import { dateField, firstOfKind } from '../index/queries';
import { releaseState } from '../releases/releaseScope';
import { effectiveDue, plannedItem } from '../releases/roadmapLinks';
import type { SpecDiagnostic, SpecItem } from '../types';
import { diagnostic, fieldString } from './ruleModel';
import type { IndexModel, PerIdRule } from './ruleModel';

export const roadmapOrder: PerIdRule = {
  code: 'roadmap-order',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    for (const item of model.definitions(id)) {
      if (item.kind !== 'requirement' || releaseState(fieldString(item, 'status')) !== 'unfinished') continue;
      const dependencies = item.references.filter((r) => r.field === 'depends_on');
      if (dependencies.length === 0) continue;
      const planned = plannedItem(model, item);
      const due = planned ? effectiveDue(model, planned) : undefined;
      if (!planned?.id || !due) continue;
      for (const ref of dependencies) {
        const dependency = firstOfKind(model, ref.targetId, 'requirement');
        if (!dependency || dependency === item) continue;
        const status = fieldString(dependency, 'status');
        if (releaseState(status) !== 'unfinished') continue;
        const head = `${id} (${planned.id}, due ${due.due}) depends on ${ref.targetId}`;
        const where = { file: dependency.file, range: dependency.idRange ?? dependency.headRange };
        const theirs = plannedItem(model, dependency);
        if (!theirs?.id) {
          const state = status ? `still ${status}` : 'without a status';
          out.push(
            diagnostic('roadmap-order', severity, item.file, ref.range, `${head}, ${state} and not planned for any roadmap item`, [
              { ...where, message: `${ref.targetId} is ${state} and has no roadmap item` },
            ]),
          );
          continue;
        }
        const theirDue = effectiveDue(model, theirs);
        if (!theirDue || theirDue.due <= due.due) continue;
        out.push(
          diagnostic('roadmap-order', severity, item.file, ref.range, `${head}, planned for ${theirs.id} (due ${theirDue.due})`, [
            { ...where, message: `${ref.targetId} is planned for ${theirs.id}, due ${theirDue.due}` },
          ]),
        );
      }
    }
    return out;
  },
  reach: {
    // A requirement's status and plan reach the requirements depending on it; a roadmap item's dates
    // reach the requirements planned for it or below it, and those depending on them.
    subjects(model, id) {
      const out = new Set<string>();
      if (model.definitions(id).some((d) => d.kind === 'requirement')) for (const d of dependents(model, id)) out.add(d);
      // From the references naming the item, not its definition: a deleted item still reaches them.
      for (const r of plannedBelow(model, id)) {
        if (r.references.some((ref) => ref.field === 'depends_on')) out.add(r.id);
        for (const d of dependents(model, r.id)) out.add(d);
      }
      return out;
    },
    // What the subjects read of `id`: of a requirement, its status, plan and where it is (their related
    // information points there), so typing in its description recomputes none of its dependents; of a
    // roadmap item, its dates and parent. An ID that is both is not narrowed.
    watch(model, id) {
      const road = model.definitions(id).filter((d) => d.kind === 'roadmap');
      const requirement = firstOfKind(model, id, 'requirement');
      if (requirement) {
        if (road.length > 0) return undefined;
        const at = requirement.idRange ?? requirement.headRange;
        const where = `${at.start.line}:${at.start.character}-${at.end.line}:${at.end.character}`;
        return `requirement\u0000${requirement.file}\u0000${where}\u0000${fieldString(requirement, 'status') ?? ''}\u0000${plannedItem(model, requirement)?.id ?? ''}`;
      }
      if (road.length === 0) return undefined;
      return road.map((d) => `${dateField(d, 'due') ?? ''}\u0000${fieldString(d, 'parent') ?? ''}`).join('\u0001');
    },
  },
};

/** The requirements planned for roadmap item `id` or an item below it (through `parent`). */
function plannedBelow(model: IndexModel, id: string): { id: string; references: SpecItem['references'] }[] {
  const out: { id: string; references: SpecItem['references'] }[] = [];
  const seen = new Set<string>([id]);
  const queue = [id];
  while (queue.length > 0) {
    const at = queue.pop() as string;
    for (const def of model.definitions(at)) {
      if (def.kind !== 'roadmap') continue;
      for (const ref of def.references) if (ref.field === 'requirements') out.push({ id: ref.targetId, references: firstOfKind(model, ref.targetId, 'requirement')?.references ?? [] });
    }
    for (const inc of model.incoming(at)) {
      const child = inc.item.id;
      if (child === undefined) continue;
      if (inc.ref.field === 'roadmap' && inc.item.kind === 'requirement') out.push({ id: child, references: inc.item.references });
      else if (inc.ref.field === 'parent' && inc.item.kind === 'roadmap' && !seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return out;
}

function dependents(model: IndexModel, id: string): string[] {
  const out: string[] = [];
  for (const inc of model.incoming(id)) if (inc.ref.field === 'depends_on' && inc.item.kind === 'requirement' && inc.item.id) out.push(inc.item.id);
  return out;
}
