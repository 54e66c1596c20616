import * as assert from 'node:assert/strict';
import { formatNumber, missingScoreInputs, parseConfidence, riceScore, scoreRequirement, valueEffortScore, wsjfScore } from '../../../server/src/engine/scoring/score';
import type { ScoringModel, SpecItem } from '../../../server/src/engine/types';

/** A requirement with these fields (what the scorer reads), as the parser would give it. */
function item(fields: Record<string, unknown>): SpecItem {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    kind: 'requirement',
    file: '/ws/specs/a.yaml',
    id: 'PAY-1',
    idRange: range,
    headRange: range,
    range,
    fields: new Map(Object.entries(fields).map(([key, value]) => [key, { key, keyRange: range, valueRange: range, value }])),
    value: fields,
    references: [],
  };
}

const noCustomers = { distinctCustomers: () => 0 };
const score = (model: ScoringModel, fields: Record<string, unknown>, customers = 0) => scoreRequirement(item(fields), model, { distinctCustomers: () => customers });

describe('scoring: RICE', () => {
  it('reach × impact × confidence ÷ effort, with the formula filled in', () => {
    assert.deepEqual(score('rice', { rice: { reach: 1200, impact: 2, confidence: 0.8, effort: 6 } }), {
      model: 'rice',
      value: 320,
      label: 'RICE 320',
      formula: '1200 × 2 × 0.8 ÷ 6 = 320',
    });
  });

  it('reads a confidence written as a percentage', () => {
    assert.equal(score('rice', { rice: { reach: 1200, impact: 2, confidence: '80%', effort: 6 } })?.formula, '1200 × 2 × 0.8 ÷ 6 = 320');
    assert.equal(parseConfidence('100%'), 1);
    assert.equal(parseConfidence('0%'), 0);
    assert.equal(parseConfidence('12.5%'), 0.125);
    assert.equal(parseConfidence('120%'), undefined);
    assert.equal(parseConfidence('80'), undefined);
    assert.equal(parseConfidence(1.5), undefined);
    assert.equal(parseConfidence(-0.1), undefined);
  });

  it('takes the effort from estimate when rice.effort is not given, but never falls back past a bad effort', () => {
    assert.equal(score('rice', { estimate: 6, rice: { reach: 1200, impact: 2, confidence: 0.8 } })?.value, 320);
    assert.equal(score('rice', { estimate: 6, rice: { reach: 1200, impact: 2, confidence: 0.8, effort: 0 } }), undefined);
    assert.equal(score('rice', { estimate: 6, rice: { reach: 1200, impact: 2, confidence: 0.8, effort: 'big' } }), undefined);
  });

  it('reach: auto is the number of distinct customers of the cited insights', () => {
    assert.equal(score('rice', { rice: { reach: 'auto', impact: 3, confidence: 1, effort: 1 } }, 4)?.formula, '4 × 3 × 1 ÷ 1 = 12');
    assert.equal(score('rice', { rice: { reach: 'auto', impact: 3, confidence: 1, effort: 1 } }, 0)?.label, 'RICE 0');
  });

  it('gives no score for zero, negative, missing or non-numeric inputs, and never Infinity or NaN', () => {
    for (const rice of [
      { reach: 1200, impact: 2, confidence: 0.8, effort: 0 },
      { reach: -1, impact: 2, confidence: 0.8, effort: 1 },
      { reach: 1200, impact: 4, confidence: 0.8, effort: 1 },
      { reach: 1200, impact: 2, effort: 1 },
      { reach: '1200', impact: 2, confidence: 0.8, effort: 1 },
      { reach: 1200, impact: 2, confidence: 0.8, effort: -3 },
      { reach: Number.MAX_VALUE, impact: 3, confidence: 1, effort: 0.5 },
    ]) {
      assert.equal(score('rice', { rice }), undefined, JSON.stringify(rice));
    }
    assert.equal(score('rice', { estimate: 0, rice: { reach: 1, impact: 1, confidence: 1 } }), undefined);
    assert.equal(score('rice', {}), undefined);
    assert.equal(riceScore(1, 1, 1, 0), undefined);
    assert.equal(riceScore(Infinity, 1, 1, 1), undefined);
  });

  it('keeps huge but finite scores, shown in full', () => {
    assert.equal(score('rice', { rice: { reach: 1e12, impact: 3, confidence: 1, effort: 1 } })?.label, 'RICE 3000000000000');
  });
});

describe('scoring: WSJF and value ÷ effort', () => {
  it('WSJF: (value + time criticality + risk reduction) ÷ job size, job size from estimate by default', () => {
    assert.deepEqual(score('wsjf', { wsjf: { value: 8, time_criticality: 5, risk_reduction: 3, job_size: 5 } }), {
      model: 'wsjf',
      value: 3.2,
      label: 'WSJF 3.2',
      formula: '(8 + 5 + 3) ÷ 5 = 3.2',
    });
    assert.equal(score('wsjf', { estimate: 8, wsjf: { value: 8, time_criticality: 5, risk_reduction: 3 } })?.value, 2);
    assert.equal(score('wsjf', { estimate: 0, wsjf: { value: 8, time_criticality: 5, risk_reduction: 3 } }), undefined);
    assert.equal(score('wsjf', { wsjf: { value: 0, time_criticality: 5, risk_reduction: 3, job_size: 1 } }), undefined);
    assert.equal(wsjfScore(1, 1, 1, 0), undefined);
  });

  it('value ÷ effort, effort from estimate by default; two decimals', () => {
    assert.deepEqual(score('value-effort', { value: 8, effort: 3 }), { model: 'value-effort', value: 8 / 3, label: 'V/E 2.67', formula: '8 ÷ 3 = 2.67' });
    assert.equal(score('value-effort', { value: 8, estimate: 2 })?.value, 4);
    assert.equal(score('value-effort', { value: 0, effort: 2 })?.label, 'V/E 0');
    assert.equal(score('value-effort', { value: 8, effort: 0 }), undefined);
    assert.equal(score('value-effort', { value: 8 }), undefined);
    assert.equal(valueEffortScore(-1, 1), undefined);
  });

  it('formats numbers for people', () => {
    assert.equal(formatNumber(320), '320');
    assert.equal(formatNumber(96.923), '96.92');
    assert.equal(formatNumber(0.001234), '0.0012');
    assert.equal(formatNumber(0.8), '0.8');
  });
});

describe('scoring: the inputs an unscored requirement lacks', () => {
  it('names each missing input by its field path', () => {
    assert.deepEqual(missingScoreInputs(item({}), 'rice'), ['rice.reach', 'rice.impact', 'rice.confidence', 'rice.effort (or estimate)']);
    assert.deepEqual(missingScoreInputs(item({ estimate: 3, rice: { reach: 'auto', impact: 1, confidence: '50%' } }), 'rice'), []);
    assert.deepEqual(missingScoreInputs(item({ wsjf: { value: 3 } }), 'wsjf'), ['wsjf.time_criticality', 'wsjf.risk_reduction', 'wsjf.job_size (or estimate)']);
    assert.deepEqual(missingScoreInputs(item({ effort: 2 }), 'value-effort'), ['value']);
    assert.equal(scoreRequirement(item({ effort: 2 }), 'value-effort', noCustomers), undefined);
  });
});
