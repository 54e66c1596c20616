// status-mismatch: a requirement's status claims more than the code shows: `verified` without any
// `@verifies` tag, or `implemented` without any `@implements` tag. Reported on the status value. A
// requirement exempt from coverage (`coverage_exempt`) has no code of its own and is not checked.
// Messages never write a tag word right before an ID: a message quoted in a scanned file (a CI log,
// a test's expected output) would otherwise become a tag itself.
import { exemptReason, splitTags } from '../index/queries';
import type { SpecDiagnostic } from '../types';
import { diagnostic, fieldString } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const statusMismatch: PerIdRule = {
  code: 'status-mismatch',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    for (const item of model.definitions(id)) {
      if (item.kind !== 'requirement') continue;
      const status = fieldString(item, 'status');
      if (status !== 'verified' && status !== 'implemented') continue;
      if (exemptReason(item) !== undefined) continue;
      const { implementations, tests } = splitTags(model.tags(id));
      const range = item.fields.get('status')?.valueRange;
      if (!range) continue;
      if (status === 'verified' && tests.length === 0) {
        const word = model.config.tags.verifies[0] ?? '@verifies';
        out.push(diagnostic('status-mismatch', severity, item.file, range, `${id} is verified but no test carries a ${word} tag for it`));
      } else if (status === 'implemented' && implementations.length === 0) {
        const word = model.config.tags.implements[0] ?? '@implements';
        out.push(diagnostic('status-mismatch', severity, item.file, range, `${id} is implemented but no code carries an ${word} tag for it`));
      }
    }
    return out;
  },
};
