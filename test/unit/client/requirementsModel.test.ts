import * as assert from 'node:assert/strict';
import type { RequirementNode, RequirementsTreeResult, RoadmapItemNode, RoadmapResult } from '../../../server/src/shared/protocol';
import { EMPTY_FILTER, describeFilter, filterChoices, isFilterActive, matchesFilter, parseFilter } from '../../../client/src/views/filter';
import { buildRequirementsModel, byDueDate, requirementDescription } from '../../../client/src/views/requirementsModel';
import type { ModelNode, ModelOptions, RequirementTreeNode } from '../../../client/src/views/requirementsModel';

const FOLDER = 'file:///ws';
const loc = (file: string, line: number) => ({ uri: `${FOLDER}/${file}`, range: { start: { line, character: 6 }, end: { line, character: 11 } } });

function req(id: string, extra: Partial<RequirementNode> = {}): RequirementNode {
  return {
    id,
    title: `Title of ${id}`,
    status: 'approved',
    priority: 'must',
    type: 'story',
    owner: 'pm',
    tags: [],
    roadmap: undefined,
    parent: undefined,
    product: 'shop',
    location: loc('specs/a.yaml', 1),
    implementations: [],
    tests: [],
    coverage: 'uncovered',
    problems: 0,
    rev: 1,
    suspect: 0,
    ...extra,
  };
}

function item(id: string, due: string | undefined): RoadmapItemNode {
  return { id, title: `Item ${id}`, type: 'release', status: 'planned', start: undefined, due, parent: undefined, location: loc('specs/roadmap.yaml', 1), requirementIds: [], done: 0, total: 0, stages: [], overdue: false };
}

const tree = (requirements: RequirementNode[]): RequirementsTreeResult => ({ folders: [{ folderUri: FOLDER, name: 'ws', requirements }] });
const roadmap = (items: RoadmapItemNode[]): RoadmapResult => ({ folders: [{ folderUri: FOLDER, name: 'ws', items }] });
const opts = (o: Partial<ModelOptions> = {}): ModelOptions => ({ filter: EMPTY_FILTER, grouping: 'product', fileLabel: (u) => u.slice(FOLDER.length + 1), ...o });

function shape(nodes: readonly ModelNode[]): unknown[] {
  return nodes.map((n) => (n.kind === 'requirement' ? (n.children.length ? { [n.req.id]: shape(n.children) } : n.req.id) : { [n.label]: shape(n.children) }));
}

