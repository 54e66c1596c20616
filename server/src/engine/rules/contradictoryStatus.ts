// contradictory-status: a requirement's priority and status say opposite things: a `wont` (nobody
// wants it) that is approved, being built or already shipped, or a `must` that was rejected. Usually
// one of the two was changed by mistake (a quick fix picked the wrong value, a copy-paste). Reported on
// the priority value, with the status as related information; the fix data offers the other priorities.
import type { SpecDiagnostic } from '../types';
import { diagnostic, fieldString } from './ruleModel';
import type { PerIdRule } from './ruleModel';
import { PRIORITIES } from '../../shared/schemaOrder';

/** Statuses that mean the requirement goes ahead (approved and later in the lifecycle). */
const GOING_AHEAD = new Set(['approved', 'in-progress', 'implemented', 'verified', 'released']);

const WHY: Record<string, string> = {
  approved: 'approved',
  'in-progress': 'being built',
  implemented: 'implemented',
  verified: 'verified',
  released: 'released',
};

export const contradictoryStatus: PerIdRule = {
  code: 'contradictory-status',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    for (const item of model.definitions(id)) {
      if (item.kind !== 'requirement') continue;
      const priority = fieldString(item, 'priority');
      const status = fieldString(item, 'status');
      const priorityField = item.fields.get('priority');
      const statusField = item.fields.get('status');
      if (!priority || !status || !priorityField || !statusField) continue;
      let message: string | undefined;
      if (priority === 'wont' && GOING_AHEAD.has(status)) {
        message = `${id} is ${WHY[status]} but its priority is wont (nobody wants it): change the priority or the status`;
      } else if (priority === 'must' && status === 'rejected') {
        message = `${id} is rejected but its priority is must: change the priority or the status`;
      }
      if (!message) continue;
      const related = [{ file: item.file, range: statusField.valueRange, message: `${id} is ${status} here` }];
      const others = PRIORITIES.filter((p) => p !== priority);
      out.push(diagnostic('contradictory-status', severity, item.file, priorityField.valueRange, message, related, { kind: 'replace-value', values: others }));
    }
    return out;
  },
};
