// Small helpers over the `yaml` package's AST: the parse options every caller uses, ranges of nodes
// (trimmed to what a user sees), lookup by a key/index path, and YAML errors as diagnostics.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLError } from 'yaml';
import type { LineIndex } from '../text/positions';
import type { PathSegment } from '../text/messages';
import type { DiagnosticCode, Range, Severity, SpecDiagnostic } from '../types';
import { quoted } from '../text/quote';

/** Aliases may expand at most this many times per conversion: the `yaml` package's default guard. */
export const MAX_ALIAS_COUNT = 100;

export type ParsedDoc = Document.Parsed;

/** The options every parse uses (simpleYaml.ts builds its documents with them too). */
export const PARSE_OPTIONS = {
  prettyErrors: false, // messages without "at line N" so a chunk's errors do not depend on where it sits
  logLevel: 'silent', // warnings are collected on the document, never printed
  uniqueKeys: true,
  strict: true,
} as const;

export function parseYaml(text: string): ParsedDoc {
  const doc = parseDocument(text, PARSE_OPTIONS);
  // An anchor needs a `&`, an alias a `*`: without either the node walk of usesAnchorsOrAliases
  // (a twentieth of a large file's reading) can be skipped.
  if (text.indexOf('&') < 0 && text.indexOf('*') < 0) markNoAliases(doc);
  return doc;
}

/** Record that `doc` has no anchors or aliases (its text has no `&` or `*`). */
export function markNoAliases(doc: ParsedDoc): void {
  aliasingDocs.set(doc, false);
}

/** Thrown by `toPlain` when an alias makes a value contain itself. */
export class RecursiveAliasError extends Error {}

/** Thrown by `toPlain` for a value holding an alias in a document nested deeper than MAX_ALIAS_DOC_DEPTH. */
export class DeepAliasError extends Error {}

/**
 * Aliases are not expanded in a document nested deeper than this (collections within collections). The
 * `yaml` package resolves each alias by walking the whole document and copying the path at every level:
 * with a few hundred aliases beside nesting thousands deep that is seconds per analysis.
 */
export const MAX_ALIAS_DOC_DEPTH = 128;

export const DEEP_ALIAS_MESSAGE = `aliases are not expanded in a file nested more than ${MAX_ALIAS_DOC_DEPTH} levels deep: the values that use them were not read — remove the *alias references or the deep nesting`;

const deepDocs = new WeakMap<ParsedDoc, boolean>();

/** Whether `doc` nests collections more than MAX_ALIAS_DOC_DEPTH deep (cached; iterative, any depth). */
function nestedTooDeep(doc: ParsedDoc): boolean {
  const known = deepDocs.get(doc);
  if (known !== undefined) return known;
  let deep = false;
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length && !deep) {
    const [n, depth] = stack.pop() as [unknown, number];
    if (isPair(n)) {
      stack.push([n.key, depth], [n.value, depth]);
    } else if (isCollection(n)) {
      if (depth + 1 > MAX_ALIAS_DOC_DEPTH) deep = true;
      else for (const it of n.items) stack.push([it, depth + 1]);
    }
  }
  deepDocs.set(doc, deep);
  return deep;
}

/** Whether any node at or below `root` (keys included) passes `test`. Iterative: safe at any depth. */
function someNode(root: unknown, test: (n: unknown) => boolean): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (test(n)) return true;
    if (isPair(n)) stack.push(n.key, n.value);
    else if (isCollection(n)) for (const it of n.items) stack.push(it);
  }
  return false;
}

const aliasingDocs = new WeakMap<ParsedDoc, boolean>();

/**
 * Convert a node to plain JSON. Throws on an alias bomb (ReferenceError), an unresolved alias, or a
 * recursive alias (a cyclic value would break every consumer that serializes it).
 */
export function toPlain(node: unknown, doc: ParsedDoc): unknown {
  if (node === null || node === undefined) return null;
  if (!(isScalar(node) || isCollection(node) || isAlias(node))) return null;
  // `mapAsMap`: with plain objects, `yaml` stringifies every collection used as a key, which is
  // quadratic in its nesting (seconds for a `- [[[[…` typo). Maps are turned into objects below.
  const aliasing = usesAnchorsOrAliases(doc);
  if (aliasing && nestedTooDeep(doc) && someNode(node, isAlias)) throw new DeepAliasError(DEEP_ALIAS_MESSAGE);
  // Without aliases the value is a tree: no memo of shared values is needed.
  const value: unknown = plainKeys(node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true }), aliasing ? new Map() : undefined);
  if (aliasing && isCyclic(value)) throw new RecursiveAliasError('recursive alias');
  return value;
}

