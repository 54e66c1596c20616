// The incremental analyzer's invariant: after any sequence of edits, the incremental analyzer's result equals a fresh
// full analysis of the same text. And the chunked reading equals reading the document as one piece
// whenever the document is valid YAML. Seeded property tests over generated specs and random edits
// (characters, lines, `- ` item starts, indentation, broken YAML, anchors, tabs, `---`).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseConfig } from '../../../server/src/engine/config/config';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { resplitSpec, splitSpec } from '../../../server/src/engine/spec/chunker';
import type { Layout } from '../../../server/src/engine/spec/chunker';
import { SpecAnalyzer, analyzeSpec, analyzeSpecWhole } from '../../../server/src/engine/spec/specAnalyzer';
import type { SpecFile } from '../../../server/src/engine/types';
import { PieceDocument } from '../../../server/src/lsp/pieceDocument';
import { REPO } from './helpers';

const FILE = '/ws/specs/checkout.yaml';
const config = parseConfig('/ws/spectrace.yaml', undefined).config;
const schemaSet = createSchemaSet({ config, configFile: undefined, configText: undefined, readFile: () => undefined, trusted: true }).schemaSet;
const BASE = fs.readFileSync(path.join(REPO, 'test/fixtures/engine/incremental/base.spec.yaml'), 'utf8');

// ---------------------------------------------------------------------------------------------
// Generated specs

const KEYS = ['id', 'title', 'priority', 'status', 'type', 'estimate', 'parent', 'roadmap', 'depends_on', 'tags', 'owner', 'priorty', 'x-team', 'due', 'source', 'acceptance', 'description', 'insights', 'customer', 'importance', 'rice'];
const VALUES = ['PAY-1', 'pay_2', 'Pay by card', 'must', 'shuld', 'approved', 'done', '"quoted: value"', "'single'", '42', 'three', '', 'null', 'R-2026-Q1', '[a, b]', '[PAY-1, PAY-2]', '{ kind: customer }', '2026-01-01', '31/12/2026', 'yes', '# only a comment'];

const fieldLines = (pad: string): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => [`${k}: ${v}`]) },
    { weight: 1, arbitrary: fc.constantFrom(...KEYS).map((k) => [`${k}: |`, `${pad}  first line`, '', `${pad}  second line`]) },
    { weight: 1, arbitrary: fc.constantFrom('acceptance', 'depends_on', 'tags').map((k) => [`${k}:`, `${pad}  - one`, `${pad}  - id: AC-1`, `${pad}    text: two`]) },
  );

const item = (indent: number): fc.Arbitrary<string[]> => {
  const pad = ' '.repeat(indent + 2);
  return fc
    .tuple(
      fc.uniqueArray(fieldLines(pad), { minLength: 1, maxLength: 6, selector: (f) => f[0].split(':')[0] }),
      fc.constantFrom('', '# note', 'blank'),
      fc.boolean(),
    )
    .map(([fields, extra, crowded]) => {
      const lines: string[] = [];
      fields.forEach((f, i) => {
        const first = i === 0 ? `${' '.repeat(indent)}- ${f[0]}` : `${pad}${f[0]}`;
        lines.push(first, ...f.slice(1).map((l) => (l === '' ? '' : l.startsWith(pad) ? l : pad + l)));
      });
      if (extra === '# note') lines.push(crowded ? '# column-0 comment' : `${pad}# indented comment`);
      if (extra === 'blank') lines.push('');
      return lines;
    });
};

const list = (key: string): fc.Arbitrary<string[]> =>
  fc.constantFrom(0, 2).chain((indent) =>
    fc.array(item(indent), { minLength: 0, maxLength: 5 }).map((items) => [`${key}:`, ...items.flat()]),
  );

const spec: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom([], ['# header'], ['product: checkout'], ['product:', '  name: Checkout', '  owner: pm']),
    fc.option(list('requirements'), { nil: undefined }),
    fc.option(list('roadmap'), { nil: undefined }),
    fc.option(list('insights'), { nil: undefined }),
    fc.constantFrom([], ['x-notes: free'], ['x-anchor: &a [1, 2]'], ['x-list:', '  - 1']),
    fc.boolean(),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([head, reqs, road, insights, tail, roadFirst, insightsFirst, crlf]) => {
    const lists = roadFirst ? [...(road ?? []), ...(reqs ?? [])] : [...(reqs ?? []), ...(road ?? [])];
    const body = insightsFirst ? [...(insights ?? []), ...lists] : [...lists, ...(insights ?? [])];
    const text = `${[...head, ...body, ...tail].join('\n')}\n`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

// ---------------------------------------------------------------------------------------------
// Edits

type Edit =
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; n: number }
  | { op: 'insertLine'; line: number; s: string }
  | { op: 'deleteLine'; line: number }
  | { op: 'indent'; line: number; by: number }
  | { op: 'duplicateLine'; line: number };

