// Folder indexes linked into one trace: a tag in one folder resolves against a requirement in another,
// coverage and duplicates span the folders, each folder reports only its own files, and an edit in
// one folder updates the others' diagnostics without a rebuild.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LinkedTrace } from '../../../server/src/engine/index/linkedTrace';
import { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import { NOW } from '../../support/memoryWorkspace';

const ROOT = path.resolve('/org');
const SPECS = path.join(ROOT, 'specs-repo');
const SERVICE = path.join(ROOT, 'service');

const PAY = `requirements:
  - id: PAY-1
    title: Pay with a saved card
    priority: must
    status: approved
`;

function folder(root: string): WorkspaceIndex {
  return new WorkspaceIndex(root, { now: () => NOW, readFile: () => undefined });
}

function codes(index: WorkspaceIndex): string[] {
  return [...index.diagnostics()].flatMap(([file, list]) => list.map((d) => `${path.relative(ROOT, file)} ${d.code}`));
}

describe('linked trace across folders', () => {
  let specs: WorkspaceIndex;
  let service: WorkspaceIndex;
  let trace: LinkedTrace<WorkspaceIndex>;

  beforeEach(() => {
    specs = folder(SPECS);
    service = folder(SERVICE);
    specs.updateFile(path.join(SPECS, 'specs/pay.yaml'), PAY);
    service.updateFile(path.join(SERVICE, 'src/pay.ts'), '// @implements PAY-1\n');
    service.updateFile(path.join(SERVICE, 'test/pay.test.ts'), '// @verifies PAY-1\n');
  });

  it('reports an unknown reference while the folders are apart', () => {
    assert.deepEqual(codes(service), ['service/src/pay.ts unknown-code-reference', 'service/test/pay.test.ts unknown-code-reference']);
  });

  it('resolves tags against another folder once linked, and counts them in coverage', () => {
    trace = new LinkedTrace();
    specs.joinTrace(trace);
    service.joinTrace(trace);
    assert.deepEqual(codes(service), []);
    assert.deepEqual(codes(specs), []);
    const coverage = specs.coverage('PAY-1');
    assert.equal(coverage?.implementations, 1);
    assert.equal(coverage?.tests, 1);
    assert.equal(service.item('PAY-1')?.file, path.join(SPECS, 'specs/pay.yaml'));
    assert.deepEqual(specs.referencesTo('PAY-1').implementations.map((t) => t.file), [path.join(SERVICE, 'src/pay.ts')]);
  });

  it('follows an edit in one folder into the others without re-linking', () => {
    trace = new LinkedTrace();
    specs.joinTrace(trace);
    service.joinTrace(trace);
    const before = service.version;
    assert.deepEqual(codes(service), []);
    specs.updateFile(path.join(SPECS, 'specs/pay.yaml'), PAY.replace('PAY-1', 'PAY-2'));
    assert.ok(service.version > before, 'a peer edit changes the version the service folder reports');
    assert.deepEqual(codes(service), ['service/src/pay.ts unknown-code-reference', 'service/test/pay.test.ts unknown-code-reference']);
    specs.updateFile(path.join(SPECS, 'specs/pay.yaml'), PAY);
    assert.deepEqual(codes(service), []);
    assert.equal(specs.coverage('PAY-1')?.implementations, 1);
  });

  it('reports a duplicate ID in both folders, each folder in its own file', () => {
    trace = new LinkedTrace();
    specs.joinTrace(trace);
    service.joinTrace(trace);
    service.updateFile(path.join(SERVICE, 'specs/local.yaml'), PAY);
    assert.deepEqual(codes(specs), ['specs-repo/specs/pay.yaml duplicate-id']);
    assert.deepEqual(codes(service), ['service/specs/local.yaml duplicate-id']);
  });

  it('goes back to its own folder when it leaves the trace', () => {
    trace = new LinkedTrace();
    specs.joinTrace(trace);
    service.joinTrace(trace);
    assert.deepEqual(codes(service), []);
    specs.leaveTrace();
    assert.deepEqual(codes(service), ['service/src/pay.ts unknown-code-reference', 'service/test/pay.test.ts unknown-code-reference']);
    assert.equal(specs.coverage('PAY-1')?.implementations, 0);
  });

  it('counts a nested folder’s files once: for the inner folder', () => {
    const outer = folder(ROOT);
    outer.updateFile(path.join(SPECS, 'specs/pay.yaml'), PAY);
    trace = new LinkedTrace();
    outer.joinTrace(trace);
    specs.joinTrace(trace);
    service.joinTrace(trace);
    assert.equal(specs.definitions('PAY-1').length, 1);
    assert.deepEqual(codes(outer), []);
    assert.deepEqual(codes(specs), []);
  });
});
