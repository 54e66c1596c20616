// The `@rev` suffix of links: in code tags of every comment style the scanner meets, in spec
// references (`parent`, `depends_on`), malformed suffixes kept for the rules to report, and the
// tighter tag grammar (the list ends at the first word that is not an ID).
import * as assert from 'node:assert/strict';
import { extractTags } from '../../../server/src/engine/code/codeTags';
import { DEFAULT_CONFIG, parseConfig } from '../../../server/src/engine/config/config';
import { splitRevSuffix } from '../../../server/src/engine/review/revSuffix';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { analyzeSpec } from '../../../server/src/engine/spec/specAnalyzer';
import type { CodeTag } from '../../../server/src/engine/types';

const show = (t: CodeTag) =>
  `${t.id}${t.rev !== undefined ? `@${t.rev}` : ''}${t.badRev !== undefined ? ` bad(${t.badRev})` : ''} ${t.idRange.start.character}-${t.idRange.end.character}` +
  (t.revRange ? ` suffix ${t.revRange.start.character}-${t.revRange.end.character}` : '');
const tags = (text: string) => extractTags('/w/f', text, DEFAULT_CONFIG).map(show);

const STYLES: [string, string][] = [
  ['C-style line', '// @implements PAY-1@3, AUTH-2@12'],
  ['C-style block', '/* @implements PAY-1@3, AUTH-2@12 */'],
  ['JSDoc', ' * @implements PAY-1@3, AUTH-2@12'],
  ['hash', '# @implements PAY-1@3, AUTH-2@12'],
  ['SQL / Lua / Haskell', '-- @implements PAY-1@3, AUTH-2@12'],
  ['HTML / XML / Markdown', '<!-- @implements PAY-1@3, AUTH-2@12 -->'],
  ['Lisp / INI / assembly', '; @implements PAY-1@3, AUTH-2@12'],
  ['TeX / MATLAB / Erlang', '% @implements PAY-1@3, AUTH-2@12'],
  ['VB', "' @implements PAY-1@3, AUTH-2@12"],
  ['batch', 'REM @implements PAY-1@3, AUTH-2@12'],
  ['Python docstring', '"""@implements PAY-1@3, AUTH-2@12"""'],
  ['Jinja / Handlebars', '{# @implements PAY-1@3, AUTH-2@12 #}'],
  ['OCaml / Pascal', '(* @implements PAY-1@3, AUTH-2@12 *)'],
];

describe('review: @rev suffixes in code tags', () => {
  for (const [style, line] of STYLES) {
    it(`reads the suffix in ${style} comments`, () => {
      const at = line.indexOf('PAY-1');
      const second = line.indexOf('AUTH-2');
      assert.deepEqual(tags(line), [`PAY-1@3 ${at}-${at + 5} suffix ${at + 5}-${at + 7}`, `AUTH-2@12 ${second}-${second + 6} suffix ${second + 6}-${second + 9}`]);
    });
  }

  it('a tag without a suffix has no revision (it means @1)', () => {
    const [t] = extractTags('/w/f', '// @verifies PAY-1', DEFAULT_CONFIG);
    assert.equal(t.rev, undefined);
    assert.equal(t.revRange, undefined);
  });

  it('keeps malformed suffixes for the rules to report: `PAY-1@`, `PAY-1@x`, `PAY-1@0`, `PAY-1@03`', () => {
    assert.deepEqual(tags('// @implements PAY-1@'), ['PAY-1 bad() 15-20 suffix 20-21']);
    assert.deepEqual(tags('// @implements PAY-1@x'), ['PAY-1 bad(x) 15-20 suffix 20-22']);
    assert.deepEqual(tags('// @implements PAY-1@0'), ['PAY-1 bad(0) 15-20 suffix 20-22']);
    assert.deepEqual(tags('// @implements PAY-1@03 PAY-2'), ['PAY-1 bad(03) 15-20 suffix 20-23', 'PAY-2 24-29']);
  });

  it('a suffix is followed by punctuation or the end of the list like an ID', () => {
    assert.deepEqual(tags('// @implements PAY-1@2. Then more'), ['PAY-1@2 15-20 suffix 20-22']);
    assert.deepEqual(tags('(@implements PAY-1@2)'), ['PAY-1@2 13-18 suffix 18-20']);
  });
});

