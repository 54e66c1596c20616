// ajv errors -> one sentence per problem, for product managers rather than JSON Schema experts, plus
// where the diagnostic belongs (the offending key, the value, or the head of the object). Pure: no YAML
// nodes here; the readers (spec/specItems.ts, config/config.ts) turn a `target` into a range. Suggestions come from didYouMean.ts.
import type { ErrorObject } from 'ajv';
import { didYouMean } from './didYouMean';
import { joinOr, quoted } from './quote';
import { plural } from '../../shared/plural';
import { isObject } from '../../shared/isObject';

export type PathSegment = string | number;

/** Where a problem is shown: the key naming `path`, the value at `path`, or the head of the object at `path`. */
export type ErrorTarget =
  | { kind: 'value'; path: PathSegment[] }
  | { kind: 'key'; path: PathSegment[] }
  | { kind: 'head'; path: PathSegment[] };

/**
 * `replace-value` lists every allowed value in the schema's order; `typoOf` is the one the user most
 * likely meant, only when the written value is a misspelling of it (never a guess across meaning).
 */
export type FixIntent = { kind: 'missing-field'; field: string } | { kind: 'replace-value'; values: string[]; typoOf?: string };

export interface ReadableError {
  target: ErrorTarget;
  message: string;
  fix?: FixIntent;
}

// ---------------------------------------------------------------------------------------------
// Paths and labels

export function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Turn pointer segments into keys and array indices by walking the data they point into. */
export function resolvePath(data: unknown, segments: string[]): PathSegment[] {
  const out: PathSegment[] = [];
  let cur: unknown = data;
  for (const s of segments) {
    if (Array.isArray(cur)) {
      const i = Number(s);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(s);
      cur = isObject(cur) ? cur[s] : undefined;
    }
  }
  return out;
}

