// Malformed review input the JSON Schema cannot see: a code tag's `@rev` suffix that is not a
// revision (`PAY-1@`, `PAY-1@x`), reported as `schema`; and a fingerprint of a newer scheme
// (`v9:…`), which this version cannot compare, as an info. Only when review is on.
import { fingerprintScheme } from '../review/fingerprint';
import type { SpecDiagnostic } from '../types';
import { diagnostic } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const reviewInput: PerIdRule = {
  code: 'schema',
  check(model, id, _run, severity) {
    if (!model.config.review) return [];
    const out: SpecDiagnostic[] = [];
    for (const tag of model.tags(id)) {
      if (tag.badRev === undefined || !tag.revRange) continue;
      const what = tag.badRev === '' ? 'is missing' : `\`${tag.badRev}\` is not one`;
      out.push(diagnostic('schema', severity, tag.file, tag.revRange, `the revision after \`${id}@\` ${what}: write a whole number from 1, e.g. \`${id}@2\``));
    }
    for (const item of model.definitions(id)) {
      const stored = item.fields.get('fingerprint');
      if (item.kind !== 'requirement' || !stored || fingerprintScheme(stored.value) !== 'newer') continue;
      const scheme = String(stored.value).split(':')[0];
      out.push(
        diagnostic('schema', 'info', item.file, stored.valueRange, `this fingerprint (${scheme}) was written by a newer Spectrace: changes to ${id} are not checked until it is re-baselined or Spectrace is updated`),
      );
    }
    return out;
  },
};
