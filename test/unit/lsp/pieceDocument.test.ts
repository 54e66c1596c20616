// The piece document must behave exactly like vscode-languageserver-textdocument's TextDocument
// (the server used it before): same text, offsets, positions, line ranges and EOLs after any
// sequence of incremental and full changes, with \n, \r\n and lone \r, across piece boundaries.
// And `changedSince` must describe a region outside of which the old and new texts agree.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceDocument } from '../../../server/src/lsp/pieceDocument';

const CHARS = ['a', 'b', ' ', '-', ':', '\n', '\n', '\r\n', '\r', 'é', '😀', 'line\n', 'x\r\ny'];
const textArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((a) => a.join(''));

/**
 * A change as the client would send it: a range inside the document (TextDocument itself mishandles
 * ranges past the last line), given as fractions of the current text, possibly reversed.
 */
const changeArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), text: textArb }) },
  { weight: 1, arbitrary: textArb.map((text) => ({ full: text })) },
);
type Change = { from: number; to: number; text: string } | { full: string };

function toEvent(c: Change, ref: TextDocument): TextDocumentContentChangeEvent {
  if ('full' in c) return { text: c.full };
  const n = ref.getText().length;
  return { range: { start: ref.positionAt(Math.round(c.from * n)), end: ref.positionAt(Math.round(c.to * n)) }, text: c.text };
}

function assertSame(piece: PieceDocument, ref: TextDocument): void {
  const text = ref.getText();
  assert.equal(piece.length, text.length);
  assert.equal(piece.lineCount, ref.lineCount);
  for (let o = 0; o <= text.length + 1; o++) assert.deepEqual(piece.positionAt(o), ref.positionAt(o), `positionAt(${o}) of ${JSON.stringify(text)}`);
  for (let line = -1; line <= ref.lineCount; line++) {
    for (const character of [-1, 0, 1, 2, 5, 100]) {
      const pos = { line, character };
      assert.equal(piece.offsetAt(pos), ref.offsetAt(pos), `offsetAt(${line}:${character}) of ${JSON.stringify(text)}`);
    }
    assert.deepEqual(piece.getLineRange(line), ref.getLineRange(line), `getLineRange(${line})`);
    assert.equal(piece.getEOLCharacters(line), ref.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
  for (let a = 0; a <= text.length; a += 3) for (let b = a; b <= text.length; b += 5) assert.equal(piece.slice(a, b), text.slice(a, b));
  assert.equal(piece.getText({ start: { line: 1, character: 1 }, end: { line: 3, character: 2 } }), ref.getText({ start: { line: 1, character: 1 }, end: { line: 3, character: 2 } }));
  assert.equal(piece.getText(), text);
}

describe('PieceDocument', () => {
  it('matches TextDocument after any sequence of changes, whatever the piece size', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), fc.constantFrom(1, 4, 16, 1 << 14), (initial, batches, pieceSize) => {
        const ref = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
        const piece = PieceDocument.create('file:///a.yaml', 'yaml', 1, initial, pieceSize);
        assertSame(piece, ref);
        let version = 1;
        for (const batch of batches) {
          version++;
          for (const c of batch) {
            // Each change is in the coordinates left by the one before it, as LSP specifies.
            const event = toEvent(c, ref);
            TextDocument.update(ref, [event], version);
            PieceDocument.update(piece, [event], version);
          }
          assert.equal(piece.version, version);
          assertSame(piece, ref);
        }
      }),
      { numRuns: 400, seed: 6 },
    );
  });

  it('reports a changed region outside of which the old and the new text agree', () => {
    fc.assert(
      fc.property(textArb, fc.array(changeArb, { maxLength: 10 }), fc.nat(10), (initial, changes, markAt) => {
        const piece = PieceDocument.create('file:///a.yaml', 'yaml', 1, initial, 4);
        const ref = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
        let before = initial;
        let mark = piece.revision;
        let anyFull = false;
        changes.forEach((c, i) => {
          if (i === markAt) {
            before = piece.getText();
            mark = piece.revision;
            anyFull = false;
          }
          if ('full' in c) anyFull = true;
          const event = toEvent(c, ref);
          TextDocument.update(ref, [event], i + 2);
          PieceDocument.update(piece, [event], i + 2);
        });
        const region = piece.changedSince(mark);
        if (anyFull) return assert.equal(region, undefined);
        assert.ok(region);
        const after = piece.getText();
        assert.ok(region.prefix + region.suffix <= Math.min(before.length, after.length));
        assert.equal(after.slice(0, region.prefix), before.slice(0, region.prefix));
        assert.equal(after.slice(after.length - region.suffix), before.slice(before.length - region.suffix));
      }),
      { numRuns: 500, seed: 6 },
    );
  });

  it('forgets what changed before its edit log, and before a full replacement', () => {
    const piece = PieceDocument.create('file:///a.yaml', 'yaml', 1, 'a\nb\n');
    const start = piece.revision;
    for (let i = 0; i < 300; i++) PieceDocument.update(piece, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], i + 2);
    assert.equal(piece.changedSince(start), undefined);
    assert.deepEqual(piece.changedSince(piece.revision), { prefix: piece.length, suffix: 0 });
    const beforeFull = piece.revision;
    PieceDocument.update(piece, [{ text: 'new' }], 400);
    assert.equal(piece.changedSince(beforeFull), undefined);
  });
});
