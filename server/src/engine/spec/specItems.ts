// One requirement or roadmap list (a YAML sequence) -> SpecItems with exact ranges and their
// schema diagnostics. Works on whatever text the sequence was parsed from (one item chunk or the whole
// document); ranges are relative to that text.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLSeq } from 'yaml';
import type { ErrorObject } from 'ajv';
import { severityFor } from '../config/config';
import { lookalikeNote } from '../text/lookalikes';
import { readableErrors } from '../text/messages';
import type { ErrorTarget, ReadableError } from '../text/messages';
import type { LineIndex } from '../text/positions';
import type { SchemaSet } from '../schema/schemaSet';
import { schemaSetInternals } from '../schema/schemaSet';
import type {
  FixData,
  ItemField,
  ItemKind,
  ItemReference,
  Range,
  ReferenceField,
  SpecDiagnostic,
  SpecItem,
  SpectraceConfig,
} from '../types';
import { DeepAliasError, RecursiveAliasError, findPair, headOf, isEmptyValue, keyName, lookup, nodeRange, nodeSpan, pairValueRange, toPlain } from './yamlNodes';
import type { ParsedDoc } from './yamlNodes';
import { errorText } from '../../shared/errorText';
import { quoted } from '../text/quote';
import { invalidIdSentence } from '../text/idExample';
import { fingerprintOf } from '../review/fingerprint';
import { zeroEstimateProblem } from '../scoring/score';
import { splitRevSuffix } from '../review/revSuffix';

export interface ItemSource {
  doc: ParsedDoc;
  text: string;
  lines: LineIndex;
  /** Offsets of YAML errors that damage the structure: items around them are not schema-checked. */
  damage: number[];
  /** Where the list ends (the next top-level key, or the end of the text): the last item's extent. */
  listEnd: number;
  /** Alias problems were already reported for the whole document: do not repeat them per item. */
  quietAliases: boolean;
}

export interface ItemsResult {
  items: SpecItem[];
  diagnostics: SpecDiagnostic[];
}

const SUBJECT: Record<ItemKind, string> = { requirement: 'requirement', roadmap: 'roadmap item', insight: 'insight' };

/** Read every item of a `requirements:` / `roadmap:` / `insights:` sequence and validate each on its own. */
export function readItemList(
  seq: YAMLSeq,
  kind: ItemKind,
  src: ItemSource,
  schemaSet: SchemaSet,
  config: SpectraceConfig,
): ItemsResult {
  const dashes = dashOffsets(seq, src.text);
  const starts = seq.items.map((n, i) => dashes[i] ?? (n as Node | null)?.range?.[0]);
  const items: SpecItem[] = [];
  const diagnostics: SpecDiagnostic[] = [];
  seq.items.forEach((raw, i) => {
    const node = raw as Node | null;
    // An item's extent runs to the next item (or the end of the list), so errors in lines the parser
    // did not attach to any node still count as damage to the item they sit in.
    const from = starts[i] ?? 0;
    const to = starts.slice(i + 1).find((x) => x !== undefined) ?? src.listEnd;
    const damaged = src.damage.some((o) => o >= from && o < Math.max(to, from + 1));
    const r = readItem(node, dashes[i], kind, src, schemaSet, config, damaged);
    items.push(r.item);
    diagnostics.push(...r.diagnostics);
  });
  return { items, diagnostics };
}

/**
 * The offset of each item's `-` indicator (block sequences only): back from the item's first
 * character over spaces, blank lines and comment lines (`- # note` puts the item on the next line).
 */
function dashOffsets(seq: YAMLSeq, text: string): (number | undefined)[] {
  if (seq.flow) return seq.items.map(() => undefined);
  return seq.items.map((n) => {
    const r = (n as Node | null)?.range;
    return r ? dashBefore(text, r[0]) : undefined;
  });
}

function dashBefore(text: string, at: number): number | undefined {
  let end = at;
  for (let guard = 0; guard < 1000 && end >= 0; guard++) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    let part = text.slice(lineStart, end);
    const hash = part.search(/(^|\s)#/);
    if (hash >= 0) part = part.slice(0, hash);
    const trimmed = part.replace(/\s+$/, '');
    if (trimmed.endsWith('-') && (trimmed.length === 1 || /\s/.test(trimmed[trimmed.length - 2]))) {
      return lineStart + trimmed.length - 1;
    }
    if (trimmed.length) return undefined;
    if (lineStart === 0) return undefined;
    end = lineStart - 1; // the previous line (before its line break)
  }
  return undefined;
}

