// The benchmark workload (bench/driver/gen.mjs, vendored from the shared bench): 1,000 requirements
// with 2% injected schema errors, validated with the bench's requirement schema as the workspace's
// extra schema. Every injected error gets a diagnostic on the manifest's line, and nothing else does.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SpecAnalyzer, analyzeSpec } from '../../../server/src/engine/spec/specAnalyzer';
import { REPO, loadWorkspace } from '../../unit/engine/helpers';

interface Manifest {
  injected: number;
  errors: { index: number; kind: string; sub: string; key: string; line: number }[];
}

describe('bench workload (gen.mjs 1000 0.02)', () => {
  let tmp: string;
  let text: string;
  let manifest: Manifest;
  const specFile = () => path.join(tmp, 'product.spec.yaml');

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-bench-'));
    execFileSync(process.execPath, [path.join(REPO, 'bench/driver/gen.mjs'), '1000', '0.02', '--out', specFile()], { stdio: 'pipe' });
    text = fs.readFileSync(specFile(), 'utf8');
    manifest = JSON.parse(fs.readFileSync(path.join(tmp, 'product.spec.manifest.json'), 'utf8')) as Manifest;
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reports every injected error on its manifest line, and nothing else', () => {
    const ws = loadWorkspace(path.join(REPO, 'test/fixtures/engine/bench'));
    assert.deepEqual(ws.configDiagnostics, []);
    const result = analyzeSpec(specFile(), text, ws.schemaSet, ws.config);
    assert.equal(result.hasSpecLists, true);
    assert.equal(result.requirements.length, 1000);
    assert.equal(manifest.errors.length, 20);
    const lines = new Set(result.diagnostics.map((d) => d.range.start.line));
    const missed = manifest.errors.filter((e) => !lines.has(e.line));
    assert.deepEqual(missed, [], 'injected errors without a diagnostic on their line');
    const expectedLines = new Set(manifest.errors.map((e) => e.line));
    const extra = result.diagnostics.filter((d) => !expectedLines.has(d.range.start.line));
    assert.deepEqual(extra, [], 'diagnostics on lines without an injected error');
  });

  it('the workspace schema adds its own rules (the bench ID pattern ^[A-Z]+-[0-9]+$)', () => {
    const ws = loadWorkspace(path.join(REPO, 'test/fixtures/engine/bench'));
    const t = 'requirements:\n  - id: REQ1-1\n    title: t\n    priority: must\n    status: draft\n';
    const r = analyzeSpec('/w/a.spec.yaml', t, ws.schemaSet, ws.config);
    assert.deepEqual(
      r.diagnostics.map((d) => d.message),
      ['“REQ1-1” does not fit the pattern the schema sets for “id”'],
    );
  });

  it('an edit in the middle re-analyzes to the same result as a fresh analysis', () => {
    const ws = loadWorkspace(path.join(REPO, 'test/fixtures/engine/bench'));
    const analyzer = new SpecAnalyzer(ws.schemaSet, ws.config);
    analyzer.analyze(specFile(), text);
    const at = text.indexOf('description: ', Math.floor(text.length / 2)) + 'description: '.length;
    const edited = `${text.slice(0, at)}X${text.slice(at)}`;
    const incremental = analyzer.analyze(specFile(), edited).spec;
    const fresh = analyzeSpec(specFile(), edited, ws.schemaSet, ws.config);
    assert.deepEqual(incremental, fresh);
  });
});
