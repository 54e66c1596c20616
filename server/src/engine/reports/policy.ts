// What the coverage policy asks of one requirement: the strictest of the rules that match it.
// The index decides whether a requirement is satisfied; this only explains the numbers in reports.
import type { CoveragePolicyRule, SpecItem } from '../types';
import { fieldText } from './fields';

function matches(list: string[] | undefined, value: string | undefined): boolean {
  return list === undefined || (value !== undefined && list.includes(value));
}

export function requiredCoverage(rules: readonly CoveragePolicyRule[], item: SpecItem): { implementations: number; tests: number } {
  let implementations = 0;
  let tests = 0;
  const status = fieldText(item, 'status');
  const priority = fieldText(item, 'priority');
  const type = fieldText(item, 'type');
  for (const rule of rules) {
    if (!matches(rule.status, status) || !matches(rule.priority, priority) || !matches(rule.type, type)) continue;
    implementations = Math.max(implementations, rule.implementations);
    tests = Math.max(tests, rule.tests);
  }
  return { implementations, tests };
}
