// Messages for people: did-you-mean, field paths, one message per problem (anyOf noise removed),
// the placement of each problem, and the quick-fix data that rides on diagnostics.
import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../server/src/engine/config/config';
import { compileIdPattern, re2RegExpEngine } from '../../../server/src/engine/config/idPattern';
import { didYouMean, editDistance } from '../../../server/src/engine/text/didYouMean';
import { pathLabel } from '../../../server/src/engine/text/messages';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { analyzeSpec } from '../../../server/src/engine/spec/specAnalyzer';

const config = parseConfig('/ws/spectrace.yaml', undefined).config;
const schemaSet = createSchemaSet({ config, configFile: undefined, configText: undefined, readFile: () => undefined, trusted: true }).schemaSet;
const check = (text: string) => analyzeSpec('/ws/specs/a.yaml', text, schemaSet, config);
const shown = (text: string) => check(text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
const REQ = '  - id: PAY-1\n    title: Pay\n    status: draft\n    priority: must\n';

describe('messages', () => {
  it('edit distance counts a transposition as one edit', () => {
    assert.equal(editDistance('shuold', 'should'), 1);
    assert.equal(editDistance('priorty', 'priority'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('did you mean: near misses, case, prefixes; nothing for far-off words', () => {
    const enumValues = ['must', 'should', 'could', 'wont'];
    assert.equal(didYouMean('shuld', enumValues), 'should');
    assert.equal(didYouMean('Must', enumValues), 'must');
    assert.equal(didYouMean('urgent', enumValues), undefined);
    assert.equal(didYouMean('high', enumValues), undefined);
    assert.equal(didYouMean('impl', ['implemented', 'verified']), 'implemented');
    assert.equal(didYouMean('must', enumValues), undefined); // the word itself is no suggestion
    assert.equal(didYouMean('PAY-11', ['PAY-1', 'PAY-2']), 'PAY-1');
  });

  it('field paths name nested fields and list items', () => {
    assert.equal(pathLabel(['source', 'kind']), 'source.kind');
    assert.equal(pathLabel(['acceptance', 2]), 'acceptance[2]');
    assert.equal(pathLabel(['acceptance', 2, 'text']), 'acceptance[2].text');
  });

  it('the schema messages, each on the offending key or value', () => {
    assert.deepEqual(
      shown(
        'requirements:\n  - id: pay_1\n    status: draft\n    priority: shuld\n    priorty: must\n    estimate: three\n' +
          'roadmap:\n  - id: R-1\n    title: Q1\n    due: 31/03/2026\n',
      ),
      [
        '1:4-6 missing required field “title”',
        '1:8-13 “pay_1” is not a valid ID: IDs look like PAY-1',
        '3:14-19 “shuld” is not a valid priority: use must, should, could or wont — did you mean “should”?',
        '4:4-11 unknown field “priorty” — did you mean “priority”?',
        '5:14-19 “estimate” must be a number',
        '9:9-19 “due” must be a date (YYYY-MM-DD)',
      ],
    );
  });

  it('nested paths, one message per anyOf, and the matching branch’s own problem', () => {
    const text =
      `requirements:\n${REQ}    source: { kind: customr, ref: 3 }\n    acceptance:\n      - ok\n      - 5\n      - { id: AC-1 }\n      - ""\n`;
    assert.deepEqual(shown(text), [
      '5:20-27 “customr” is not a valid value for “source.kind”: use customer, market, competitor, internal or regulatory — did you mean “customer”?',
      '5:34-35 “source.ref” must be a string',
      '8:8-9 “acceptance[1]” must be a string or a mapping with “id” and “text”',
      '9:8-20 missing required field “acceptance[2].text”',
      '10:8-10 “acceptance[3]” must not be empty',
    ]);
  });

  it('empty values, wrong shapes and the missing space after a colon are explained', () => {
    assert.deepEqual(shown(`requirements:\n${REQ}    owner:\n    tags: mobile\n    depends_on: [PAY-2, 7]\n`), [
      '5:10-10 “owner” has no value — it must be a string',
      '6:10-16 “tags” must be a list',
      '7:24-25 “depends_on[1]” must be a string',
    ]);
    assert.deepEqual(shown('requirements:\n  - id:PAY-1\n'), ['1:4-12 this requirement must be a mapping (key: value lines) — is a space missing after a colon?']);
    assert.deepEqual(shown('requirements:\n  -\n'), ['1:2-3 this requirement has no value — it must be a mapping (key: value lines)']);
  });

  it('own fields with x- are allowed; other unknown fields say how to add one', () => {
    assert.deepEqual(shown(`requirements:\n${REQ}    x-team: payments\n    component: ui\n`), [
      '6:4-13 unknown field “component” (fields of your own must start with x-)',
    ]);
  });

  it('the top level: unknown keys, lists that are not lists, a product mapping without a name', () => {
    assert.deepEqual(shown('product: { owner: pm }\nrequirement: []\nroadmap: {}\n'), [
      '0:0-7 missing required field “product.name”',
      '1:0-11 unknown field “requirement” — did you mean “requirements”?',
      '2:9-11 “roadmap” must be a list',
    ]);
  });

  it('quick-fix data: where to insert a missing field, and every allowed enum value (the typo target marked)', () => {
    const r = check('requirements:\n  - id: PAY-1\n    status: dratf\n    priority: must\n');
    const missing = r.diagnostics.find((d) => d.message === 'missing required field “title”');
    assert.deepEqual(missing?.data, { kind: 'missing-field', field: 'title', itemKind: 'requirement', insertAfterLine: 1, indent: 4 });
    const enumFix = r.diagnostics.find((d) => d.message.startsWith('“dratf”'));
    const statuses = ['draft', 'proposed', 'approved', 'in-progress', 'implemented', 'verified', 'released', 'rejected', 'deprecated'];
    assert.deepEqual(enumFix?.data, { kind: 'replace-value', values: statuses, typoOf: 'draft' });
    // Far from every value: every value is offered, none marked, no "did you mean".
    const far = check(`requirements:\n${REQ.replace('priority: must', 'priority: urgent')}`).diagnostics[0];
    assert.equal(far.message, '“urgent” is not a valid priority: use must, should, could or wont');
    assert.deepEqual(far.data, { kind: 'replace-value', values: ['must', 'should', 'could', 'wont'] });
  });

  it('items carry ids, ranges, fields and references', () => {
    const r = check(
      'product: shop\nrequirements:\n  - id: PAY-2\n    title: Card\n    status: draft\n    priority: must\n    roadmap: R-1\n    parent: PAY-1\n    depends_on: [AUTH-3, " AUTH-4 "]\n' +
        'roadmap:\n  - id: R-1\n    title: Q1\n    parent: R-0\n',
    );
    assert.deepEqual(r.product, { name: 'shop', range: { start: { line: 0, character: 9 }, end: { line: 0, character: 13 } } });
    const [req] = r.requirements;
    assert.equal(req.id, 'PAY-2');
    assert.deepEqual(req.idRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 13 } });
    assert.deepEqual(req.headRange, { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } });
    assert.deepEqual(req.range, { start: { line: 2, character: 2 }, end: { line: 8, character: 36 } });
    assert.deepEqual([...req.fields.keys()], ['id', 'title', 'status', 'priority', 'roadmap', 'parent', 'depends_on']);
    assert.deepEqual(req.fields.get('depends_on')?.value, ['AUTH-3', ' AUTH-4 ']);
    assert.deepEqual(
      req.references.map((x) => `${x.field}:${x.targetKind}:${x.targetId}@${x.range.start.line}:${x.range.start.character}`),
      ['roadmap:roadmap:R-1@6:13', 'parent:requirement:PAY-1@7:12', 'depends_on:requirement:AUTH-3@8:17', 'depends_on:requirement:AUTH-4@8:25'],
    );
    assert.deepEqual(r.roadmap[0].references.map((x) => `${x.field}:${x.targetKind}:${x.targetId}`), ['parent:roadmap:R-0']);
  });
});

describe('regular expressions from the workspace', () => {
  it('compile with RE2 and report what RE2 cannot run', () => {
    const ok = compileIdPattern('^[A-Z]+-[0-9]+$');
    assert.ok(!('error' in ok) && ok.test('PAY-1') && !ok.test('pay-1'));
    const bad = compileIdPattern('^(?<=x)A$');
    assert.ok('error' in bad && /look-ahead and look-behind are not supported/.test(bad.error));
    const backref = compileIdPattern('(a)\\1');
    assert.ok('error' in backref && /back-references/.test(backref.error));
    const broken = compileIdPattern('(unclosed');
    assert.ok('error' in broken && /missing closing \)/.test(broken.error));
  });

  it('run in linear time: (a+)+$ against 100,000 a’s and a !', () => {
    const p = compileIdPattern('(a+)+$');
    assert.ok(!('error' in p));
    assert.equal(p.test(`${'a'.repeat(100000)}!`), false);
  });

  it('the ajv engine gives each pattern its own identity (ajv de-duplicates by toString)', () => {
    const a = re2RegExpEngine('^a$', 'u');
    const b = re2RegExpEngine('^b$', 'u');
    assert.notEqual(String(a), String(b));
    assert.ok(a.test('a') && !a.test('b') && b.test('b'));
  });
});
