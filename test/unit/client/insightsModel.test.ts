import * as assert from 'node:assert/strict';
import type { InsightNode, InsightsResult } from '../../../server/src/shared/protocol';
import { buildInsightNodes, insightDescription, insightState } from '../../../client/src/views/insightsModel';

const loc = { uri: 'file:///ws/specs/i.yaml', range: { start: { line: 1, character: 8 }, end: { line: 1, character: 13 } } };

function insight(id: string, extra: Partial<InsightNode> = {}): InsightNode {
  return { id, title: `Insight ${id}`, customer: undefined, segment: undefined, source: undefined, date: undefined, quote: undefined, importance: undefined, location: loc, addressedBy: [], ...extra };
}

const by = (id: string, status: string) => ({ id, title: `Requirement ${id}`, status, location: loc });
const result = (insights: InsightNode[]): InsightsResult => ({ folders: [{ folderUri: 'file:///ws', name: 'ws', insights }] });

describe('client: the Insights view model', () => {
  it('solved once a citing requirement is built, planned while open ones cite it, else not addressed', () => {
    assert.equal(insightState(insight('I-1', { addressedBy: [by('A-1', 'draft'), by('A-2', 'released')] })), 'solved');
    assert.equal(insightState(insight('I-1', { addressedBy: [by('A-1', 'approved')] })), 'planned');
    assert.equal(insightState(insight('I-1', { addressedBy: [by('A-1', 'rejected')] })), 'unaddressed');
    assert.equal(insightState(insight('I-1')), 'unaddressed');
  });

  it('groups by customer (case and spaces ignored, no customer last), most important first; counts solved', () => {
    const groups = buildInsightNodes(
      result([
        insight('I-1', { customer: 'Globex', importance: 1 }),
        insight('I-2', { customer: ' globex ', importance: 3, addressedBy: [by('A-1', 'verified')] }),
        insight('I-3', { importance: 2 }),
        insight('I-4', { customer: 'Acme' }),
      ]),
      'customer',
    );
    assert.deepEqual(groups.map((g) => [g.label, g.children.map((c) => c.insight.id), `${g.solved}/${g.total}`]), [
      ['Acme', ['I-4'], '0/1'],
      ['Globex', ['I-2', 'I-1'], '1/2'],
      ['(no customer)', ['I-3'], '0/1'],
    ]);
    assert.deepEqual(groups[1].children[0].children.map((c) => c.requirement.id), ['A-1']);
    assert.equal(groups[1].children[0].children[0].parent, groups[1].children[0]);
  });

  it('says importance, state and the other grouping\'s value', () => {
    const i = insight('I-1', { customer: 'Globex', segment: 'enterprise', importance: 3 });
    assert.equal(insightDescription(i, 'customer'), 'critical · not addressed · enterprise');
    assert.equal(insightDescription(i, 'segment'), 'critical · not addressed · Globex');
  });
});
