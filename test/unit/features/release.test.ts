// spectrace/release on the in-memory workspace: the scope of R-1 with its breakdown, coverage, the
// overdue and blocked requirements, and a location for every requirement, code and test link;
// null for an unknown item; a reason, not a chart, without a spec history.
import * as assert from 'node:assert/strict';
import { burnup, release, releaseFolder } from '../../../server/src/features/views/release';
import { standard } from './helpers';

describe('features: release view', () => {
  const ws = standard();
  const folders = [{ uri: 'file:///ws', name: 'ws', ctx: ws.ctx }];

  it('gives the scope of R-1: breakdown, coverage, overdue and blocked, with locations', () => {
    const r = release(releaseFolder(folders, { id: 'R-1' }), { id: 'R-1' });
    assert.ok(r);
    assert.deepEqual(r.item.id, 'R-1');
    assert.equal(r.item.type, 'release');
    assert.equal(r.today, '2026-11-28');
    assert.equal(r.total, 2);
    assert.equal(r.done, 0);
    assert.deepEqual(r.byStatus, [
      { value: 'approved', count: 1 },
      { value: 'in-progress', count: 1 },
    ]);
    assert.deepEqual(r.byPriority, [
      { value: 'must', count: 1 },
      { value: 'should', count: 1 },
    ]);
    assert.deepEqual(r.coverage, { implemented: 2, tested: 1, uncovered: 0, policyUnmet: 0 });
    const [pay1, pay2] = r.requirements;
    assert.equal(pay1.id, 'PAY-1');
    assert.equal(pay1.location.uri, 'file:///ws/specs/pay.yaml');
    assert.deepEqual(
      pay1.implementations.map((l) => `${l.uri}:${l.range.start.line}`),
      ['file:///ws/src/pay.ts:0', 'file:///ws/src/pay.ts:2'],
    );
    assert.deepEqual(pay1.tests.map((l) => `${l.uri}:${l.range.start.line}`), ['file:///ws/test/pay.test.ts:0']);
    assert.equal(pay1.overdue, true);
    assert.deepEqual(
      pay2.blockedBy.map((b) => [b.id, b.status, b.roadmap, b.location.uri]),
      [['PAY-1', 'approved', 'R-1', 'file:///ws/specs/pay.yaml']],
    );
  });

  it('answers null for an ID that is no roadmap item, and a reason for the burn-up without a history', async () => {
    assert.equal(release(releaseFolder(folders, { id: 'PAY-1' }), { id: 'PAY-1' }), null);
    assert.deepEqual(await burnup(releaseFolder(folders, { id: 'R-1' }), { id: 'R-1' }), { ok: false, reason: 'this workspace has no spec history reader' });
    assert.deepEqual(await burnup(undefined, { id: 'R-1' }), { ok: false, reason: 'no workspace folder is open' });
  });
});
