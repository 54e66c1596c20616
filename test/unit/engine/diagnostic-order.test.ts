// A file's diagnostic list patched with what changed in one of its sources is exactly the list merged
// again: seeded random lists, with ties (same range, rule and message) among them.
import * as assert from 'node:assert/strict';
import { inDiagnosticOrder, mergeDiagnostics, orderedChanges, patchDiagnostics } from '../../../server/src/engine/text/diagnosticOrder';
import type { SpecDiagnostic } from '../../../server/src/engine/types';

function diagnostic(line: number, code: 'schema' | 'roadmap-order', message: string): SpecDiagnostic {
  const range = { start: { line, character: 4 }, end: { line, character: 9 } };
  return { file: '/w/specs/a.yaml', range, severity: 'warning', code, message, source: 'spectrace' };
}

describe('diagnostic order: patching a merged list', () => {
  it('orderedChanges passes over the shared diagnostics and names what left and what came', () => {
    const [a, b, c, d] = [1, 2, 3, 4].map((line) => diagnostic(line, 'schema', `m${line}`));
    const b2 = diagnostic(2, 'schema', 'm2');
    const { removed, added } = orderedChanges([a, b, c], [a, b2, c, d]);
    assert.deepEqual(removed, [b]);
    assert.ok(removed[0] === b && added[0] === b2 && added[1] === d);
  });

  it('gives what a merge gives, and declines when a change ties with a diagnostic already there', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const pick = (n: number, code: 'schema' | 'roadmap-order') => Array.from({ length: n }, () => diagnostic(rand(60), code, `m${rand(3)}`));
    let patched = 0;
    let declined = 0;
    for (let round = 0; round < 300; round++) {
      const local = inDiagnosticOrder(pick(rand(20), 'schema'));
      const rules = inDiagnosticOrder(pick(rand(40), 'roadmap-order'));
      const merged = mergeDiagnostics(local, rules);
      // The next version of the rules: some kept (the same objects), some dropped, some new.
      const nextRules = inDiagnosticOrder([...rules.filter(() => rand(5) > 0), ...pick(rand(4), 'roadmap-order')]);
      const { removed, added } = orderedChanges(rules, nextRules);
      const result = patchDiagnostics(merged, removed, added);
      const expected = mergeDiagnostics(local, nextRules);
      if (result === undefined) {
        declined++;
        continue;
      }
      patched++;
      assert.equal(result.length, expected.length, `round ${round}`);
      result.forEach((d, i) => assert.ok(d === expected[i], `round ${round}: position ${i}`));
      assert.notEqual(result, merged, 'a new list: the one handed out before is left as it was');
    }
    assert.ok(patched > 100 && declined > 0, `patched ${patched}, declined ${declined}`);
  });

  it('declines more changes than a patch is worth', () => {
    const many = Array.from({ length: 100 }, (_, i) => diagnostic(i, 'schema', 'm'));
    assert.equal(patchDiagnostics([], [], many), undefined);
  });
});
