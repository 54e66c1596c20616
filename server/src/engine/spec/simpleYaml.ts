// A fast reader for the block YAML that requirement and roadmap items are written in, by tools and by
// hand: `- key: value` lines, nested block maps and lists, plain and quoted (single or double, with
// escapes) scalars on one line, block scalars (`|`, `>`, with chomping and indentation indicators),
// one-line flow lists of plain or quoted scalars (`tags: [a, "b"]`), full-line and trailing comments
// and blank lines. It builds the very AST the `yaml` package would (the same node classes, values
// resolved by the same schema tags, the same ranges, comments and blank-line marks where `yaml` puts
// them), so everything downstream reads it unchanged; for any text outside that subset (anchors,
// tags, multi-line plain or quoted scalars, flow maps, comments at columns whose owner is doubtful,
// tabs, CR, anything else) it returns undefined and the caller parses with `yaml`. Parsing an item
// with `yaml` costs ~10x more, most of a large spec's open and of a cold `spectrace check`.
//
// Tested against `yaml` node for node (test/unit/engine/simple-yaml.test.ts, on generated, mangled and
// example items; simple-yaml-corpus.test.ts, on the YAML test suite) and, through the chunked
// analysis, by the chunked = whole-document property tests (the whole-document path uses `yaml` only).
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isDocument, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Schema } from 'yaml';
import type { ParsedDoc } from './yamlNodes';
import { PARSE_OPTIONS, markNoAliases } from './yamlNodes';
import { NOT_SIMPLE, NotSimple, blockScalarValue, readBlockHeader, readQuoted } from './simpleYamlScalars';

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the last non-space character (the line's content end). */
  contentEnd: number;
  /** Offset of the line break, or the text's length on the last line. */
  end: number;
  /** Leading spaces. */
  indent: number;
  /** CONTENT, BLANK (spaces only) or COMMENT (a full-line comment). */
  kind: number;
}

/** Deeper nesting is left to `yaml` (and its guards): the reader recurses once per level. */
const MAX_DEPTH = 64;

// A key: a letter or underscore, then word characters, dots, dashes and slashes.
const KEY = /[A-Za-z_][\w.\-/]*/y;
// Characters that cannot start a plain scalar here (YAML indicators, and `-`, `?`, `:` which may
// only in some contexts).
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

/** The key under which `yaml` tags each node with its type (nodes/identity.js). */
const NODE_TYPE = Symbol.for('yaml.node.type');

/**
 * Makes `yaml` nodes and documents without their constructors, each of which defines a property
 * (a fifth of reading an item went to them): objects inherit the type tag (and a collection's
 * schema) from a prototype per kind. `yaml` reads the tag as `node[NODE_TYPE]`, which an inherited
 * property answers. Checked once at start; if `yaml` ever works otherwise, the constructors are used.
 */
class NodeFactory {
  private readonly protos: { scalar: object; map: object; seq: object; pair: object; doc: object } | undefined;

  private readonly schema: Schema;

  /** `template`: a document parsed with PARSE_OPTIONS; documents made here share its schema and options. */
  constructor(template: Document) {
    const schema = template.schema;
    this.schema = schema;
    const proto = (instance: object, withSchema: boolean): object => {
      const p = Object.create(Object.getPrototypeOf(instance) as object) as object;
      Object.defineProperty(p, NODE_TYPE, { value: (instance as Record<symbol, unknown>)[NODE_TYPE] });
      if (withSchema) Object.defineProperty(p, 'schema', { value: schema, writable: true, configurable: true });
      return p;
    };
    this.protos = {
      scalar: proto(new Scalar(null), false),
      map: proto(new YAMLMap(schema), true),
      seq: proto(new YAMLSeq(schema), true),
      pair: proto(new Pair(null), false),
      doc: template,
    };
    const works =
      isScalar(this.scalar(1)) && isMap(this.map()) && isSeq(this.seq()) && isPair(this.pair(null, null)) && isDocument(this.doc()) && this.scalar(1) instanceof Scalar;
    if (!works) this.protos = undefined;
  }

