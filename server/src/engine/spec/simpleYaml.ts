// A fast reader for the plain block YAML that requirement and roadmap items are nearly always written
// in: `- key: value` lines, nested block maps and lists, single-line plain scalars and one-line flow
// lists of plain scalars (`tags: [a, b]`). It builds the very AST the `yaml` package would (the same
// node classes, values resolved by the same schema tags, the same ranges), so everything downstream
// reads it unchanged; for any text outside that subset (quotes, comments, block scalars, anchors,
// tags, multi-line scalars, blank lines inside an item, tabs, CR, anything doubtful) it returns
// undefined and the caller parses with `yaml`. Parsing an item with `yaml` costs ~10x more, most of a
// large spec's open (CPU profile: 63% at 5,000 requirements) and of a cold `spectrace check`.
//
// Tested against `yaml` node for node (test/unit/engine/simple-yaml.test.ts) and, through the chunked
// analysis, by the chunked = whole-document property tests (the whole-document path uses `yaml` only).
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isDocument, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Schema } from 'yaml';
import type { ParsedDoc } from './yamlNodes';
import { PARSE_OPTIONS, markNoAliases } from './yamlNodes';

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the last non-space character (the line's content end). */
  contentEnd: number;
  /** Offset of the line break, or the text's length on the last line. */
  end: number;
  /** Leading spaces. */
  indent: number;
}

/** Thrown inside the reader when the text leaves the subset; never escapes parseSimpleItems. */
class NotSimple extends Error {}

