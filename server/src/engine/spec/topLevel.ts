// The top level of a spec file: is it a spec at all, the product, and the spec-file schema checked
// without descending into the items (they are validated one by one in specItems.ts).
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { readableErrors } from '../text/messages';
import type { LineIndex } from '../text/positions';
import { schemaSetInternals } from '../schema/schemaSet';
import type { SchemaSet } from '../schema/schemaSet';
import { aliasMessage, diag } from './specItems';
import type { ItemKind, Range, SpecDiagnostic, SpectraceConfig } from '../types';
import { findPair, headOf, keyName, lookup, nodeRange, pairValueRange, toPlain } from './yamlNodes';
import type { ParsedDoc } from './yamlNodes';
import { quoted } from '../text/quote';

export const LIST_KEYS: Record<ItemKind, string> = { requirement: 'requirements', roadmap: 'roadmap', insight: 'insights' };
const KIND_OF_LIST: Readonly<Record<string, ItemKind>> = { requirements: 'requirement', roadmap: 'roadmap', insights: 'insight' };

export interface TopLevel {
  isSpec: boolean;
  product: { name: string; range: Range } | undefined;
  /** Schema diagnostics of the top level (not YAML syntax, not items). */
  diagnostics: SpecDiagnostic[];
  /** The `requirements:` / `roadmap:` / `insights:` pairs, when present. */
  lists: Partial<Record<ItemKind, Pair>>;
}

/**
 * Read the top level. `listLength` says how many items a list has (the sequence's length when the
 * whole document was parsed; the chunk count when the items were cut out of the skeleton), or
 * undefined to take the value as written.
 */
export function readTopLevel(
  doc: ParsedDoc,
  text: string,
  lines: LineIndex,
  listLength: (kind: ItemKind, pair: Pair) => number | undefined,
  schemaSet: SchemaSet,
  config: SpectraceConfig,
  damage: { offsets: number[]; quietAliases: boolean } = { offsets: [], quietAliases: false },
): TopLevel {
  const root = doc.contents as Node | null;
  const out: TopLevel = { isSpec: false, product: undefined, diagnostics: [], lists: {} };
  if (!root || !isMap(root)) return out;
  for (const kind of ['requirement', 'roadmap', 'insight'] as const) {
    const p = findPair(root, LIST_KEYS[kind]);
    if (p) out.lists[kind] = p;
  }
  out.isSpec = out.lists.requirement !== undefined || out.lists.roadmap !== undefined || out.lists.insight !== undefined;
  if (!out.isSpec) return out;
  out.product = product(root, text, lines);

  // The top level as plain data, with each list replaced by placeholders of the same length.
  const value: Record<string, unknown> = {};
  for (const p of root.items) {
    const k = keyName(p) ?? String(safePlain(p.key, doc) ?? '');
    const kind = Object.hasOwn(KIND_OF_LIST, k) ? KIND_OF_LIST[k] : undefined;
    const n = kind && out.lists[kind] === p ? listLength(kind, p) : undefined;
    if (n !== undefined) {
      value[k] = new Array<null>(n).fill(null);
      continue;
    }
    try {
      value[k] = toPlain(p.value, doc);
    } catch (err) {
      const range = nodeRange(p.key as Node, text, lines) ?? lines.rangeAt(0, 0);
      if (!damage.quietAliases) out.diagnostics.push(diag('yaml-syntax', range, `${quoted(k)}: ${aliasMessage(err)}`, config));
      value[k] = null;
    }
  }
  const validate = schemaSetInternals(schemaSet).specFileTop;
  if (!validate(value)) {
    // Keys on a line with a syntax error (e.g. tab-indented lines read as top-level keys) are damage.
    const damagedLines = new Set(damage.offsets.map((o) => lines.positionAt(o).line));
    for (const r of readableErrors(validate.errors ?? [], value, { subject: 'spec file' })) {
      const range = targetRange(root, r.target.kind, r.target.path, text, lines);
      if (!damagedLines.has(range.start.line)) out.diagnostics.push(diag('schema', range, r.message, config));
    }
  }
  return out;
}

function safePlain(n: unknown, doc: ParsedDoc): unknown {
  try {
    return toPlain(n, doc);
  } catch {
    return undefined; // a key that is itself an alias bomb: named by its position instead
  }
}

function product(root: YAMLMap, text: string, lines: LineIndex): TopLevel['product'] {
  const p = findPair(root, 'product');
  if (!p) return undefined;
  if (isScalar(p.value) && typeof p.value.value === 'string') {
    return { name: p.value.value, range: pairValueRange(p, text, lines) };
  }
  if (isMap(p.value)) {
    for (const k of ['name', 'id']) {
      const q = findPair(p.value, k);
      if (q && isScalar(q.value) && typeof q.value.value === 'string') return { name: q.value.value, range: pairValueRange(q, text, lines) };
    }
  }
  return undefined;
}

function targetRange(root: YAMLMap, kind: 'key' | 'value' | 'head', path: (string | number)[], text: string, lines: LineIndex): Range {
  const fallback = headOf(root, text, lines) ?? lines.rangeAt(0, 0);
  if (!path.length) return fallback;
  const hit = lookup(root, path);
  if (hit.depth === path.length) {
    if (kind === 'key' && hit.pair?.key) return nodeRange(hit.pair.key as Node, text, lines) ?? fallback;
    if (kind === 'value' && hit.pair) return pairValueRange(hit.pair, text, lines);
    if (hit.node) return (kind === 'head' ? headOf(hit.node, text, lines) : nodeRange(hit.node, text, lines)) ?? fallback;
  }
  if (hit.lastPair?.key) return nodeRange(hit.lastPair.key as Node, text, lines) ?? fallback;
  return fallback;
}

/**
 * A file matched by the spec globs that is not a spec. The DESIGN says such a file gets no
 * diagnostics; we add exactly one when the YAML itself is broken (its first syntax error) or when the
 * top level is a list or plain text, which cannot be any kind of spec file and usually means a
 * missing `requirements:` line.
 */
export function notSpecDiagnostic(doc: ParsedDoc, syntax: SpecDiagnostic[], lines: LineIndex, config: SpectraceConfig): SpecDiagnostic[] {
  const firstError = syntax.find((d) => d.severity === 'error' || d.code === 'yaml-syntax');
  if (doc.errors.length && firstError) return [firstError];
  const root = doc.contents as Node | null;
  let message: string | undefined;
  if (isSeq(root)) {
    message =
      'not read as a spec file: the top level is a list — a spec file is a mapping with requirements: and/or roadmap: (is the requirements: line missing above the items?)';
  } else if (isScalar(root) && root.value !== null && String(root.value).trim() !== '') {
    message = 'not read as a spec file: the top level is plain text, not a mapping with requirements: and/or roadmap:';
  }
  if (!message || !root) return [];
  const start = root.range ? root.range[0] : 0;
  const line = lines.positionAt(start).line;
  const range = lines.rangeAt(start, Math.max(start + 1, lines.lineEnd(line)));
  // An error (like any schema problem): the items in such a file are silently not read otherwise.
  return [diag('schema', range, message, config)];
}