  scalar(value: unknown): Scalar {
    if (!this.protos) return new Scalar(value);
    const n = Object.create(this.protos.scalar) as Scalar;
    n.value = value;
    return n;
  }

  map(): YAMLMap {
    if (!this.protos) return new YAMLMap(this.schema);
    const n = Object.create(this.protos.map) as YAMLMap;
    n.items = [];
    return n;
  }

  seq(): YAMLSeq {
    if (!this.protos) return new YAMLSeq(this.schema);
    const n = Object.create(this.protos.seq) as YAMLSeq;
    n.items = [];
    return n;
  }

  pair(key: unknown, value: unknown): Pair {
    if (!this.protos) return new Pair(key, value);
    const n = Object.create(this.protos.pair) as Pair;
    n.key = key;
    n.value = value;
    return n;
  }

  /** A document with its own contents, errors and warnings; options and schema are the template's. */
  doc(): ParsedDoc {
    if (!this.protos) return new Document(undefined, PARSE_OPTIONS) as unknown as ParsedDoc;
    const d = Object.create(this.protos.doc) as ParsedDoc;
    d.contents = null;
    d.errors = [];
    d.warnings = [];
    return d;
  }
}

export class SimpleYamlReader {
  private readonly make: NodeFactory;
  private readonly defaultTags: ScalarTag[];
  private readonly stringTag: ScalarTag;
  private text = '';
  private lines: Line[] = [];

  constructor() {
    const template = new Document(undefined, PARSE_OPTIONS);
    this.make = new NodeFactory(template);
    const tags = template.schema.tags as unknown as (ScalarTag & { collection?: string })[];
    this.defaultTags = tags.filter((t) => !t.collection && t.default === true && t.test);
    // `schema[SCALAR]`, the string tag: what a plain scalar matching no other tag resolves with.
    this.stringTag = (tags.find((t) => (t as { tag?: string }).tag === 'tag:yaml.org,2002:str') ?? { resolve: (v: string) => v }) as ScalarTag;
  }

  /** The document `yaml` would parse from `text` (one or more `- ` items at one indentation), or undefined. */
  parseItems(text: string): ParsedDoc | undefined {
    try {
      this.text = text;
      this.lines = splitLines(text);
      return this.readDocument();
    } catch (err) {
      if (err instanceof NotSimple) return undefined;
      throw err;
    } finally {
      this.text = '';
      this.lines = [];
    }
  }

  private readDocument(): ParsedDoc | undefined {
    const { text, lines } = this;
    const first = lines[0];
    if (!first || first.kind !== CONTENT || !isDashLine(text, first)) return undefined;
    const cursor = { i: 0 };
    const seq = this.readSeq(cursor, first.indent, 0);
    if (this.nextContent(cursor.i) < lines.length) return undefined;
    const doc = this.make.doc();
    doc.contents = seq as unknown as ParsedDoc['contents'];
    // Comments after the last item: the document's own when at column 0 under a list at column 0;
    // else kept by the list when at its column, by the last item's map when at that map's column
    // (`yaml` gives them to the innermost collection they are in).
    const tail = this.gap(cursor.i, lines.length);
    if (tail.comment !== undefined && tail.commentIndent === 0 && first.indent === 0) {
      // The document's comment: from the first comment line to the last, blank lines after it dropped.
      doc.comment = tail.comment.replace(/\n+$/, '');
    } else if (tail.comment !== undefined) {
      const last = seq.items[seq.items.length - 1] as YAMLMap | Scalar;
      const holder = tail.commentIndent === first.indent ? seq : isMap(last) && tail.commentIndent === (last.range as number[])[0] - lineStartOf(text, (last.range as number[])[0]) ? last : undefined;
      if (!holder) return undefined;
      holder.comment = tail.endComment;
      (holder.range as number[])[2] = text.length;
      if (holder !== seq) (seq.range as number[])[1] = (seq.range as number[])[2] = text.length;
    }
    // Nothing reads a document's own range; `yaml` ends it after its last token (which differs
    // from this after an empty value at the very end).
    doc.range = [0, seq.range?.[1] ?? 0, text.length];
    markNoAliases(doc);
    return doc;
  }

