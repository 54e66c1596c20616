// The one idPrefix (duplicate-id hints, next free IDs, stub placement, ID completion) and the one
// fieldText (views, cards, reports) on the inputs where their former copies differed.
import * as assert from 'node:assert/strict';
import { idPrefix, nextFreeId } from '../../../server/src/engine/index/queries';
import { fieldText } from '../../../server/src/engine/reports/fields';
import type { SpecItem } from '../../../server/src/engine/types';

function itemWith(value: unknown): SpecItem {
  return { fields: new Map([['due', { value }]]) } as unknown as SpecItem;
}

describe('idPrefix and fieldText', () => {
  it('idPrefix: the part before the trailing number, with the separators nextFreeId strips', () => {
    assert.equal(idPrefix('PAY-12'), 'PAY');
    assert.equal(idPrefix('PAY12'), 'PAY');
    assert.equal(idPrefix('A-1-2'), 'A-1');
    assert.equal(idPrefix('team/7'), 'team');
    assert.equal(idPrefix('ns:3'), 'ns');
    // No trailing number, no prefix: `LOGIN` would otherwise suggest `LOGIN-1` as if it were a series.
    assert.equal(idPrefix('LOGIN'), undefined);
    assert.equal(idPrefix('42'), undefined);
    for (const id of ['PAY-12', 'team/7', 'ns:3', 'X_9']) {
      const prefix = idPrefix(id);
      assert.ok(prefix);
      assert.equal(nextFreeId(prefix, [id]).startsWith(`${prefix}-`), true, id);
    }
  });

  it('fieldText: scalars as text, a date as written, an invalid date as nothing (never a throw)', () => {
    assert.equal(fieldText(itemWith('2026-03-31'), 'due'), '2026-03-31');
    assert.equal(fieldText(itemWith(3), 'due'), '3');
    assert.equal(fieldText(itemWith(false), 'due'), 'false');
    assert.equal(fieldText(itemWith(new Date('2026-03-31T00:00:00Z')), 'due'), '2026-03-31');
    assert.equal(fieldText(itemWith(new Date('not a date')), 'due'), undefined);
    assert.equal(fieldText(itemWith(['a']), 'due'), undefined);
    assert.equal(fieldText(itemWith(undefined), 'missing'), undefined);
  });
});
