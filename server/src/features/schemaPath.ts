// Maps a YAML path at the cursor (yamlCursor.ts) to the schema it is governed by: a requirement, a
// roadmap item, the spec file's top level, or spectrace.yaml. Also lists the keys a schema object
// allows, read from the built-in schema documents (the single source of truth for fields).
import { BUILTIN_SCHEMAS } from '../engine/schema/builtinSchemas';
import type { SchemaKind } from '../engine/schema/builtinSchemas';
import type { ItemKind } from '../engine/types';
import { ITEM } from './yamlCursor';
import { isObject } from '../shared/isObject';

export interface SchemaPath {
  kind: SchemaKind;
  /** The path inside that schema: `['priority']`, `['source', 'kind']`, `['depends_on', '[]']`. */
  keyPath: string[];
}

const LISTS: Record<string, ItemKind> = { requirements: 'requirement', roadmap: 'roadmap', insights: 'insight' };

/** Where a document path lands in the schemas; undefined for paths no schema describes. */
export function schemaPathOf(path: string[], isConfig: boolean): SchemaPath | undefined {
  if (isConfig) return { kind: 'config', keyPath: path };
  if (path.length === 0) return { kind: 'spec-file', keyPath: [] };
  const kind = LISTS[path[0]];
  if (!kind) return path.length === 1 ? { kind: 'spec-file', keyPath: path } : undefined;
  if (path.length === 1) return { kind: 'spec-file', keyPath: path };
  if (path[1] !== ITEM) return undefined;
  return { kind, keyPath: path.slice(2) };
}

type SchemaObject = Record<string, unknown>;

/** The keys of the object schema at `keyPath` (following $ref, items and anyOf/oneOf branches). */
export function schemaKeys(kind: SchemaKind, keyPath: string[]): string[] {
  const byId = new Map<string, SchemaObject>(Object.values(BUILTIN_SCHEMAS).map((s) => [String(s.$id ?? ''), s]));
  const deref = (s: SchemaObject, root: SchemaObject): [SchemaObject, SchemaObject] => {
    for (let hops = 0; hops < 10 && typeof s.$ref === 'string'; hops++) {
      const [uri, pointer = ''] = s.$ref.split('#');
      const doc = uri ? byId.get(uri) : root;
      if (!doc) break;
      let t: unknown = doc;
      for (const seg of pointer.split('/').filter(Boolean)) t = isObject(t) ? t[seg] : undefined;
      if (!isObject(t)) break;
      s = t;
      root = doc;
    }
    return [s, root];
  };
  const branches = (s: SchemaObject, root: SchemaObject): [SchemaObject, SchemaObject][] => {
    const first = deref(s, root);
    const out = [first];
    for (const k of ['anyOf', 'oneOf', 'allOf']) {
      const list = first[0][k];
      if (Array.isArray(list)) for (const b of list) if (isObject(b)) out.push(deref(b, first[1]));
    }
    return out;
  };
  const root = BUILTIN_SCHEMAS[kind];
  let level: [SchemaObject, SchemaObject][] = [[root, root]];
  for (const seg of keyPath) {
    const next: [SchemaObject, SchemaObject][] = [];
    for (const [s, r] of level.flatMap(([s, r]) => branches(s, r))) {
      if (seg === ITEM) {
        if (isObject(s.items)) next.push(deref(s.items, r));
      } else if (isObject(s.properties) && isObject(s.properties[seg])) next.push(deref(s.properties[seg], r));
    }
    level = next;
  }
  const keys = new Set<string>();
  for (const [s] of level.flatMap(([s, r]) => branches(s, r))) if (isObject(s.properties)) for (const k of Object.keys(s.properties)) keys.add(k);
  return [...keys];
}