  /** Index of the first content line at or after `i` (the lines' length when there is none). */
  private nextContent(i: number): number {
    const lines = this.lines;
    while (i < lines.length && lines[i].kind !== CONTENT) i++;
    return i;
  }

  /**
   * The blank and comment lines [from, to): whether a blank line comes before the first comment
   * (`yaml`'s spaceBefore), and the comment as `yaml` joins it before a node (commentBefore: the
   * lines from the first comment on, blank ones empty) and at a collection's end (the same), with
   * the column all comment lines share (-1 if none; mixed columns are declined).
   */
  private gap(from: number, to: number): { spaceBefore: boolean; comment: string | undefined; endComment: string; commentIndent: number } {
    const { text, lines } = this;
    let spaceBefore = false;
    let comment: string | undefined;
    let commentIndent = -1;
    for (let i = from; i < to; i++) {
      const line = lines[i];
      if (line.kind === BLANK) {
        if (line.end >= text.length) continue; // spaces at the very end: no line break for `yaml` to count
        if (comment === undefined) spaceBefore = true;
        else comment += '\n';
        continue;
      }
      if (commentIndent >= 0 && line.indent !== commentIndent) throw NOT_SIMPLE;
      commentIndent = line.indent;
      const body = text.slice(line.start + line.indent + 1, line.end) || ' ';
      comment = comment === undefined ? body : `${comment}\n${body}`;
    }
    return { spaceBefore, comment, endComment: comment ?? '', commentIndent };
  }

  /** Puts the blank and comment lines [from, to) before `node` as `yaml` does: only comments at `col`. */
  private before(node: Scalar | YAMLMap | YAMLSeq, from: number, to: number, col: number): void {
    if (from === to) return;
    const g = this.gap(from, to);
    if (g.spaceBefore) node.spaceBefore = true;
    if (g.comment !== undefined) {
      if (g.commentIndent !== col) throw NOT_SIMPLE;
      node.commentBefore = g.comment;
    }
  }

  /** A block list at column `col`: every line from the cursor that starts with `- ` at that column. */
  private readSeq(cursor: { i: number }, col: number, depth: number): YAMLSeq {
    if (depth > MAX_DEPTH) throw NOT_SIMPLE;
    const { text, lines } = this;
    const seq = this.make.seq();
    let start = -1;
    let end = 0;
    for (;;) {
      const j = this.nextContent(cursor.i);
      if (j >= lines.length) break;
      const line = lines[j];
      if (line.indent < col) break;
      if (line.indent > col || !isDashLine(text, line)) throw NOT_SIMPLE;
      const gapFrom = cursor.i;
      cursor.i = j;
      const dash = line.start + col;
      if (start < 0) start = dash;
      let at = dash + 1;
      while (text.charCodeAt(at) === 32) at++;
      const item = this.startsKey(text, at, line.contentEnd) ? this.readMap(cursor, at - line.start, at, depth + 1) : this.readLineValue(cursor, at, false);
      // Blank and comment lines before the first item are the caller's (they precede the list).
      if (seq.items.length > 0) this.before(item, gapFrom, j, col);
      else if (gapFrom !== j) throw NOT_SIMPLE;
      seq.items.push(item);
      end = (item.range as [number, number, number])[2];
    }
    seq.range = [start, end, end];
    return seq;
  }

