import * as assert from 'node:assert/strict';
import { abs, all, at, req, show, workspace, yaml } from './helpers';

describe('rule: dependency-cycle', () => {
  const files = {
    'specs/a.yaml': yaml('requirements:', ...req('PAY-1', { depends_on: '[PAY-2]' })),
    'specs/b.yaml': yaml('requirements:', ...req('PAY-2', { depends_on: '[PAY-3]' }), ...req('PAY-3', { depends_on: '[PAY-1]' }), ...req('PAY-4', { depends_on: '[PAY-3]' })),
  };

  it('reports each edge of the cycle with the path, and not the edge leading into it', () => {
    const index = workspace(files);
    const found = all(index, ['dependency-cycle']);
    const message = 'Dependency cycle: PAY-1 → PAY-2 → PAY-3 → PAY-1 — none of these can be done first; remove one depends_on link';
    assert.deepEqual(found.map(show), [`specs/a.yaml:7:18 error dependency-cycle ${message}`, `specs/b.yaml:7:18 error dependency-cycle ${message}`, `specs/b.yaml:13:18 error dependency-cycle ${message}`]);
    assert.deepEqual(found[0].range, at(7, 18, 5));
    assert.deepEqual(found[0].related, [
      { file: abs('specs/b.yaml'), range: at(7, 18, 5), message: 'PAY-2 → PAY-3 (depends_on)' },
      { file: abs('specs/b.yaml'), range: at(13, 18, 5), message: 'PAY-3 → PAY-1 (depends_on)' },
    ]);
  });

  it('reports a requirement depending on itself', () => {
    const index = workspace({ 'specs/a.yaml': yaml('requirements:', ...req('PAY-1', { depends_on: '[PAY-1]' })) });
    assert.deepEqual(all(index, ['dependency-cycle']).map((d) => d.message), [
      'Dependency cycle: PAY-1 → PAY-1 — none of these can be done first; remove one depends_on link',
    ]);
  });

  it('gives each edge of two cycles sharing a node a simple cycle through that edge', () => {
    const index = workspace({
      'specs/a.yaml': yaml('requirements:', ...req('A-1', { depends_on: '[A-2, A-3]' }), ...req('A-2', { depends_on: '[A-1]' }), ...req('A-3', { depends_on: '[A-1]' })),
    });
    const paths = all(index, ['dependency-cycle']).map((d) => /: (.*) —/.exec(d.message)?.[1]);
    assert.deepEqual(paths, ['A-1 → A-2 → A-1', 'A-1 → A-3 → A-1', 'A-1 → A-2 → A-1', 'A-1 → A-3 → A-1']);
  });

  it('clears when one edge is removed', () => {
    const index = workspace(files);
    index.updateFile(abs('specs/a.yaml'), yaml('requirements:', ...req('PAY-1')));
    assert.deepEqual(all(index, ['dependency-cycle']), []);
  });

  it('handles a 20,000-long chain closed into one cycle (iterative, messages shortened)', () => {
    const n = 20000;
    const files: Record<string, string> = {};
    // Four files: one would exceed the default maxFileSize.
    for (let f = 0; f < 4; f++) {
      const lines = ['requirements:'];
      for (let i = f * 5000 + 1; i <= (f + 1) * 5000; i++) lines.push(`  - id: C-${i}`, `    title: C${i}`, `    priority: must`, `    status: draft`, `    depends_on: [C-${i === n ? 1 : i + 1}]`);
      files[`specs/chain-${f}.yaml`] = yaml(...lines);
    }
    const found = all(workspace(files), ['dependency-cycle']);
    assert.equal(found.length, n);
    assert.equal(found[0].message, 'Dependency cycle: C-1 → C-2 → C-3 → C-4 → C-5 → C-6 → … (19991 more) → C-19998 → C-19999 → C-20000 → C-1 — none of these can be done first; remove one depends_on link');
    assert.equal(found[0].related?.length, 20);
    assert.equal(found[0].related?.[0].message, 'C-2 → C-3 (depends_on)');
  });
});

describe('rule: parent-cycle', () => {
  it('reports both parent values of a two-requirement cycle, not the child below it', () => {
    const index = workspace({
      'specs/a.yaml': yaml('requirements:', ...req('PAY-1', { parent: 'PAY-2' }), ...req('PAY-2', { parent: 'PAY-1' }), ...req('PAY-3', { parent: 'PAY-1' })),
    });
    const found = all(index, ['parent-cycle']);
    const message = 'Parent cycle: PAY-1 → PAY-2 → PAY-1 — the hierarchy has no top; change one parent';
    assert.deepEqual(found.map(show), [`specs/a.yaml:7:13 error parent-cycle ${message}`, `specs/a.yaml:13:13 error parent-cycle ${message}`]);
    assert.deepEqual(found[1].related, [{ file: abs('specs/a.yaml'), range: at(7, 13, 5), message: 'PAY-1 → PAY-2 (parent)' }]);
  });

  it('covers roadmap hierarchies too, and keeps the depends_on graph apart', () => {
    const index = workspace({
      'specs/roadmap.yaml': yaml('roadmap:', '  - id: R-1', '    title: One', '    type: plan', '    parent: R-2', '  - id: R-2', '    title: Two', '    type: plan', '    parent: R-1'),
      'specs/a.yaml': yaml('requirements:', ...req('PAY-1', { parent: 'PAY-2' }), ...req('PAY-2', { depends_on: '[PAY-1]' })),
    });
    assert.deepEqual(all(index, ['parent-cycle', 'dependency-cycle']).map(show), [
      'specs/roadmap.yaml:5:13 error parent-cycle Parent cycle: R-1 → R-2 → R-1 — the hierarchy has no top; change one parent',
      'specs/roadmap.yaml:9:13 error parent-cycle Parent cycle: R-1 → R-2 → R-1 — the hierarchy has no top; change one parent',
    ]);
  });
});