describe('review: the tag grammar', () => {
  it('ends the list at the first word that is not an ID', () => {
    assert.deepEqual(tags('// @implements SHOP-10 e-mail opt-in'), ['SHOP-10 15-22']);
    assert.deepEqual(tags('// @implements SHOP-10 non-root case-insensitive SHOP-11'), ['SHOP-10 15-22']);
    assert.deepEqual(tags('// @implements SHOP-10, SHOP-11 and refunds'), ['SHOP-10 15-22', 'SHOP-11 24-31']);
  });

  it('marks later words and folded near misses loose, so only near misses of real IDs are reported', () => {
    const found = extractTags('/w/f', '// @implements SHOP-10 SHA-256 shop-11', DEFAULT_CONFIG);
    assert.deepEqual(
      found.map((t) => [t.id, t.loose === true]),
      [
        ['SHOP-10', false],
        ['SHA-256', true],
        ['shop-11', true],
      ],
    );
  });
});

describe('review: @rev suffixes in spec references', () => {
  const config = parseConfig('/ws/spectrace.yaml', 'review: {}\n').config;
  const schemaSet = createSchemaSet({ config, configFile: '/ws/spectrace.yaml', configText: 'review: {}\n', readFile: () => undefined, trusted: true }).schemaSet;
  const YAML = `requirements:
  - id: PAY-2
    title: Refund
    status: approved
    priority: must
    parent: PAY-1@3
    depends_on: [AUTH-2@2, "CART-1@4", CART-2]
`;

  it('splits `parent: PAY-1@3` and `depends_on: [AUTH-2@2]` into the ID (its range without the suffix) and the revision', () => {
    const spec = analyzeSpec('/ws/specs/a.yaml', YAML, schemaSet, config);
    assert.deepEqual(spec.diagnostics, []);
    const refs = spec.requirements[0].references.map((r) => `${r.field} ${r.targetId}${r.rev ? `@${r.rev}` : ''} ${r.range.start.line}:${r.range.start.character}-${r.range.end.character}${r.revRange ? ` suffix ${r.revRange.start.character}-${r.revRange.end.character}` : ''}`);
    assert.deepEqual(refs, ['parent PAY-1@3 5:12-17 suffix 17-19', 'depends_on AUTH-2@2 6:17-23 suffix 23-25', 'depends_on CART-1@4 6:28-34 suffix 34-36', 'depends_on CART-2 6:39-45']);
  });

  it('reports a malformed suffix as a schema problem, never a crash', () => {
    for (const bad of ['PAY-1@', 'PAY-1@x', 'PAY-1@0']) {
      const spec = analyzeSpec('/ws/specs/a.yaml', YAML.replace('PAY-1@3', bad), schemaSet, config);
      assert.deepEqual(spec.diagnostics.map((d) => [d.code, d.range.start.line]), [['schema', 5]], bad);
    }
  });

  it('reports rev and fingerprint of the wrong shape as schema problems', () => {
    for (const [field, value] of [['rev', '0'], ['rev', '"3"'], ['rev', '1.5'], ['fingerprint', 'banana'], ['fingerprint', 'v1:XYZ']]) {
      const spec = analyzeSpec('/ws/specs/a.yaml', YAML.replace('    parent:', `    ${field}: ${value}\n    parent:`), schemaSet, config);
      assert.deepEqual(spec.diagnostics.map((d) => [d.code, d.range.start.line]), [['schema', 5]], `${field}: ${value}`);
    }
    const ok = analyzeSpec('/ws/specs/a.yaml', YAML.replace('    parent:', '    rev: 2\n    fingerprint: v9:future-scheme\n    parent:'), schemaSet, config);
    assert.deepEqual(ok.diagnostics, []);
  });

  it('splitRevSuffix', () => {
    assert.deepEqual(splitRevSuffix('PAY-1@3'), { id: 'PAY-1', suffix: '@3', rev: 3 });
    assert.deepEqual(splitRevSuffix('PAY-1'), { id: 'PAY-1', suffix: undefined, rev: undefined });
    assert.deepEqual(splitRevSuffix('PAY-1@x'), { id: 'PAY-1', suffix: '@x', rev: undefined });
  });
});
