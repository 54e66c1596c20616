// What New Requirement proposes and writes: parent under the cursor, prefixes, the place of a child,
// the order of roadmap items, owners and priorities, and the fields of the new item.
import * as assert from 'node:assert/strict';
import type { RequirementNode, RoadmapItemNode } from '../../../server/src/shared/protocol';
import { childPrefix, draftFields, orderRoadmapItems, ownersByUse, prefixesByUse, requirementAt, subtreeEndLine } from '../../../client/src/commands/requirementDraft';
import { requirementEnum } from '../../../client/src/commands/requirementEnums';

const FILE = 'file:///ws/specs/checkout.yaml';
function req(id: string, line: number, extra: Partial<RequirementNode> = {}): RequirementNode {
  return {
    id,
    title: `Title of ${id}`,
    status: 'draft',
    priority: 'should',
    type: 'story',
    owner: undefined,
    tags: [],
    roadmap: undefined,
    parent: undefined,
    product: undefined,
    location: { uri: FILE, range: { start: { line, character: 8 }, end: { line, character: 8 + id.length } } },
    implementations: [],
    tests: [],
    coverage: 'uncovered',
    problems: 0,
    rev: 1,
    suspect: 0,
    ...extra,
  };
}
function item(id: string, status: string, due?: string): RoadmapItemNode {
  return { id, title: id, type: 'release', status, start: undefined, due, parent: undefined, location: { uri: FILE, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, requirementIds: [], done: 0, total: 0, stages: [], overdue: false };
}

// checkout.yaml: an epic PAY-1 with a feature CART-1 whose stories are CART-2 and CART-3; PAY-2 after them.
const PAY1 = req('PAY-1', 1, { type: 'epic', owner: 'payments-pm', roadmap: 'R-2027' });
const CART1 = req('CART-1', 10, { parent: 'PAY-1', owner: 'payments-pm' });
const CART2 = req('CART-2', 20, { parent: 'CART-1', owner: 'cart-team' });
const CART3 = req('CART-3', 30, { parent: 'CART-1' });
const PAY2 = req('PAY-2', 40, { parent: 'PAY-1', owner: 'payments-pm' });
const ELSEWHERE = req('CART-9', 5, { parent: 'CART-1', location: { uri: 'file:///ws/specs/other.yaml', range: { start: { line: 99, character: 0 }, end: { line: 99, character: 6 } } } });
const REQS = [PAY1, CART1, CART2, CART3, PAY2, ELSEWHERE];

describe('client: New Requirement draft', () => {
  it('takes the ID prefix from the parent: what its children use, else its own', () => {
    assert.equal(childPrefix(REQS, CART1), 'CART');
    assert.equal(childPrefix(REQS, CART3), 'CART', 'no children yet: the parent’s own prefix');
    assert.deepEqual(prefixesByUse(['PAY-1', 'CART-1', 'CART-2', 'PAY-2', 'CART-3']), ['CART', 'PAY']);
  });

  it('puts a child after the last item of its parent’s subtree in the parent’s file', () => {
    assert.equal(subtreeEndLine(REQS, CART1), 30);
    assert.equal(subtreeEndLine(REQS, PAY1), 40);
    assert.equal(subtreeEndLine(REQS, CART3), 30, 'no children: the parent itself');
    const cycle = [req('A-1', 1, { parent: 'A-2' }), req('A-2', 2, { parent: 'A-1' })];
    assert.equal(subtreeEndLine(cycle, cycle[0]), 2, 'a parent cycle ends');
  });

  it('suggests the requirement the cursor is in, not across a top-level key', () => {
    const lines = Array.from({ length: 60 }, (_, i) => (i === 50 ? 'roadmap:' : '    field: x'));
    assert.equal(requirementAt(REQS, FILE, lines, 12)?.id, 'CART-1');
    assert.equal(requirementAt(REQS, FILE, lines, 45)?.id, 'PAY-2');
    assert.equal(requirementAt(REQS, FILE, lines, 55), undefined, 'in the roadmap list');
    assert.equal(requirementAt(REQS, FILE, lines, 0), undefined, 'above the first requirement');
    assert.equal(requirementAt(REQS, 'file:///ws/src/pay.ts', lines, 12), undefined);
  });

  it('offers roadmap items active first, then by due date, done ones last', () => {
    const ordered = orderRoadmapItems([item('R-old', 'done', '2026-01-31'), item('R-b', 'planned', '2027-06-30'), item('R-a', 'planned', '2027-03-31'), item('R-undated', 'planned'), item('R-now', 'active', '2027-09-30')]);
    assert.deepEqual(ordered.map((i) => i.id), ['R-now', 'R-a', 'R-b', 'R-undated', 'R-old']);
  });

  it('offers owners most used first, and priorities in MoSCoW order', () => {
    assert.deepEqual(ownersByUse(REQS), ['payments-pm', 'cart-team']);
    assert.deepEqual(requirementEnum('priority'), ['must', 'should', 'could', 'wont']);
    assert.deepEqual(requirementEnum('status').slice(0, 4), ['draft', 'proposed', 'approved', 'in-progress']);
  });

  it('writes the given fields and what every requirement needs, never placeholder text', () => {
    const choices = { type: ['story', 'epic'], priority: ['should', 'must'] };
    assert.deepEqual(draftFields({ id: 'CART-4', title: ' Save the cart: later ', priority: 'must', owner: 'cart-team', roadmap: 'M-1', parent: 'CART-1', type: 'story' }, choices), [
      { key: 'id', value: 'CART-4' },
      { key: 'title', value: '"Save the cart: later"' },
      { key: 'type', value: 'story' },
      { key: 'priority', value: 'must' },
      { key: 'status', value: 'draft' },
      { key: 'owner', value: 'cart-team' },
      { key: 'roadmap', value: 'M-1' },
      { key: 'parent', value: 'CART-1' },
    ]);
    assert.deepEqual(draftFields({ id: 'X-1', title: 'Plain', owner: '' }, choices), [
      { key: 'id', value: 'X-1' },
      { key: 'title', value: 'Plain' },
      { key: 'type', choices: ['story', 'epic'] },
      { key: 'priority', choices: ['should', 'must'] },
      { key: 'status', value: 'draft' },
    ]);
  });
});