/**
 * Maps (from `mapAsMap`) to plain objects, keys as `yaml` would write them for scalars; a collection
 * key (always a mistake in a spec) becomes a short preview instead of its whole stringified YAML. The
 * memo keeps shared values shared and cyclic values (recursive aliases) cyclic, for `isCyclic`.
 */
function plainKeys(v: unknown, memo: Map<object, unknown> | undefined): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const seen = memo?.get(v);
  if (seen !== undefined) return seen;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    memo?.set(v, out);
    for (const x of v) out.push(plainKeys(x, memo));
    return out;
  }
  if (!(v instanceof Map)) return v; // binary data, dates: as `toJS` gave them
  const out: Record<string, unknown> = {};
  memo?.set(v, out);
  for (const [k, x] of v) {
    const key = k === null ? '' : typeof k === 'object' ? keyPreview(k) : String(k);
    // As in `yaml`'s own conversion, a later pair with the same key text replaces an earlier one;
    // defineProperty keeps a `__proto__` key an own property (an assignment would set the prototype).
    if (key === '__proto__') Object.defineProperty(out, key, { value: plainKeys(x, memo), enumerable: true, writable: true, configurable: true });
    else out[key] = plainKeys(x, memo);
  }
  return out;
}

const KEY_PREVIEW_CHARS = 40;

/** `[a, [b, c]]`-style text of a collection key, cut after a few characters (so linear overall). */
function keyPreview(key: unknown): string {
  let out = '';
  const full = () => out.length > KEY_PREVIEW_CHARS;
  const walk = (v: unknown): void => {
    if (full()) return;
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && !full(); i++) {
        if (i) out += ', ';
        walk(v[i]);
      }
      out += ']';
    } else if (v instanceof Map) {
      out += '{';
      let i = 0;
      for (const [k, x] of v) {
        if (full()) break;
        if (i++) out += ', ';
        walk(k);
        out += ': ';
        walk(x);
      }
      out += '}';
    } else out += String(v);
  };
  walk(key);
  return full() ? `${out.slice(0, KEY_PREVIEW_CHARS)}…` : out;
}

/** Iterative cycle check (values may be deeply nested). */
function isCyclic(root: unknown): boolean {
  if (typeof root !== 'object' || root === null) return false;
  const onPath = new Set<object>();
  const done = new Set<object>();
  const stack: { obj: object; children: unknown[]; i: number }[] = [];
  const enter = (o: object) => {
    onPath.add(o);
    stack.push({ obj: o, children: Object.values(o), i: 0 });
  };
  enter(root);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.children.length) {
      onPath.delete(top.obj);
      done.add(top.obj);
      stack.pop();
      continue;
    }
    const c = top.children[top.i++];
    if (typeof c !== 'object' || c === null || done.has(c)) continue;
    if (onPath.has(c)) return true;
    enter(c);
  }
  return false;
}

/**
 * Alias problems of a whole document, each reported once where it is written: an alias to no
 * anchor, an alias inside the node it names, and an alias bomb (expansion beyond the `yaml`
 * package's limit, reported on the first anchor's line). Their offsets are returned too, so the
 * items they damage are not also given schema errors about the damage.
 */
export function aliasProblems(doc: ParsedDoc, text: string, lines: LineIndex, code: DiagnosticCode): { diagnostics: SpecDiagnostic[]; offsets: number[] } {
  const diagnostics: SpecDiagnostic[] = [];
  const offsets: number[] = [];
  const add = (start: number, end: number, message: string) => {
    offsets.push(start);
    diagnostics.push({ file: '', range: lines.rangeAt(start, end), severity: 'error', code, message, source: 'spectrace' });
  };
  const deep = nestedTooDeep(doc);
  let firstAnchor: number | undefined;
  // The walk is in document order, as `yaml` resolves an alias: to the last node before it with its
  // anchor. Resolved here from that map, because `Alias.resolve` walks the whole document for each
  // alias, copying the path at every level: seconds for a few dozen aliases beside deep nesting.
  const anchored = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    if (isAlias(n)) {
      const at = n.range ? n.range[0] : 0;
      const end = n.range ? n.range[1] : at + 1;
      // Too deep to expand: one diagnostic, on the first alias, and no expansion below.
      if (deep) {
        add(at, end, DEEP_ALIAS_MESSAGE);
        return { diagnostics, offsets };
      }
      const target = anchored.get(n.source);
      if (!target) add(at, end, `unknown alias ${quoted(`*${n.source}`)} — define the anchor ${quoted(`&${n.source}`)} before using it`);
      else if (target.range && at >= target.range[0] && at < target.range[2]) {
        add(at, end, `recursive alias ${quoted(`*${n.source}`)}: it is inside the node it names, so the value would contain itself`);
      }
      continue;
    }
    if (isScalar(n) || isCollection(n)) {
      if (n.anchor) anchored.set(n.anchor, n);
      if (n.anchor && n.range && (firstAnchor === undefined || n.range[0] < firstAnchor)) firstAnchor = n.range[0];
      if (isCollection(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    }
  }
  // A deep file without an alias has nothing to expand (and converting it whole could overflow the stack).
  if (!diagnostics.length && !deep) {
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true }); // mapAsMap: see toPlain
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err;
      const line = lines.positionAt(firstAnchor ?? 0).line;
      let start = lines.lineStart(line);
      const end = lines.lineEnd(line);
      while (start < end && text[start] === ' ') start++;
      add(start, Math.max(end, start + 1), ALIAS_BOMB_MESSAGE);
    }
  }
  return { diagnostics, offsets };
}