const CHARS = ['a', 'Z', ' ', '\n', '-', '- ', ':', ': ', '#', '"', "'", '[', ']', '{', '\t', '&x ', '*x', '|', '1', 'é', '\r\n'];
const LINES = ['  - id: NEW-1', '- ', '-', '  -', 'requirements:', 'roadmap:', 'insights:', '    importance: 3', '    title: inserted', '  stray: key', '---', '# comment', '', 'product: other', '    - nested', '\tpriority: must', '  - &anchor { id: A-1 }', '    depends_on: *anchor', 'requirements: []'];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom(...CHARS) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('insertLine' as const), line: fc.nat(), s: fc.constantFrom(...LINES) }),
  fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
);

function apply(text: string, e: Edit): string {
  const lines = text.split('\n');
  const li = (n: number) => n % (lines.length || 1);
  switch (e.op) {
    case 'insert': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.s + text.slice(at);
    }
    case 'delete': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + e.n);
    }
    case 'insertLine':
      lines.splice(li(e.line), 0, e.s);
      return lines.join('\n');
    case 'deleteLine':
      lines.splice(li(e.line), 1);
      return lines.join('\n');
    case 'indent': {
      const i = li(e.line);
      lines[i] = e.by > 0 ? ' '.repeat(e.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-e.by}}`), '');
      return lines.join('\n');
    }
    case 'duplicateLine': {
      const i = li(e.line);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
  }
}

function commonPrefixOf(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffixOf(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** What consumers read: everything in the SpecFile (Maps compare by entries). */
function same(actual: SpecFile, expected: SpecFile, text: string): void {
  assert.deepStrictEqual(actual, expected, `results differ for text:\n${JSON.stringify(text)}`);
}

/** Syntax errors that change the document's structure (a duplicate key does not). */
function hasSyntaxProblems(r: SpecFile): boolean {
  return r.diagnostics.some((d) => d.code === 'yaml-syntax' && !d.message.startsWith('duplicate key'));
}

describe('incremental analysis', () => {
  it('equals a fresh analysis after every edit (generated specs, random edit sequences)', function () {
    // Hundreds of generated documents with up to three lists each: more than the default time on a busy machine.
    this.timeout(120_000);
    const runs = { chunked: 0, whole: 0, reused: 0 };
    fc.assert(
      fc.property(spec, fc.array(edit, { minLength: 1, maxLength: 25 }), (start, edits) => {
        const analyzer = new SpecAnalyzer(schemaSet, config);
        let text = start;
        same(analyzer.analyze(FILE, text).spec, analyzeSpec(FILE, text, schemaSet, config), text);
        for (const e of edits) {
          text = apply(text, e);
          const { spec: result, read } = analyzer.analyze(FILE, text);
          same(result, analyzeSpec(FILE, text, schemaSet, config), text);
          runs[read.mode === 'chunked' ? 'chunked' : 'whole']++;
          runs.reused += read.reusedChunks;
        }
      }),
      { seed: 20261128, numRuns: 200 },
    );
    // The property is only worth something if many edits stay on the incremental path (random edits
    // pile up damage that only a whole-document parse can read: tabs, `---`, anchors, stray indents).
    assert.ok(runs.chunked * 3 > runs.whole, JSON.stringify(runs));
    assert.ok(runs.reused > runs.chunked, JSON.stringify(runs));
  });

  it('reading an open document in pieces equals a fresh analysis after every edit (regions told, not compared)', function () {
    this.timeout(120_000);
    // The server hands the analyzer its open documents as pieces (lsp/pieceDocument.ts), which say
    // what changed instead of keeping the old text. The change is sent as a range somewhat wider than
    // the real edit (as editors do), several edits may pile up between readings, and a reading may
    // come as a plain string (a document read from disk) in between.
    const runs = { region: 0, other: 0 };
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.tuple(edit, fc.nat(6), fc.nat(6), fc.constantFrom('read', 'read', 'read', 'skip', 'string')), { minLength: 1, maxLength: 25 }),
        (start, pieceSize, steps) => {
          const analyzer = new SpecAnalyzer(schemaSet, config);
          const doc = PieceDocument.create('file:///ws/specs/checkout.yaml', 'yaml', 1, start, pieceSize);
          let text = start;
          let last = analyzer.analyze(FILE, doc);
          same(last.spec, analyzeSpec(FILE, text, schemaSet, config), text);
          for (const [e, slackBefore, slackAfter, how] of steps) {
            const next = apply(text, e);
            const p = commonPrefixOf(text, next);
            const s = Math.min(commonSuffixOf(text, next), Math.min(text.length, next.length) - p);
            let from = Math.max(0, p - slackBefore);
            let to = Math.min(text.length, text.length - s + slackAfter);
            // A range boundary between \r and \n is not a position a client can send.
            if (from > 0 && text[from - 1] === '\r' && text[from] === '\n') from--;
            if (to > 0 && to < text.length && text[to - 1] === '\r' && text[to] === '\n') to++;
            const replacement = next.slice(from, next.length - (text.length - to));
            PieceDocument.update(doc, [{ range: { start: doc.positionAt(from), end: doc.positionAt(to) }, text: replacement }], doc.version + 1);
            assert.equal(doc.getText(), next);
            text = next;
            if (how === 'skip') continue;
            const before = last.read;
            last = analyzer.analyze(FILE, how === 'string' ? text : doc);
            same(last.spec, analyzeSpec(FILE, text, schemaSet, config), text);
            if (how === 'read' && before.mode === 'chunked' && last.read.mode === 'chunked') runs.region++;
            else runs.other++;
          }
        },
      ),
      { seed: 20261129, numRuns: 300 },
    );
    // Random edits often break the plain layout (whole-document reading); enough readings must still
    // have gone through the told region for the property to say something.
    assert.ok(runs.region * 4 > runs.other, JSON.stringify(runs));
  });

  it('equals a fresh analysis after every edit of a realistic spec', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        const analyzer = new SpecAnalyzer(schemaSet, config);
        let text = BASE;
        analyzer.analyze(FILE, text);
        for (const e of edits) {
          text = apply(text, e);
          same(analyzer.analyze(FILE, text).spec, analyzeSpec(FILE, text, schemaSet, config), text);
        }
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('re-splitting an edited text gives the same layout as splitting it afresh', () => {
    let resynced = 0;
    fc.assert(
      fc.property(spec, fc.array(edit, { minLength: 1, maxLength: 30 }), (start, edits) => {
        let text = start;
        let layout = splitSpec(text);
        for (const e of edits) {
          const next = apply(text, e);
          const fresh = splitSpec(next);
          const again = layout ? resplitSpec(text, layout, next) : splitSpec(next);
          // What the split decides; `memos` and `carried` are bookkeeping for the analyzer.
          const decided = (l: Layout | undefined) => l && { ...l, memos: undefined, carried: undefined };
          assert.deepStrictEqual(decided(again), decided(fresh), `layouts differ after ${JSON.stringify(e)} on:\n${JSON.stringify(text)}`);
          if (layout && again) resynced++;
          text = next;
          layout = again;
        }
      }),
      { seed: 1128, numRuns: 4000 },
    );
    assert.ok(resynced > 8000, `only ${resynced} re-splits`);
  });

  it('chunked reading equals whole-document reading whenever the YAML is valid', () => {
    let compared = 0;
    fc.assert(
      fc.property(spec, fc.array(edit, { minLength: 0, maxLength: 3 }), (start, edits) => {
        let text = start;
        for (const e of edits) text = apply(text, e);
        const whole = analyzeSpecWhole(FILE, text, schemaSet, config);
        if (hasSyntaxProblems(whole)) return;
        compared++;
        same(analyzeSpec(FILE, text, schemaSet, config), whole, text);
      }),
      { seed: 42, numRuns: 300 },
    );
    assert.ok(compared > 100, `only ${compared} valid documents compared`);
  });

  it('the realistic base spec reads the same chunked and whole, with the expected problems', () => {
    const chunked = analyzeSpec(FILE, BASE, schemaSet, config);
    same(chunked, analyzeSpecWhole(FILE, BASE, schemaSet, config), BASE);
    assert.deepEqual(
      chunked.requirements.map((r) => r.id),
      ['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4', undefined],
    );
    assert.deepEqual(
      chunked.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
      [
        '45:15 “shuld” is not a valid priority: use must, should, could or wont — did you mean “should”?',
        '47:15 “estimate” must be a number',
        '48:5 unknown field “priorty” — did you mean “priority”?',
        '53:5 missing required field “id”',
        '67:8 “due” must be a date (YYYY-MM-DD)',
      ],
    );
  });

  it('reuses unchanged items: objects of items before and after a one-character edit are the same', () => {
    const analyzer = new SpecAnalyzer(schemaSet, config);
    const before = [...analyzer.analyze(FILE, BASE).spec.requirements];
    const at = BASE.indexOf('Refunds');
    const after = analyzer.analyze(FILE, `${BASE.slice(0, at)}X${BASE.slice(at)}`).spec;
    assert.equal(after.requirements[0], before[0]);
    assert.equal(after.requirements[3], before[3]);
    assert.notEqual(after.requirements[2], before[2]);
    assert.equal(after.requirements[2].fields.get('title')?.value, 'XRefunds');
  });

  it('an edit that moves no line updates the previous lists in place and says which items it swapped', () => {
    const analyzer = new SpecAnalyzer(schemaSet, config);
    const first = analyzer.analyze(FILE, BASE).spec;
    const before = [...first.requirements];
    const at = BASE.indexOf('Refunds');
    const edited = analyzer.analyze(FILE, `${BASE.slice(0, at)}X${BASE.slice(at)}`);
    const after = edited.spec;
    assert.equal(after.requirements, first.requirements, 'the same list object');
    assert.deepEqual(edited.change, { kind: 'in-place', removed: [before[2]], added: [after.requirements[2]] });
    // A new line moves the items after it: new lists, with the kept prefix (the index diffs the rest).
    const nl = BASE.indexOf('Refunds');
    const moved = analyzer.analyze(FILE, `${BASE.slice(0, nl)}X${BASE.slice(nl)}`.replace('\n', '\n\n'));
    assert.equal(moved.change.kind, 'new-lists');
    assert.notEqual(moved.spec.requirements, first.requirements);
  });
});
