// Offsets <-> LSP positions. The `yaml` package reports string offsets; editors speak (line, UTF-16
// character). JS strings are UTF-16, so a character is just the offset from the line start. Line
// breaks are \n, \r\n and a lone \r, as in LSP.
import type { Position, Range } from '../types';

/** Index of the last of the first `count` values of a sorted list that is <= `x` (-1 if none). */
export function lastAtOrBefore(list: ArrayLike<number>, count: number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export class LineIndex {
  /** Offset of the first character of every line; always starts with 0. */
  private readonly starts: number[];

  /**
   * `firstLine`: the line number the text's first line has in positions (a piece of a larger
   * document numbered as in the document); line numbers given to the methods are numbered alike.
   */
  constructor(
    private readonly text: string,
    private readonly firstLine = 0,
  ) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where `line` starts (clamped to the text). */
  lineStart(documentLine: number): number {
    const line = documentLine - this.firstLine;
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** Offset just before the line break that ends `line` (the text's end for the last line). */
  lineEnd(documentLine: number): number {
    return this.pieceLineEnd(documentLine - this.firstLine);
  }

  private pieceLineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    // Step back over the break: \n, \r\n or \r.
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.starts[line]);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const lo = lastAtOrBefore(this.starts, this.starts.length, o); // starts[0] is 0: never -1
    // An offset inside a \r\n pair belongs to the end of its line.
    return { line: lo + this.firstLine, character: Math.min(o, this.pieceLineEnd(lo)) - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    const line = pos.line - this.firstLine;
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    return Math.max(start, Math.min(start + Math.max(0, pos.character), this.pieceLineEnd(line)));
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function shiftRange(r: Range, lines: number): Range {
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
