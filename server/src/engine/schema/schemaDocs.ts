// Documentation lookups over the built-in schemas, for hover and completion: what a key means, which
// values it takes, which keys an item may have. Reads the raw schema documents, never the validators.
import { BUILTIN_SCHEMAS } from './builtinSchemas';
import type { SchemaKind } from './builtinSchemas';
import type { ItemKind } from '../types';
import { isObject } from '../../shared/isObject';

type SchemaObject = Record<string, unknown>;

export interface SchemaPropertyDoc {
  description?: string;
  markdownDescription?: string;
  enum?: string[];
  examples?: unknown[];
  type?: string;
}

const BY_ID = new Map<string, SchemaObject>(
  Object.values(BUILTIN_SCHEMAS).map((s) => [String(s.$id ?? ''), s] as [string, SchemaObject]),
);

/** Follow `$ref` (to another built-in schema by `$id`, or a `#/...` pointer inside `root`). */
function deref(s: SchemaObject, root: SchemaObject): { schema: SchemaObject; root: SchemaObject } {
  let cur = s;
  let curRoot = root;
  for (let hops = 0; hops < 10 && typeof cur.$ref === 'string'; hops++) {
    const [uri, pointer = ''] = cur.$ref.split('#');
    const doc = uri ? BY_ID.get(uri) : curRoot;
    if (!doc) break;
    let target: unknown = doc;
    for (const seg of pointer.split('/').filter(Boolean)) {
      target = isObject(target) ? target[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isObject(target)) break;
    cur = target;
    curRoot = doc;
  }
  return { schema: cur, root: curRoot };
}

/** The schemas a value at this level may match: the schema itself and its anyOf/oneOf/allOf branches. */
function alternatives(s: SchemaObject, root: SchemaObject): { schema: SchemaObject; root: SchemaObject }[] {
  const first = deref(s, root);
  const out = [first];
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    const list = first.schema[k];
    if (Array.isArray(list)) for (const b of list) if (isObject(b)) out.push(deref(b, first.root));
  }
  return out;
}

function child(s: SchemaObject, root: SchemaObject, seg: string): { schema: SchemaObject; root: SchemaObject } | undefined {
  const isIndex = seg === '*' || seg === '[]' || /^\d+$/.test(seg);
  for (const alt of alternatives(s, root)) {
    if (isIndex && isObject(alt.schema.items)) return deref(alt.schema.items, alt.root);
    const props = alt.schema.properties;
    if (!isIndex && isObject(props) && isObject(props[seg])) return deref(props[seg], alt.root);
  }
  return undefined;
}

/**
 * Documentation of the property at `keyPath` in a built-in schema: `['priority']`,
 * `['source', 'kind']`, `['acceptance', '0', 'text']` (an index, `*` or `[]` steps into list items),
 * `[]` for the schema itself. Undefined when the schema has no such property.
 */
export function describeSchemaProperty(kind: SchemaKind, keyPath: string[]): SchemaPropertyDoc | undefined {
  const root = BUILTIN_SCHEMAS[kind];
  let cur: { schema: SchemaObject; root: SchemaObject } | undefined = { schema: root, root };
  for (const seg of keyPath) {
    cur = child(cur.schema, cur.root, seg);
    if (!cur) return undefined;
  }
  const s = cur.schema;
  const doc: SchemaPropertyDoc = {};
  if (typeof s.description === 'string') doc.description = s.description;
  if (typeof s.markdownDescription === 'string') doc.markdownDescription = s.markdownDescription;
  const enums = alternatives(s, cur.root).flatMap((a) => (Array.isArray(a.schema.enum) ? a.schema.enum : []));
  const strings = enums.filter((e): e is string => typeof e === 'string');
  if (strings.length) doc.enum = [...new Set(strings)];
  if (Array.isArray(s.examples)) doc.examples = s.examples as unknown[];
  const types = alternatives(s, cur.root).flatMap((a) => (Array.isArray(a.schema.type) ? a.schema.type : a.schema.type ? [a.schema.type] : []));
  if (types.length) doc.type = [...new Set(types.map(String))].join(' | ');
  return doc;
}

/** The keys an item of this kind may have, in the schema's order. */
export function itemPropertyNames(kind: ItemKind): string[] {
  const props = BUILTIN_SCHEMAS[kind].properties;
  return isObject(props) ? Object.keys(props) : [];
}
