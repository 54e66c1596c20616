// The fast item reader (simpleYaml.ts) must build exactly the AST `yaml` builds, or decline. Checked
// node for node (classes, values, ranges, every own property) on generated items, on the items of
// the example workspace and on hand-picked near misses of the subset (the bench workload's items:
// test/integration/engine/simple-yaml-bench.test.ts, which runs the workload generator).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { SimpleYamlReader } from '../../../server/src/engine/spec/simpleYaml';
import { splitSpec } from '../../../server/src/engine/spec/chunker';
import { checkSimpleYaml } from '../../support/yamlAgreement';
import { REPO } from './helpers';

const reader = new SimpleYamlReader();

const KEYS = ['id', 'title', 'priority', 'status', 'x-team', 'due', 'depends_on', 'tags', 'a.b', 'path/x', '_k'];
const ODD_KEYS = ['true', '1x', 'null', 'two words', '"q"', '? k'];
// Values of the subset, then near misses (most of which the reader must decline).
const VALUES = [
  'PAY-1', 'Pay by card', 'must', '42', '+3', '1.50', '0x1F', '0o17', '1e3', '.inf', '.NaN', '007', '~', 'null', 'Null', 'NULL', 'true', 'False', 'yes', 'no',
  '2026-01-01', '31/12/2026', 'http://example.com/a?b=c', "user's guide", 'R&D budget', 'a > b', '50%', 'bob@example.com', 'Why?', 'x#y', '[a, b]', '[a,b]', '[ a , b ]', '[]', '[ ]',
];
const ODD_VALUES = [
  '-7', '-.Inf', 'a: b', 'a #b', 'ends:', '[a, b,]', '[a, [b]]', '[a: b]', '{}', '{ a: 1 }', '"quoted"', "'single'", '&anchor x', '*alias', '!tag x', '|', '>', '@at', '`tick`',
  'é accents ü', 'tab\there', 'two  spaces', 'trailing   ', '- dash', '-dash', '?q', ':colon', '%pct', 'a,b', 'é\u2028', '\u00a0nbsp',
];

