// overdue-roadmap-item: a roadmap item's due date has passed, it is not done or cancelled, and some of
// its requirements are still not implemented, verified or released. Reported on the `due` value, with
// the outstanding requirements as related information. The clock is the index's (injectable).
import { overdueState, roadmapRequirements, today } from '../index/queries';
import type { SpecDiagnostic } from '../types';
import { diagnostic, fieldString, joinAnd } from './ruleModel';
import type { PerIdRule } from './ruleModel';
import { plural } from '../../shared/plural';

/** How many outstanding requirements the message names before "and N more". */
const NAMED = 5;
/** Related-information entries are for navigation; a roadmap item with hundreds gets the first ones. */
const RELATED = 50;

export const overdueRoadmapItem: PerIdRule = {
  code: 'overdue-roadmap-item',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    const todayIso = today(model.now());
    for (const item of model.definitions(id)) {
      if (item.kind !== 'roadmap') continue;
      // A roadmap item with hundreds of requirements is re-checked on every keystroke in any of them:
      // gather them only when the due date has passed.
      const state = overdueState(item, () => roadmapRequirements(model, item), todayIso);
      const range = item.fields.get('due')?.valueRange;
      if (!state || !range) continue;
      const status = fieldString(item, 'status');
      const ids = state.outstanding.map((r) => r.id ?? '(no id)');
      const named = ids.length > NAMED ? [...ids.slice(0, NAMED), `${ids.length - NAMED} more`] : ids;
      const verb = state.outstanding.length === 1 ? 'is' : 'are';
      out.push(
        diagnostic(
          'overdue-roadmap-item',
          severity,
          item.file,
          range,
          `${id} is overdue: due ${state.due}${status ? `, still ${status}` : ''}, and ${plural(state.outstanding.length, 'requirement')} ${verb} not done yet (${joinAnd(named)})`,
          state.outstanding.slice(0, RELATED).map((r) => ({
            file: r.file,
            range: r.fields.get('status')?.valueRange ?? r.idRange ?? r.headRange,
            message: `${r.id ?? 'this requirement'} is ${fieldString(r, 'status') ?? 'without a status'}`,
          })),
        ),
      );
    }
    return out;
  },
};