function readItem(
  node: Node | null,
  dash: number | undefined,
  kind: ItemKind,
  src: ItemSource,
  schemaSet: SchemaSet,
  config: SpectraceConfig,
  damaged: boolean,
): { item: SpecItem; diagnostics: SpecDiagnostic[] } {
  const { text, lines, doc } = src;
  const diagnostics: SpecDiagnostic[] = [];
  const span = node && !isEmptyValue(node) ? nodeSpan(node, text) : undefined;
  const start = dash ?? span?.[0] ?? node?.range?.[0] ?? 0;
  const end = span ? Math.max(span[1], start + 1) : start + 1;
  const range = lines.rangeAt(start, Math.min(end, text.length));
  const headRange =
    (node && isMap(node) && node.items.length ? headOf(node, text, lines) : undefined) ??
    (dash !== undefined ? lines.rangeAt(dash, dash + 1) : undefined) ??
    range;

  let value: unknown = null;
  let converted = true;
  try {
    value = toPlain(node, doc);
  } catch (err) {
    converted = false;
    if (!src.quietAliases) diagnostics.push(diag('yaml-syntax', headRange, aliasMessage(err), config));
  }

  const fields = new Map<string, ItemField>();
  if (node && isMap(node)) {
    const counts = new Map<string, number>();
    for (const p of node.items) {
      const k = keyName(p);
      if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const p of node.items) {
      const k = keyName(p);
      if (k === undefined || fields.has(k) || !p.key || !(p.key as Node).range) continue;
      fields.set(k, {
        key: k,
        keyRange: nodeRange(p.key as Node, text, lines) ?? headRange,
        valueRange: pairValueRange(p, text, lines),
        value: fieldValue(p, k, counts.get(k) ?? 1, value, doc),
      });
    }
  }

  const idField = fields.get('id');
  const id = typeof idField?.value === 'string' && idField.value.trim() ? idField.value : undefined;
  const item: SpecItem = {
    kind,
    file: '',
    id,
    idRange: id !== undefined ? idField?.valueRange : undefined,
    headRange,
    range,
    fields,
    value,
    references: node && isMap(node) ? references(node, kind, text, lines) : [],
  };
  // Computed here, once per item reading: the chunk memo keeps it with the item.
  if (kind === 'requirement' && config.review && converted) item.reviewFingerprint = fingerprintOf(value, config.review.fields);

  // A damaged item's shape is an artefact of the syntax error: the YAML diagnostic says what to fix.
  if (converted && node && !damaged) {
    diagnostics.push(...validateItem(node, item, kind, src, schemaSet, config));
  }
  return { item, diagnostics };
}

function fieldValue(p: Pair, key: string, count: number, itemValue: unknown, doc: ParsedDoc): unknown {
  // The item's plain value keeps the last duplicate; a field is its first occurrence.
  if (count === 1 && itemValue && typeof itemValue === 'object' && !Array.isArray(itemValue)) {
    return (itemValue as Record<string, unknown>)[key] ?? null;
  }
  try {
    return toPlain(p.value, doc);
  } catch {
    return null; // the alias problem is already reported on the item
  }
}

export function aliasMessage(err: unknown): string {
  const m = errorText(err);
  if (/excessive alias count/i.test(m)) {
    return 'too many alias expansions (an "alias bomb"): this value was not read — remove the nested *alias references';
  }
  if (/unresolved alias/i.test(m)) {
    const name = /:\s*(\S+)\s*$/.exec(m)?.[1];
    return `unknown alias${name ? ` ${quoted(`*${name}`)}` : ''} — define the anchor ${quoted(`&${name ?? 'name'}`)} before using it`;
  }
  if (err instanceof RecursiveAliasError) return 'a recursive alias makes this value contain itself';
  if (err instanceof DeepAliasError) return err.message;
  if (err instanceof RangeError) return 'this value is nested too deeply to read (stack overflow)';
  return `this value could not be read: ${m}`;
}

const REFERENCE_FIELDS: Record<ItemKind, { field: ReferenceField; targetKind: ItemKind; list: boolean }[]> = {
  requirement: [
    { field: 'roadmap', targetKind: 'roadmap', list: false },
    { field: 'parent', targetKind: 'requirement', list: false },
    { field: 'depends_on', targetKind: 'requirement', list: true },
    { field: 'insights', targetKind: 'insight', list: true },
  ],
  roadmap: [{ field: 'parent', targetKind: 'roadmap', list: false }],
  insight: [],
};