export const ALIAS_BOMB_MESSAGE =
  'too many alias expansions (an "alias bomb"): the aliases in this file would expand beyond the limit of 100, so their values were not read — remove the nested *alias references';

/** Offset range [start, end) of a node with trailing whitespace (block scalars keep their last newline) trimmed. */
export function nodeSpan(node: Node, text: string): [number, number] | undefined {
  const r = node.range;
  if (!r) return undefined;
  let end = Math.max(r[0], r[1]);
  while (end > r[0] && isSpace(text.charCodeAt(end - 1))) end--;
  return [r[0], end];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function nodeRange(node: Node, text: string, lines: LineIndex): Range | undefined {
  const s = nodeSpan(node, text);
  return s ? lines.rangeAt(s[0], s[1]) : undefined;
}

/** A scalar value with no text (`title:`): where it would be typed, right after the key's colon. */
export function isEmptyValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null && !node.source);
}

/** Range of a pair's value; for an empty value, an empty range right after the colon. */
export function pairValueRange(pair: Pair, text: string, lines: LineIndex): Range {
  const value = pair.value as Node | null;
  if (!isEmptyValue(value) && value) {
    const r = nodeRange(value, text, lines);
    if (r) return r;
  }
  const key = pair.key as Node | null;
  const keyEnd = key && key.range ? key.range[1] : 0;
  let i = keyEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const at = text[i] === ':' ? i + 1 : keyEnd;
  return lines.rangeAt(at, at);
}

/** The key of a pair as a string, when it is a scalar. */
export function keyName(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null || k.value === undefined ? undefined : String(k.value);
  return undefined;
}

/** The first pair whose key is `name` (first occurrence wins, like the item's `fields`). */
export function findPair(map: unknown, name: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (const p of map.items) if (keyName(p) === name) return p;
  return undefined;
}

export interface PathHit {
  /** The node at the path (undefined if the path leads nowhere). */
  node: Node | undefined;
  /** The pair whose value is the node, when the last segment is a key. */
  pair: Pair | undefined;
  /** How many segments resolved. */
  depth: number;
  /** The deepest node reached (the container where the lookup stopped). */
  last: Node;
  lastPair: Pair | undefined;
}

/** Walk `path` (keys and indices) from `root`, as far as it goes. Iterative: safe at any depth. */
export function lookup(root: Node, path: PathSegment[]): PathHit {
  let node: Node | undefined = root;
  let pair: Pair | undefined;
  let depth = 0;
  let last: Node = root;
  let lastPair: Pair | undefined;
  for (const seg of path) {
    let next: Node | undefined;
    let nextPair: Pair | undefined;
    if (isMap(node)) {
      nextPair = findPair(node, String(seg));
      next = (nextPair?.value ?? undefined) as Node | undefined;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg];
      next = isPair(item) ? undefined : (item as Node | undefined);
    } else {
      return { node: undefined, pair: undefined, depth, last, lastPair };
    }
    if (!next && !nextPair) return { node: undefined, pair: undefined, depth, last, lastPair };
    node = next;
    pair = nextPair;
    depth++;
    if (next) last = next;
    lastPair = nextPair;
    if (!next) return { node: undefined, pair, depth, last, lastPair };
  }
  return { node, pair, depth, last, lastPair };
}

/** Range of the first key of a mapping (where "missing field" problems are shown), else of the node. */
export function headOf(node: Node, text: string, lines: LineIndex): Range | undefined {
  if (isMap(node) && node.items.length) {
    const k = node.items[0].key as Node | null;
    if (k && k.range) return nodeRange(k, text, lines);
  }
  return nodeRange(node, text, lines);
}

