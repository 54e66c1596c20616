// The mapping file (`--map mapping.yaml`) and the built-in value mappings: which source column or
// attribute becomes which Spectrace field, how source values become Spectrace's enum values, which
// roadmap item a release name means, what a ReqIF relation or object type is. Parsed from YAML text.
import { parse } from 'yaml';
import { isObject } from '../../shared/isObject';
import { PRIORITIES, REQUIREMENT_STATUSES, REQUIREMENT_TYPES, ROADMAP_STATUSES, ROADMAP_TYPES } from '../../shared/schemaOrder';
import { ImportError } from './importError';

export type EnumField = 'priority' | 'status' | 'type';

export interface ImportMapping {
  /** Source column / attribute name (case-insensitive) -> Spectrace field, an `x-` field, or `ignore`. */
  fields: Map<string, string>;
  /** Per enum field: source value (case-insensitive) -> Spectrace value. */
  values: Record<EnumField, Map<string, string>>;
  /** Release / version name -> an existing roadmap item's ID. */
  roadmap: Map<string, string>;
  /** ReqIF relation type name -> depends_on, parent, roadmap or ignore. */
  relations: Map<string, string>;
  /** ReqIF spec object type name -> requirement, roadmap or ignore. */
  types: Map<string, string>;
  defaults: { status: string; priority: string };
  prefix: string | undefined;
}

/** Fields a column or attribute may map to. */
export const TARGET_FIELDS = ['id', 'title', 'type', 'priority', 'status', 'owner', 'roadmap', 'parent', 'depends_on', 'description', 'acceptance', 'tags', 'estimate', 'coverage_exempt', 'source.kind', 'source.ref', 'issue-id', 'ignore'];

const BUILTIN_VALUES: Record<EnumField, Record<string, string>> = {
  priority: {
    highest: 'must', high: 'must', critical: 'must', blocker: 'must', mandatory: 'must', essential: 'must', 'must have': 'must',
    medium: 'should', normal: 'should', major: 'should', 'should have': 'should',
    low: 'could', minor: 'could', optional: 'could', 'nice to have': 'could', 'could have': 'could',
    lowest: 'wont', trivial: 'wont', "won't": 'wont', "won't have": 'wont',
  },
  status: {
    'to do': 'proposed', todo: 'proposed', open: 'proposed', backlog: 'proposed', new: 'proposed', 'selected for development': 'approved',
    'in progress': 'in-progress', 'in review': 'in-progress', 'in development': 'in-progress',
    done: 'implemented', closed: 'implemented', resolved: 'implemented',
    accepted: 'approved', agreed: 'approved', tested: 'verified', obsolete: 'deprecated', "won't do": 'rejected', declined: 'rejected',
  },
  type: { 'sub-task': 'story', subtask: 'story', task: 'story', 'user story': 'story', requirement: 'feature', 'non-functional': 'nfr', 'non functional': 'nfr', 'quality requirement': 'nfr' },
};

const ENUMS: Record<EnumField, readonly string[]> = { priority: PRIORITIES, status: REQUIREMENT_STATUSES, type: REQUIREMENT_TYPES };
const ROADMAP_ENUMS: Record<'status' | 'type', readonly string[]> = { status: ROADMAP_STATUSES, type: ROADMAP_TYPES };

export function defaultMapping(): ImportMapping {
  return {
    fields: new Map(),
    values: { priority: new Map(), status: new Map(), type: new Map() },
    roadmap: new Map(),
    relations: new Map(),
    types: new Map(),
    defaults: { status: 'proposed', priority: 'should' },
    prefix: undefined,
  };
}

/** A source value as a Spectrace enum value, or undefined when nothing maps it. */
export function mapEnumValue(field: EnumField, raw: string, mapping: ImportMapping, kind: 'requirement' | 'roadmap' = 'requirement'): string | undefined {
  const key = raw.trim().toLowerCase();
  if (key === '') return undefined;
  if (kind === 'roadmap' && field !== 'priority') {
    const allowed = ROADMAP_ENUMS[field];
    return allowed.includes(key) ? key : undefined;
  }
  const configured = mapping.values[field].get(key);
  if (configured !== undefined) return configured;
  const allowed = ENUMS[field];
  const dashed = key.replace(/[\s_]+/g, '-');
  if (allowed.includes(dashed)) return dashed;
  return BUILTIN_VALUES[field][key];
}

function stringMap(value: unknown, where: string): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined || value === null) return out;
  if (!isObject(value)) throw new ImportError(`mapping file: '${where}' must be a mapping of names to values`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number') throw new ImportError(`mapping file: '${where}.${k}' must be a text value`);
    out.set(k.trim().toLowerCase(), String(v));
  }
  return out;
}

function checkTargets(map: Map<string, string>, allowed: readonly string[], where: string, allowX: boolean): void {
  for (const [k, v] of map) {
    if (allowed.includes(v) || (allowX && v.startsWith('x-'))) continue;
    throw new ImportError(`mapping file: '${where}.${k}' is '${v}'; expected one of ${allowed.join(', ')}${allowX ? ', or an x- field' : ''}`);
  }
}

const KNOWN_KEYS = ['fields', 'values', 'roadmap', 'relations', 'types', 'defaults', 'prefix'];

/** Parses a mapping file's YAML text; every mistake is an ImportError naming the key. */
export function parseMapping(text: string): ImportMapping {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new ImportError(`mapping file is not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const mapping = defaultMapping();
  if (data === null || data === undefined) return mapping;
  if (!isObject(data)) throw new ImportError('mapping file: expected a mapping with fields, values, roadmap, relations, types, defaults or prefix');
  for (const key of Object.keys(data)) if (!KNOWN_KEYS.includes(key)) throw new ImportError(`mapping file: unknown key '${key}' (expected ${KNOWN_KEYS.join(', ')})`);
  mapping.fields = stringMap(data.fields, 'fields');
  checkTargets(mapping.fields, TARGET_FIELDS, 'fields', true);
  if (data.values !== undefined) {
    if (!isObject(data.values)) throw new ImportError("mapping file: 'values' must map priority, status or type to value tables");
    for (const [field, table] of Object.entries(data.values)) {
      if (field !== 'priority' && field !== 'status' && field !== 'type') throw new ImportError(`mapping file: 'values.${field}': only priority, status and type have value tables`);
      const values = stringMap(table, `values.${field}`);
      checkTargets(values, ENUMS[field], `values.${field}`, false);
      mapping.values[field] = values;
    }
  }
  mapping.roadmap = stringMap(data.roadmap, 'roadmap');
  mapping.relations = stringMap(data.relations, 'relations');
  checkTargets(mapping.relations, ['depends_on', 'parent', 'roadmap', 'ignore'], 'relations', false);
  mapping.types = stringMap(data.types, 'types');
  checkTargets(mapping.types, ['requirement', 'roadmap', 'ignore'], 'types', false);
  const defaults = stringMap(data.defaults, 'defaults');
  for (const [k, v] of defaults) {
    if (k !== 'status' && k !== 'priority') throw new ImportError(`mapping file: 'defaults.${k}': only status and priority have defaults`);
    if (!ENUMS[k].includes(v)) throw new ImportError(`mapping file: 'defaults.${k}' is '${v}'; expected one of ${ENUMS[k].join(', ')}`);
    mapping.defaults[k] = v;
  }
  if (data.prefix !== undefined) {
    if (typeof data.prefix !== 'string' || !/^[A-Z][A-Z0-9]*$/.test(data.prefix)) throw new ImportError("mapping file: 'prefix' must be capitals and digits, e.g. SHOP");
    mapping.prefix = data.prefix;
  }
  return mapping;
}