const value = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_VALUES) });
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
type Field = { key: string; lines: (pad: string) => string[] };
const field: fc.Arbitrary<Field> = fc.tuple(key, value).map(([k, v]) => ({ key: k, lines: () => [`${k}: ${v}`] }));
const nested: fc.Arbitrary<Field> = fc.tuple(key, fc.array(value, { minLength: 1, maxLength: 3 }), fc.constantFrom(2, 3), fc.boolean()).map(([k, vs, step, asMap]) => ({
  key: k,
  lines: (pad: string) => [`${k}:`, ...vs.map((v, i) => (asMap ? `${pad}${' '.repeat(step)}k${i}: ${v}` : `${pad}${' '.repeat(step)}- ${v}`))],
}));
// Keys are unique within an item (a duplicate key is a YAML error, which the reader declines).
const fields = fc.uniqueArray(fc.oneof({ weight: 4, arbitrary: field }, { weight: 1, arbitrary: nested }), { minLength: 1, maxLength: 6, selector: (f) => f.key });
// Hand-written items: comments (full-line, at several columns, and after values), blank lines,
// quoted scalars with escapes, block scalars with every header, flow lists of quoted strings.
/** Mostly `good`, sometimes `odd` (near misses the reader must decline or get right). */
const mostly = <T,>(good: T[], odd: T[]): fc.Arbitrary<T> => fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
const QUOTED = mostly(
  ['"Pay by card"', '"with \\"escapes\\" \\\\ \\t \\x41 \\u00e9 \\U0001F600"', '"a # not a comment"', '"ends: colon"', '""', "'single'", "'it''s'", "''"],
  ['"bad \\q"', '"lone \\ud800"', '"open', "'open", '"x" trailing', '"x"# glued'],
);
const BLOCK_HEADERS = mostly(['|', '>', '|-', '|+', '>-', '>+', '|2', '>1', '|-2', '|+1', '|3-'], ['| # c', '|0', '|--', '|x']);
const BLOCK_LINES = mostly(['The system shall', 'allow users to pay', '', '  more indented', '# not a comment', '- not a list', 'k: not a map'], ['   ', 'trailing  ', '      ']);
const trailing = mostly(['', '', '', '  # note', ' #', ' # x: y', '#glued', ' #   spaced   '], [' #\u00e9', '  #']);
const handField: fc.Arbitrary<Field> = fc.oneof(
  fc.tuple(key, value, trailing).map(([k, v, c]) => ({ key: k, lines: () => [`${k}: ${v}${c}`] })),
  fc.tuple(key, QUOTED, trailing).map(([k, v, c]) => ({ key: k, lines: () => [`${k}: ${v}${c}`] })),
  fc
    .tuple(key, BLOCK_HEADERS, fc.array(BLOCK_LINES, { minLength: 1, maxLength: 5 }), fc.constantFrom(1, 2, 3), fc.constantFrom('', '\n', '\n\n'))
    .map(([k, h, body, step, after]) => ({
      key: k,
      lines: (pad: string) => [`${k}: ${h}`, ...body.map((l) => (l.trim() ? `${pad}${' '.repeat(step)}${l}` : l)), ...(after ? after.split('\n').slice(1) : [])],
    })),
  fc.tuple(key, fc.array(fc.constantFrom('"a"', "'b'", 'c', '"d, e"', "'f]'", '"g\\"h"'), { maxLength: 4 }), trailing).map(([k, vs, c]) => ({ key: k, lines: () => [`${k}: [${vs.join(', ')}]${c}`] })),
  fc
    .tuple(key, fc.array(fc.tuple(value, trailing), { minLength: 1, maxLength: 3 }), fc.constantFrom(2, 3), fc.boolean(), fc.constantFrom('', 'blank', 'comment', 'shallow', 'deep'))
    .map(([k, vs, step, asMap, lead]) => ({
      key: k,
      lines: (pad: string) => {
        const inner = `${pad}${' '.repeat(step)}`;
        const first = lead === 'blank' ? [''] : lead === 'comment' ? [`${inner}# the list`] : lead === 'shallow' ? [`${pad}# shallow`] : lead === 'deep' ? [`${inner}  # deep`] : [];
        return [`${k}:`, ...first, ...vs.map(([v, c], i) => (asMap ? `${inner}k${i}: ${v}${c}` : `${inner}- ${v}${c}`))];
      },
    })),
);
const handFields = fc.uniqueArray(handField, { minLength: 1, maxLength: 5, selector: (f) => f.key });
/** Lines before a field other than the first: nothing, blank lines, comments at the key's column or elsewhere. */
const GAPS = mostly(['', '', '', '', 'blank', 'comment', 'blank comment', 'comment blank', 'comment comment'], ['outdent', 'indent', 'spaces']);
const handItems = fc
  .tuple(
    fc.constantFrom(0, 2, 4),
    fc.array(fc.tuple(handFields, fc.array(GAPS, { minLength: 5, maxLength: 5 }), GAPS), { minLength: 1, maxLength: 2 }),
    mostly(['', '\n', '\n\n', '\n  # next\n', '\n  # a\n\n  # b\n\n', '  # next'], ['\n# next\n', '\n    # next\n', '\n      # deep\n']),
    fc.constantFrom(' ', '  '),
  )
  .map(([indent, list, tail, afterDash]) => {
    const lines: string[] = [];
    const gapLines = (gap: string, col: number): string[] =>
      gap
        .split(' ')
        .filter(Boolean)
        .map((g) => (g === 'blank' ? '' : g === 'spaces' ? '  ' : g === 'outdent' ? `${' '.repeat(Math.max(0, col - 2))}# out` : g === 'indent' ? `${' '.repeat(col + 2)}# in` : `${' '.repeat(col)}# gap`));
    list.forEach(([fields, gaps, itemGap], n) => {
      const col = indent + 1 + afterDash.length;
      const pad = ' '.repeat(col);
      if (n > 0) lines.push(...gapLines(itemGap, indent));
      fields.forEach((f, i) => {
        const [first, ...rest] = f.lines(pad);
        if (i > 0) lines.push(...gapLines(gaps[i], col));
        lines.push(i === 0 ? `${' '.repeat(indent)}-${afterDash}${first}` : `${pad}${first}`, ...rest);
      });
    });
    const tailText = tail.replace(/\n {2}#/g, `\n${' '.repeat(indent)}#`);
    return `${lines.join('\n')}${tailText.startsWith('\n') ? tailText : `\n${tailText}`}`;
  });

const items = fc
  .tuple(
    fc.constantFrom(0, 2, 4),
    fc.array(fields, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', '\n', '\n\n', '  \n'),
    fc.boolean(),
    fc.constantFrom(' ', '  '),
  )
  .map(([indent, list, tail, trailingBreak, afterDash]) => {
    const lines: string[] = [];
    for (const fields of list) {
      const pad = ' '.repeat(indent + 1 + afterDash.length);
      fields.forEach((f, i) => {
        const [first, ...rest] = f.lines(pad);
        lines.push(i === 0 ? `${' '.repeat(indent)}-${afterDash}${first}` : `${pad}${first}`, ...rest);
      });
    }
    return `${lines.join('\n')}${trailingBreak ? '\n' : ''}${trailingBreak ? tail : ''}`;
  });

describe('simple YAML reader', () => {
  it('builds the AST yaml builds for every generated item it takes, and takes most of them', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(items, (text) => {
        runs++;
        if (checkSimpleYaml(text)) taken++;
      }),
      { seed: Number(process.env.SEED ?? 6), numRuns: Number(process.env.RUNS ?? 3000) },
    );
    assert.ok(taken > runs / 4, `took only ${taken} of ${runs}`);
  });

  it('agrees with yaml on every mangled item it takes (characters of every kind inserted and deleted)', () => {
    const CHARS = [...'-?:,[]{}#&*!|>\'"%@` \n\t\r\\aZ09.~_/', ': ', ' #', '- ', '\n  ', '\n    ', '\u00e9', '\u2028', '\ufeff', '\u0085', '\ud83d\ude00'];
    const mangle = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CHARS), fc.boolean()), { minLength: 1, maxLength: 3 });
    let taken = 0;
    fc.assert(
      fc.property(items, mangle, (start, edits) => {
        let text = start;
        for (const [at, ch, del] of edits) {
          const p = at % (text.length + 1);
          text = del ? text.slice(0, p) + text.slice(p + 1) : text.slice(0, p) + ch + text.slice(p);
        }
        if (checkSimpleYaml(text)) taken++;
      }),
      { seed: Number(process.env.SEED ?? 7), numRuns: Number(process.env.RUNS ?? 3000) },
    );
    assert.ok(taken > 150, `took only ${taken}`);
  });

  it('builds the AST yaml builds for each item of the example workspace and the incremental fixture', () => {
    const specs = path.join(REPO, 'examples/acme-shop/specs');
    const files = [...fs.readdirSync(specs).map((f) => path.join(specs, f)), path.join(REPO, 'test/fixtures/engine/incremental/base.spec.yaml')];
    let taken = 0;
    let total = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const layout = splitSpec(text);
      assert.ok(layout, file);
      for (let i = 0; i < layout.count; i++) {
        total++;
        if (checkSimpleYaml(text.slice(layout.starts[i], layout.ends[i]))) taken++;
      }
    }
    assert.ok(total >= 50 && taken > total / 2, `took ${taken} of ${total} items`);
  });

  it('builds the AST yaml builds for every hand-written item it takes (comments, blank lines, quotes, block scalars), and takes most of them', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(handItems, (text) => {
        runs++;
        if (checkSimpleYaml(text)) taken++;
      }),
      { seed: Number(process.env.SEED ?? 8), numRuns: Number(process.env.RUNS ?? 4000) },
    );
    // Each item has up to 10 fields, each with a near miss now and then.
    assert.ok(taken > runs / 8, `took only ${taken} of ${runs}`);
  });

  it('agrees with yaml on every mangled hand-written item it takes', () => {
    const CHARS = [...'-?:,[]{}#&*!|>\'"%@` \n\\aZ09.~_/+', ': ', ' #', '- ', '\n  ', '\n    ', '\n\n', '\n# c\n', '"', "''", '\\"', '|-', '>+', '|2', '\u00e9'];
    const mangle = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CHARS), fc.boolean()), { minLength: 1, maxLength: 3 });
    let taken = 0;
    fc.assert(
      fc.property(handItems, mangle, (start, edits) => {
        let text = start;
        for (const [at, ch, del] of edits) {
          const p = at % (text.length + 1);
          text = del ? text.slice(0, p) + text.slice(p + 1) : text.slice(0, p) + ch + text.slice(p);
        }
        if (checkSimpleYaml(text)) taken++;
      }),
      { seed: Number(process.env.SEED ?? 9), numRuns: Number(process.env.RUNS ?? 4000) },
    );
    assert.ok(taken > 80, `took only ${taken}`);
  });

  it('takes the hand-written forms it is meant for', () => {
    for (const text of [
      '- id: A\n  title: "quoted"\n',
      "- id: A\n  title: 'it''s'\n",
      '- id: A\n  title: "tab\\there \\"q\\" \\u00e9\\x41"\n',
      '- id: A\n  # a comment\n  title: t\n',
      '- id: A\n\n  title: t\n',
      '- id: A\n  status: approved  # since sprint 3\n',
      '- id: A\n  text: |\n    block\n    lines\n  status: draft\n',
      '- id: A\n  text: >-\n    folded\n    lines\n\n    para\n',
      '- id: A\n  text: |2\n     indented\n',
      '- id: A\n  tags: ["a", \'b\', c]  # flow\n',
      '- id: A\n  acceptance:\n    # the cases\n    - one\n    - two\n',
      '  - id: A\n    title: t\n\n  # B: next\n',
      '- id: A\n  title: t\n\n# B: next\n\n# more\n\n',
    ]) assert.ok(checkSimpleYaml(text), JSON.stringify(text));
  });

  it('declines what is outside its subset', () => {
    for (const text of [
      '- id: A\n  title: first\n    continued\n',
      '- id: A\n  title: "two\n    lines"\n',
      '- id: A\n  text: | # header comment\n    block\n',
      '- id: A\n  title: "bad \\q escape"\n',
      '- id: A\n    # misplaced comment\n  title: t\n',
      '- id: A\n  id: B\n',
      '- &a id: A\n',
      '- id: A\r\n',
      '-\n  id: A\n',
      '- id: A\n  list:\n  - same column\n',
      '- id: A\n\ttitle: tab\n',
      'id: A\n',
      '- id: A\n   title: misaligned\n',
      // Nesting deeper than the reader recurses: left to yaml.
      `- id: A\n${Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')}\n${'  '.repeat(81)}v: 1\n`,
    ]) assert.equal(reader.parseItems(text), undefined, JSON.stringify(text).slice(0, 80));
    // Nesting within the limit is read.
    assert.ok(reader.parseItems(`- id: A\n${Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')}\n${'  '.repeat(21)}v: 1\n`));
  });
});