describe('client: requirements tree model', () => {
  it('groups by product and nests by parent, keeping file order', () => {
    const m = buildRequirementsModel(
      tree([req('P-1'), req('P-3', { parent: 'P-2' }), req('P-2', { parent: 'P-1' }), req('Q-1', { product: 'other' }), req('X-1', { product: undefined })]),
      undefined,
      opts(),
    );
    assert.deepEqual(shape(m.roots), [{ shop: [{ 'P-1': [{ 'P-2': ['P-3'] }] }] }, { other: ['Q-1'] }, { '(no product)': ['X-1'] }]);
    const p3 = m.byId.get('P-3') as RequirementTreeNode;
    assert.equal((p3.parent as RequirementTreeNode).req.id, 'P-2');
    assert.equal(m.shown, 5);
  });

  it('survives parent cycles, self-parents and unknown parents', () => {
    const m = buildRequirementsModel(tree([req('A-1', { parent: 'A-2' }), req('A-2', { parent: 'A-1' }), req('A-3', { parent: 'A-3' }), req('A-4', { parent: 'NOPE-1' })]), undefined, opts());
    // Every requirement appears exactly once, and walking up from any of them ends at the group.
    const seen: string[] = [];
    const visit = (nodes: readonly ModelNode[]) => nodes.forEach((n) => (n.kind === 'requirement' && seen.push(n.req.id), visit(n.children)));
    visit(m.roots);
    assert.deepEqual(seen.sort(), ['A-1', 'A-2', 'A-3', 'A-4']);
    for (const id of seen) {
      let n: ModelNode | undefined = m.byId.get(id);
      for (let steps = 0; n && n.kind === 'requirement'; steps++) {
        assert.ok(steps < 10, `no loop above ${id}`);
        n = n.parent;
      }
    }
  });

  it('gives duplicate IDs distinct keys (VS Code rejects repeated tree item ids)', () => {
    const m = buildRequirementsModel(tree([req('D-1'), req('D-1', { location: loc('specs/b.yaml', 4) })]), undefined, opts());
    const group = m.roots[0];
    assert.equal(group.kind, 'group');
    const keys = group.children.map((c) => c.key);
    assert.equal(new Set(keys).size, 2);
    assert.equal(m.byId.get('D-1')?.req.location.uri, `${FOLDER}/specs/a.yaml`, 'the first definition wins');
  });

  it('groups by file and by roadmap item (by due date, unplanned last)', () => {
    const reqs = [req('A-1', { roadmap: 'LATE' }), req('A-2', { roadmap: 'EARLY', location: loc('specs/b.yaml', 2) }), req('A-3'), req('A-4', { roadmap: 'GHOST' })];
    const byFile = buildRequirementsModel(tree(reqs), undefined, opts({ grouping: 'file' }));
    assert.deepEqual(byFile.roots.map((r) => r.label), ['specs/a.yaml', 'specs/b.yaml']);
    const byRoadmap = buildRequirementsModel(tree(reqs), roadmap([item('LATE', '2027-01-01'), item('EARLY', '2026-01-01')]), opts({ grouping: 'roadmap' }));
    assert.deepEqual(byRoadmap.roots.map((r) => r.label), ['EARLY Item EARLY', 'LATE Item LATE', 'GHOST (unknown roadmap item)', '(not on the roadmap)']);
  });

  it('adds folder nodes only for a multi-root workspace', () => {
    const two: RequirementsTreeResult = { folders: [{ folderUri: 'file:///a', name: 'a', requirements: [req('A-1')] }, { folderUri: 'file:///b', name: 'b', requirements: [req('A-1')] }] };
    const m = buildRequirementsModel(two, undefined, opts());
    assert.deepEqual(m.roots.map((r) => [r.kind, r.label]), [['folder', 'a'], ['folder', 'b']]);
    assert.notEqual(m.roots[0].children[0].key, m.roots[1].children[0].key);
  });

  it('filters: OR inside a dimension, AND across; a filtered-out parent lifts its children', () => {
    const reqs = [req('F-1', { status: 'draft' }), req('F-2', { parent: 'F-1', tags: ['mobile'] }), req('F-3', { status: 'released', tags: ['web'] })];
    const m = buildRequirementsModel(tree(reqs), undefined, opts({ filter: { ...EMPTY_FILTER, status: ['approved', 'released'] } }));
    assert.deepEqual(shape(m.roots), [{ shop: ['F-2', 'F-3'] }]);
    assert.deepEqual([m.shown, m.total], [2, 3]);
    const f = { ...EMPTY_FILTER, status: ['approved', 'released'], tag: ['mobile'] };
    assert.deepEqual(reqs.filter((r) => matchesFilter(r, f)).map((r) => r.id), ['F-2']);
    assert.equal(describeFilter(f), 'status: approved, released · tag: mobile');
    assert.equal(isFilterActive(EMPTY_FILTER), false);
    assert.deepEqual(filterChoices(reqs).tag, ['mobile', 'web']);
  });

  it("offers statuses in lifecycle order and priorities in MoSCoW order in the filter's picker, not alphabetically", () => {
    const reqs = [
      req('A-1', { status: 'verified', priority: 'wont', owner: 'zoe' }),
      req('A-2', { status: 'approved', priority: 'could', owner: 'al' }),
      req('A-3', { status: 'draft', priority: 'must' }),
      req('A-4', { status: 'in-progress', priority: 'should' }),
      req('A-5', { status: 'custom-review', priority: 'must' }),
    ];
    const choices = filterChoices(reqs);
    assert.deepEqual(choices.status, ['draft', 'approved', 'in-progress', 'verified', 'custom-review']);
    assert.deepEqual(choices.priority, ['must', 'should', 'could', 'wont']);
    assert.deepEqual(choices.owner, ['al', 'pm', 'zoe']);
  });

  it('reads stored filters defensively', () => {
    assert.deepEqual(parseFilter(undefined), EMPTY_FILTER);
    assert.deepEqual(parseFilter({ status: ['a', 3], tag: 'x', extra: [1] }), { ...EMPTY_FILTER, status: ['a'] });
  });

  it('describes a requirement priority first: "must · approved · partial · 2 impl · 1 test"', () => {
    assert.equal(requirementDescription(req('A-1', { coverage: 'partial', implementations: [loc('a.ts', 1), loc('b.ts', 1)], tests: [loc('t.ts', 1)] })), 'must · approved · partial · 2 impl · 1 test');
    assert.equal(requirementDescription(req('A-1', { status: undefined, priority: undefined, problems: 2 })), 'no status · uncovered · 0 impl · 0 tests · 2 errors');
    assert.equal(requirementDescription(req('A-1', { problems: 1 })), 'must · approved · uncovered · 0 impl · 0 tests · 1 error');
  });

  it('shows the real links of a requirement outside the policy, in the words the matrix uses', () => {
    const verified = req('CART-3', { status: 'verified', priority: 'should', coverage: 'not-required', implementations: [loc('src/cart.ts', 4)], tests: [loc('test/cart.test.ts', 9)] });
    assert.equal(requirementDescription(verified), 'should · verified · not required · 1 impl · 1 test');
    assert.equal(requirementDescription(req('PAY-1', { type: 'epic', status: 'in-progress', coverage: 'exempt' })), 'must · in-progress · exempt · 0 impl · 0 tests');
  });

  it('shows the revision and the suspect links of a requirement under review, as its code lens does', () => {
    const changed = req('PAY-1', { rev: 3, suspect: 1, coverage: 'partial', implementations: [loc('src/pay.ts', 1), loc('src/refund.ts', 1)], tests: [loc('test/pay.test.ts', 1)] });
    assert.equal(requirementDescription(changed), 'must · approved · partial · rev 3 · 2 impl · 1 test · 1 suspect');
    assert.equal(requirementDescription(req('PAY-2', { rev: 2 })), 'must · approved · uncovered · rev 2 · 0 impl · 0 tests');
    // Revision 1 is every requirement's: it says nothing unless a link is suspect.
    assert.equal(requirementDescription(req('PAY-3')), 'must · approved · uncovered · 0 impl · 0 tests');
  });

  it('sorts roadmap items by due date, undated last in file order', () => {
    assert.deepEqual(byDueDate([item('C', undefined), item('B', '2026-05-01'), item('D', undefined), item('A', '2026-01-01')]).map((i) => i.id), ['A', 'B', 'C', 'D']);
  });
});

