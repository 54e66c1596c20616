// Where the cursor is in a YAML document, read from the lines around it rather than a parse: the text
// being typed is usually not valid YAML yet (`  prio|`, `depends_on: [ACC-1, |`), and a 20,000-item
// file must not be reparsed per keystroke. Block structure comes from indentation, flow collections
// on the cursor's line are tokenised up to the cursor.
import type { Position, Range } from '../engine/types';

/** A list item step in a path. */
export const ITEM = '[]';

export interface CursorContext {
  /**
   * For `key`: the path of the mapping the key belongs to (`['requirements', '[]']`).
   * For `value`: the path of the value (`['requirements', '[]', 'priority']`, or
   * `['requirements', '[]', 'depends_on', '[]']` for an entry of a list).
   */
  path: string[];
  position: 'key' | 'value';
  /** The word at the cursor (a partial key or value) and the range a completion replaces. */
  word: string;
  wordRange: Range;
  /** Column where the key (or list entry) at the cursor starts. */
  column: number;
  /** True when the cursor is on a `- ` line of a list whose items could be keys or scalars. */
  afterDash: boolean;
}

interface Frame {
  /** Column of the frame's start. */
  col: number;
  /** A key name, or ITEM for a `- ` entry. */
  step: string;
}

const SPACE = 32;
const HASH = 35;

function lineBounds(text: string, offset: number): { start: number; end: number } {
  // lastIndexOf with a negative position still looks at index 0: a text starting with '\n' would put
  // the start of line 0 after the cursor.
  const start = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end };
}

function offsetOf(text: string, pos: Position): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const { end } = lineBounds(text, offset);
  return Math.min(offset + Math.max(0, pos.character), end);
}

/** A block key at `i`: a plain or quoted scalar followed by `:` and a space or the line end. */
function keyAt(line: string, i: number): { name: string; colon: number } | undefined {
  const c = line[i];
  if (c === undefined || c === '#' || c === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) return undefined;
  if (c === '"' || c === "'") {
    const close = line.indexOf(c, i + 1);
    if (close < 0 || line[close + 1] !== ':') return undefined;
    return { name: line.slice(i + 1, close), colon: close + 1 };
  }
  if ('[{&*!|>%@`'.includes(c)) return undefined;
  const m = /^([^:#]*?[^\s:])\s*:(?=\s|$)/.exec(line.slice(i));
  if (!m) return undefined;
  return { name: m[1], colon: i + m[0].length - 1 };
}

/** The block frames a line opens: `- ` entries and a key, with their columns. */
function framesOf(line: string): Frame[] {
  const frames: Frame[] = [];
  let i = 0;
  for (;;) {
    while (line.charCodeAt(i) === SPACE) i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      frames.push({ col: i, step: ITEM });
      i += 1;
      continue;
    }
    break;
  }
  const key = keyAt(line, i);
  if (key) frames.push({ col: i, step: key.name });
  return frames;
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === 9 || c === 13) continue;
    return c === HASH;
  }
  return true;
}

/**
 * The ancestors of a block entry at `column` (a key, or a `- ` item when `isItem`), walking back from
 * the line before `lineStart`. A key's parent is a key or item left of it; an item's parent is a key at
 * its column or left of it (`requirements:` followed by `- id:` at the same indent is valid YAML).
 */
function ancestors(text: string, lineStart: number, column: number, isItem: boolean): string[] {
  const path: string[] = [];
  let keyLimit = isItem ? column + 1 : column;
  let itemLimit = column;
  let end = lineStart - 1; // the '\n' ending the previous line
  while (end >= 0 && (keyLimit > 0 || itemLimit > 0)) {
    // At end 0 the previous line is the empty first line (a guard: lastIndexOf('\n', -1) finds index 0
    // again, and the walk would never end).
    const start = end > 0 ? text.lastIndexOf('\n', end - 1) + 1 : 0;
    const first = text.charCodeAt(start);
    // Looking for a top-level key only: skip indented lines and items without reading them.
    if (keyLimit <= 1 && itemLimit <= 0 && (first === SPACE || first === 45)) {
      end = start - 1;
      continue;
    }
    if (!isBlankOrComment(text, start, end)) {
      let lineEnd = end;
      if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      const frames = framesOf(text.slice(start, lineEnd));
      for (let f = frames.length - 1; f >= 0; f--) {
        const { col, step } = frames[f];
        if (step === ITEM ? col < itemLimit : col < keyLimit) {
          path.unshift(step);
          keyLimit = step === ITEM ? col + 1 : col;
          itemLimit = col;
        }
      }
    }
    end = start - 1;
  }
  return path;
}

function lineIndent(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i - start;
}

