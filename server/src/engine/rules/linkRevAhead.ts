// link-rev-ahead: a link names a revision its requirement does not have yet (a typo, or a merge that
// lost the bump). Checked whenever review is on, whatever the requirement's status.
import { linksTo, requirementOf, revOf } from '../review/reviewModel';
import type { SpecDiagnostic } from '../types';
import { diagnostic } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const linkRevAhead: PerIdRule = {
  code: 'link-rev-ahead',
  check(model, id, _run, severity) {
    if (!model.config.review) return [];
    const item = requirementOf(model, id);
    if (!item) return [];
    const rev = revOf(item);
    return linksTo(model, id)
      .filter((l) => l.linkedRev > rev)
      .map((l): SpecDiagnostic => diagnostic('link-rev-ahead', severity, l.file, l.fullRange, `${id} has no rev ${l.linkedRev} yet (it is at rev ${rev})`));
  },
};
