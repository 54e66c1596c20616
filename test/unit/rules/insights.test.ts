// Insights as a third kind of item, and the rules about customer evidence and scores, on in-memory
// workspaces: exact messages and ranges, and results that follow edits.
import * as assert from 'node:assert/strict';
import { analyzeSpec, analyzeSpecWhole } from '../../../server/src/engine/spec/specAnalyzer';
import { parseConfig } from '../../../server/src/engine/config/config';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { memoryIndex } from '../../support/memoryWorkspace';
import { all, at, req, show, workspace, yaml } from './helpers';

const INSIGHTS = yaml(
  'insights:',
  '  - id: INS-1',
  '    title: Typing the card number at every order',
  '    customer: Globex',
  '    importance: 3',
  '  - id: INS-2',
  '    title: Wants an invoice',
  '    customer: " globex "',
  '    importance: 2',
  '  - id: INS-3',
  '    title: Dark mode',
  '    importance: 1',
);

describe('insights: a third kind of item', () => {
  it('a file with only insights: is a spec file, read chunk by chunk the same as whole', () => {
    const config = parseConfig('/ws/spectrace.yaml', undefined).config;
    const { schemaSet } = createSchemaSet({ config, configFile: undefined, configText: undefined, readFile: () => undefined, trusted: true });
    const spec = analyzeSpec('/ws/specs/insights.yaml', INSIGHTS, schemaSet, config);
    assert.equal(spec.hasSpecLists, true);
    assert.deepEqual(spec.insights.map((i) => [i.kind, i.id]), [['insight', 'INS-1'], ['insight', 'INS-2'], ['insight', 'INS-3']]);
    assert.deepEqual(spec.requirements, []);
    assert.deepEqual(spec, analyzeSpecWhole('/ws/specs/insights.yaml', INSIGHTS, schemaSet, config));
  });

  it('validates insights against the built-in schema, at the value', () => {
    const index = workspace({ 'specs/i.yaml': yaml('insights:', '  - id: INS-1', '    title: T', '    source: podcast', '    importance: 5', '    custmer: Globex') });
    assert.deepEqual(all(index).map(show), [
      'specs/i.yaml:4:13 error schema “podcast” is not a valid source: use interview, support, sales, survey, analytics, competitor or market',
      'specs/i.yaml:5:17 error schema “importance” must be at most 3',
      'specs/i.yaml:6:5 error schema unknown field “custmer” — did you mean “customer”?',
    ]);
  });

  it('a requirement cites insights; unknown and wrong-kind IDs are unknown references with did-you-mean', () => {
    const index = workspace({
      'specs/i.yaml': INSIGHTS,
      'specs/pay.yaml': yaml('requirements:', ...req('PAY-1', { insights: '[INS-1, INS-12, PAY-1]' })),
    });
    assert.deepEqual(all(index, ['unknown-reference']).map(show), [
      'specs/pay.yaml:7:23 error unknown-reference Unknown insight INS-12 in “insights” — did you mean INS-1?',
      'specs/pay.yaml:7:31 error unknown-reference “insights” must name an insight, but PAY-1 is a requirement',
    ]);
    const d = all(index, ['unknown-reference'])[0];
    assert.deepEqual(d.range, at(7, 23, 6));
    assert.deepEqual(d.data, { kind: 'unknown-id', id: 'INS-12', targetKind: 'insight' });
  });

  it('an insight ID cited as a parent is the wrong kind', () => {
    const index = workspace({ 'specs/i.yaml': INSIGHTS, 'specs/pay.yaml': yaml('requirements:', ...req('PAY-1', { parent: 'INS-1' })) });
    assert.deepEqual(all(index, ['unknown-reference']).map(show), ['specs/pay.yaml:7:13 error unknown-reference “parent” must name a requirement, but INS-1 is an insight']);
  });

  it('duplicate IDs across kinds are duplicates', () => {
    const index = workspace({ 'specs/i.yaml': INSIGHTS, 'specs/pay.yaml': yaml('requirements:', ...req('INS-3')) });
    assert.equal(all(index, ['duplicate-id']).length, 2);
  });
});

describe('rule: unaddressed-insight', () => {
  it('reports insights of importance 2 or more that nothing cites, on the ID, and follows edits', () => {
    const ws = memoryIndex({ 'specs/i.yaml': INSIGHTS, 'specs/pay.yaml': yaml('requirements:', ...req('PAY-1')) });
    assert.deepEqual(all(ws.index, ['unaddressed-insight']).map(show), [
      'specs/i.yaml:2:9 info unaddressed-insight INS-1 (critical) is addressed by no requirement: cite it in a requirement\'s insights list, or lower its importance',
      'specs/i.yaml:6:9 info unaddressed-insight INS-2 (important) is addressed by no requirement: cite it in a requirement\'s insights list, or lower its importance',
    ]);
    assert.deepEqual(all(ws.index, ['unaddressed-insight'])[0].range, at(2, 9, 5));
    ws.set('specs/pay.yaml', yaml('requirements:', ...req('PAY-1', { insights: '[INS-1]' })));
    assert.deepEqual(all(ws.index, ['unaddressed-insight']).map((d) => d.message.slice(0, 5)), ['INS-2']);
    ws.set('specs/pay.yaml', yaml('requirements:', ...req('PAY-1')));
    assert.equal(all(ws.index, ['unaddressed-insight']).length, 2);
  });
});

