import * as assert from 'node:assert/strict';
import { cursorContext, keyAtCursor } from '../../../server/src/features/yamlCursor';

/** The text with `§` removed and the position of `§`. */
function at(marked: string): { text: string; pos: { line: number; character: number } } {
  const i = marked.indexOf('§');
  const before = marked.slice(0, i);
  const lines = before.split('\n');
  return { text: before + marked.slice(i + 1), pos: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

function ctx(marked: string) {
  const { text, pos } = at(marked);
  return cursorContext(text, pos);
}

const SPEC = `product: shop
requirements:
  - id: PAY-1
    title: Pay
    priority: must
    source: { kind: customer }
    depends_on:
      - ACC-1
`;

describe('yamlCursor', () => {
  it('a text starting with an empty line: line 0 and the walk upwards both end (no endless loop)', () => {
    assert.equal(ctx('§\nrequirements:\n')?.path.length ?? 0, 0);
    const c = ctx('\nrequirements:\n  - id: PAY-1\n    prio§');
    assert.deepEqual(c?.path, ['requirements', '[]']);
    assert.equal(c?.word, 'prio');
    assert.equal(ctx('\n\n    x§')?.position ?? 'key', 'key');
  });

  it('finds a partial key inside a requirement', () => {
    const c = ctx(SPEC + '    prio§');
    assert.deepEqual(c?.path, ['requirements', '[]']);
    assert.equal(c?.position, 'key');
    assert.equal(c?.word, 'prio');
  });

  it('finds the value of a key', () => {
    const c = ctx('requirements:\n  - id: PAY-1\n    priority: sh§');
    assert.deepEqual(c?.path, ['requirements', '[]', 'priority']);
    assert.equal(c?.position, 'value');
    assert.equal(c?.word, 'sh');
    assert.deepEqual(c?.wordRange, { start: { line: 2, character: 14 }, end: { line: 2, character: 16 } });
  });

  it('reads the key on the dash line of a new item', () => {
    const c = ctx('requirements:\n  - id: PAY-1\n  - ti§');
    assert.deepEqual(c?.path, ['requirements', '[]']);
    assert.equal(c?.position, 'key');
    assert.equal(c?.afterDash, true);
  });

  it('handles a list at the same indent as its key', () => {
    const c = ctx('roadmap:\n- id: R-1\n  status: §');
    assert.deepEqual(c?.path, ['roadmap', '[]', 'status']);
    assert.equal(c?.position, 'value');
  });

  it('finds entries of block and flow lists', () => {
    assert.deepEqual(ctx(SPEC + '      - AC§')?.path, ['requirements', '[]', 'depends_on', '[]']);
    const flow = ctx('requirements:\n  - id: A-1\n    depends_on: [ACC-1, AC§]');
    assert.deepEqual(flow?.path, ['requirements', '[]', 'depends_on', '[]']);
    assert.equal(flow?.position, 'value');
    assert.equal(flow?.word, 'AC');
  });

  it('finds keys and values in flow mappings', () => {
    const v = ctx('requirements:\n  - id: A-1\n    source: { kind: cu§');
    assert.deepEqual(v?.path, ['requirements', '[]', 'source', 'kind']);
    assert.equal(v?.position, 'value');
    const k = ctx('requirements:\n  - id: A-1\n    source: { kind: customer, r§');
    assert.deepEqual(k?.path, ['requirements', '[]', 'source']);
    assert.equal(k?.position, 'key');
  });

  it('skips far-away items quickly and still finds the top-level key', () => {
    const many = 'requirements:\n' + Array.from({ length: 2000 }, (_, i) => `  - id: A-${i}\n    title: T ${i}\n    description: |\n      text: with a colon\n`).join('');
    const c = ctx(many + '    status: §');
    assert.deepEqual(c?.path, ['requirements', '[]', 'status']);
  });

  it('returns undefined in a comment', () => {
    assert.equal(ctx('requirements:\n  # a note §'), undefined);
  });

  it('gives the path of the key under the cursor', () => {
    const { text } = at(SPEC + '§');
    const lines = text.split('\n');
    const k = keyAtCursor(text, { line: 4, character: 6 });
    assert.deepEqual(k?.path, ['requirements', '[]', 'priority']);
    assert.deepEqual(k?.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 12 } });
    const flowKey = keyAtCursor(text, { line: 5, character: lines[5].indexOf('kind') + 1 });
    assert.deepEqual(flowKey?.path, ['requirements', '[]', 'source', 'kind']);
    assert.deepEqual(keyAtCursor(text, { line: 2, character: 6 })?.path, ['requirements', '[]', 'id']);
    assert.equal(keyAtCursor(text, { line: 4, character: 15 }), undefined);
  });
});
