// The validators a workspace uses: the built-in schemas (compiled once per process) plus the
// workspace's own `schemas.requirement` / `schemas.roadmap` (compiled once per distinct content), and
// the effective ID pattern. An untrusted workspace gets the built-in ones only.
import * as path from 'node:path';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { AJV_OPTIONS, builtinValidators } from './builtinSchemas';
import { CONFIG_FILE_NAME, DEFAULT_ID_PATTERN, configKeyRange } from './config';
import { compileIdPattern } from './idPattern';
import { readableErrors } from './messages';
import type { CompiledPattern } from './idPattern';
import { zeroRange } from './positions';
import type { ItemKind, SpecDiagnostic, SpectraceConfig } from './types';

export { describeSchemaProperty, itemPropertyNames } from './schemaDocs';

declare const opaque: unique symbol;
/** Compiled validators for one workspace. Opaque: pass it to the analyzer, do not look inside. */
export interface SchemaSet {
  readonly [opaque]: true;
}

interface SchemaSetInternals {
  validators: Record<ItemKind, ValidateFunction[]>;
  specFileTop: ValidateFunction;
  idPattern: CompiledPattern;
}

const internalsOf = new WeakMap<SchemaSet, SchemaSetInternals>();

/** Engine-internal access to the validators (specItems.ts, specAnalyzer.ts). */
export function schemaSetInternals(set: SchemaSet): SchemaSetInternals {
  const i = internalsOf.get(set);
  if (!i) throw new Error('not a SchemaSet created by createSchemaSet');
  return i;
}

export interface CreateSchemaSetOptions {
  config: SpectraceConfig;
  configFile: string | undefined;
  configText: string | undefined;
  readFile: (absPath: string) => string | undefined;
  trusted: boolean;
}

export function createSchemaSet(opts: CreateSchemaSetOptions): { schemaSet: SchemaSet; diagnostics: SpecDiagnostic[] } {
  const builtin = builtinValidators();
  const diagnostics: SpecDiagnostic[] = [];
  const validators: Record<ItemKind, ValidateFunction[]> = { requirement: [builtin.requirement], roadmap: [builtin.roadmap] };
  let idPattern = defaultPattern();
  if (opts.trusted) {
    for (const kind of ['requirement', 'roadmap'] as const) {
      const ref = opts.config.schemas[kind];
      if (!ref) continue;
      const r = loadCustom(kind, ref, opts);
      if ('error' in r) {
        const range = (opts.configText !== undefined && configKeyRange(opts.configText, ['schemas', kind])) || zeroRange();
        diagnostics.push({
          file: opts.configFile ?? CONFIG_FILE_NAME,
          range,
          severity: 'error',
          code: 'invalid-config',
          message: r.error,
          source: 'spectrace',
        });
      } else validators[kind].push(r.validate);
    }
    const p = compileIdPattern(opts.config.idPattern);
    // parseConfig already reported an unusable pattern and replaced it; this is the safety net.
    if (!('error' in p)) idPattern = p;
  }
  const schemaSet = Object.freeze({}) as SchemaSet;
  internalsOf.set(schemaSet, { validators, specFileTop: builtin.specFileTop, idPattern });
  return { schemaSet, diagnostics };
}

function defaultPattern(): CompiledPattern {
  const p = compileIdPattern(DEFAULT_ID_PATTERN);
  if ('error' in p) throw new Error(`built-in ID pattern does not compile: ${p.error}`);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Workspace schemas

/** Compiled workspace schemas by (kind, fragment, content); a few entries suffice per process. */
const customCache = new Map<string, { validate: ValidateFunction } | { error: string }>();
const CUSTOM_CACHE_LIMIT = 16;

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;
const DRAFT_2019 = /^https:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/;
const DRAFT_2020 = /^https:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

function loadCustom(kind: ItemKind, ref: string, opts: CreateSchemaSetOptions): { validate: ValidateFunction } | { error: string } {
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const base = opts.configFile ? path.dirname(opts.configFile) : process.cwd();
  const abs = path.resolve(base, filePart);
  const what = `custom ${kind} schema \`${ref}\``;
  let content: string | undefined;
  try {
    content = opts.readFile(abs);
  } catch (err) {
    return { error: `${what} cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (content === undefined) return { error: `${what} not found (looked for ${abs})` };
  const key = `${kind}\0${fragment}\0${content}`;
  const cached = customCache.get(key);
  if (cached) return cached;
  const result = compileCustom(what, content, fragment);
  if (customCache.size >= CUSTOM_CACHE_LIMIT) customCache.delete(customCache.keys().next().value as string);
  customCache.set(key, result);
  return result;
}

function compileCustom(what: string, content: string, fragment: string): { validate: ValidateFunction } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (err) {
    return { error: `${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { error: `${what} must be a JSON object (a JSON Schema)` };
  }
  const schema = doc as Record<string, unknown>;
  const dialect = typeof schema.$schema === 'string' ? schema.$schema : undefined;
  let ajv: Ajv;
  if (dialect === undefined || DRAFT_07.test(dialect)) ajv = new Ajv(AJV_OPTIONS);
  else if (DRAFT_2020.test(dialect)) ajv = new Ajv2020(AJV_OPTIONS);
  else if (DRAFT_2019.test(dialect)) ajv = new Ajv2019(AJV_OPTIONS);
  else return { error: `${what} uses $schema ${dialect}; Spectrace supports JSON Schema draft-07 and 2020-12` };
  addFormats(ajv);
  try {
    // Say what is wrong with the schema in the same words as spec problems, not ajv's "data/type ...".
    if (!ajv.validateSchema(schema)) {
      const problems = readableErrors(ajv.errors ?? [], schema, { subject: 'schema' }).map((r) => r.message);
      return { error: `${what} is not a valid JSON Schema: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}` };
    }
    const ownId = typeof schema.$id === 'string' && schema.$id ? schema.$id.replace(/#$/, '') : undefined;
    const key = ownId ?? 'spectrace-workspace-schema';
    ajv.addSchema(schema, ownId ? undefined : key);
    const validate = ajv.getSchema(fragment ? `${key}#${fragment}` : key);
    if (!validate) return { error: `${what}: \`#${fragment}\` does not point to a schema in that file` };
    return { validate };
  } catch (err) {
    return { error: `${what} does not compile: ${err instanceof Error ? err.message : String(err)}` };
  }
}
