import * as assert from 'node:assert/strict';
import { memoryIndex } from '../../support/memoryWorkspace';
import { today } from '../../../server/src/engine/index/queries';
import { abs, at, req, workspace, yaml } from '../rules/helpers';

const files = {
  'spectrace.yaml': yaml('schemas:', '  requirement: schemas/team.json', 'coverage:', '  - priority: [must]', '    implementations: 1', '    tests: 1'),
  'specs/roadmap.yaml': yaml(
    'roadmap:',
    '  - id: R-2027',
    '    title: Next year',
    '    type: release',
    '    due: 2027-12-31',
    '  - id: R-LATER',
    '    title: Someday',
    '    type: theme',
    '  - id: R-2026',
    '    title: This year',
    '    type: release',
    '    due: 2026-06-30',
    '    status: active',
  ),
  'specs/pay.yaml': yaml(
    'requirements:',
    ...req('PAY-1', { title: 'Checkout epic', type: 'epic', priority: 'must', roadmap: 'R-2026' }),
    ...req('PAY-2', { priority: 'must', status: 'implemented', parent: 'PAY-1', roadmap: 'R-2026', depends_on: '[PAY-3, PAY-12]' }),
    ...req('PAY-12', { parent: 'PAY-1', coverage_exempt: 'done by the provider' }),
    ...req('PAY-3', { status: 'verified', roadmap: 'R-2027' }),
  ),
  'src/pay.ts': '// @implements PAY-2\nfunction pay() {}\n// @implements PAY-2, PAY-3\n',
  'test/pay.test.ts': '// @verifies PAY-2\n',
};

describe('workspace index queries', () => {
  const index = workspace(files);

  it('traces a requirement: roadmap item, parent, children, dependencies, dependents, code, tests, coverage', () => {
    const t = index.trace('PAY-2');
    assert.ok(t);
    assert.equal(t.requirement.id, 'PAY-2');
    assert.equal(t.roadmapItem?.id, 'R-2026');
    assert.equal(t.parent?.id, 'PAY-1');
    assert.deepEqual(t.children, []);
    assert.deepEqual(t.dependencies.map((i) => i.id), ['PAY-3', 'PAY-12']);
    assert.deepEqual(t.dependents, []);
    assert.deepEqual(t.implementations.map((x) => [x.file, x.idRange.start.line]), [[abs('src/pay.ts'), 0], [abs('src/pay.ts'), 2]]);
    assert.deepEqual(t.tests.map((x) => x.file), [abs('test/pay.test.ts')]);
    assert.deepEqual(t.coverage, { implementations: 2, tests: 1, underPolicy: true, satisfied: true, exemptReason: undefined });
    assert.deepEqual(index.trace('PAY-1')?.children.map((i) => i.id), ['PAY-2', 'PAY-12']);
    assert.deepEqual(index.trace('PAY-3')?.dependents.map((i) => i.id), ['PAY-2']);
    assert.equal(index.trace('R-2026'), undefined, 'roadmap items have no requirement trace');
    assert.equal(index.trace('NOPE-1'), undefined);
  });

  it('answers coverage per requirement and totals', () => {
    assert.deepEqual(index.coverage('PAY-1'), { implementations: 0, tests: 0, underPolicy: true, satisfied: false, exemptReason: undefined });
    assert.deepEqual(index.coverage('PAY-12'), { implementations: 0, tests: 0, underPolicy: false, satisfied: false, exemptReason: 'done by the provider' });
    assert.deepEqual(index.coverageTotals(), { requirements: 4, underPolicy: 2, satisfied: 1, implemented: 2, tested: 1 });
  });

  it('lists roadmap items by due date (undated last) with their requirements and progress', () => {
    const p = index.roadmapProgress();
    assert.deepEqual(
      p.map((x) => [x.item.id, x.requirements.map((r) => r.id), x.done, x.total, x.overdue]),
      [
        ['R-2026', ['PAY-1', 'PAY-2'], 1, 2, true],
        ['R-2027', ['PAY-3'], 1, 1, false],
        ['R-LATER', [], 0, 0, false],
      ],
    );
  });

  it('finds the next free ID for a prefix (max + 1, with or without the dash)', () => {
    assert.equal(index.nextFreeId('PAY'), 'PAY-13');
    assert.equal(index.nextFreeId('PAY-'), 'PAY-13');
    assert.equal(index.nextFreeId('ORD'), 'ORD-1');
  });

  it('searches by ID and title, fuzzy, best first', () => {
    assert.deepEqual(index.search('pay-1').map((i) => i.id), ['PAY-1', 'PAY-12']);
    assert.deepEqual(index.search('PAY-12').map((i) => i.id), ['PAY-12']);
    assert.deepEqual(index.search('checkout').map((i) => i.id), ['PAY-1']);
    assert.deepEqual(index.search('r26').map((i) => i.id), ['R-2026']);
    assert.deepEqual(index.search('year').map((i) => i.id), ['R-2026', 'R-2027']);
    assert.equal(index.search('', 2).length, 2);
    assert.deepEqual(index.search('zzzz'), []);
  });

  it('lists every reference to an ID: definitions, spec references, implementations, tests', () => {
    const r = index.referencesTo('PAY-3');
    assert.deepEqual(r.definitions.map((d) => d.idRange), [at(23, 9, 5)]);
    assert.deepEqual(r.specReferences, [{ file: abs('specs/pay.yaml'), range: at(15, 18, 5) }]);
    assert.deepEqual(r.implementations.map((t) => t.idRange), [at(3, 23, 5)]);
    assert.deepEqual(r.tests, []);
  });

  it('tells what ID is at a position: definition, reference or tag', () => {
    assert.deepEqual(index.idAt(abs('specs/pay.yaml'), { line: 1, character: 10 }), { id: 'PAY-1', range: at(2, 9, 5), role: 'definition' });
    assert.deepEqual(index.idAt(abs('specs/pay.yaml'), { line: 14, character: 27 }), { id: 'PAY-12', range: at(15, 25, 6), role: 'reference' });
    assert.deepEqual(index.idAt(abs('src/pay.ts'), { line: 2, character: 16 }), { id: 'PAY-2', range: at(3, 16, 5), role: 'tag' });
    assert.equal(index.idAt(abs('specs/pay.yaml'), { line: 2, character: 6 }), undefined);
    assert.equal(index.idAt(abs('src/pay.ts'), { line: 1, character: 2 }), undefined);
  });

  it('classifies files and knows the custom schema files', () => {
    assert.equal(index.classify(abs('spectrace.yaml')), 'config');
    assert.equal(index.classify(abs('specs/pay.yaml')), 'spec');
    assert.equal(index.classify(abs('docs/x.spec.yml')), 'spec');
    assert.equal(index.classify(abs('src/pay.ts')), 'code');
    assert.equal(index.classify(abs('node_modules/x/index.js')), 'none');
    assert.equal(index.classify('/somewhere/else.ts'), 'none');
    assert.equal(index.isSchemaFile(abs('schemas/team.json')), true);
    assert.equal(index.isSchemaFile(abs('schemas/other.json')), false);
  });

  it('gives a spec-glob file without requirements or roadmap no items and no diagnostics', () => {
    const i = workspace({ 'specs/notes.yaml': 'title: just notes\n' });
    assert.equal(i.specFile(abs('specs/notes.yaml'))?.hasSpecLists, false);
    assert.deepEqual(i.requirements(), []);
    assert.deepEqual([...i.diagnostics().keys()], []);
  });

  it('counts versions on every change and not on a no-op', () => {
    const i = memoryIndex().index;
    const v0 = i.version;
    i.updateFile(abs('specs/a.yaml'), yaml('requirements:', ...req('A-1')));
    const v1 = i.version;
    i.updateFile(abs('specs/a.yaml'), yaml('requirements:', ...req('A-1')));
    assert.equal(i.version, v1);
    i.updateFile(abs('src/a.ts'), '// @implements A-1\n');
    i.removeFile(abs('src/a.ts'));
    i.removeFile(abs('src/never-indexed.ts'));
    assert.deepEqual([v1 > v0, i.version], [true, v1 + 2]);
  });
});