function references(map: Node, kind: ItemKind, text: string, lines: LineIndex): ItemReference[] {
  const out: ItemReference[] = [];
  const add = (field: ReferenceField, targetKind: ItemKind, n: unknown) => {
    if (!isScalar(n) || typeof n.value !== 'string' || !n.value.trim()) return;
    const range = nodeRange(n, text, lines);
    if (!range) return;
    const written = n.value.trim();
    // `PAY-1@3`: the ID and the revision it was reviewed against. The ID's range leaves the suffix out,
    // so that a rename keeps it; a malformed suffix is the schema's to report.
    const split = targetKind === 'requirement' ? splitRevSuffix(written) : undefined;
    if (!split || split.suffix === undefined) {
      out.push({ field, targetId: written, targetKind, range });
      return;
    }
    const ref: ItemReference = { field, targetId: split.id, targetKind, range };
    const at = text.indexOf(written, n.range?.[0] ?? 0);
    if (range.start.line === range.end.line && at >= 0) {
      const idStart = lines.positionAt(at);
      ref.range = { start: idStart, end: { line: idStart.line, character: idStart.character + split.id.length } };
      ref.revRange = { start: ref.range.end, end: { line: idStart.line, character: ref.range.end.character + split.suffix.length } };
    }
    if (split.rev !== undefined) ref.rev = split.rev;
    out.push(ref);
  };
  for (const ref of REFERENCE_FIELDS[kind]) {
    const pair = findPair(map, ref.field);
    if (!pair) continue;
    if (ref.list) {
      if (isSeq(pair.value)) for (const n of pair.value.items) add(ref.field, ref.targetKind, n);
    } else add(ref.field, ref.targetKind, pair.value);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation

function validateItem(
  node: Node,
  item: SpecItem,
  kind: ItemKind,
  src: ItemSource,
  schemaSet: SchemaSet,
  config: SpectraceConfig,
): SpecDiagnostic[] {
  const internals = schemaSetInternals(schemaSet);
  const readable: ReadableError[] = [];
  for (const validate of internals.validators[kind]) {
    let errors: readonly ErrorObject[] = [];
    try {
      if (!validate(item.value)) errors = validate.errors ?? [];
    } catch (err) {
      // A pathological value (extreme nesting) can overflow ajv's recursion; report, do not crash.
      readable.push({ target: { kind: 'head', path: [] }, message: `this ${SUBJECT[kind]} could not be validated: ${errText(err)}` });
      continue;
    }
    readable.push(...readableErrors(errors, item.value, { subject: SUBJECT[kind] }));
  }
  const out: SpecDiagnostic[] = [];
  const seen = new Set<string>();
  for (const r of readable) {
    const range = targetRange(r.target, node, item.headRange, src);
    const key = `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}|${r.message}`;
    if (seen.has(key)) continue; // built-in and workspace schemas often agree on a problem
    seen.add(key);
    const d = diag('schema', range, r.message, config);
    const fix = fixData(r, node, item, kind, src);
    if (fix) d.data = fix;
    out.push(d);
  }
  const zeroEstimate = kind === 'requirement' && config.scoring ? zeroEstimateProblem(item, config.scoring.model) : undefined;
  const estimate = item.fields.get('estimate');
  if (zeroEstimate && estimate) out.push(diag('schema', estimate.valueRange, zeroEstimate, config));
  if (kind !== 'roadmap' && item.id !== undefined && item.idRange && !internals.idPattern.test(item.id)) {
    out.push(
      diag('schema', item.idRange, `${invalidIdSentence(item.id, internals.idPattern)}${lookalikeNote(item.id)}`, config),
    );
  }
  return out;
}

function errText(err: unknown): string {
  return err instanceof RangeError ? 'it is nested too deeply' : errorText(err);
}

function targetRange(target: ErrorTarget, root: Node, headRange: Range, src: ItemSource): Range {
  const { text, lines } = src;
  const path = target.path;
  if (!path.length) {
    if (target.kind === 'value' && !isMap(root) && !isEmptyValue(root)) return nodeRange(root, text, lines) ?? headRange;
    return headRange;
  }
  const hit = lookup(root, path);
  if (hit.depth === path.length) {
    if (target.kind === 'key' && hit.pair?.key) return nodeRange(hit.pair.key as Node, text, lines) ?? headRange;
    if (target.kind === 'value' && hit.pair) return pairValueRange(hit.pair, text, lines);
    if (hit.node) {
      const r = target.kind === 'head' ? headOf(hit.node, text, lines) : nodeRange(hit.node, text, lines);
      if (r) return r;
    }
  }
  // The path did not resolve in the YAML (e.g. a key added by a duplicate): show it on the nearest key.
  if (hit.lastPair?.key) return nodeRange(hit.lastPair.key as Node, text, lines) ?? headRange;
  return headRange;
}

function fixData(r: ReadableError, node: Node, item: SpecItem, kind: ItemKind, src: ItemSource): FixData | undefined {
  if (!r.fix) return undefined;
  if (r.fix.kind === 'replace-value') return { kind: 'replace-value', values: r.fix.values, ...(r.fix.typoOf !== undefined ? { typoOf: r.fix.typoOf } : {}) };
  // Insert a missing field right after the item's first field, at the indentation of its keys.
  let insertAfterLine = item.headRange.start.line;
  let indent = item.headRange.start.character;
  if (isMap(node) && node.items.length) {
    const first = node.items[0];
    const end = first.value && !isEmptyValue(first.value) ? nodeSpan(first.value as Node, src.text)?.[1] : undefined;
    if (end !== undefined) insertAfterLine = src.lines.positionAt(end).line;
  } else {
    indent = item.range.start.character + 2;
  }
  return { kind: 'missing-field', field: r.fix.field, itemKind: kind, insertAfterLine, indent };
}

export function diag(code: SpecDiagnostic['code'], range: Range, message: string, config: SpectraceConfig): SpecDiagnostic {
  return { file: '', range, severity: severityFor(code, config.rules) ?? 'error', code, message, source: 'spectrace' };
}
