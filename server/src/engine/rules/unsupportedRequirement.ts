// unsupported-requirement (off by default): a requirement that the `evidence:` policy of
// spectrace.yaml covers (by default epics, features and stories) cites no customer insight. Rejected
// and deprecated requirements need no evidence. Reported on the requirement's ID.
import { DEFAULT_EVIDENCE } from '../config/config';
import type { SpecDiagnostic } from '../types';
import { diagnostic, fieldString } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const unsupportedRequirement: PerIdRule = {
  code: 'unsupported-requirement',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    const policy = model.config.evidence ?? DEFAULT_EVIDENCE;
    for (const item of model.definitions(id)) {
      if (item.kind !== 'requirement' || !item.idRange) continue;
      const status = fieldString(item, 'status');
      if (status === 'rejected' || status === 'deprecated') continue;
      if (!matches(policy.type, fieldString(item, 'type')) || !matches(policy.priority, fieldString(item, 'priority')) || !matches(policy.status, status)) continue;
      if (item.references.some((r) => r.field === 'insights')) continue;
      out.push(
        diagnostic('unsupported-requirement', severity, item.file, item.idRange, `${id} cites no customer insight: add insights: [...] with the evidence for it`),
      );
    }
    return out;
  },
};

function matches(list: readonly string[] | undefined, value: string | undefined): boolean {
  return list === undefined || (value !== undefined && list.includes(value));
}