describe('workspace index: trust and config reloads', () => {
  const config = yaml('idPattern: "^[a-z]+_[0-9]+$"', 'schemas:', '  requirement: schemas/team.json');

  it('in an untrusted workspace loads no workspace ID pattern or schema', () => {
    const index = workspace({ 'spectrace.yaml': config, 'specs/a.yaml': yaml('requirements:', ...req('PAY-1')), 'src/a.ts': '// @implements pay_1\n// @implements PAY-1\n' }, { trusted: false });
    assert.equal(index.config.idPattern, '^[A-Z][A-Z0-9]*-[0-9]+$');
    assert.equal(index.isSchemaFile(abs('schemas/team.json')), false);
    assert.deepEqual(index.codeFile(abs('src/a.ts'))?.tags.map((t) => t.id), ['PAY-1']);
  });

  it('in a trusted workspace uses them', () => {
    const index = workspace({ 'spectrace.yaml': config, 'src/a.ts': '// @implements pay_1\n' }, { trusted: true });
    assert.equal(index.config.idPattern, '^[a-z]+_[0-9]+$');
    assert.equal(index.isSchemaFile(abs('schemas/team.json')), true);
    assert.deepEqual(index.codeFile(abs('src/a.ts'))?.tags.map((t) => t.id), ['pay_1']);
  });

  it('does not reload on an unchanged config text', () => {
    const index = workspace({ 'spectrace.yaml': config });
    const v = index.version;
    index.updateFile(abs('spectrace.yaml'), config);
    assert.equal(index.version, v);
    index.updateFile(abs('spectrace.yaml'), `${config}# edited\n`);
    assert.equal(index.version, v + 1);
  });
});

describe('today', () => {
  it('is the UTC day of the clock, whichever day was asked before', () => {
    const asked = ['2026-12-06T23:59:59.999Z', '2026-12-07T00:00:00.000Z', '2026-12-06T00:00:00.000Z', '1969-12-31T23:59:59.000Z', '1970-01-01T00:00:00.000Z', '2026-12-06T12:00:00.000Z'];
    for (const iso of asked) assert.equal(today(new Date(iso)), iso.slice(0, 10), iso);
    assert.equal(today(new Date(Number.NaN)), '9999-12-31');
  });
});
