// The shared helpers behind every list, count and date the views, lenses and hovers show: one order
// (the built-in schemas' enum order), real plurals, one date style, one set of status stages.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { shortDate } from '../../../server/src/shared/dates';
import { plural } from '../../../server/src/shared/plural';
import { PRIORITIES, REQUIREMENT_STATUSES, ROADMAP_STATUSES, compareInOrder, sortInOrder } from '../../../server/src/shared/schemaOrder';
import { STAGES, countStages, stageOf, stageProgressText } from '../../../server/src/shared/statusStages';

const SCHEMAS = path.resolve(__dirname, '../../../schemas');
const enumIn = (file: string, field: string): unknown => (JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as { properties: Record<string, { enum: unknown }> }).properties[field].enum;

describe('shared: one order, taken from the built-in schemas', () => {
  it('is the lifecycle for statuses and MoSCoW for priorities, exactly the schema enums', () => {
    assert.deepEqual(REQUIREMENT_STATUSES, enumIn('requirement.schema.json', 'status'));
    assert.deepEqual(PRIORITIES, enumIn('requirement.schema.json', 'priority'));
    assert.deepEqual(ROADMAP_STATUSES, enumIn('roadmap-item.schema.json', 'status'));
    assert.deepEqual(PRIORITIES, ['must', 'should', 'could', 'wont']);
    assert.deepEqual(REQUIREMENT_STATUSES.slice(0, 4), ['draft', 'proposed', 'approved', 'in-progress']);
  });

  it('sorts values in that order, not alphabetically; values a workspace schema adds come last, alphabetically', () => {
    assert.deepEqual(sortInOrder(['wont', 'could', 'must', 'should', 'must'], PRIORITIES), ['must', 'should', 'could', 'wont']);
    assert.deepEqual(sortInOrder(['verified', 'approved', 'zeta', 'draft', 'alpha', 'in-progress'], REQUIREMENT_STATUSES), [
      'draft',
      'approved',
      'in-progress',
      'verified',
      'alpha',
      'zeta',
    ]);
    assert.ok(compareInOrder(ROADMAP_STATUSES)('planned', 'done') < 0);
  });
});

describe('shared: real plurals', () => {
  it('"1 implementation", "2 tests", "0 tests"', () => {
    assert.equal(plural(1, 'implementation'), '1 implementation');
    assert.equal(plural(2, 'test'), '2 tests');
    assert.equal(plural(0, 'test'), '0 tests');
    assert.equal(plural(1, 'impl', 'impl'), '1 impl');
  });
});

describe('shared: one date style', () => {
  it('"30 Jun" this year, "30 Jun 2027" in another year', () => {
    assert.equal(shortDate('2026-06-30', 2026), '30 Jun');
    assert.equal(shortDate('2027-06-30', 2026), '30 Jun 2027');
    assert.equal(shortDate('2026-03-01', 2026), '1 Mar');
    assert.equal(shortDate('2025-12-31', 2026), '31 Dec 2025');
  });

  it('leaves anything that is not a calendar date as written', () => {
    for (const text of ['soon', '2026-13-01', '2026-06-00', '2026-6-30', '']) assert.equal(shortDate(text, 2026), text);
  });
});

describe('shared: status stages', () => {
  it('puts the nine built-in statuses into five stages', () => {
    const byStage = new Map<string, string[]>();
    for (const s of REQUIREMENT_STATUSES) byStage.set(stageOf(s), [...(byStage.get(stageOf(s)) ?? []), s]);
    assert.deepEqual(Object.fromEntries(byStage), {
      'not-started': ['draft', 'proposed'],
      planned: ['approved'],
      'in-progress': ['in-progress'],
      done: ['implemented', 'verified', 'released'],
      closed: ['rejected', 'deprecated'],
    });
    assert.equal(stageOf(undefined), 'other');
    assert.equal(stageOf('constructor'), 'other');
    assert.equal(STAGES[0], 'done');
  });

  it('tells progress by stage, most advanced first: "2 done · 2 in progress"', () => {
    assert.equal(stageProgressText(countStages(['in-progress', 'implemented', 'in-progress', 'verified'])), '2 done · 2 in progress');
    assert.equal(stageProgressText(countStages(['in-progress', 'in-progress', 'in-progress', 'in-progress'])), '4 in progress');
    assert.equal(stageProgressText(countStages(['proposed', 'draft', 'approved', 'rejected', undefined])), '1 planned · 2 not started · 1 closed · 1 other');
    assert.equal(stageProgressText([]), 'no requirements');
  });
});
