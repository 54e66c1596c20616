// releaseScope: a roadmap item's requirements and those of the items below it, counted by status,
// priority and coverage, with overdue and blocked requirements.
import * as assert from 'node:assert/strict';
import { releaseScope } from '../../../server/src/engine/releases/releaseScope';
import { req, workspace, yaml } from '../rules/helpers';

const config = yaml('specs: ["specs/**/*.yaml"]', 'code:', '  include: ["src/**"]', 'coverage:', '  - priority: [must]', '    implementations: 1', '    tests: 1');
const roadmap = yaml(
  'roadmap:',
  '  - id: R-1',
  '    title: First release',
  '    start: 2026-01-01',
  '    due: 2026-12-31',
  '  - id: M-2',
  '    title: Late milestone',
  '    parent: R-1',
  '    due: 2026-06-30',
  '  - id: M-1',
  '    title: Early milestone',
  '    parent: R-1',
  '    due: 2026-03-31',
  '    status: done',
  '  - id: R-2',
  '    title: Next release',
  '    due: 2027-06-30',
  '  - id: M-3',
  '    title: Cycle back',
  '    parent: M-3',
);
const specs = yaml(
  'requirements:',
  ...req('PAY-1', { status: 'implemented', priority: 'must', roadmap: 'R-1', type: 'feature' }),
  ...req('PAY-2', { status: 'approved', priority: 'must', roadmap: 'M-2', depends_on: '[PAY-1, AUTH-1, PAY-9]' }),
  ...req('PAY-3', { status: 'in-progress', priority: 'could', roadmap: 'M-1' }),
  ...req('PAY-4', { status: 'rejected', roadmap: 'M-2' }),
  ...req('AUTH-1', { status: 'draft', priority: 'must', roadmap: 'R-2' }),
);
const code = ['// @implements PAY-1', '// @verifies PAY-1', '// @implements PAY-2', ''].join('\n');

describe('releaseScope', () => {
  const index = workspace({ 'spectrace.yaml': config, 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs, 'src/pay.ts': code });

  it('gathers the item and the items below it, children by due date, with their requirements once', () => {
    const scope = releaseScope(index, 'R-1', '2026-11-28');
    assert.ok(scope);
    assert.deepEqual(scope.items.map((i) => `${i.id}@${i.depth}`), ['R-1@0', 'M-1@1', 'M-2@1']);
    assert.deepEqual(scope.requirements.map((r) => `${r.id}:${r.plannedFor}:${r.state}`), ['PAY-1:R-1:done', 'PAY-3:M-1:unfinished', 'PAY-2:M-2:unfinished', 'PAY-4:M-2:dropped']);
    assert.equal(scope.total, 4);
    assert.equal(scope.done, 1);
    assert.equal(scope.item.start, '2026-01-01');
    assert.equal(scope.requirements[0]?.row.file, 'specs/pay.yaml');
  });

  it('counts by status in lifecycle order and by priority, must first', () => {
    const scope = releaseScope(index, 'R-1', '2026-11-28');
    assert.deepEqual(scope?.byStatus, [
      { value: 'approved', count: 1 },
      { value: 'in-progress', count: 1 },
      { value: 'implemented', count: 1 },
      { value: 'rejected', count: 1 },
    ]);
    assert.deepEqual(scope?.byPriority, [
      { value: 'must', count: 2 },
      { value: 'should', count: 1 },
      { value: 'could', count: 1 },
    ]);
    assert.deepEqual(scope?.stages.map((s) => `${s.count} ${s.stage}`), ['1 done', '1 in-progress', '1 planned', '1 closed']);
  });

  it('counts coverage: implemented, tested, neither, and the requirements short of the policy', () => {
    const scope = releaseScope(index, 'R-1', '2026-11-28');
    assert.equal(scope?.coverage.implemented, 2);
    assert.equal(scope?.coverage.tested, 1);
    assert.equal(scope?.coverage.uncovered, 2);
    assert.deepEqual(scope?.coverage.policyUnmet.map((r) => `${r.id}:${r.coverage}`), ['PAY-2:partial']);
  });

  it('finds overdue requirements by the due date of the item they are planned for, closed items aside', () => {
    assert.deepEqual(releaseScope(index, 'R-1', '2026-11-28')?.overdue.map((r) => r.id), ['PAY-2']);
    assert.deepEqual(releaseScope(index, 'R-1', '2026-06-30')?.overdue.map((r) => r.id), []);
  });

  it('finds blocked requirements: unfinished ones depending on unfinished, known requirements', () => {
    const blocked = releaseScope(index, 'R-1', '2026-11-28')?.blocked;
    assert.deepEqual(blocked?.map((b) => `${b.requirement.id} <- ${b.blockers.map((x) => `${x.id} (${x.status ?? ''}, ${x.roadmap ?? ''})`).join(', ')}`), ['PAY-2 <- AUTH-1 (draft, R-2)']);
  });

  it('answers undefined for an unknown ID and cuts a parent cycle', () => {
    assert.equal(releaseScope(index, 'R-9', '2026-11-28'), undefined);
    assert.deepEqual(releaseScope(index, 'M-3', '2026-11-28')?.items.map((i) => i.id), ['M-3']);
  });
});
