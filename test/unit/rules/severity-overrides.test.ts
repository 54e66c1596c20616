import * as assert from 'node:assert/strict';
import { DEFAULT_SEVERITY } from '../../../server/src/engine/config/config';
import type { DiagnosticCode } from '../../../server/src/engine/types';
import { abs, all, req, workspace, yaml } from './helpers';

// One workspace that trips every cross-file rule once (and a schema error), to check severities.
const files: Record<string, string> = {
  'specs/roadmap.yaml': yaml('roadmap:', '  - id: R-2020', '    title: Late', '    type: release', '    due: 2020-01-01', '    status: active'),
  'specs/pay.yaml': yaml(
    'requirements:',
    ...req('PAY-1', { priority: 'must', status: 'approved', roadmap: 'R-2020' }),
    ...req('PAY-1', { status: 'verified' }),
    ...req('PAY-2', { parent: 'PAY-3', depends_on: '[PAY-3]' }),
    ...req('PAY-3', { parent: 'PAY-2', depends_on: '[PAY-2, NOPE-1]' }),
    ...req('PAY-4', { status: 'deprecated', priority: 'shuld' }),
  ),
  'src/pay.ts': '// @implements PAY-4, PAY-99\n',
};

const CROSS_FILE: DiagnosticCode[] = [
  'duplicate-id',
  'unknown-reference',
  'dependency-cycle',
  'parent-cycle',
  'unknown-code-reference',
  'inactive-code-reference',
  'uncovered-requirement',
  'overdue-roadmap-item',
  'status-mismatch',
];

function severities(index: ReturnType<typeof workspace>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of all(index)) out.set(d.code, [...new Set([...(out.get(d.code) ?? []), d.severity])]);
  return out;
}

describe('rule severities', () => {
  it('default: every rule fires at its default severity', () => {
    const found = severities(workspace(files));
    for (const code of CROSS_FILE) assert.deepEqual(found.get(code), [DEFAULT_SEVERITY[code]], code);
    assert.deepEqual(found.get('schema'), ['error']);
    assert.equal(DEFAULT_SEVERITY['status-mismatch'], 'warning');
    assert.equal(DEFAULT_SEVERITY['unknown-code-reference'], 'warning');
    assert.equal(DEFAULT_SEVERITY['duplicate-id'], 'error');
  });

  it('follows `rules` in spectrace.yaml: each level, and `off` removes the rule', () => {
    const levels = ['error', 'warning', 'info', 'hint'] as const;
    const rules = CROSS_FILE.map((code, i) => `  ${code}: ${levels[i % levels.length]}`);
    const found = severities(workspace({ ...files, 'spectrace.yaml': yaml('rules:', ...rules, '  schema: info') }));
    CROSS_FILE.forEach((code, i) => assert.deepEqual(found.get(code), [levels[i % levels.length]], code));
    assert.deepEqual(found.get('schema'), ['info']);

    const off = severities(workspace({ ...files, 'spectrace.yaml': yaml('rules:', ...CROSS_FILE.map((c) => `  ${c}: off`), '  schema: off') }));
    assert.deepEqual([...off.keys()], []);
  });

  it('re-applies severities when the config changes, without re-reading any file', () => {
    const index = workspace(files);
    index.setConfig(yaml('rules:', '  duplicate-id: off', '  status-mismatch: error'));
    let found = severities(index);
    assert.equal(found.get('duplicate-id'), undefined);
    assert.deepEqual(found.get('status-mismatch'), ['error']);
    index.updateFile(abs('spectrace.yaml'), yaml('rules: {}'));
    found = severities(index);
    assert.deepEqual(found.get('duplicate-id'), ['error']);
    assert.deepEqual(found.get('status-mismatch'), ['warning']);
  });

  it('reports invalid-config in spectrace.yaml as an error whatever the rules say', () => {
    const index = workspace({ ...files, 'spectrace.yaml': yaml('rules:', '  invalid-config: off', '  duplicate-id: loud') });
    const config = all(index, ['invalid-config']);
    assert.ok(config.length >= 1);
    assert.ok(config.every((d) => d.severity === 'error' && d.file === abs('spectrace.yaml')));
  });
});
