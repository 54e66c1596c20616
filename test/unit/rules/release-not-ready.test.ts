import * as assert from 'node:assert/strict';
import { NOW, memoryIndex } from '../../support/memoryWorkspace';
import { abs, all, at, req, show, yaml } from './helpers';

// Today is 2026-11-28 (the tests' clock).
const roadmap = yaml(
  'roadmap:',
  '  - id: R-DONE',
  '    title: Shipped',
  '    status: done',
  '  - id: R-SOON',
  '    title: Due in 14 days',
  '    due: 2026-12-12',
  '    status: active',
  '  - id: M-1',
  '    title: Milestone of R-SOON',
  '    parent: R-SOON',
  '  - id: R-LATER',
  '    title: Due in 15 days',
  '    due: 2026-12-13',
  '  - id: R-READY',
  '    title: Done and ready',
  '    status: done',
);
const config = yaml('coverage:', '  - priority: [must]', '    status: [implemented]', '    implementations: 1', '    tests: 1');
const specs = yaml(
  'requirements:',
  ...req('PAY-1', { status: 'in-progress', roadmap: 'R-DONE' }),
  ...req('PAY-2', { status: 'implemented', priority: 'must', roadmap: 'R-DONE' }),
  ...req('PAY-3', { status: 'approved', roadmap: 'M-1' }),
  ...req('PAY-4', { status: 'rejected', roadmap: 'R-SOON' }),
  ...req('PAY-5', { status: 'approved', roadmap: 'R-LATER' }),
  ...req('PAY-6', { status: 'released', roadmap: 'R-READY' }),
);

describe('rule: release-not-ready', () => {
  it('reports done items and items due within warnDays with unfinished or uncovered requirements, below them too, at the status', () => {
    const { index } = memoryIndex({ 'spectrace.yaml': config, 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
    const found = all(index, ['release-not-ready']);
    assert.deepEqual(found.map(show), [
      'specs/roadmap.yaml:4:13 info release-not-ready R-DONE is done but not ready: 1 requirement unfinished (PAY-1) and 1 short of the coverage policy (PAY-2)',
      'specs/roadmap.yaml:8:13 info release-not-ready R-SOON is due 2026-12-12 (in 14 days) but not ready: 1 requirement unfinished (PAY-3)',
    ]);
    assert.deepEqual(found[0]?.range, at(4, 13, 4));
    assert.deepEqual(found[0]?.related, [
      { file: abs('specs/pay.yaml'), range: at(6, 13, 11), message: 'PAY-1 is in-progress' },
      { file: abs('specs/pay.yaml'), range: at(12, 13, 11), message: 'PAY-2 has 0 implementations and 0 tests: short of the coverage policy' },
    ]);
  });

  it('reads releases.warnDays, follows the clock, and the coverage of the requirements', () => {
    const ws = memoryIndex({ 'spectrace.yaml': `${config}releases:\n  warnDays: 15\n`, 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
    const ids = () => all(ws.index, ['release-not-ready']).map((d) => d.message.split(' ')[0]);
    assert.deepEqual(ids(), ['R-DONE', 'R-SOON', 'R-LATER']);
    ws.clock.set(new Date(NOW.getTime() + 15 * 86_400_000));
    assert.deepEqual(ids(), ['R-DONE', 'R-LATER']);
    ws.set('src/pay.ts', '// @implements PAY-2\n// @verifies PAY-2\n');
    assert.match(all(ws.index, ['release-not-ready'])[0]?.message ?? '', /^R-DONE is done but not ready: 1 requirement unfinished \(PAY-1\)$/);
  });

  it('names suspect links when change review is on; an item due today says so', () => {
    const reviewed = yaml('review: {}', 'coverage: []');
    const items = yaml('roadmap:', '  - id: R-1', '    title: Today', '    due: 2026-11-28');
    const reqs = yaml('requirements:', ...req('PAY-1', { status: 'implemented', roadmap: 'R-1', rev: '2' }));
    const { index } = memoryIndex({ 'spectrace.yaml': reviewed, 'specs/roadmap.yaml': items, 'specs/pay.yaml': reqs, 'src/pay.ts': '// @implements PAY-1@1\n' });
    assert.deepEqual(all(index, ['release-not-ready']).map(show), [
      'specs/roadmap.yaml:4:10 info release-not-ready R-1 is due 2026-11-28 (today) but not ready: 1 with suspect links (PAY-1)',
    ]);
  });

  it('follows edits below the item: a milestone moved out of the release, a requirement finished', () => {
    const ws = memoryIndex({ 'spectrace.yaml': config, 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
    const soon = () => all(ws.index, ['release-not-ready']).filter((d) => d.message.startsWith('R-SOON')).length;
    assert.equal(soon(), 1);
    ws.set('specs/roadmap.yaml', roadmap.replace('parent: R-SOON', 'parent: R-LATER'));
    assert.equal(soon(), 0);
    ws.set('specs/roadmap.yaml', roadmap);
    assert.equal(soon(), 1);
    ws.set('specs/pay.yaml', specs.replace('status: approved', 'status: verified'));
    assert.equal(soon(), 0);
  });
});
