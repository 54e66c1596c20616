// Offsets <-> LSP positions, with every kind of line break and UTF-16 characters.
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/engine/text/positions';

describe('LineIndex', () => {
  it('maps offsets to positions and back across \\n, \\r\\n and \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 4);
    const expected = [
      [0, 0, 0], [2, 0, 2], [3, 1, 0], [5, 1, 2], [7, 2, 0], [9, 2, 2], [10, 3, 0], [12, 3, 2],
    ];
    for (const [offset, line, character] of expected) {
      assert.deepEqual(idx.positionAt(offset), { line, character }, `offset ${offset}`);
      assert.equal(idx.offsetAt({ line, character }), offset);
    }
    // Inside a \r\n pair: the end of that line.
    assert.deepEqual(idx.positionAt(6), { line: 1, character: 2 });
  });

  it('numbers the lines of a piece as in its document when given the piece\'s first line', () => {
    const text = 'ab\r\ncd\nef';
    const whole = new LineIndex(text);
    const piece = new LineIndex(text, 10);
    for (let o = 0; o <= text.length; o++) {
      const p = piece.positionAt(o);
      const w = whole.positionAt(o);
      assert.deepEqual(p, { line: w.line + 10, character: w.character });
      assert.equal(piece.offsetAt(p), whole.offsetAt(w));
    }
    for (let line = 0; line < 3; line++) {
      assert.equal(piece.lineStart(line + 10), whole.lineStart(line));
      assert.equal(piece.lineEnd(line + 10), whole.lineEnd(line));
    }
    assert.equal(piece.lineStart(9), 0);
    assert.equal(piece.offsetAt({ line: 13, character: 0 }), text.length);
  });

  it('clamps out-of-range input', () => {
    const idx = new LineIndex('abc\ndef');
    assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(99), { line: 1, character: 3 });
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), 7);
    assert.equal(idx.offsetAt({ line: -1, character: 0 }), 0);
  });

  it('counts characters in UTF-16 code units, like LSP', () => {
    const idx = new LineIndex('é😀x\ny');
    assert.deepEqual(idx.positionAt(4), { line: 0, character: 4 }); // é is 1 unit, the emoji 2
    assert.deepEqual(idx.positionAt(5), { line: 1, character: 0 });
  });

  it('handles empty text and a trailing line break', () => {
    assert.deepEqual(new LineIndex('').positionAt(0), { line: 0, character: 0 });
    const idx = new LineIndex('a\n');
    assert.equal(idx.lineCount, 2);
    assert.deepEqual(idx.positionAt(2), { line: 1, character: 0 });
  });
});
