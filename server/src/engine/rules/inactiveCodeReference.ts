// inactive-code-reference: a tag names a requirement whose status is `rejected` or `deprecated`: code
// or a test still claims to serve something the product no longer wants. Reported in the code file on the ID.
import { INACTIVE_STATUSES } from '../index/queries';
import type { SpecDiagnostic } from '../types';
import { diagnostic, fieldString } from './ruleModel';
import type { PerIdRule } from './ruleModel';

export const inactiveCodeReference: PerIdRule = {
  code: 'inactive-code-reference',
  check(model, id, _run, severity) {
    const tags = model.tags(id);
    if (tags.length === 0) return [];
    const requirement = model.definitions(id).find((d) => d.kind === 'requirement');
    const status = requirement && fieldString(requirement, 'status');
    if (!requirement || status === undefined || !INACTIVE_STATUSES.has(status)) return [];
    const statusField = requirement.fields.get('status');
    const related = [{ file: requirement.file, range: statusField?.valueRange ?? requirement.idRange ?? requirement.headRange, message: `${id} is ${status} here` }];
    const out: SpecDiagnostic[] = [];
    for (const tag of tags) {
      // The tag word is not written before the ID: a quoted message must not become a tag.
      out.push(
        diagnostic(
          'inactive-code-reference',
          severity,
          tag.file,
          tag.idRange,
          `${id} is ${status}: remove this ${tag.word} tag or point it at the requirement that replaced it`,
          related,
        ),
      );
    }
    return out;
  },
};
