// An LSP text document kept as a list of pieces (each ending at a line break, ~16 KB) instead of one
// string. `TextDocument` from vscode-languageserver-textdocument rebuilds its whole string on every
// incremental change (substring + concat + a charCodeAt that flattens it): at 20,000 requirements
// that is an 11 MB copy per keystroke and most of the garbage. Here an edit rebuilds one
// piece; the whole string is built only when a feature asks for it, and kept until the next edit.
// Line arithmetic follows TextDocument exactly (\n, \r\n and a lone \r end a line; a position past
// the end of a line is clamped before its line break).
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lastAtOrBefore } from '../engine/text/positions';
import type { ChangedRegion, SpecSource } from '../engine/spec/specSource';

const DEFAULT_PIECE_SIZE = 16 * 1024;
/** Edits remembered for `changedSince`; an older revision gets "unknown" (the reader compares texts). */
const EDIT_LOG_SIZE = 256;

interface Piece {
  text: string;
  /** Offsets (within the piece) just after each line break. */
  breaks: number[];
}

interface LoggedEdit {
  revision: number;
  start: number;
  oldEnd: number;
  lengthBefore: number;
  lengthAfter: number;
}

export class PieceDocument implements TextDocument, SpecSource {
  private pieces: Piece[] = [];
  /** Per piece: offset of its first character, and the line it starts on. One more entry at the end. */
  private pieceStart: number[] = [0];
  private pieceLine: number[] = [0];
  private whole: string | undefined;
  private log: LoggedEdit[] = [];
  /** The oldest revision `changedSince` can answer for. */
  private knownSince = 0;
  revision = 0;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    content: string,
    /** Target piece length (tests use tiny pieces to cross piece boundaries often). */
    private readonly pieceSize: number,
  ) {
    this.setAll(content);
  }

  static create(uri: string, languageId: string, version: number, content: string, pieceSize = DEFAULT_PIECE_SIZE): PieceDocument {
    return new PieceDocument(uri, languageId, version, content, Math.max(1, pieceSize));
  }

  /** The `TextDocuments` update hook: applies the changes in order, in place. */
  static update(document: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument {
    for (const change of changes) {
      if ('range' in change && change.range) document.replace(wellFormed(change.range), change.text);
      else document.setAll(change.text);
    }
    document._version = version;
    return document;
  }

  get version(): number {
    return this._version;
  }

  get length(): number {
    return this.pieceStart[this.pieces.length];
  }

  get lineCount(): number {
    return this.pieceLine[this.pieces.length] + 1;
  }

  getText(range?: Range): string {
    if (!range) return this.text();
    return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  text(): string {
    this.whole ??= this.pieces.length === 1 ? this.pieces[0].text : this.pieces.map((p) => p.text).join('');
    return this.whole;
  }

  slice(start: number, end: number): string {
    start = Math.max(0, start);
    end = Math.min(this.length, end);
    if (end <= start) return '';
    if (this.whole !== undefined) return this.whole.slice(start, end);
    const first = this.pieceAt(start);
    const last = this.pieceAt(end - 1);
    if (first === last) return this.pieces[first].text.slice(start - this.pieceStart[first], end - this.pieceStart[first]);
    const parts = [this.pieces[first].text.slice(start - this.pieceStart[first])];
    for (let i = first + 1; i < last; i++) parts.push(this.pieces[i].text);
    parts.push(this.pieces[last].text.slice(0, end - this.pieceStart[last]));
    return parts.join('');
  }

  offsetAt(position: Position): number {
    const lineCount = this.lineCount;
    if (position.line >= lineCount) return this.length;
    if (position.line < 0) return 0;
    const lineStart = this.lineStartOffset(position.line);
    const nextLineStart = position.line + 1 < lineCount ? this.lineStartOffset(position.line + 1) : this.length;
    if (position.character <= 0) return lineStart;
    return this.beforeEol(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    // The piece holding the offset (the last piece for the end of the text).
    const p = offset === this.length ? this.pieces.length - 1 : this.pieceAt(offset);
    const within = offset - this.pieceStart[p];
    const breaks = this.pieces[p].breaks;
    // Number of line breaks in the piece that end at or before `within`.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] <= within) lo = mid + 1;
      else hi = mid;
    }
    const lineStart = lo === 0 ? 0 : breaks[lo - 1];
    const start = this.pieceStart[p] + lineStart;
    return { line: this.pieceLine[p] + lo, character: this.beforeEol(offset, start) - start };
  }

  getLineRange(line: number): Range {
    const lineCount = this.lineCount;
    if (line >= lineCount) {
      const last = lineCount - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - this.lineStartOffset(last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.lineStartOffset(line);
    const next = line + 1 < lineCount ? this.lineStartOffset(line + 1) : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineCount = this.lineCount;
    if (line < 0 || line >= lineCount) return '';
    const start = this.lineStartOffset(line);
    const next = line + 1 < lineCount ? this.lineStartOffset(line + 1) : this.length;
    return this.slice(this.beforeEol(next, start), next);
  }

  changedSince(revision: number): ChangedRegion | undefined {
    if (revision < this.knownSince || revision > this.revision) return undefined;
    let prefix = Infinity;
    let suffix = Infinity;
    let length = this.length;
    let lengthThen = length;
    for (const e of this.log) {
      if (e.revision <= revision) continue;
      if (prefix === Infinity) lengthThen = e.lengthBefore;
      prefix = Math.min(prefix, e.start);
      // The earlier unchanged suffix survives only up to this edit's end.
      suffix = Math.min(suffix, e.lengthBefore - e.oldEnd);
      length = e.lengthAfter;
    }
    if (prefix === Infinity) return { prefix: length, suffix: 0 };
    return { prefix, suffix: Math.min(suffix, Math.min(length, lengthThen) - prefix) };
  }

  // -------------------------------------------------------------------------------------------

  private setAll(content: string): void {
    this.pieces = splitIntoPieces(content, this.pieceSize);
    if (this.pieces.length === 0) this.pieces.push({ text: '', breaks: [] });
    this.reindex(0);
    this.whole = content;
    this.revision++;
    this.log = [];
    this.knownSince = this.revision;
  }

  private replace(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    const lengthBefore = this.length;
    const first = this.pieceAt(start);
    let last = end > start ? this.pieceAt(end - 1) : first;
    let joined =
      this.pieces[first].text.slice(0, start - this.pieceStart[first]) + text + this.pieces[last].text.slice(end - this.pieceStart[last]);
    // Every piece but the last ends with '\n', so a line break never straddles two pieces.
    while (last + 1 < this.pieces.length && !joined.endsWith('\n')) joined += this.pieces[++last].text;
    const replacement = splitIntoPieces(joined, this.pieceSize);
    if (replacement.length === 0 && this.pieces.length === last - first + 1) replacement.push({ text: '', breaks: [] });
    this.pieces.splice(first, last - first + 1, ...replacement);
    this.reindex(first);
    this.whole = undefined;
    this.revision++;
    this.log.push({ revision: this.revision, start, oldEnd: end, lengthBefore, lengthAfter: this.length });
    if (this.log.length > EDIT_LOG_SIZE) this.knownSince = this.log.shift()?.revision ?? this.revision;
  }

  /** Recompute the running offsets and lines from piece `from` on. */
  private reindex(from: number): void {
    const n = this.pieces.length;
    this.pieceStart.length = n + 1;
    this.pieceLine.length = n + 1;
    for (let i = from; i < n; i++) {
      this.pieceStart[i + 1] = this.pieceStart[i] + this.pieces[i].text.length;
      this.pieceLine[i + 1] = this.pieceLine[i] + this.pieces[i].breaks.length;
    }
  }

  /** The piece holding `offset` (0 <= offset < length). */
  private pieceAt(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.pieceStart, this.pieces.length, offset));
  }

  private lineStartOffset(line: number): number {
    // The last piece whose first line is <= line: the line starts in it (pieces end at line breaks).
    const lo = Math.max(0, lastAtOrBefore(this.pieceLine, this.pieces.length, line));
    const k = line - this.pieceLine[lo];
    return this.pieceStart[lo] + (k === 0 ? 0 : this.pieces[lo].breaks[k - 1]);
  }

  /** `offset` moved back before any line break characters, but not before `lineStart`. */
  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && isEol(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private charCodeAt(offset: number): number {
    const p = this.pieceAt(offset);
    return this.pieces[p].text.charCodeAt(offset - this.pieceStart[p]);
  }
}

function isEol(ch: number): boolean {
  return ch === 10 || ch === 13;
}

/** Pieces of about `size`, each ending just after a '\n' (except possibly the last). */
function splitIntoPieces(text: string, size: number): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    if (end - start > size * 2) {
      const nl = text.indexOf('\n', start + size);
      end = nl < 0 ? text.length : nl + 1;
    }
    // A copy, so a piece never pins the larger string it was cut from.
    const piece = end - start === text.length ? text : (text.slice(start, end) + ' ').slice(0, -1);
    pieces.push({ text: piece, breaks: lineBreaks(piece) });
    start = end;
  }
  return pieces;
}

function lineBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    } else if (ch === 10) out.push(i + 1);
  }
  return out;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}
