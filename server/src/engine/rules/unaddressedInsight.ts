// unaddressed-insight: an insight of importance 2 (important) or 3 (critical) that no requirement
// cites in its `insights:` list — a customer problem nobody has planned an answer to. Reported on the
// insight's ID.
import { addressingRequirements } from '../index/evidence';
import type { SpecDiagnostic } from '../types';
import { diagnostic } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const IMPORTANCE_LABEL: readonly string[] = ['none', 'nice', 'important', 'critical'];

/** The insight's importance (0–3) when written as one, else undefined. */
export function importanceOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3 ? value : undefined;
}

export const unaddressedInsight: PerIdRule = {
  code: 'unaddressed-insight',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    for (const item of model.definitions(id)) {
      if (item.kind !== 'insight' || !item.idRange) continue;
      const importance = importanceOf(item.fields.get('importance')?.value);
      if (importance === undefined || importance < 2) continue;
      if (addressingRequirements(model, id).length > 0) continue;
      out.push(
        diagnostic(
          'unaddressed-insight',
          severity,
          item.file,
          item.idRange,
          `${id} (${IMPORTANCE_LABEL[importance]}) is addressed by no requirement: cite it in a requirement's insights list, or lower its importance`,
        ),
      );
    }
    return out;
  },
};
