import * as assert from 'node:assert/strict';
import { NOW, memoryIndex } from '../../support/memoryWorkspace';
import { abs, all, at, req, show, workspace, yaml } from './helpers';

const roadmap = yaml(
  'roadmap:',
  '  - id: R-2020',
  '    title: Late',
  '    type: release',
  '    due: 2020-01-01',
  '    status: active',
  '  - id: R-2021',
  '    title: Late but finished',
  '    type: release',
  '    due: 2021-01-01',
  '    status: active',
  '  - id: R-2019',
  '    title: Closed',
  '    type: release',
  '    due: 2019-01-01',
  '    status: done',
  '  - id: R-2026',
  '    title: Due today',
  '    type: release',
  '    due: 2026-11-28',
  '    status: active',
);
const specs = yaml(
  'requirements:',
  ...req('PAY-1', { status: 'approved', roadmap: 'R-2020' }),
  ...req('PAY-2', { status: 'in-progress', roadmap: 'R-2020' }),
  ...req('PAY-3', { status: 'rejected', roadmap: 'R-2020' }),
  ...req('PAY-4', { status: 'implemented', roadmap: 'R-2021' }),
  ...req('PAY-5', { status: 'approved', roadmap: 'R-2019' }),
  ...req('PAY-6', { status: 'approved', roadmap: 'R-2026' }),
);

describe('rule: overdue-roadmap-item', () => {
  it('reports items past due, not done, with requirements not done; on the due value with those requirements related', () => {
    const index = workspace({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
    const found = all(index, ['overdue-roadmap-item']);
    assert.deepEqual(found.map(show), [
      'specs/roadmap.yaml:5:10 warning overdue-roadmap-item R-2020 is overdue: due 2020-01-01, still active, and 2 requirements are not done yet (PAY-1 and PAY-2)',
    ]);
    assert.deepEqual(found[0].range, at(5, 10, 10));
    assert.deepEqual(found[0].related, [
      { file: abs('specs/pay.yaml'), range: at(6, 13, 8), message: 'PAY-1 is approved' },
      { file: abs('specs/pay.yaml'), range: at(12, 13, 11), message: 'PAY-2 is in-progress' },
    ]);
  });

  it('follows the injected clock', () => {
    const { index, clock } = memoryIndex({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
    assert.deepEqual(all(index, ['overdue-roadmap-item']).map((d) => d.message.split(' ')[0]), ['R-2020']);
    clock.set(new Date(NOW.getTime() + 24 * 3600_000));
    assert.deepEqual(all(index, ['overdue-roadmap-item']).map((d) => d.message.split(' ')[0]), ['R-2020', 'R-2026']);
    assert.deepEqual(index.roadmapProgress().filter((p) => p.overdue).map((p) => p.item.id), ['R-2020', 'R-2026']);
  });

  it('clears when the outstanding requirements are done', () => {
    const index = workspace({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
    index.updateFile(abs('specs/pay.yaml'), specs.replace('status: approved\n    roadmap: R-2020', 'status: released\n    roadmap: R-2020').replace('status: in-progress', 'status: verified'));
    assert.deepEqual(all(index, ['overdue-roadmap-item']), []);
  });
});