// ---------------------------------------------------------------------------------------------
// YAML errors

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).trim();
}

/** A sentence for each `yaml` error code people actually hit; the library's own text otherwise. */
export function yamlErrorMessage(err: YAMLError, text: string): string {
  const [start, end] = err.pos;
  switch (err.code) {
    case 'DUPLICATE_KEY': {
      const key = keyTextAt(text, skipToKey(text, start), end);
      return key ? `duplicate key ${quoted(key)} — each key may appear once in a mapping` : 'duplicate key — each key may appear once in a mapping';
    }
    case 'TAB_AS_INDENT':
      return 'Tabs are not allowed for indentation in YAML — indent with spaces';
    case 'RESOURCE_EXHAUSTION':
      return 'the document is nested too deeply to read (stack overflow) — flatten the structure';
    case 'MULTIPLE_DOCS':
      return 'a spec file holds one YAML document — remove the --- separator and what follows, or move it to its own file';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return `YAML alias problem: ${firstLine(err.message)}`;
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${firstLine(err.message)} — check the indentation of this line and the next`;
    default:
      if (/directives-end/.test(err.message)) {
        return 'a line starting with % is a YAML directive and must be followed by a --- line — is this file really YAML?';
      }
      return firstLine(err.message);
  }
}

/** The key text at a duplicate-key error: up to the colon on that line. */
function keyTextAt(text: string, start: number, end: number): string {
  let stop = text.indexOf('\n', start);
  if (stop < 0) stop = text.length;
  const line = text.slice(start, Math.max(stop, end));
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:#]*?))\s*:(?:\s|$)/.exec(line);
  const key = m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
  return key.length > 60 ? `${key.slice(0, 57)}…` : key;
}

/**
 * `yaml` places a duplicate-key error where the pair's tokens begin, which may be the end of the
 * previous line (depending on what precedes it): move to the key itself, past spaces and comments.
 */
function skipToKey(text: string, at: number): number {
  let i = at;
  for (;;) {
    while (i < text.length && /[ \t\r\n]/.test(text[i])) i++;
    if (text[i] !== '#') return i;
    while (i < text.length && text[i] !== '\n') i++;
  }
}

/** The range to underline for a YAML error: the key for duplicates, otherwise the library's span. */
export function yamlErrorRange(err: YAMLError, text: string, lines: LineIndex): Range {
  let start = err.pos[0];
  let end = err.pos[1];
  if (err.code === 'DUPLICATE_KEY') {
    start = skipToKey(text, start);
    const key = keyTextAt(text, start, start);
    end = key && text.startsWith(key, start) ? start + key.length : start + 1;
  }
  if (end <= start) end = Math.min(text.length, start + 1);
  return lines.rangeAt(start, end);
}

/**
 * The document's YAML errors and warnings as diagnostics. One problem often yields several errors at
 * the same place (an over-indented key gives "nested mappings" and "implicit keys need to be on a
 * single line"): keep the first per position.
 */
export function yamlDiagnostics(doc: ParsedDoc, text: string, lines: LineIndex, code: DiagnosticCode): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  const seen = new Set<number>();
  let exhausted = false;
  const add = (err: YAMLError, severity: Severity) => {
    if (seen.has(err.pos[0])) return;
    seen.add(err.pos[0]);
    // A stack overflow is reported at every level it unwinds through: once is enough.
    if (err.code === 'RESOURCE_EXHAUSTION') {
      if (exhausted) return;
      exhausted = true;
    }
    out.push({
      file: '',
      range: yamlErrorRange(err, text, lines),
      severity,
      code,
      message: yamlErrorMessage(err, text),
      source: 'spectrace',
    });
  };
  for (const e of doc.errors) add(e, 'error');
  for (const w of doc.warnings) add(w, 'warning');
  return out;
}

/**
 * Where YAML errors damage the structure (all but duplicate keys, which leave the structure intact):
 * items containing one of these offsets get no schema diagnostics, which would only describe the damage.
 */
export function damageOffsets(doc: ParsedDoc): number[] {
  return doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').map((e) => e.pos[0]);
}

/** True when the document uses anchors or aliases anywhere (then items cannot be read on their own). */
export function usesAnchorsOrAliases(doc: ParsedDoc): boolean {
  const known = aliasingDocs.get(doc);
  if (known !== undefined) return known;
  const found = walkForAnchorsOrAliases(doc);
  aliasingDocs.set(doc, found);
  return found;
}

function walkForAnchorsOrAliases(doc: ParsedDoc): boolean {
  return someNode(doc.contents, (n) => isAlias(n) || ((isScalar(n) || isCollection(n)) && Boolean(n.anchor)));
}