/** `source.kind`, `acceptance[2]`, `acceptance[2].text`. */
export function pathLabel(path: PathSegment[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

function dataAt(data: unknown, path: PathSegment[]): unknown {
  let cur = data;
  for (const p of path) {
    if (Array.isArray(cur) && typeof p === 'number') cur = cur[p];
    else if (isObject(cur) && typeof p === 'string') cur = cur[p];
    else return undefined;
  }
  return cur;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(declared: unknown, v: unknown): boolean {
  const types = Array.isArray(declared) ? declared : [declared];
  const actual = jsonType(v);
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

const TYPE_NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'empty',
};

function typeNoun(t: unknown): string {
  const types = Array.isArray(t) ? t : [t];
  return types.map((x) => TYPE_NOUNS[String(x)] ?? String(x)).join(' or ');
}

const FORMAT_NOUNS: Record<string, string> = {
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time (ISO 8601, e.g. 2026-03-31T12:00:00Z)',
  time: 'a time (HH:MM:SS)',
  email: 'an email address',
  uri: 'a URI',
  'uri-reference': 'a URI reference',
  url: 'a URL',
  uuid: 'a UUID',
  duration: 'an ISO 8601 duration (e.g. P3D)',
};

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

// ---------------------------------------------------------------------------------------------
// ajv errors -> readable errors

export interface MessageContext {
  /** What the validated value is called in messages about its root: "requirement", "roadmap item". */
  subject: string;
}

/** Map ajv's errors (validated with `allErrors` and `verbose`) to one readable error per problem. */
export function readableErrors(errors: readonly ErrorObject[], data: unknown, ctx: MessageContext): ReadableError[] {
  const kept = pruneUnionNoise(errors, data);
  const out: ReadableError[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const r = readable(e, data, ctx);
    if (!r) continue;
    const key = `${r.target.kind}|${JSON.stringify(r.target.path)}|${r.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/**
 * ajv reports an anyOf/oneOf failure as the failure of every branch plus one summary error. Keep one
 * problem per union: when exactly one branch fits the value's type, that branch's own errors (e.g. the
 * mapping form of an acceptance criterion missing `text`); otherwise only the summary, which becomes
 * "must be a string or a mapping".
 */
function pruneUnionNoise(errors: readonly ErrorObject[], data: unknown): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  errors.forEach((e, index) => {
    // `if` adds "must match then schema" next to the real errors of `then`.
    if (e.keyword === 'if') drop.add(e);
    // propertyNames reports the name's own failures with `propertyName` set, plus a summary we keep.
    if ((e as ErrorObject & { propertyName?: string }).propertyName !== undefined) drop.add(e);
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') return;
    if (e.keyword === 'oneOf' && (e.params as { passingSchemas?: unknown }).passingSchemas) return;
    const branches = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
    const value = dataAt(data, resolvePath(data, parsePointer(e.instancePath)));
    const fitting = branches.filter((b) => branchFits(b, value));
    const window = unionWindow(errors, index);
    if (fitting.length === 1) {
      drop.add(e);
      // Within the union, errors on the value itself from branches of the wrong type are noise.
      for (const w of window) {
        if (w.instancePath !== e.instancePath) continue;
        const ps = w.parentSchema as { type?: unknown } | undefined;
        if (w.keyword === 'type' || (ps && ps.type !== undefined && !typeMatches(ps.type, value))) drop.add(w);
      }
    } else {
      for (const w of window) drop.add(w);
    }
  });
  return errors.filter((e) => !drop.has(e));
}

/** The errors ajv produced while trying the union's branches: the contiguous run just before it. */
function unionWindow(errors: readonly ErrorObject[], index: number): ErrorObject[] {
  const u = errors[index];
  const parentPath = u.schemaPath.slice(0, u.schemaPath.lastIndexOf('/'));
  const own = `${u.schemaPath}/`;
  const out: ErrorObject[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const e = errors[i];
    const inside = e.instancePath === u.instancePath || e.instancePath.startsWith(`${u.instancePath}/`);
    if (!inside) break;
    // A sibling keyword of the same schema object (not a branch) ends the run.
    if (e.schemaPath.startsWith(`${parentPath}/`) && !e.schemaPath.startsWith(own)) break;
    out.push(e);
  }
  return out;
}

function branchFits(branch: unknown, value: unknown): boolean {
  if (!isObject(branch)) return branch === true;
  if (branch.type !== undefined) return typeMatches(branch.type, value);
  if (Array.isArray(branch.enum)) return branch.enum.some((x) => jsonType(x) === jsonType(value));
  if ('const' in branch) return jsonType(branch.const) === jsonType(value);
  if (branch.properties || branch.required || branch.additionalProperties !== undefined) return isObject(value);
  if (branch.items || branch.minItems !== undefined) return Array.isArray(value);
  return true;
}

function describeBranch(branch: unknown): string {
  if (!isObject(branch)) return 'a value';
  if (Array.isArray(branch.enum)) return `one of ${branch.enum.map(show).join(', ')}`;
  if ('const' in branch) return quoted(show(branch.const));
  if (branch.type === 'object' && Array.isArray(branch.required) && branch.required.length) {
    return `a mapping with ${branch.required.map((r) => quoted(String(r))).join(' and ')}`;
  }
  if (branch.type !== undefined) return typeNoun(branch.type);
  if (Array.isArray(branch.required)) return `a mapping with ${branch.required.map((r) => quoted(String(r))).join(' and ')}`;
  if (typeof branch.$ref === 'string') return `a value matching ${branch.$ref.replace(/^.*\//, '')}`;
  return 'a value of another form';
}

function readable(e: ErrorObject, data: unknown, ctx: MessageContext): ReadableError | undefined {
  const path = resolvePath(data, parsePointer(e.instancePath));
  const value = dataAt(data, path);
  const label = path.length ? quoted(pathLabel(path)) : `this ${ctx.subject}`;
  const params = e.params as Record<string, unknown>;
  const parent = isObject(e.parentSchema) ? e.parentSchema : {};
  const at = (kind: ErrorTarget['kind'], p: PathSegment[] = path): ErrorTarget => ({ kind, path: p });
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const full = pathLabel([...path, missing]);
      const fix: FixIntent | undefined = path.length === 0 ? { kind: 'missing-field', field: missing } : undefined;
      return { target: at(path.length ? 'key' : 'head'), message: `missing required field ${quoted(full)}`, ...(fix ? { fix } : {}) };
    }
    case 'dependencies':
    case 'dependentRequired': {
      const missing = String(params.missingProperty);
      const prop = String(params.property);
      return {
        target: at('key', [...path, prop]),
        message: `missing required field ${quoted(pathLabel([...path, missing]))} (needed when ${quoted(pathLabel([...path, prop]))} is set)`,
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
      const known = isObject(parent.properties) ? Object.keys(parent.properties) : [];
      const suggestion = didYouMean(extra, known);
      const patterns = isObject(parent.patternProperties) ? Object.keys(parent.patternProperties) : [];
      const hint = suggestion
        ? ` — did you mean ${quoted(suggestion)}?`
        : patterns.includes('^x-')
          ? ' (fields of your own must start with x-)'
          : '';
      return { target: at('key', [...path, extra]), message: `unknown field ${quoted(pathLabel([...path, extra]))}${hint}` };
    }
    case 'propertyNames':
      return { target: at('key', [...path, String(params.propertyName)]), message: `field name ${quoted(String(params.propertyName))} is not allowed here` };
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return { target: at('value'), ...enumProblem(value, allowed, path) };
    }
    case 'const':
      return { target: at('value'), message: `${label} must be ${quoted(show(params.allowedValue))}` };
    case 'type': {
      const noun = typeNoun(params.type);
      if (value === null) return { target: at('value'), message: `${label} has no value — it must be ${noun}` };
      let hint = '';
      // `- id:PAY-1` (no space after the colon) is one string, not a mapping: say so.
      if (typeof value === 'string' && params.type === 'object' && /[^\s:]:[^\s]/.test(value)) {
        hint = ' — is a space missing after a colon?';
      }
      return { target: at('value'), message: `${label} must be ${noun}${hint}` };
    }
    case 'format': {
      const f = String(params.format);
      return { target: at('value'), message: `${label} must be ${FORMAT_NOUNS[f] ?? `in the ${f} format`}` };
    }
    case 'pattern': {
      // A schema may say in words what its pattern wants (`x-patternMessage`, ignored by ajv).
      const words = (e.parentSchema as { 'x-patternMessage'?: unknown } | undefined)?.['x-patternMessage'];
      if (typeof words === 'string') return { target: at('value'), message: `${label} ${words}` };
      // The regular expression itself means nothing to most readers: point at where it is written.
      return { target: at('value'), message: `${quoted(show(value))} does not fit the pattern the schema sets for ${path.length ? quoted(pathLabel(path)) : `this ${ctx.subject}`}` };
    }
    case 'minLength':
      return {
        target: at('value'),
        message: Number(params.limit) <= 1 ? `${label} must not be empty` : `${label} must be at least ${String(params.limit)} characters long`,
      };
    case 'maxLength':
      return { target: at('value'), message: `${label} must be at most ${String(params.limit)} characters long` };
    case 'minimum':
      return { target: at('value'), message: `${label} must be at least ${String(params.limit)}` };
    case 'maximum':
      return { target: at('value'), message: `${label} must be at most ${String(params.limit)}` };
    case 'exclusiveMinimum':
      return { target: at('value'), message: `${label} must be greater than ${String(params.limit)}` };
    case 'exclusiveMaximum':
      return { target: at('value'), message: `${label} must be less than ${String(params.limit)}` };
    case 'multipleOf':
      return { target: at('value'), message: `${label} must be a multiple of ${String(params.multipleOf)}` };
    case 'minItems':
      return { target: at('value'), message: `${label} must have at least ${plural(Number(params.limit), 'item')}` };
    case 'maxItems':
      return { target: at('value'), message: `${label} must have at most ${plural(Number(params.limit), 'item')}` };
    case 'uniqueItems':
      return { target: at('value'), message: `${label} must not repeat items ([${String(params.j)}] and [${String(params.i)}] are the same)` };
    case 'minProperties':
      return { target: at('value'), message: `${label} must have at least ${plural(Number(params.limit), 'field')}` };
    case 'maxProperties':
      return { target: at('value'), message: `${label} must have at most ${plural(Number(params.limit), 'field')}` };
    case 'additionalItems':
    case 'unevaluatedItems':
    case 'items':
      return { target: at('value'), message: `${label} has too many items (at most ${String(params.limit ?? '')})`.replace(' (at most )', '') };
    case 'contains':
      return { target: at('value'), message: `${label} must contain at least one matching item` };
    case 'anyOf':
    case 'oneOf': {
      if (e.keyword === 'oneOf' && params.passingSchemas) {
        return { target: at('value'), message: `${label} matches more than one of the allowed forms` };
      }
      const branches = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
      const forms = [...new Set(branches.map(describeBranch))];
      return { target: at('value'), message: `${label} must be ${forms.join(' or ')}` };
    }
    case 'not':
      return { target: at('value'), message: `${label} has a value the schema forbids` };
    case 'false schema':
      return { target: path.length ? at('key') : at('head'), message: `${label} is not allowed` };
    default:
      return { target: at('value'), message: `${label} ${e.message ?? 'is invalid'}` };
  }
}

/**
 * "“urgent” is not a valid priority: use must, should, could or wont", naming the bad value and every
 * allowed one in the schema's order; the fix offers each allowed value, preferring one only for a typo.
 */
function enumProblem(value: unknown, allowed: readonly unknown[], path: PathSegment[]): { message: string; fix?: FixIntent } {
  const field = fieldName(path);
  const use = `use ${joinOr(allowed.map(show))}`;
  if (value === null || value === undefined) return { message: `${field ? quoted(field) : 'this value'} has no value: ${use}` };
  // `priority` reads as a noun ("not a valid priority"); a deeper path does not (`rules.status-mismatch`).
  const what = !field ? 'allowed here' : path.length === 1 ? `a valid ${field}` : `a valid value for ${quoted(field)}`;
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  if (typeof value !== 'string' || !strings.length) return { message: `${quoted(show(value))} is not ${what}: ${use}` };
  const typoOf = didYouMean(value, strings);
  const hint = typoOf !== undefined ? ` — did you mean ${quoted(typoOf)}?` : '';
  return {
    message: `${quoted(show(value))} is not ${what}: ${use}${hint}`,
    fix: { kind: 'replace-value', values: strings, ...(typoOf !== undefined ? { typoOf } : {}) },
  };
}

/** The field a value belongs to, for a sentence: `priority`, `source.kind`; undefined at the root. */
function fieldName(path: PathSegment[]): string | undefined {
  if (!path.length) return undefined;
  // An item of a list is named after the list: `acceptance[2]` -> an acceptance value.
  return pathLabel(path.filter((p) => typeof p === 'string'));
}