  /**
   * A block map at column `col` whose first key is at `firstAt` (on the cursor's line, which may
   * start with a `- `); the following keys are lines at exactly that column.
   */
  private readMap(cursor: { i: number }, col: number, firstAt: number, depth: number): YAMLMap {
    if (depth > MAX_DEPTH) throw NOT_SIMPLE;
    const { text, lines } = this;
    const map = this.make.map();
    const seen = new Set<string>();
    let keyAt = firstAt;
    let end = 0;
    let gapFrom = cursor.i;
    for (;;) {
      const line = lines[cursor.i];
      KEY.lastIndex = keyAt;
      if (!KEY.test(text)) throw NOT_SIMPLE;
      const keyEnd = KEY.lastIndex;
      if (text.charCodeAt(keyEnd) !== 58 /* : */) throw NOT_SIMPLE;
      const keyText = text.slice(keyAt, keyEnd);
      if (seen.has(keyText)) throw NOT_SIMPLE; // a duplicate key is an error `yaml` reports
      seen.add(keyText);
      const key = this.scalar(keyText, true);
      key.range = [keyAt, keyEnd, keyEnd];
      if (map.items.length > 0) this.before(key, gapFrom, cursor.i, col);
      let valueAt = keyEnd + 1;
      let value: Scalar | YAMLSeq | YAMLMap;
      if (valueAt >= line.contentEnd) {
        // `key:` alone: a nested block below it, or an empty (null) value.
        const j = this.nextContent(cursor.i + 1);
        const next = lines[j] as Line | undefined;
        if (next && next.indent > col) {
          const nestedFrom = cursor.i + 1;
          cursor.i = j;
          value = isDashLine(text, next) ? this.readSeq(cursor, next.indent, depth + 1) : this.readMap(cursor, next.indent, next.start + next.indent, depth + 1);
          this.before(value, nestedFrom, j, next.indent);
        } else {
          if (j !== cursor.i + 1) throw NOT_SIMPLE; // blank or comment lines after an empty value
          if (next && next.indent === col && isDashLine(text, next)) throw NOT_SIMPLE; // a list at the key's column
          value = this.scalar('', false);
          value.range = [line.end, line.end, line.end]; // after any spaces, at the line break
          cursor.i++;
          // `yaml` marks an empty value at the very end `spaceBefore` when blank lines follow.
          if (!next && cursor.i < lines.length) throw NOT_SIMPLE;
        }
      } else {
        if (text.charCodeAt(valueAt) !== 32) throw NOT_SIMPLE; // `key:value` is one plain scalar, not a pair
        while (text.charCodeAt(valueAt) === 32) valueAt++;
        const v = text.charCodeAt(valueAt);
        value = v === 124 /* | */ || v === 62 /* > */ ? this.readBlockScalar(cursor, valueAt, col) : this.readLineValue(cursor, valueAt, true);
      }
      map.items.push(this.make.pair(key, value));
      end = (value.range as [number, number, number])[2];
      const j = this.nextContent(cursor.i);
      const next = lines[j] as Line | undefined;
      if (!next || next.indent < col) break;
      if (next.indent > col || isDashLine(text, next)) throw NOT_SIMPLE;
      gapFrom = cursor.i;
      cursor.i = j;
      keyAt = next.start + col;
    }
    map.range = [firstAt, end, end];
    return map;
  }

