// unrecorded-change: the review fields of a requirement under review no longer have the stored
// `fingerprint`. Reported on the fingerprint; the fix data carries what a bump needs (the new
// fingerprint, and how many links will need review once the revision goes up).
import { fingerprintScheme } from '../review/fingerprint';
import { linksTo, revOf, underReview } from '../review/reviewModel';
import type { SpecDiagnostic } from '../types';
import { diagnostic } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const unrecordedChange: PerIdRule = {
  code: 'unrecorded-change',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    for (const item of model.definitions(id)) {
      const stored = item.fields.get('fingerprint');
      const now = item.reviewFingerprint;
      if (!stored || now === undefined || !underReview(item, model.config)) continue;
      // Malformed stamps are the schema's; a newer scheme's cannot be compared (reviewInput.ts says so).
      if (fingerprintScheme(stored.value) !== 'v1' || stored.value === now) continue;
      const rev = revOf(item);
      const links = linksTo(model, id).filter((l) => l.linkedRev <= rev).length;
      out.push(
        diagnostic(
          'unrecorded-change',
          severity,
          item.file,
          stored.valueRange,
          `${id} changed since its fingerprint was written (rev ${rev}): bump the revision or record an editorial change`,
          undefined,
          { kind: 'review', id, rev, fingerprint: now, links },
        ),
      );
    }
    return out;
  },
};