const NOT_SIMPLE = new NotSimple('not simple YAML');

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
  /** The text being read ends with blank lines. */
  private blankEnd = false;

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
      const { lines, blankEnd } = splitLines(text);
      if (lines.length === 0) return undefined;
      const cursor = { i: 0 };
      const first = lines[0];
      if (!isDashLine(text, first)) return undefined;
      this.blankEnd = blankEnd;
      const seq = this.readSeq(text, lines, cursor, first.indent, 0);
      if (cursor.i !== lines.length) return undefined;
      const doc = this.make.doc();
      doc.contents = seq as unknown as ParsedDoc['contents'];
      // Nothing reads a document's own range; `yaml` ends it after its last token (which differs
      // from this after an empty value at the very end).
      doc.range = [0, seq.range?.[1] ?? 0, text.length];
      markNoAliases(doc);
      return doc;
    } catch (err) {
      if (err instanceof NotSimple) return undefined;
      throw err;
    }
  }

  /** A block list at column `col`: every line from the cursor that starts with `- ` at that column. */
  private readSeq(text: string, lines: Line[], cursor: { i: number }, col: number, depth: number): YAMLSeq {
    if (depth > MAX_DEPTH) throw NOT_SIMPLE;
    const seq = this.make.seq();
    let start = -1;
    let end = 0;
    while (cursor.i < lines.length) {
      const line = lines[cursor.i];
      if (line.indent < col) break;
      if (line.indent > col || !isDashLine(text, line)) throw NOT_SIMPLE;
      const dash = line.start + col;
      if (start < 0) start = dash;
      let at = dash + 1;
      while (text.charCodeAt(at) === 32) at++;
      const item = this.startsKey(text, at, line.contentEnd)
        ? this.readMap(text, lines, cursor, at - line.start, at, depth + 1)
        : this.readLineScalar(text, lines, cursor, at, false);
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
  private readMap(text: string, lines: Line[], cursor: { i: number }, col: number, firstAt: number, depth: number): YAMLMap {
    if (depth > MAX_DEPTH) throw NOT_SIMPLE;
    const map = this.make.map();
    const seen = new Set<string>();
    let keyAt = firstAt;
    let end = 0;
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
      let valueAt = keyEnd + 1;
      let value: Scalar | YAMLSeq;
      if (valueAt >= line.contentEnd) {
        // `key:` alone: a nested block below it, or an empty (null) value.
        const next = lines[cursor.i + 1];
        if (next && next.indent > col) {
          cursor.i++;
          value = isDashLine(text, next)
            ? this.readSeq(text, lines, cursor, next.indent, depth + 1)
            : this.readMap(text, lines, cursor, next.indent, next.start + next.indent, depth + 1);
        } else {
          if (next && next.indent === col && isDashLine(text, next)) throw NOT_SIMPLE; // a list at the key's column
          if (!next && this.blankEnd) throw NOT_SIMPLE; // `yaml` marks the empty value `spaceBefore`
          value = this.scalar('', false);
          value.range = [line.end, line.end, line.end]; // after any spaces, at the line break
          cursor.i++;
        }
      } else {
        if (text.charCodeAt(valueAt) !== 32) throw NOT_SIMPLE; // `key:value` is one plain scalar, not a pair
        while (text.charCodeAt(valueAt) === 32) valueAt++;
        value = this.readLineScalar(text, lines, cursor, valueAt, true);
      }
      map.items.push(this.make.pair(key, value));
      end = (value.range as [number, number, number])[2];
      const next = lines[cursor.i];
      if (!next || next.indent < col) break;
      if (next.indent > col || isDashLine(text, next)) throw NOT_SIMPLE;
      keyAt = next.start + col;
    }
    map.range = [firstAt, end, end];
    return map;
  }

  /** The rest of the cursor's line from `at`: a plain scalar, or (as a map value) a flow list. Moves the cursor past the line. */
  private readLineScalar(text: string, lines: Line[], cursor: { i: number }, at: number, mayBeFlow: boolean): Scalar | YAMLSeq {
    // The callers refuse a following line indented past their column: it would continue this scalar.
    const line = lines[cursor.i];
    cursor.i++;
    const lineEnd = line.end < text.length ? line.end + 1 : line.end;
    if (mayBeFlow && text.charCodeAt(at) === 91 /* [ */) return this.flowSeq(text, at, line.contentEnd, lineEnd);
    const source = text.slice(at, line.contentEnd);
    if (!isPlain(source, false)) throw NOT_SIMPLE;
    const node = this.scalar(source, false);
    node.range = [at, line.contentEnd, lineEnd];
    return node;
  }

  /** `[a, b]` on one line, from `[` at `open` to `]` at the line's content end. */
  private flowSeq(text: string, open: number, contentEnd: number, lineEnd: number): YAMLSeq {
    const close = contentEnd - 1;
    if (text.charCodeAt(close) !== 93 /* ] */) throw NOT_SIMPLE;
    const seq = this.make.seq();
    seq.flow = true;
    let p = open + 1;
    while (text.charCodeAt(p) === 32) p++;
    if (p < close) {
      for (;;) {
        const itemStart = p;
        while (p < close && text.charCodeAt(p) !== 44 /* , */) p++;
        let valueEnd = p;
        while (valueEnd > itemStart && text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
        const source = text.slice(itemStart, valueEnd);
        if (!isPlain(source, true)) throw NOT_SIMPLE;
        const item = this.scalar(source, false);
        item.range = [itemStart, valueEnd, p];
        seq.items.push(item);
        if (p >= close) break;
        p++; // the comma
        while (text.charCodeAt(p) === 32) p++;
        if (p >= close) throw NOT_SIMPLE; // a trailing comma
      }
    }
    seq.range = [open, contentEnd, lineEnd];
    return seq;
  }

  /** Whether a `key:` (followed by a space or the line's end) starts at `at`. */
  private startsKey(text: string, at: number, contentEnd: number): boolean {
    KEY.lastIndex = at;
    if (!KEY.test(text)) return false;
    const after = KEY.lastIndex;
    return text.charCodeAt(after) === 58 && (after + 1 >= contentEnd || text.charCodeAt(after + 1) === 32);
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

function splitLines(text: string): { lines: Line[]; blankEnd: boolean } {
  const lines: Line[] = [];
  let start = 0;
  let blankRun = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    let contentEnd = end;
    while (contentEnd > start + indent && text.charCodeAt(contentEnd - 1) === 32) contentEnd--;
    if (contentEnd === start + indent) blankRun = true; // blank: allowed only at the end
    else {
      if (blankRun) throw NOT_SIMPLE;
      for (let i = start + indent; i < contentEnd; i++) if (!isPlainChar(text.charCodeAt(i))) throw NOT_SIMPLE;
      lines.push({ start, contentEnd, end, indent });
    }
    start = end + 1;
  }
  return { lines, blankEnd: blankRun };
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
  if (inFlow && /[:[\]{},]/.test(s)) return false;
  return true;
}

let shared: SimpleYamlReader | undefined;

/** The process's reader (it holds the schema's tags, built once). */
export function simpleYamlReader(): SimpleYamlReader {
  shared ??= new SimpleYamlReader();
  return shared;
}
