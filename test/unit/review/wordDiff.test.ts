// The word diff behind the review hovers and `spectrace suspects`, the review text it compares, and
// the text splicing the review edits go through (several edits, CRLF, a byte order mark).
import * as assert from 'node:assert/strict';
import { applyEdits, baselineEdits, eolOf, lineReader } from '../../../server/src/engine/review/reviewEdits';
import { reviewText } from '../../../server/src/engine/review/reviewText';
import { renderWordDiffMarkdown, renderWordDiffPlain, wordDiff } from '../../../server/src/engine/text/wordDiff';
import { parseConfig } from '../../../server/src/engine/config/config';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { analyzeSpec } from '../../../server/src/engine/spec/specAnalyzer';

describe('review: word diff', () => {
  it('keeps the common words and marks what went and what came', () => {
    assert.deepEqual(wordDiff('the card is charged once', 'the card is charged twice'), [
      { kind: 'same', text: 'the card is charged ' },
      { kind: 'removed', text: 'once' },
      { kind: 'added', text: 'twice' },
    ]);
    assert.equal(renderWordDiffPlain(wordDiff('a b c', 'a c d')), 'a [-b -]c{+ d+}');
  });

  it('handles empty sides and identical texts', () => {
    assert.deepEqual(wordDiff('', 'new text'), [{ kind: 'added', text: 'new text' }]);
    assert.deepEqual(wordDiff('old', ''), [{ kind: 'removed', text: 'old' }]);
    assert.deepEqual(wordDiff('same\ntext', 'same\ntext'), [{ kind: 'same', text: 'same\ntext' }]);
  });

  it('renders Markdown with struck and bold words, a space between a removal and its replacement, and escaping', () => {
    const md = renderWordDiffMarkdown(wordDiff('pay *once* now', 'pay twice now'), (s) => s.replace(/\*/g, '\\*'));
    assert.equal(md, 'pay ~~\\*once\\*~~ **twice** now');
  });

  it('replaces a text too large to compare word by word as a whole', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    assert.deepEqual(
      wordDiff(a, b).map((p) => p.kind),
      ['removed', 'added'],
    );
  });
});

describe('review: review text', () => {
  it('has one heading per review field; lists as items, {id, text} criteria with their id', () => {
    const text = reviewText({ title: 'Pay', description: 'Line one  \r\nline two\n\n', acceptance: ['Given a card', { id: 'AC2', text: 'Then it works' }] }, ['title', 'description', 'acceptance']);
    assert.equal(text, 'title:\nPay\n\ndescription:\nLine one\nline two\n\nacceptance:\n- Given a card\n- AC2: Then it works\n');
    assert.equal(reviewText({}, ['title']), 'title:\n\n');
  });
});

describe('review: edits', () => {
  const config = parseConfig('/ws/spectrace.yaml', 'review: {}\n').config;
  const schemaSet = createSchemaSet({ config, configFile: '/ws/spectrace.yaml', configText: 'review: {}\n', readFile: () => undefined, trusted: true }).schemaSet;

  it('inserts after the id line with the file line breaks, keeping a byte order mark and CRLF', () => {
    const text = '\uFEFFrequirements:\r\n  - id: PAY-1 # note\r\n    title: T\r\n    status: approved\r\n    priority: must\r\n';
    const item = analyzeSpec('/ws/specs/a.yaml', text, schemaSet, config).requirements[0];
    const edits = baselineEdits(item, 'v1:aaaaaaaaaaaa', lineReader(text), eolOf(text));
    assert.ok(edits);
    assert.equal(applyEdits(text, edits), '\uFEFFrequirements:\r\n  - id: PAY-1 # note\r\n    rev: 1\r\n    fingerprint: v1:aaaaaaaaaaaa\r\n    title: T\r\n    status: approved\r\n    priority: must\r\n');
  });

  it('offers no insertion for a flow-mapping item', () => {
    const text = 'requirements:\n  - {id: PAY-1, title: T, status: approved, priority: must}\n';
    const item = analyzeSpec('/ws/specs/a.yaml', text, schemaSet, config).requirements[0];
    assert.equal(baselineEdits(item, 'v1:aaaaaaaaaaaa', lineReader(text), eolOf(text)), undefined);
  });

  it('applies several edits of one text in one pass, in any order', () => {
    const text = 'ab\ncd\nef\n';
    const at = (line: number, from: number, to: number, newText: string) => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
    assert.equal(applyEdits(text, [at(2, 1, 1, 'X'), at(0, 0, 1, 'A'), at(1, 2, 2, '@2')]), 'Ab\ncd@2\neXf\n');
  });
});
