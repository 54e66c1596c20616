import * as assert from 'node:assert/strict';
import { memoryIndex } from '../../support/memoryWorkspace';
import { abs, all, at, req, show, workspace, yaml } from './helpers';

const roadmap = yaml(
  'roadmap:',
  '  - id: R-2026-Q1',
  '    title: First quarter',
  '    due: 2026-03-31',
  '  - id: R-2026-Q3',
  '    title: Third quarter',
  '    due: 2026-09-30',
  '  - id: M-1',
  '    title: Undated milestone of Q3',
  '    parent: R-2026-Q3',
  '  - id: R-X',
  '    title: No date anywhere',
);
const specs = yaml(
  'requirements:',
  ...req('PAY-3', { status: 'approved', roadmap: 'R-2026-Q1', depends_on: '[AUTH-2, AUTH-3, AUTH-4, AUTH-5, AUTH-6, AUTH-7]' }),
  ...req('AUTH-2', { status: 'in-progress', roadmap: 'R-2026-Q3' }),
  ...req('AUTH-3', { status: 'draft' }),
  ...req('AUTH-4', { status: 'implemented', roadmap: 'R-2026-Q3' }),
  ...req('AUTH-5', { status: 'approved', roadmap: 'M-1' }),
  ...req('AUTH-6', { status: 'approved', roadmap: 'R-X' }),
  ...req('AUTH-7', { status: 'approved', roadmap: 'R-2026-Q1' }),
  ...req('PAY-4', { status: 'released', roadmap: 'R-2026-Q1', depends_on: '[AUTH-2]' }),
);

describe('rule: roadmap-order', () => {
  it('reports dependencies planned later (an undated milestone is due with its release) or not planned and unfinished, on the depends_on entry', () => {
    const { index } = memoryIndex({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
    const found = all(index, ['roadmap-order']);
    assert.deepEqual(found.map(show), [
      'specs/pay.yaml:8:18 warning roadmap-order PAY-3 (R-2026-Q1, due 2026-03-31) depends on AUTH-2, planned for R-2026-Q3 (due 2026-09-30)',
      'specs/pay.yaml:8:26 warning roadmap-order PAY-3 (R-2026-Q1, due 2026-03-31) depends on AUTH-3, still draft and not planned for any roadmap item',
      'specs/pay.yaml:8:42 warning roadmap-order PAY-3 (R-2026-Q1, due 2026-03-31) depends on AUTH-5, planned for M-1 (due 2026-09-30)',
    ]);
    assert.deepEqual(found[0]?.range, at(8, 18, 6));
    assert.deepEqual(found[0]?.related, [{ file: abs('specs/pay.yaml'), range: at(9, 9, 6), message: 'AUTH-2 is planned for R-2026-Q3, due 2026-09-30' }]);
    assert.deepEqual(found[1]?.related, [{ file: abs('specs/pay.yaml'), range: at(15, 9, 6), message: 'AUTH-3 is still draft and has no roadmap item' }]);
  });

  it('follows edits of the dependency and of the roadmap dates', () => {
    const ws = memoryIndex({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
    const codes = () => all(ws.index, ['roadmap-order']).map((d) => d.message.split(' depends on ')[1]?.split(',')[0]);
    assert.deepEqual(codes(), ['AUTH-2', 'AUTH-3', 'AUTH-5']);
    ws.set('specs/pay.yaml', specs.replace('status: in-progress', 'status: verified'));
    assert.deepEqual(codes(), ['AUTH-3', 'AUTH-5']);
    ws.set('specs/roadmap.yaml', roadmap.replace('due: 2026-09-30', 'due: 2026-03-01'));
    assert.deepEqual(codes(), ['AUTH-3']);
    ws.set('specs/roadmap.yaml', roadmap.replace('due: 2026-03-31', 'due: 2026-12-31'));
    assert.deepEqual(codes(), ['AUTH-3']);
    ws.set('specs/pay.yaml', specs);
    assert.deepEqual(codes(), ['AUTH-3']);
    ws.set('specs/roadmap.yaml', roadmap);
    assert.deepEqual(codes(), ['AUTH-2', 'AUTH-3', 'AUTH-5']);
  });

  it('follows what a dependent reads of a dependency in another file (status, plan, place) and nothing else', () => {
    const pay = yaml('requirements:', ...req('PAY-3', { status: 'approved', roadmap: 'R-2026-Q1', depends_on: '[AUTH-2, AUTH-3]' }));
    const auth = yaml('requirements:', ...req('AUTH-2', { status: 'in-progress', roadmap: 'R-2026-Q3' }), ...req('AUTH-3', { status: 'draft' }));
    const ws = memoryIndex({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': pay, 'specs/auth.yaml': auth });
    const steps: [string, string][] = [
      ['typing in a title', auth.replace('title: Requirement AUTH-2', 'title: Requirement AUTH-2 of the login')],
      ['a plan moved earlier', auth.replace('roadmap: R-2026-Q3', 'roadmap: R-2026-Q1')],
      ['a status done', auth.replace('status: draft', 'status: verified')],
      ['a line above both', auth.replace('requirements:\n', 'requirements:\n  # owned by the identity team\n')],
      ['back as it was', auth],
    ];
    for (const [what, text] of steps) {
      ws.set('specs/auth.yaml', text);
      const fresh = workspace({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': pay, 'specs/auth.yaml': text });
      assert.deepEqual(all(ws.index, ['roadmap-order']), all(fresh, ['roadmap-order']), what);
    }
    ws.set('specs/auth.yaml', auth.replace('requirements:\n', 'requirements:\n  # owned by the identity team\n'));
    assert.deepEqual(
      all(ws.index, ['roadmap-order']).map((d) => d.related?.[0]?.range.start.line),
      [2, 8],
      'the related information follows the dependencies down a line',
    );
  });
});
