// The text edits change review makes, shared by the quick fixes, the bump request and the CLI: each
// rewrites only a value or a suffix (or inserts one line), so comments, blank lines, quoting and key
// order elsewhere stay exactly as they were.
import type { Range, SpecItem } from '../types';
import type { ReviewLink } from './reviewModel';
import { revOf } from './reviewModel';

export interface FileEdit {
  file: string;
  range: Range;
  newText: string;
}

/** Reads one line of a file (without its line break); undefined past the end. */
export type LineReader = (line: number) => string | undefined;

/** A key line to insert after the `id` line, at the indentation of the item's keys; undefined for a flow mapping. */
export function insertAfterId(item: SpecItem, lineAt: LineReader, eol: string, lines: string[]): FileEdit | undefined {
  const id = item.fields.get('id');
  if (!id || !item.idRange || id.keyRange.start.line !== item.idRange.end.line) return undefined;
  const line = item.idRange.end.line;
  const text = lineAt(line);
  // Only `  - id: PAY-1` (a block mapping, maybe a comment after): not `- {id: PAY-1, …}`.
  if (text === undefined || !/^[\s-]*$/.test(text.slice(0, id.keyRange.start.character))) return undefined;
  if (!/^\s*(#.*)?$/.test(text.slice(item.idRange.end.character))) return undefined;
  const indent = ' '.repeat(id.keyRange.start.character);
  const end = text.replace(/\r$/, '').length;
  return { file: item.file, range: { start: { line, character: end }, end: { line, character: end } }, newText: lines.map((l) => `${eol}${indent}${l}`).join('') };
}

/** Writes the fingerprint (and `rev: 1` when there is no `rev`): the Baseline fix and `spectrace baseline`. */
export function baselineEdits(item: SpecItem, fingerprint: string, lineAt: LineReader, eol: string): FileEdit[] | undefined {
  const stored = item.fields.get('fingerprint');
  if (stored) return [{ file: item.file, range: stored.valueRange, newText: fingerprint }];
  const add = item.fields.has('rev') ? [`fingerprint: ${fingerprint}`] : ['rev: 1', `fingerprint: ${fingerprint}`];
  const edit = insertAfterId(item, lineAt, eol, add);
  return edit && [edit];
}

/**
 * A substantive change (rev N -> N+1, new fingerprint) or, `editorial`, a new fingerprint only; the
 * fingerprint is written when missing too.
 */
export function bumpEdits(item: SpecItem, fingerprint: string, editorial: boolean, lineAt: LineReader, eol: string): FileEdit[] | undefined {
  const stored = item.fields.get('fingerprint');
  const rev = item.fields.get('rev');
  const next = revOf(item) + 1;
  const edits: FileEdit[] = [];
  const insert: string[] = [];
  if (!editorial) {
    if (rev) edits.push({ file: item.file, range: rev.valueRange, newText: String(next) });
    else insert.push(`rev: ${next}`);
  }
  if (stored) edits.push({ file: item.file, range: stored.valueRange, newText: fingerprint });
  else insert.push(`fingerprint: ${fingerprint}`);
  if (insert.length > 0) {
    const edit = insertAfterId(item, lineAt, eol, insert);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/** Marks a link reviewed at `rev`: rewrites its suffix (or adds one after the ID), nothing else. */
export function reviewedEdit(link: ReviewLink, rev: number): FileEdit {
  const range = link.revRange ?? { start: link.range.end, end: link.range.end };
  return { file: link.file, range, newText: `@${rev}` };
}

/** The line break a text uses (its first one; LF when it has none). */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** A LineReader over a whole text. */
export function lineReader(text: string): LineReader {
  const lines = text.split('\n');
  return (line) => lines[line]?.replace(/\r$/, '');
}

/** `text` with `edits` applied (non-overlapping; any order). */
export function applyEdits(text: string, edits: readonly Pick<FileEdit, 'range' | 'newText'>[]): string {
  // Engine columns on line 0 do not count a byte order mark (editors do not show it).
  const starts: number[] = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  // One pass over the text in order (splicing edit by edit would copy a large file once per edit).
  const sorted = edits.map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), text: e.newText })).sort((a, b) => a.from - b.from);
  const pieces: string[] = [];
  let at = 0;
  for (const e of sorted) {
    pieces.push(text.slice(at, e.from), e.text);
    at = e.to;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
