// suspect-link: a code tag, test tag or spec reference was reviewed against an older revision of a
// requirement under review. Reported on the ID and its suffix in the linking file.
import { suspectLinksOf, requirementOf, revOf } from '../review/reviewModel';
import type { SpecDiagnostic } from '../types';
import { diagnostic } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const suspectLink: PerIdRule = {
  code: 'suspect-link',
  check(model, id, _run, severity) {
    const item = requirementOf(model, id);
    if (!item) return [];
    const rev = revOf(item);
    const related = item.idRange ? [{ file: item.file, range: item.idRange, message: `${id} is at rev ${rev} here` }] : undefined;
    return suspectLinksOf(model, item).map(
      (l): SpecDiagnostic =>
        diagnostic('suspect-link', severity, l.file, l.fullRange, `${id} changed since this link was reviewed (rev ${l.linkedRev} → rev ${rev})`, related, {
          kind: 'suspect',
          id,
          rev,
        }),
    );
  },
};
