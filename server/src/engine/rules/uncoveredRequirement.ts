// uncovered-requirement: a requirement the `coverage` policy of spectrace.yaml applies to has fewer
// `@implements` or `@verifies` tags than the policy asks for. `coverage_exempt: <reason>` exempts it.
// Reported on the requirement's ID; the message says what is missing.
import { exemptReason, policyFor, splitTags } from '../index/queries';
import { countedTags } from '../review/reviewModel';
import type { SpecDiagnostic } from '../types';
import { diagnostic, fieldString, joinAnd } from './ruleModel';
import type { PerIdRule } from './ruleModel';
import { plural } from '../../shared/plural';

export const uncoveredRequirement: PerIdRule = {
  code: 'uncovered-requirement',
  check(model, id, _run, severity) {
    const out: SpecDiagnostic[] = [];
    for (const item of model.definitions(id)) {
      if (item.kind !== 'requirement' || !item.idRange) continue;
      const policy = policyFor(item, model.config);
      if (!policy || exemptReason(item) !== undefined) continue;
      const all = model.tags(id);
      const counted = countedTags(model, item, all);
      const { implementations, tests } = splitTags(counted);
      const missing: string[] = [];
      if (implementations.length < policy.implementations) missing.push(shortfall(implementations.length, 'implementation'));
      if (tests.length < policy.tests) missing.push(shortfall(tests.length, 'test'));
      if (missing.length === 0) continue;
      const needs: string[] = [];
      if (policy.implementations > 0) needs.push(plural(policy.implementations, 'implementation'));
      if (policy.tests > 0) needs.push(plural(policy.tests, 'test'));
      const labels = [fieldString(item, 'priority'), fieldString(item, 'status')].filter((v): v is string => v !== undefined);
      const is = labels.length > 0 ? ` is ${labels.map((l) => `\`${l}\``).join('/')} but` : '';
      out.push(
        diagnostic(
          'uncovered-requirement',
          severity,
          item.file,
          item.idRange,
          `${id}${is} has ${joinAnd(missing)} (coverage policy needs ${joinAnd(needs)})${suspectNote(all.length - counted.length)}`,
        ),
      );
    }
    return out;
  },
};

function shortfall(count: number, what: string): string {
  return count === 0 ? `no ${what}` : `only ${plural(count, what)}`;
}

function suspectNote(suspect: number): string {
  return suspect > 0 ? ` — ${plural(suspect, 'suspect link')} not counted until reviewed` : '';
}