const WORD_BREAK = /[\s,[\]{}"'#]/;

function wordAround(line: string, cursor: number, lineNo: number): { word: string; range: Range } {
  let a = cursor;
  while (a > 0 && !WORD_BREAK.test(line[a - 1]) && !(line[a - 1] === ':' && (a === cursor || /\s/.test(line[a] ?? ' ')))) a--;
  let b = cursor;
  while (b < line.length && !WORD_BREAK.test(line[b]) && !(line[b] === ':' && /\s|$/.test(line[b + 1] ?? ''))) b++;
  return { word: line.slice(a, cursor), range: { start: { line: lineNo, character: a }, end: { line: lineNo, character: b } } };
}

/** Inside a flow collection opened on this line before the cursor: the path steps it adds and whether the cursor is at a key. */
function flowSteps(line: string, from: number, cursor: number): { steps: string[]; position: 'key' | 'value' } | undefined {
  const stack: { kind: '[' | '{'; key: string | undefined; atKey: boolean }[] = [];
  let quote: string | undefined;
  let tokenStart = -1;
  for (let i = from; i < cursor; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      if (tokenStart < 0) tokenStart = i;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '[' || c === '{') {
      stack.push({ kind: c, key: undefined, atKey: c === '{' });
      tokenStart = -1;
    } else if (c === ']' || c === '}') {
      stack.pop();
      tokenStart = -1;
    } else if (c === ',') {
      if (top?.kind === '{') {
        top.atKey = true;
        top.key = undefined;
      }
      tokenStart = -1;
    } else if (c === ':' && top?.kind === '{' && top.atKey) {
      top.key = line.slice(tokenStart < 0 ? i : tokenStart, i).trim().replace(/^["']|["']$/g, '');
      top.atKey = false;
      tokenStart = -1;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return undefined; // the cursor is in a comment
    } else if (!/\s/.test(c) && tokenStart < 0) tokenStart = i;
  }
  if (!stack.length) return undefined;
  const steps: string[] = [];
  let position: 'key' | 'value' = 'value';
  stack.forEach((s, n) => {
    const last = n === stack.length - 1;
    if (s.kind === '[') {
      steps.push(ITEM);
      if (last) position = 'value';
    } else if (s.atKey || s.key === undefined) {
      if (last) position = 'key';
    } else {
      steps.push(s.key);
      if (last) position = 'value';
    }
  });
  return { steps, position };
}

/**
 * The cursor's context in a YAML document; undefined inside a comment. Pass `offset` (the document's
 * own offsetAt) when known: finding it from the text is a scan from the top.
 */
export function cursorContext(text: string, pos: Position, offset = offsetOf(text, pos)): CursorContext | undefined {
  const { start, end } = lineBounds(text, offset);
  const line = text.slice(start, end);
  const cursor = offset - start;
  const frames = framesOf(line);
  // Frames that start before the cursor belong to the path; a key counts only once the cursor is past its colon.
  const { word, range: wordRange } = wordAround(line, cursor, pos.line);
  const hash = commentStart(line);
  if (hash >= 0 && cursor > hash) return undefined;

  let lastKey: { frame: Frame; colon: number } | undefined;
  const own: Frame[] = [];
  let column = lineIndent(text, start, end);
  let afterDash = false;
  for (const f of frames) {
    if (f.col > cursor) break;
    if (f.step === ITEM) {
      own.push(f);
      column = f.col + 2;
      afterDash = true;
      continue;
    }
    const key = keyAt(line, f.col);
    if (key && cursor > key.colon) {
      lastKey = { frame: f, colon: key.colon };
      afterDash = false;
    }
    column = f.col;
  }
  // The block column the cursor's entry sits at decides its ancestors.
  const blockColumn = own.length ? own[0].col : lastKey ? lastKey.frame.col : Math.min(column, cursor);
  const path = ancestors(text, start, blockColumn, own.length > 0);
  for (let i = 0; i < own.length; i++) path.push(ITEM);
  if (lastKey) {
    path.push(lastKey.frame.step);
    const flow = flowSteps(line, lastKey.colon + 1, cursor);
    if (flow) return { path: [...path, ...flow.steps], position: flow.position, word, wordRange, column: lastKey.frame.col, afterDash: false };
    return { path, position: 'value', word, wordRange, column: lastKey.frame.col, afterDash: false };
  }
  const flow = own.length ? flowSteps(line, own[own.length - 1].col + 1, cursor) : undefined;
  if (flow) return { path: [...path, ...flow.steps], position: flow.position, word, wordRange, column, afterDash: false };
  return { path, position: 'key', word, wordRange, column, afterDash };
}

function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

export interface KeyAtCursor {
  /** Path of the key itself: `['requirements', '[]', 'source', 'kind']`. */
  path: string[];
  range: Range;
}

/** The block or flow key under the cursor, with its full path; undefined when the cursor is not on a key. */
export function keyAtCursor(text: string, pos: Position, offset = offsetOf(text, pos)): KeyAtCursor | undefined {
  const { start, end } = lineBounds(text, offset);
  const line = text.slice(start, end);
  const cursor = offset - start;
  for (const f of framesOf(line)) {
    if (f.step === ITEM) continue;
    const key = keyAt(line, f.col);
    if (key && cursor >= f.col && cursor <= key.colon) {
      const outer = cursorContext(text, { line: pos.line, character: f.col }, start + f.col);
      const parent = outer?.path ?? [];
      return { path: [...parent, f.step], range: { start: { line: pos.line, character: f.col }, end: { line: pos.line, character: key.colon } } };
    }
  }
  // A key inside a flow mapping: `source: { kind: customer }`.
  const m = /[\w-]+(?=\s*:)/y;
  let a = cursor;
  while (a > 0 && /[\w-]/.test(line[a - 1])) a--;
  m.lastIndex = a;
  const hit = m.exec(line);
  if (hit && cursor <= a + hit[0].length && /[{,]\s*$/.test(line.slice(0, a))) {
    const ctx = cursorContext(text, { line: pos.line, character: a }, start + a);
    if (ctx && ctx.position === 'key') {
      return { path: [...ctx.path, hit[0]], range: { start: { line: pos.line, character: a }, end: { line: pos.line, character: a + hit[0].length } } };
    }
  }
  return undefined;
}
