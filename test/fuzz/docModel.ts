// The fuzzer's side of text synchronisation: what the editor believes each document holds. Changes are
// applied here with the same library the server uses (vscode-languageserver-textdocument), so both
// sides agree on the text and positions stay meaningful even after hostile edits.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Prng } from './prng';
import { HOSTILE_CHARS } from './mutations';

/**
 * One incremental change that turns `doc`'s text into `next`: the differing middle between the common
 * prefix and suffix. The range never starts or ends between the `\r` and `\n` of a CRLF (a position
 * there cannot be expressed in LSP terms), so the edit is widened by one character instead.
 */
export function diffChange(doc: TextDocument, next: string): { range: Range; text: string } {
  const old = doc.getText();
  let start = 0;
  const max = Math.min(old.length, next.length);
  while (start < max && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNew = next.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === next.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  const splitsCrlf = (s: string, at: number) => at > 0 && at < s.length && s[at - 1] === '\r' && s[at] === '\n';
  while (start > 0 && (splitsCrlf(old, start) || splitsCrlf(next, start))) start--;
  while (endOld < old.length && (splitsCrlf(old, endOld) || splitsCrlf(next, endNew))) {
    endOld++;
    endNew++;
  }
  return { range: { start: doc.positionAt(start), end: doc.positionAt(endOld) }, text: next.slice(start, endNew) };
}

const TYPED: readonly string[] = ['', 'a', ' ', '\n', ': ', '- ', '  ', 'id: ', 'PAY-', 'PAY-1', '@implements ', '\r\n', '#', '"', '[', ']', '{', '}', '\t'];

/** A random edit at a random range, sometimes past the end of a line or of the document. */
export function randomEdit(doc: TextDocument, rng: Prng): { range: Range; text: string } {
  const pos = (): Position => {
    if (rng.chance(0.05)) return { line: doc.lineCount + rng.int(0, 3), character: rng.int(0, 5) };
    const line = rng.int(0, doc.lineCount - 1);
    const lineLen = doc.offsetAt({ line: line + 1, character: 0 }) - doc.offsetAt({ line, character: 0 });
    return { line, character: rng.chance(0.05) ? lineLen + rng.int(1, 1000) : rng.int(0, lineLen) };
  };
  let a = pos();
  let b = rng.chance(0.5) ? a : pos();
  if (doc.offsetAt(b) < doc.offsetAt(a)) [a, b] = [b, a];
  const text = rng.chance(0.8) ? rng.pick(TYPED) : rng.pick(HOSTILE_CHARS);
  return { range: { start: a, end: b }, text };
}

/**
 * Applies `changes` to `doc` as the server will; returns a new document (version `version`) and leaves
 * `doc` as it was: TextDocument.update changes the document it is given, and a caller that applied the
 * changes one by one to see where the next one goes would otherwise apply them twice. One change at a
 * time, the line table built from the text each time: update's incremental line table goes wrong for a
 * range past the last line (randomEdit sends some), which misplaces the next change and makes
 * positionAt answer NaN.
 */
export function applyChanges(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  let text = doc.getText();
  for (const change of changes) text = TextDocument.update(TextDocument.create(doc.uri, doc.languageId, version, text), [change], version).getText();
  return TextDocument.create(doc.uri, doc.languageId, version, text);
}

export function createDocument(uri: string, languageId: string, version: number, text: string): TextDocument {
  return TextDocument.create(uri, languageId, version, text);
}

/** A position anywhere in `doc`, biased towards IDs and keys, sometimes out of range. */
export function randomPosition(doc: TextDocument, rng: Prng): Position {
  const text = doc.getText();
  const roll = rng.next();
  if (roll < 0.1) {
    return rng.chance(0.5)
      ? { line: doc.lineCount + rng.int(0, 50), character: rng.int(0, 10) }
      : { line: rng.int(0, Math.max(0, doc.lineCount - 1)), character: rng.int(500, 100_000) };
  }
  if (roll < 0.55 && text.length) {
    // Near an ID-like word or a key: where the interesting features answer.
    const re = rng.chance(0.7) ? /[A-Z][A-Z0-9]*-[0-9]+/g : /^\s*-?\s*[a-z_]+:/gm;
    const hits = [...text.slice(0, 200_000).matchAll(re)];
    if (hits.length) {
      const m = rng.pick(hits);
      return doc.positionAt((m.index ?? 0) + rng.int(0, m[0].length));
    }
  }
  return doc.positionAt(rng.int(0, text.length));
}

/** A random range in `doc` (valid, or partly out of range). */
export function randomRange(doc: TextDocument, rng: Prng): Range {
  const a = randomPosition(doc, rng);
  const b = rng.chance(0.5) ? a : randomPosition(doc, rng);
  const before = a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before ? { start: a, end: b } : { start: b, end: a };
}
