import * as assert from 'node:assert/strict';
import { abs, all, at, req, show, workspace, yaml } from './helpers';

const specs = {
  'specs/pay.yaml': yaml(
    'requirements:',
    ...req('PAY-1', { status: 'approved' }),
    ...req('PAY-2', { status: 'rejected' }),
    ...req('PAY-3', { status: 'deprecated' }),
  ),
  'specs/roadmap.yaml': yaml('roadmap:', '  - id: R-1', '    title: One', '    type: release'),
};

describe('rule: unknown-code-reference', () => {
  it('reports tags naming no requirement, in the code file on the ID, with a did-you-mean', () => {
    const index = workspace({
      ...specs,
      'src/pay.ts': '// @implements PAY-7, PAY-1\nexport const x = 1; // PAY-9 outside a tag is not a link\n',
      'src/shop.py': '# @verifies SHOP-3\n',
    });
    const found = all(index, ['unknown-code-reference']);
    assert.deepEqual(found.map(show), [
      'src/pay.ts:1:16 warning unknown-code-reference Unknown requirement PAY-7 — did you mean PAY-1?',
      'src/shop.py:1:13 warning unknown-code-reference Unknown requirement SHOP-3: no spec file defines it',
    ]);
    assert.deepEqual(found[0].range, at(1, 16, 5));
    assert.deepEqual(found[0].data, { kind: 'unknown-id', id: 'PAY-7', targetKind: 'requirement' });
    assert.equal(found[0].related, undefined);
  });

  it('reports a tag naming a roadmap item', () => {
    const index = workspace({ ...specs, 'src/pay.ts': '// @implements R-1\n' });
    assert.deepEqual(all(index, ['unknown-code-reference']).map(show), [
      'src/pay.ts:1:16 warning unknown-code-reference R-1 is a roadmap item, not a requirement: @implements names requirements',
    ]);
  });

  it('appears and disappears as the spec defining the ID comes and goes', () => {
    const index = workspace({ ...specs, 'src/pay.ts': '// @implements ORD-1\n' });
    assert.equal(all(index, ['unknown-code-reference']).length, 1);
    index.updateFile(abs('specs/orders.yaml'), yaml('requirements:', ...req('ORD-1')));
    assert.deepEqual(all(index, ['unknown-code-reference']), []);
    index.removeFile(abs('specs/orders.yaml'));
    assert.equal(all(index, ['unknown-code-reference']).length, 1);
  });
});

describe('rule: inactive-code-reference', () => {
  it('reports tags on rejected and deprecated requirements, pointing at their status', () => {
    const index = workspace({ ...specs, 'src/pay.ts': '// @implements PAY-1, PAY-2\n', 'test/pay.test.ts': '\n\n  // @verifies PAY-3\n' });
    const found = all(index, ['inactive-code-reference']);
    assert.deepEqual(found.map(show), [
      'src/pay.ts:1:23 warning inactive-code-reference PAY-2 is rejected: remove this @implements tag or point it at the requirement that replaced it',
      'test/pay.test.ts:3:16 warning inactive-code-reference PAY-3 is deprecated: remove this @verifies tag or point it at the requirement that replaced it',
    ]);
    assert.deepEqual(found[0].related, [{ file: abs('specs/pay.yaml'), range: at(11, 13, 8), message: 'PAY-2 is rejected here' }]);
  });

  it('clears when the requirement is active again', () => {
    const index = workspace({ ...specs, 'src/pay.ts': '// @implements PAY-2\n' });
    assert.equal(all(index, ['inactive-code-reference']).length, 1);
    index.updateFile(abs('specs/pay.yaml'), yaml('requirements:', ...req('PAY-2', { status: 'approved' })));
    assert.deepEqual(all(index, ['inactive-code-reference']), []);
  });
});

describe('unknown-code-reference with a look-alike ID', () => {
  it('suggests the ASCII ID once it exists, incrementally as after a rebuild', () => {
    const files = { 'specs/pay.yaml': yaml('requirements:', ...req('PAY-2')), 'src/pay.ts': '// @implements \u0420\u0410Y-1\n' };
    const index = workspace(files);
    const first = all(index, ['unknown-code-reference']).map((d) => d.message);
    index.updateFile(abs('specs/more.yaml'), yaml('requirements:', ...req('PAY-1')));
    const after = all(index, ['unknown-code-reference']).map((d) => d.message);
    const rebuilt = all(workspace({ ...files, 'specs/more.yaml': yaml('requirements:', ...req('PAY-1')) }), ['unknown-code-reference']).map((d) => d.message);
    assert.deepEqual(after, rebuilt);
    assert.ok(after[0].endsWith('did you mean PAY-1?'), after[0]);
    assert.notDeepEqual(first, after);
  });
});
