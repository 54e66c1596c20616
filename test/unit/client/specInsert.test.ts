import * as assert from 'node:assert/strict';
import { commonPrefix, planInsertionAfterItem, planRequirementInsertion, yamlScalar } from '../../../client/src/commands/specInsert';
import type { InsertionPlan } from '../../../client/src/commands/specInsert';

/** Applies a plan with an item the way the command does (the lead, then the item on its own line). */
function apply(text: string, plan: InsertionPlan, item = '- id: NEW-1'): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(plan.start)) + plan.lead + plan.indent + item + text.slice(offset(plan.end));
}

describe('client: New Requirement insertion point', () => {
  it('appends after the last item, before the next top-level key and its comment', () => {
    const text = 'product: x\nrequirements:\n  - id: A-1\n    title: One\n  - id: A-2\n    title: Two\n\n# roadmap follows\nroadmap:\n  - id: R-1\n';
    assert.equal(apply(text, planRequirementInsertion(text)), 'product: x\nrequirements:\n  - id: A-1\n    title: One\n  - id: A-2\n    title: Two\n  - id: NEW-1\n\n# roadmap follows\nroadmap:\n  - id: R-1\n');
  });

  it('keeps blank lines between items when the list has them, and the list indentation', () => {
    const text = 'requirements:\n- id: A-1\n  title: One\n\n- id: A-2\n  title: Two\n';
    assert.equal(apply(text, planRequirementInsertion(text)), 'requirements:\n- id: A-1\n  title: One\n\n- id: A-2\n  title: Two\n\n- id: NEW-1\n');
  });

  it('fills an empty list and a flow []', () => {
    assert.equal(apply('requirements:\n', planRequirementInsertion('requirements:\n')), 'requirements:\n  - id: NEW-1\n');
    assert.equal(apply('a: 1\nrequirements: []  # none yet\nb: 2\n', planRequirementInsertion('a: 1\nrequirements: []  # none yet\nb: 2\n')), 'a: 1\nrequirements:\n  - id: NEW-1\nb: 2\n');
  });

  it('adds the key to a file without one, with or without a final newline, and to an empty file', () => {
    assert.equal(apply('roadmap: []\n', planRequirementInsertion('roadmap: []\n')), 'roadmap: []\n\nrequirements:\n  - id: NEW-1');
    assert.equal(apply('roadmap: []', planRequirementInsertion('roadmap: []')), 'roadmap: []\n\nrequirements:\n  - id: NEW-1');
    assert.equal(apply('', planRequirementInsertion('')), 'requirements:\n  - id: NEW-1');
  });

  it('always leaves the item at column 0 of an empty line (so the editor adds no indentation)', () => {
    for (const text of ['requirements:\n  - id: A-1\n', 'requirements:\n', 'x: 1', '', 'requirements: []\n']) {
      const plan = planRequirementInsertion(text);
      assert.ok(plan.lead.endsWith('\n'), JSON.stringify(text));
    }
  });

  it('writes CRLF files with CRLF', () => {
    const text = 'requirements:\r\n  - id: A-1\r\n';
    const plan = planRequirementInsertion(text, '\r\n');
    assert.equal(plan.lead, '\r\n');
    assert.deepEqual(plan.start, { line: 1, character: '  - id: A-1'.length });
  });

  it('quotes titles only when plain YAML would read them differently', () => {
    assert.equal(yamlScalar('Pay with a saved card'), 'Pay with a saved card');
    assert.equal(yamlScalar('Export: all'), '"Export: all"');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('1.5'), '"1.5"');
    assert.equal(yamlScalar('- a list?'), '"- a list?"');
    assert.equal(yamlScalar('say "hi" # now'), '"say \\"hi\\" # now"');
    assert.equal(yamlScalar('Ünïcode title'), 'Ünïcode title');
  });

  it('picks the most used ID prefix', () => {
    assert.equal(commonPrefix(['PAY-1', 'PAY-2', 'CART-1']), 'PAY');
    assert.equal(commonPrefix(['REQ1', 'REQ2']), 'REQ');
    assert.equal(commonPrefix([]), undefined);
  });

  it('puts a child right after its parent item, before the next item and keeping blank lines between items', () => {
    const text = 'requirements:\n  - id: A-1\n    title: One\n    acceptance:\n      - it works\n    # about A-1\n\n  - id: B-1\n    title: Two\n\n# roadmap\nroadmap: []\n';
    // From the id line, or another key line of the item.
    for (const line of [1, 2, 3]) {
      assert.equal(apply(text, planInsertionAfterItem(text, line) as InsertionPlan), 'requirements:\n  - id: A-1\n    title: One\n    acceptance:\n      - it works\n    # about A-1\n\n  - id: NEW-1\n\n  - id: B-1\n    title: Two\n\n# roadmap\nroadmap: []\n', `from line ${line}`);
    }
    // The last item: before the comment at the list's level and the next key.
    assert.equal(apply(text, planInsertionAfterItem(text, 7) as InsertionPlan), 'requirements:\n  - id: A-1\n    title: One\n    acceptance:\n      - it works\n    # about A-1\n\n  - id: B-1\n    title: Two\n\n  - id: NEW-1\n\n# roadmap\nroadmap: []\n');
  });

  it('finds the item whose id is not on its dash line, and refuses lines outside the requirements list', () => {
    const text = 'requirements:\n- title: One\n  id: A-1\n- id: A-2\nroadmap:\n  - id: R-1\n';
    assert.equal(apply(text, planInsertionAfterItem(text, 2) as InsertionPlan), 'requirements:\n- title: One\n  id: A-1\n- id: NEW-1\n- id: A-2\nroadmap:\n  - id: R-1\n');
    assert.equal(planInsertionAfterItem(text, 5), undefined, 'a roadmap item');
    assert.equal(planInsertionAfterItem(text, 0), undefined, 'the key itself');
    assert.equal(planInsertionAfterItem(text, 99), undefined);
  });
});
