// Found by the fuzzer: a block sequence that becomes an implicit map key and holds a `[[[[…` typo made
// the `yaml` package stringify the key at every nesting level (quadratic: seconds per keystroke on a
// 2 KB file). The engine now converts with Map keys and shows a collection key as a short preview.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SpecAnalyzer } from '../../../server/src/engine/spec/specAnalyzer';
import { REPO_ROOT } from '../../support/serverProcess';
import { loadWorkspace } from '../engine/helpers';

const ws = loadWorkspace(path.join(REPO_ROOT, 'examples', 'acme-shop'));
const FILE = path.join(REPO_ROOT, 'examples', 'acme-shop', 'specs', 'keys.yaml');

describe('collection keys in spec files', () => {
  it('the fuzzer case (NUL at column 0, then a 3,000-deep unclosed flow sequence) gets syntax diagnostics', () => {
    const text = `requirements:\n\0    priority: must\n    tags: [checkout, mobile]\n  - id: PAY-5\n    tags: ${'['.repeat(3000)}\n`;
    const r = new SpecAnalyzer(ws.schemaSet, ws.config).analyze(FILE, text).spec;
    assert.ok(r.diagnostics.some((d) => d.code === 'yaml-syntax'), JSON.stringify(r.diagnostics.map((d) => d.message)));
  });

  it('a collection used as a key is read as a short preview, not as its whole YAML text', () => {
    const deep = `${'[a, '.repeat(30)}${']'.repeat(30)}`;
    const text = `requirements:\n  - id: A-1\n    title: t\n    priority: must\n    status: draft\n    ? [x, {y: 1}]\n    : 1\n    ? ${deep}\n    : 2\n`;
    const r = new SpecAnalyzer(ws.schemaSet, ws.config).analyze(FILE, text).spec;
    const keys = Object.keys(r.requirements[0]!.value as object);
    assert.ok(keys.includes('[x, {y: 1}]'), keys.join(' | '));
    const long = keys.find((k) => k.startsWith('[a, [a'));
    assert.ok(long, keys.join(' | '));
    assert.ok(long.endsWith('…') && long.length <= 41, long);
    // Both keys are unknown fields of the requirement, reported as such.
    assert.equal(r.diagnostics.filter((d) => d.code === 'schema').length, 2, JSON.stringify(r.diagnostics.map((d) => d.message)));
  });
});
