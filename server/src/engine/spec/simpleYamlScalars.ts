// The scalar forms of hand-written YAML that the fast item reader (simpleYaml.ts) takes besides plain
// scalars: single- and double-quoted scalars on one line, with their escapes, and block scalars
// (`|`, `>`, chomping and indentation indicators). Each is decoded the way `yaml` decodes it (the
// block scalar's value follows yaml's resolve-block-scalar step by step); anything doubtful throws
// NOT_SIMPLE, and the reader leaves the item to `yaml`.

/** Thrown inside the reader when the text leaves the subset; never escapes parseItems. */
export class NotSimple extends Error {}

export const NOT_SIMPLE = new NotSimple('not simple YAML');

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX = /^[0-9a-fA-F]+$/;

export interface QuotedScalar {
  value: string;
  /** Offset just past the closing quote. */
  end: number;
  double: boolean;
}

/**
 * The quoted scalar whose opening quote is at `at`, closed before `limit` (the line's content end).
 * A scalar running onto the next line (folded by `yaml`) is not taken.
 */
export function readQuoted(text: string, at: number, limit: number): QuotedScalar {
  const quote = text.charCodeAt(at);
  if (quote === 39 /* ' */) {
    let value = '';
    let from = at + 1;
    for (let p = from; p < limit; p++) {
      if (text.charCodeAt(p) !== 39) continue;
      if (text.charCodeAt(p + 1) === 39 && p + 1 < limit) {
        value += text.slice(from, p + 1);
        from = p + 2;
        p++;
        continue;
      }
      return { value: value + text.slice(from, p), end: p + 1, double: false };
    }
    throw NOT_SIMPLE;
  }
  let value = '';
  let from = at + 1;
  for (let p = from; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === 34 /* " */) return { value: value + text.slice(from, p), end: p + 1, double: true };
    if (c !== 92 /* \ */) continue;
    value += text.slice(from, p);
    const next = text[p + 1];
    const simple = next === undefined || p + 1 >= limit ? undefined : ESCAPES[next];
    if (simple !== undefined) {
      value += simple;
      p++;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const digits = text.slice(p + 2, p + 2 + length);
      if (p + 2 + length > limit || digits.length !== length || !HEX.test(digits)) throw NOT_SIMPLE;
      const code = parseInt(digits, 16);
      // Lone surrogates and out-of-range code points: left to `yaml` and its messages.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw NOT_SIMPLE;
      value += String.fromCodePoint(code);
      p += 1 + length;
    } else throw NOT_SIMPLE; // an invalid escape is an error `yaml` reports
    from = p + 1;
  }
  throw NOT_SIMPLE;
}

export interface BlockHeader {
  literal: boolean;
  chomp: '' | '-' | '+';
  /** The indentation indicator, 0 when absent. */
  indent: number;
}

/** The header `|`, `>`, with at most one chomping and one indentation indicator in either order. */
export function readBlockHeader(text: string, at: number, end: number): BlockHeader {
  const mode = text.charCodeAt(at);
  const header: BlockHeader = { literal: mode === 124 /* | */, chomp: '', indent: 0 };
  for (let p = at + 1; p < end; p++) {
    const ch = text[p];
    if (!header.chomp && (ch === '-' || ch === '+')) header.chomp = ch;
    else if (!header.indent && ch >= '1' && ch <= '9') header.indent = Number(ch);
    else throw NOT_SIMPLE;
  }
  return header;
}

/**
 * The value of a block scalar: `source` is its text after the header's line break (content lines
 * and the empty lines `yaml` counts in), `parentIndent` the column of the map it is a value of.
 */
export function blockScalarValue(source: string, header: BlockHeader, parentIndent: number): string {
  const lines = splitIndented(source);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i][1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) throw NOT_SIMPLE; // an empty block scalar
  let trimIndent = parentIndent + header.indent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === '') {
      if (header.indent === 0 && indent > trimIndent) trimIndent = indent;
    } else {
      if (indent < trimIndent) throw NOT_SIMPLE;
      if (header.indent === 0) trimIndent = indent;
      contentStart = i;
      break;
    }
  }
  if (trimIndent <= parentIndent) throw NOT_SIMPLE;
  for (let i = lines.length - 1; i >= chompStart; --i) if (lines[i][0] > trimIndent) chompStart = i + 1;
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += `${' '.repeat(Math.max(0, lines[i][0] - trimIndent))}\n`;
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content && indent < trimIndent) throw NOT_SIMPLE;
    const extra = ' '.repeat(Math.max(0, indent - trimIndent));
    if (header.literal) {
      value += sep + extra + content;
      sep = '\n';
    } else if (indent > trimIndent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + extra + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (header.chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) value += `\n${' '.repeat(Math.max(0, lines[i][0] - trimIndent))}`;
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (header.chomp === '') value += '\n';
  return value;
}

/** `source` as `[indent, content]` per line, split at every line break (as `yaml` splits it). */
function splitIndented(source: string): [number, string][] {
  const out: [number, string][] = [];
  let start = 0;
  for (;;) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    let indent = start;
    while (source.charCodeAt(indent) === 32) indent++;
    out.push([indent - start, source.slice(indent, end)]);
    if (end >= source.length) return out;
    start = end + 1;
  }
}
