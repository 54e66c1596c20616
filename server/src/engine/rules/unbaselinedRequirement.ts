// unbaselined-requirement: change review is on and a requirement under review has no `fingerprint`,
// so a later change of its text could not be noticed. Reported on the ID; the quick fix writes one.
import { revOf, underReview } from '../review/reviewModel';
import type { SpecDiagnostic } from '../types';
import { diagnostic } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const unbaselinedRequirement: PerIdRule = {
  code: 'unbaselined-requirement',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    for (const item of model.definitions(id)) {
      if (!item.idRange || item.reviewFingerprint === undefined || !underReview(item, model.config) || item.fields.has('fingerprint')) continue;
      out.push(
        diagnostic('unbaselined-requirement', severity, item.file, item.idRange, `${id} has no fingerprint yet: baseline it so that changes to its text are noticed`, undefined, {
          kind: 'review',
          id,
          rev: revOf(item),
          fingerprint: item.reviewFingerprint,
          links: 0,
        }),
      );
    }
    return out;
  },
};
