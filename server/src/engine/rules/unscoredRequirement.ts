// unscored-requirement (off by default): a scoring model is on (`scoring:` in spectrace.yaml) and an
// approved requirement lacks the inputs it needs, so it cannot be ordered by value. Reported on the
// requirement's ID, naming the missing inputs.
import { MODEL_LABEL, missingScoreInputs } from '../scoring/score';
import type { SpecDiagnostic } from '../types';
import { diagnostic, fieldString, joinAnd } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const unscoredRequirement: PerIdRule = {
  code: 'unscored-requirement',
  check(model, id, _run, severity) {
    const scoring = model.config.scoring;
    if (!scoring) return [];
    const out: SpecDiagnostic[] = [];
    for (const item of model.definitions(id)) {
      if (item.kind !== 'requirement' || !item.idRange || fieldString(item, 'status') !== 'approved') continue;
      const missing = missingScoreInputs(item, scoring.model);
      if (missing.length === 0) continue;
      out.push(
        diagnostic('unscored-requirement', severity, item.file, item.idRange, `${id} has no ${MODEL_LABEL[scoring.model]} score: give ${joinAnd(missing)}`),
      );
    }
    return out;
  },
};