  /**
   * The rest of the cursor's line from `at`: a plain or quoted scalar, or (as a map value) a flow
   * list, then an optional comment. Moves the cursor past the line.
   */
  private readLineValue(cursor: { i: number }, at: number, mayBeFlow: boolean): Scalar | YAMLSeq {
    // The callers refuse a following line indented past their column: it would continue this scalar.
    const text = this.text;
    const line = this.lines[cursor.i];
    cursor.i++;
    const lineEnd = line.end < text.length ? line.end + 1 : line.end;
    const c = text.charCodeAt(at);
    let node: Scalar | YAMLSeq;
    let valueEnd: number;
    if (mayBeFlow && c === 91 /* [ */) {
      node = this.flowSeq(text, at, line.contentEnd);
      valueEnd = (node.range as number[])[1];
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      const q = readQuoted(text, at, line.contentEnd);
      node = this.quoted(q.value, q.double);
      valueEnd = q.end;
    } else {
      const hash = text.indexOf(' #', at);
      valueEnd = hash >= 0 && hash < line.contentEnd ? hash : line.contentEnd;
      while (text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
      const source = text.slice(at, valueEnd);
      if (!isPlain(source, false)) throw NOT_SIMPLE;
      node = this.scalar(source, false);
    }
    const comment = this.lineComment(valueEnd, line);
    if (comment !== undefined) node.comment = comment;
    node.range = [at, valueEnd, lineEnd];
    return node;
  }

  /** The comment after a value ending at `valueEnd` on `line` (spaces, `#`, text), undefined if none. */
  private lineComment(valueEnd: number, line: Line): string | undefined {
    const text = this.text;
    if (valueEnd >= line.contentEnd) return undefined;
    let p = valueEnd;
    while (text.charCodeAt(p) === 32) p++;
    if (p === valueEnd || text.charCodeAt(p) !== 35 /* # */) throw NOT_SIMPLE;
    return text.slice(p + 1, line.end) || ' ';
  }

  /**
   * A block scalar (`|` or `>` at `at`) as the value of a key at column `col`: the lines after the
   * header that are blank or indented at least as far as its content.
   */
  private readBlockScalar(cursor: { i: number }, at: number, col: number): Scalar {
    const { text, lines } = this;
    const line = lines[cursor.i];
    const header = readBlockHeader(text, at, line.contentEnd);
    if (line.end >= text.length) throw NOT_SIMPLE; // nothing after the header
    const first = cursor.i + 1;
    if (first >= lines.length || lines[first].kind === BLANK) throw NOT_SIMPLE; // leading empty lines: left to `yaml`
    const region = header.indent ? col + header.indent : lines[first].indent;
    if (region <= col) throw NOT_SIMPLE;
    let last = cursor.i; // the last line of the scalar's content
    let i = cursor.i + 1;
    for (; i < lines.length; i++) {
      const l = lines[i];
      if (l.kind === BLANK) continue;
      if (l.indent < region) break;
      last = i;
    }
    if (header.chomp === '+') last = i - 1;
    else {
      // Trailing blank lines are not the scalar's; ones with spaces `yaml` may count in: declined.
      for (let k = last + 1; k < i; k++) if (lines[k].end > lines[k].start) throw NOT_SIMPLE;
    }
    const sourceStart = line.end + 1;
    const endLine = lines[last];
    const end = endLine.end < text.length ? endLine.end + 1 : endLine.end;
    const value = blockScalarValue(text.slice(sourceStart, end), header, col);
    cursor.i = last + 1;
    const node = this.make.scalar(value);
    node.source = value;
    node.type = header.literal ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
    node.range = [at, end, end];
    return node;
  }

  /** `[a, "b", 'c']` on one line, from `[` at `open` to `]` before the line's content end or a comment. */
  private flowSeq(text: string, open: number, contentEnd: number): YAMLSeq {
    const seq = this.make.seq();
    seq.flow = true;
    let p = open + 1;
    while (text.charCodeAt(p) === 32) p++;
    if (text.charCodeAt(p) !== 93 /* ] */) {
      for (;;) {
        const itemStart = p;
        let item: Scalar;
        let valueEnd: number;
        const c = text.charCodeAt(p);
        if (c === 34 || c === 39) {
          const q = readQuoted(text, p, contentEnd);
          item = this.quoted(q.value, q.double);
          valueEnd = q.end;
          p = valueEnd;
          while (text.charCodeAt(p) === 32) p++;
        } else {
          while (p < contentEnd && text.charCodeAt(p) !== 44 /* , */ && text.charCodeAt(p) !== 93 /* ] */) p++;
          valueEnd = p;
          while (valueEnd > itemStart && text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
          const source = text.slice(itemStart, valueEnd);
          if (!isPlain(source, true)) throw NOT_SIMPLE;
          item = this.scalar(source, false);
        }
        item.range = [itemStart, valueEnd, p];
        seq.items.push(item);
        const sep = text.charCodeAt(p);
        if (sep === 93) break;
        if (sep !== 44 || p >= contentEnd) throw NOT_SIMPLE;
        p++; // the comma
        while (text.charCodeAt(p) === 32) p++;
        if (text.charCodeAt(p) === 93 || p >= contentEnd) throw NOT_SIMPLE; // a trailing comma
      }
    }
    if (p >= contentEnd) throw NOT_SIMPLE;
    seq.range = [open, p + 1, p + 1];
    return seq;
  }

  /** Whether a `key:` (followed by a space or the line's end) starts at `at`. */
  private startsKey(text: string, at: number, contentEnd: number): boolean {
    KEY.lastIndex = at;
    if (!KEY.test(text)) return false;
    const after = KEY.lastIndex;
    return text.charCodeAt(after) === 58 && (after + 1 >= contentEnd || text.charCodeAt(after + 1) === 32);
  }

  /** A quoted scalar: always a string, its source the decoded value (as `yaml` keeps it). */
  private quoted(value: string, double: boolean): Scalar {
    const node = this.make.scalar(value);
    node.source = value;
    node.type = double ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return node;
  }

  /** A plain scalar resolved as `yaml` resolves it (first default tag whose test matches, else a string). */
  private scalar(source: string, atKey: boolean): Scalar {
    let tag = this.stringTag;
    for (const t of this.defaultTags) {
      if (t.test?.test(source)) {
        tag = t;
        break;
      }
    }
    if (atKey && tag !== this.stringTag) throw NOT_SIMPLE; // a key that is not a string (`true:`, `1:`)
    let failed = false;
    const res = tag.resolve(source, () => (failed = true), PARSE_OPTIONS);
    if (failed) throw NOT_SIMPLE;
    const node = res instanceof Scalar ? res : this.make.scalar(res);
    node.source = source;
    node.type = Scalar.PLAIN;
    if (tag.format) node.format = tag.format;
    return node;
  }
}

const CONTENT = 0;
const BLANK = 1;
const COMMENT = 2;

/** Every line of `text`: content, blank (spaces only) or a full-line comment. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    let contentEnd = end;
    while (contentEnd > start + indent && text.charCodeAt(contentEnd - 1) === 32) contentEnd--;
    let kind = CONTENT;
    if (contentEnd === start + indent) kind = BLANK;
    else {
      for (let i = start + indent; i < end; i++) if (!isPlainChar(text.charCodeAt(i))) throw NOT_SIMPLE;
      if (text.charCodeAt(start + indent) === 35 /* # */) kind = COMMENT;
    }
    lines.push({ start, contentEnd, end, indent, kind });
    start = end + 1;
  }
  return lines;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Printable characters of the basic plane without YAML's special meaning: no tabs, CR, BOM, C1 controls, surrogates. */
function isPlainChar(c: number): boolean {
  if (c < 127) return c >= 32;
  if (c < 0xa0) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return c !== 0xfeff && c !== 0x2028 && c !== 0x2029;
}

/** `- ` (or a lone `-`, which this reader leaves to `yaml`) at the line's indentation. */
function isDashLine(text: string, line: Line): boolean {
  const at = line.start + line.indent;
  if (text.charCodeAt(at) !== 45 /* - */) return false;
  if (at + 1 >= line.contentEnd) throw NOT_SIMPLE; // `-` alone: an item on the next line
  return text.charCodeAt(at + 1) === 32;
}

/** A single-line plain scalar this reader accepts (`inFlow`: an item of a flow list). */
function isPlain(s: string, inFlow: boolean): boolean {
  if (s.length === 0) return false;
  if (INDICATORS.has(s[0])) return false;
  if (s.includes(': ') || s.endsWith(':') || s.includes(' #')) return false;
  if (inFlow && /[:[\]{},#]/.test(s)) return false;
  return true;
}

let shared: SimpleYamlReader | undefined;

/** The process's reader (it holds the schema's tags, built once). */
export function simpleYamlReader(): SimpleYamlReader {
  shared ??= new SimpleYamlReader();
  return shared;
}
