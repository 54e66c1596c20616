import * as assert from 'node:assert/strict';
import { abs, all, at, req, show, workspace, yaml } from './helpers';

describe('rule: duplicate-id', () => {
  const files = {
    'specs/a.yaml': yaml('requirements:', ...req('PAY-1'), ...req('PAY-2')),
    'specs/b.yaml': yaml('requirements:', ...req('PAY-1'), ...req('PAY-7')),
  };

  it('reports every definition, pointing at the others, with the next free ID', () => {
    const index = workspace(files);
    const found = all(index, ['duplicate-id']);
    assert.deepEqual(found.map(show), [
      'specs/a.yaml:2:9 error duplicate-id Duplicate ID PAY-1: also defined in specs/b.yaml:2. IDs must be unique across the workspace (next free: PAY-8)',
      'specs/b.yaml:2:9 error duplicate-id Duplicate ID PAY-1: also defined in specs/a.yaml:2. IDs must be unique across the workspace (next free: PAY-8)',
    ]);
    assert.deepEqual(found[0].range, at(2, 9, 5));
    assert.equal(found[0].source, 'spectrace');
    assert.deepEqual(found[0].related, [{ file: abs('specs/b.yaml'), range: at(2, 9, 5), message: 'PAY-1 is also defined here' }]);
    assert.deepEqual(found[1].related, [{ file: abs('specs/a.yaml'), range: at(2, 9, 5), message: 'PAY-1 is also defined here' }]);
    assert.deepEqual(found[0].data, { kind: 'duplicate-id', id: 'PAY-1', suggestion: 'PAY-8' });
  });

  it('lists every other place when an ID is defined three times, also within one file', () => {
    const index = workspace({ 'specs/a.yaml': yaml('requirements:', ...req('PAY-1'), ...req('PAY-1'), ...req('PAY-1')) });
    const found = all(index, ['duplicate-id']);
    assert.equal(found.length, 3);
    assert.equal(found[0].message, 'Duplicate ID PAY-1: also defined in specs/a.yaml:7 and specs/a.yaml:12. IDs must be unique across the workspace (next free: PAY-2)');
    assert.equal(found[0].related?.length, 2);
  });

  it('counts a roadmap item and a requirement sharing an ID', () => {
    const index = workspace({
      'specs/a.yaml': yaml('requirements:', ...req('R-1')),
      'specs/roadmap.yaml': yaml('roadmap:', '  - id: R-1', '    title: Release one', '    type: release'),
    });
    assert.deepEqual(all(index, ['duplicate-id']).map((d) => `${show(d).split(' ')[0]}`), ['specs/a.yaml:2:9', 'specs/roadmap.yaml:2:9']);
  });

  it('updates the suggested ID when a higher one appears, and clears when the duplicate goes', () => {
    const index = workspace(files);
    assert.equal(all(index, ['duplicate-id']).length, 2);
    index.updateFile(abs('specs/c.yaml'), yaml('requirements:', ...req('PAY-41')));
    const data = all(index, ['duplicate-id']).map((d) => d.data);
    assert.deepEqual(data, [
      { kind: 'duplicate-id', id: 'PAY-1', suggestion: 'PAY-42' },
      { kind: 'duplicate-id', id: 'PAY-1', suggestion: 'PAY-42' },
    ]);
    index.updateFile(abs('specs/b.yaml'), yaml('requirements:', ...req('PAY-3'), ...req('PAY-7')));
    assert.deepEqual(all(index, ['duplicate-id']), []);
  });
});
