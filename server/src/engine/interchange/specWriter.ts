// Imported items as a spec file's YAML, through the `yaml` Document API: keys in the built-in
// schemas' order (x- fields last), multi-line text as `|` block scalars, short lists (depends_on,
// tags) and `source` in flow style, a blank line between items. Re-importing into an existing file
// edits that file's Document: items are updated by ID and new ones appended, nothing is deleted, and
// comments and formatting elsewhere stay as they were. Every change is listed.
import { Document, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import requirementSchema from '../../../../schemas/requirement.schema.json';
import roadmapSchema from '../../../../schemas/roadmap-item.schema.json';
import { ImportError } from './importError';
import type { ImportResult, PlainItem } from './importModel';

const REQUIREMENT_ORDER = Object.keys(requirementSchema.properties);
const ROADMAP_ORDER = Object.keys(roadmapSchema.properties);
const FLOW_KEYS = new Set(['depends_on', 'tags', 'source']);

export interface WrittenSpec {
  text: string;
  /** One line per added or updated item, e.g. `PAY-3: added`, `PAY-1: title, status updated`. */
  changes: string[];
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  if (i !== -1) return i;
  return key.startsWith('x-') ? order.length + 1 : order.length;
}

function orderedKeys(item: PlainItem, order: readonly string[]): string[] {
  return Object.keys(item)
    .filter((k) => item[k] !== undefined)
    .sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0));
}

function style(node: unknown, key: string | undefined): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    return;
  }
  if (isSeq(node) || isMap(node)) {
    if (key !== undefined && FLOW_KEYS.has(key)) node.flow = true;
    if (isSeq(node)) for (const item of node.items) style(item, undefined);
    else for (const pair of node.items) style(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
  }
}

function valueNode(doc: Document, key: string, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  style(node, key);
  return node;
}

function itemNode(doc: Document, item: PlainItem, order: readonly string[], spaceBefore: boolean): YAMLMap {
  const map = new YAMLMap();
  for (const key of orderedKeys(item, order)) map.add(doc.createPair(key, valueNode(doc, key, item[key])));
  // createPair wraps values in fresh nodes: re-apply the styles on the map's own pairs.
  for (const pair of map.items) style(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
  if (spaceBefore) map.spaceBefore = true;
  return map;
}

const TO_STRING = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** A new spec file holding `result`. */
export function newSpecText(result: ImportResult, header: string): WrittenSpec {
  const doc = new Document(new YAMLMap());
  doc.commentBefore = header;
  const top = doc.contents as YAMLMap;
  if (result.product !== undefined) top.add(doc.createPair('product', result.product));
  const changes: string[] = [];
  for (const [key, items, order] of [
    ['requirements', result.requirements, REQUIREMENT_ORDER],
    ['roadmap', result.roadmap, ROADMAP_ORDER],
  ] as const) {
    if (items.length === 0) continue;
    const seq = new YAMLSeq();
    items.forEach((item, i) => {
      seq.items.push(itemNode(doc, item, order, i > 0));
      changes.push(`${String(item.id)}: added${key === 'roadmap' ? ' (roadmap item)' : ''}`);
    });
    const pair = doc.createPair(key, seq);
    if (top.items.length > 0) (pair.key as Scalar).spaceBefore = true;
    top.items.push(pair);
  }
  return { text: doc.toString(TO_STRING), changes };
}

function idOf(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  const id = node.get('id');
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `existing` (a spec file's text) with `result`'s items updated by ID or appended. */
export function mergeIntoSpec(existing: string, result: ImportResult, fileName: string): WrittenSpec {
  const parsed = parseDocument(existing, { keepSourceTokens: false });
  if (parsed.errors.length > 0) throw new ImportError(`cannot update '${fileName}': it is not valid YAML (${parsed.errors[0]?.message.split('\n')[0] ?? ''}); fix it or write to another --out file`);
  // Edited as a plain Document: the new nodes carry no source ranges.
  const doc = parsed as unknown as Document;
  if (doc.contents === null) doc.contents = new YAMLMap();
  if (!isMap(doc.contents)) throw new ImportError(`cannot update '${fileName}': its top level is not a mapping`);
  const top = doc.contents;
  const changes: string[] = [];
  let unchanged = 0;
  for (const [key, items, order] of [
    ['requirements', result.requirements, REQUIREMENT_ORDER],
    ['roadmap', result.roadmap, ROADMAP_ORDER],
  ] as const) {
    if (items.length === 0) continue;
    let seq = top.get(key, true) as unknown;
    if (seq === undefined || seq === null || (isScalar(seq) && seq.value === null)) {
      seq = new YAMLSeq();
      const pair = doc.createPair(key, seq);
      (pair.key as Scalar).spaceBefore = true;
      top.items.push(pair);
    }
    if (!isSeq(seq)) throw new ImportError(`cannot update '${fileName}': its '${key}' is not a list`);
    const byId = new Map<string, YAMLMap>();
    for (const node of seq.items) {
      const id = idOf(node);
      if (id !== undefined && !byId.has(id)) byId.set(id, node as YAMLMap);
    }
    for (const item of items) {
      const id = String(item.id);
      const current = byId.get(id);
      if (!current) {
        const node = itemNode(doc, item, order, seq.items.length > 0);
        seq.items.push(node);
        byId.set(id, node);
        changes.push(`${id}: added${key === 'roadmap' ? ' (roadmap item)' : ''}`);
        continue;
      }
      const updated: string[] = [];
      for (const field of orderedKeys(item, order)) {
        const before = current.get(field, true) as Node | undefined;
        const beforeValue = before && typeof (before as { toJSON?: unknown }).toJSON === 'function' ? (before as { toJSON(): unknown }).toJSON() : before;
        if (before !== undefined && sameValue(beforeValue, item[field])) continue;
        const node = valueNode(doc, field, item[field]);
        if (before !== undefined) {
          current.set(field, node);
        } else {
          const pair = doc.createPair(field, node);
          style(pair.value, field);
          const at = current.items.findIndex((p) => isScalar(p.key) && rank(order, String(p.key.value)) > rank(order, field));
          if (at === -1) current.items.push(pair);
          else current.items.splice(at, 0, pair);
        }
        updated.push(field);
      }
      if (updated.length > 0) changes.push(`${id}: ${updated.join(', ')} updated`);
      else unchanged++;
    }
  }
  if (unchanged > 0) changes.push(`${unchanged} item${unchanged === 1 ? '' : 's'} unchanged`);
  return { text: doc.toString(TO_STRING), changes };
}
