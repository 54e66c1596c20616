// Small helpers over the `yaml` package's AST: the parse options every caller uses, ranges of nodes
// (trimmed to what a user sees), lookup by a key/index path, and YAML errors as diagnostics.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLError } from 'yaml';
import type { LineIndex } from './positions';
import type { PathSegment } from './messages';
import type { DiagnosticCode, Range, Severity, SpecDiagnostic } from './types';

/** Aliases may expand at most this many times per conversion: the `yaml` package's default guard. */
export const MAX_ALIAS_COUNT = 100;

export type ParsedDoc = Document.Parsed;

export function parseYaml(text: string): ParsedDoc {
  return parseDocument(text, {
    prettyErrors: false, // messages without "at line N" so a chunk's errors do not depend on where it sits
    keepSourceTokens: true, // the CST gives the offset of each item's `-`
    logLevel: 'silent', // warnings are collected on the document, never printed
    uniqueKeys: true,
    strict: true,
  });
}

/** Convert a node to plain JSON; throws on an alias bomb (ReferenceError) or an unresolved alias. */
export function toPlain(node: unknown, doc: ParsedDoc): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node) || isCollection(node) || isAlias(node)) return node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
  return null;
}

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
      const key = keyTextAt(text, start, end);
      return key ? `duplicate key \`${key}\` — each key may appear once in a mapping` : 'duplicate key — each key may appear once in a mapping';
    }
    case 'TAB_AS_INDENT':
      return 'tab character used for indentation — YAML allows only spaces for indentation';
    case 'RESOURCE_EXHAUSTION':
      return 'the document is nested too deeply to read (stack overflow) — flatten the structure';
    case 'MULTIPLE_DOCS':
      return 'a spec file holds one YAML document — remove the `---` separator and what follows, or move it to its own file';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return `YAML alias problem: ${firstLine(err.message)}`;
    case 'MISSING_CHAR':
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
    default:
      return `YAML syntax error: ${lowerFirst(firstLine(err.message))}`;
  }
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
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

/** The range to underline for a YAML error: the key for duplicates, otherwise the library's span. */
export function yamlErrorRange(err: YAMLError, text: string, lines: LineIndex): Range {
  const start = err.pos[0];
  let end = err.pos[1];
  if (err.code === 'DUPLICATE_KEY') {
    const key = keyTextAt(text, start, end);
    if (key && text.startsWith(key, start)) end = start + key.length;
  }
  if (end <= start) end = Math.min(text.length, start + 1);
  return lines.rangeAt(start, end);
}

export function yamlDiagnostics(doc: ParsedDoc, text: string, lines: LineIndex, code: DiagnosticCode): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  const add = (err: YAMLError, severity: Severity) =>
    out.push({
      file: '',
      range: yamlErrorRange(err, text, lines),
      severity,
      code,
      message: yamlErrorMessage(err, text),
      source: 'spectrace',
    });
  for (const e of doc.errors) add(e, 'error');
  for (const w of doc.warnings) add(w, 'warning');
  return out;
}

/** True when the document uses anchors or aliases anywhere (then items cannot be read on their own). */
export function usesAnchorsOrAliases(doc: ParsedDoc): boolean {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    if (isAlias(n)) return true;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (isScalar(n) || isCollection(n)) {
      if (n.anchor) return true;
      if (isCollection(n)) for (const it of n.items) stack.push(it);
    }
  }
  return false;
}