describe('rule: unsupported-requirement', () => {
  it('is off by default', () => {
    assert.deepEqual(all(workspace({ 'specs/pay.yaml': yaml('requirements:', ...req('PAY-1')) }), ['unsupported-requirement']), []);
  });

  it('when on, reports covered requirements citing no insight; the evidence policy picks types and priorities', () => {
    const files = {
      'specs/i.yaml': INSIGHTS,
      'specs/pay.yaml': yaml(
        'requirements:',
        ...req('PAY-1', { type: 'feature', priority: 'must' }),
        ...req('PAY-2', { type: 'nfr', priority: 'must' }),
        ...req('PAY-3', { type: 'story', priority: 'should', insights: '[INS-1]' }),
        ...req('PAY-4', { type: 'story', status: 'rejected' }),
        ...req('PAY-5', { type: 'story', priority: 'could' }),
      ),
    };
    const byDefault = workspace({ ...files, 'spectrace.yaml': 'rules:\n  unsupported-requirement: warning\n' });
    assert.deepEqual(all(byDefault, ['unsupported-requirement']).map(show), [
      'specs/pay.yaml:2:9 warning unsupported-requirement PAY-1 cites no customer insight: add insights: [...] with the evidence for it',
      'specs/pay.yaml:23:9 warning unsupported-requirement PAY-5 cites no customer insight: add insights: [...] with the evidence for it',
    ]);
    const mustOnly = workspace({ ...files, 'spectrace.yaml': 'rules:\n  unsupported-requirement: warning\nevidence:\n  priority: [must]\n' });
    assert.deepEqual(all(mustOnly, ['unsupported-requirement']).map((d) => d.message.slice(0, 5)), ['PAY-1', 'PAY-2']);
  });
});

describe('rule: unscored-requirement and scoring inputs', () => {
  const config = 'scoring:\n  model: rice\nrules:\n  unscored-requirement: info\n';

  it('reports approved requirements without the model\'s inputs, naming them', () => {
    const index = workspace({
      'spectrace.yaml': config,
      'specs/pay.yaml': yaml(
        'requirements:',
        ...req('PAY-1', { status: 'approved', rice: '{ reach: 10, impact: 1 }' }),
        ...req('PAY-2', { status: 'draft' }),
        ...req('PAY-3', { status: 'approved', estimate: '2', rice: '{ reach: auto, impact: 1, confidence: 50% }' }),
      ),
    });
    assert.deepEqual(all(index, ['unscored-requirement']).map(show), ['specs/pay.yaml:2:9 info unscored-requirement PAY-1 has no RICE score: give rice.confidence and rice.effort (or estimate)']);
  });

  it('is off by default, and says nothing without a scoring model', () => {
    const files = { 'specs/pay.yaml': yaml('requirements:', ...req('PAY-1', { status: 'approved' })) };
    assert.deepEqual(all(workspace(files), ['unscored-requirement']), []);
    assert.deepEqual(all(workspace({ ...files, 'spectrace.yaml': 'rules:\n  unscored-requirement: info\n' }), ['unscored-requirement']), []);
  });

  it('an estimate of 0 standing in for the effort is a schema error on the estimate', () => {
    const index = workspace({
      'spectrace.yaml': config,
      'specs/pay.yaml': yaml('requirements:', ...req('PAY-1', { estimate: '0', rice: '{ reach: 10, impact: 1, confidence: 1 }' }), ...req('PAY-2', { estimate: '0', rice: '{ reach: 1, impact: 1, confidence: 1, effort: 2 }' })),
    });
    assert.deepEqual(all(index, ['schema']).map(show), ['specs/pay.yaml:7:15 error schema estimate 0 cannot be the RICE effort (the score divides by it): give rice.effort or an estimate greater than 0']);
    assert.deepEqual(all(index, ['schema'])[0].range, at(7, 15, 1));
  });

  it('an effort or job size of 0 is a schema error on that value; a bad confidence says what it wants', () => {
    const index = workspace({
      'specs/pay.yaml': yaml('requirements:', ...req('PAY-1', { rice: '{ reach: 10, impact: 1, confidence: 101%, effort: 0 }', wsjf: '{ value: 1, time_criticality: 1, risk_reduction: 1, job_size: 0 }' })),
    });
    assert.deepEqual(all(index, ['schema']).map(show), [
      'specs/pay.yaml:7:47 error schema “rice.confidence” must be a percentage from 0% to 100%, such as 80%',
      'specs/pay.yaml:7:61 error schema “rice.effort” must be greater than 0',
      'specs/pay.yaml:8:73 error schema “wsjf.job_size” must be greater than 0',
    ]);
  });
});