describe('client: requirements sorted by score', () => {
  const score = (value: number) => ({ value, label: `RICE ${value}`, formula: `${value}` });

  it('highest score first within a group and under a parent, unscored after them as written', () => {
    const reqs = [
      req('A-1'),
      req('A-2', { score: score(10) }),
      req('A-3', { score: score(320) }),
      req('A-4'),
      req('A-5', { score: score(0) }),
      req('A-6', { parent: 'A-1', score: score(1) }),
      req('A-7', { parent: 'A-1', score: score(5) }),
    ];
    const ids = (nodes: ModelNode[]) => nodes.map((n) => (n.kind === 'requirement' ? n.req.id : n.label));
    const asWritten = buildRequirementsModel(tree(reqs), undefined, opts());
    assert.deepEqual(ids(asWritten.roots[0].children as ModelNode[]), ['A-1', 'A-2', 'A-3', 'A-4', 'A-5']);
    const byScore = buildRequirementsModel(tree(reqs), undefined, opts({ sort: 'score' }));
    const top = byScore.roots[0].children as RequirementTreeNode[];
    assert.deepEqual(ids(top), ['A-3', 'A-2', 'A-5', 'A-1', 'A-4']);
    assert.deepEqual(ids(top[3].children), ['A-7', 'A-6']);
  });

  it('a scored requirement says its score first and its insight count last', () => {
    assert.equal(requirementDescription(req('A-1', { score: score(320), insights: 2, customers: 1 })), 'RICE 320 · must · approved · uncovered · 0 impl · 0 tests · 2 insights');
  });
});
