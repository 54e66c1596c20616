import * as assert from 'node:assert/strict';
import type { RequirementNode, RoadmapItemNode } from '../../../server/src/shared/protocol';
import { countStages } from '../../../server/src/shared/statusStages';
import { buildRoadmapNodes, roadmapDescription } from '../../../client/src/views/roadmapModel';
import type { RoadmapViewNode } from '../../../client/src/views/roadmapModel';

const FOLDER = 'file:///ws';
const location = { uri: `${FOLDER}/specs/roadmap.yaml`, range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } } };

function item(id: string, due: string | undefined, extra: Partial<RoadmapItemNode> = {}): RoadmapItemNode {
  return { id, title: `Item ${id}`, type: 'release', status: 'planned', start: undefined, due, parent: undefined, location, requirementIds: [], done: 0, total: 0, stages: [], overdue: false, ...extra };
}

function requirement(id: string): RequirementNode {
  return { id, title: id, status: 'in-progress', priority: 'must', type: 'story', owner: undefined, tags: [], roadmap: undefined, parent: undefined, product: undefined, location, implementations: [], tests: [], coverage: 'uncovered', problems: 0, rev: 1, suspect: 0 };
}

/** The tree as nested IDs: an item with children is `{ id: [...] }`. */
function shape(nodes: readonly RoadmapViewNode[]): unknown[] {
  return nodes.map((n) => (n.kind === 'roadmapItem' ? (n.children.length > 0 ? { [n.item.id]: shape(n.children) } : n.item.id) : `req ${n.id}`));
}

describe('client: Roadmap view model', () => {
  it('nests milestones under their parent release, each level by due date, sub-items before requirements', () => {
    const items = [
      item('R-2027', '2027-06-30'),
      item('M-2', '2027-02-26', { type: 'milestone', parent: 'R-2027', requirementIds: ['PAY-4'] }),
      item('R-2026', '2026-06-30', { requirementIds: ['CART-1'] }),
      item('M-1', '2026-03-31', { type: 'milestone', parent: 'R-2026' }),
      item('M-0', '2026-01-31', { type: 'milestone', parent: 'R-2026' }),
      item('LOOSE', undefined, { parent: 'NOPE' }),
    ];
    const roots = buildRoadmapNodes([{ folderUri: FOLDER, items }], { folders: [{ folderUri: FOLDER, name: 'ws', requirements: [requirement('CART-1'), requirement('PAY-4')] }] });
    assert.deepEqual(shape(roots), [{ 'R-2026': ['M-0', 'M-1', 'req CART-1'] }, { 'R-2027': [{ 'M-2': ['req PAY-4'] }] }, 'LOOSE']);
    const m2 = roots[1].children[0];
    assert.ok(m2.kind === 'roadmapItem');
    assert.equal(m2.parent, roots[1], 'reveal can walk up from a milestone to its release');
    const pay4 = m2.children[0];
    assert.ok(pay4.kind === 'requirement' && pay4.req?.id === 'PAY-4' && pay4.parent === m2);
  });

  it('survives parent cycles and self-parents: the items stay at the top', () => {
    const items = [item('A', '2026-01-01', { parent: 'B' }), item('B', '2026-02-01', { parent: 'A' }), item('C', '2026-03-01', { parent: 'C' })];
    const roots = buildRoadmapNodes([{ folderUri: FOLDER, items }], { folders: [] });
    const ids = (nodes: readonly RoadmapViewNode[]): string[] => nodes.flatMap((n) => (n.kind === 'roadmapItem' ? [n.item.id, ...ids(n.children)] : []));
    assert.deepEqual(ids(roots).sort(), ['A', 'B', 'C'], 'every item shown once');
    assert.ok(roots.some((r) => r.item.id === 'C'));
  });

  it('describes progress by stage with the due date first, instead of "0/4 done"', () => {
    const m2 = item('M-2', '2027-02-26', { status: 'active', done: 0, total: 4, stages: countStages(['in-progress', 'in-progress', 'in-progress', 'in-progress']) });
    assert.equal(roadmapDescription(m2, 2026), 'due 26 Feb 2027 · 4 in progress · active');
    assert.equal(roadmapDescription(m2, 2027), 'due 26 Feb · 4 in progress · active');
    const late = item('M-1', '2026-03-31', { overdue: true, stages: countStages(['implemented', 'in-progress', 'approved']) });
    assert.equal(roadmapDescription(late, 2026), 'overdue · due 31 Mar · 1 done · 1 in progress · 1 planned');
    assert.equal(roadmapDescription(item('R-9', undefined, { status: undefined }), 2026), 'no requirements');
  });
});
