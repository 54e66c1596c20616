import * as assert from 'node:assert/strict';
import { abs, all, at, req, show, workspace, yaml } from './helpers';

const roadmap = yaml('roadmap:', '  - id: R-2026-Q1', '    title: First quarter', '    type: release', '  - id: R-2026-Q2', '    title: Second quarter', '    type: release');

describe('rule: unknown-reference', () => {
  it('reports roadmap, parent and depends_on naming nothing, with a did-you-mean and fix data', () => {
    const index = workspace({
      'specs/roadmap.yaml': roadmap,
      'specs/pay.yaml': yaml(
        'requirements:',
        ...req('PAY-1'),
        ...req('PAY-2', { roadmap: 'R-2026-Q3', parent: 'PAY-11', depends_on: '[PAY-1, ZZZ-9]' }),
      ),
    });
    const found = all(index, ['unknown-reference']);
    assert.deepEqual(found.map(show), [
      'specs/pay.yaml:12:14 error unknown-reference Unknown roadmap item R-2026-Q3 in “roadmap” — did you mean R-2026-Q1?',
      'specs/pay.yaml:13:13 error unknown-reference Unknown requirement PAY-11 in “parent” — did you mean PAY-1?',
      'specs/pay.yaml:14:25 error unknown-reference Unknown requirement ZZZ-9 in “depends_on”: no spec file defines it',
    ]);
    assert.deepEqual(found[0].range, at(12, 14, 9));
    assert.deepEqual(found[0].data, { kind: 'unknown-id', id: 'R-2026-Q3', targetKind: 'roadmap' });
    assert.equal(found[0].related, undefined);
    assert.deepEqual(found[1].data, { kind: 'unknown-id', id: 'PAY-11', targetKind: 'requirement' });
    assert.equal(found[2].related, undefined);
  });

  it('reports an ID of the wrong kind without offering a stub', () => {
    const index = workspace({
      'specs/roadmap.yaml': roadmap,
      'specs/pay.yaml': yaml('requirements:', ...req('PAY-1'), ...req('PAY-2', { roadmap: 'PAY-1', parent: 'R-2026-Q1' })),
    });
    const found = all(index, ['unknown-reference']);
    assert.deepEqual(found.map(show), [
      'specs/pay.yaml:12:14 error unknown-reference “roadmap” must name a roadmap item, but PAY-1 is a requirement',
      'specs/pay.yaml:13:13 error unknown-reference “parent” must name a requirement, but R-2026-Q1 is a roadmap item',
    ]);
    assert.equal(found[0].data, undefined);
    assert.deepEqual(found[0].related, [{ file: abs('specs/pay.yaml'), range: at(2, 9, 5), message: 'PAY-1 is defined here as a requirement' }]);
  });

  it('goes away when the missing item is added, and the suggestion follows new IDs', () => {
    const index = workspace({ 'specs/pay.yaml': yaml('requirements:', ...req('ORD-2', { parent: 'PAY-11' })) });
    assert.deepEqual(all(index, ['unknown-reference']).map((d) => d.message), ['Unknown requirement PAY-11 in “parent”: no spec file defines it']);
    index.updateFile(abs('specs/more.yaml'), yaml('requirements:', ...req('PAY-1')));
    assert.deepEqual(all(index, ['unknown-reference']).map((d) => d.message), ['Unknown requirement PAY-11 in “parent” — did you mean PAY-1?']);
    index.updateFile(abs('specs/more.yaml'), yaml('requirements:', ...req('PAY-1'), ...req('PAY-11')));
    assert.deepEqual(all(index, ['unknown-reference']), []);
    index.removeFile(abs('specs/more.yaml'));
    assert.deepEqual(all(index, ['unknown-reference']).map((d) => d.message), ['Unknown requirement PAY-11 in “parent”: no spec file defines it']);
  });
});
