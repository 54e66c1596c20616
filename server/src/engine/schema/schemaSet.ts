// The validators a workspace uses: the built-in schemas (compiled once per process) plus the
// workspace's own `schemas.requirement` / `schemas.roadmap` / `schemas.insight` (compiled once per distinct content), and
// the effective ID pattern. An untrusted workspace gets the built-in ones only.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { AJV_OPTIONS, builtinValidators } from './builtinSchemas';
import { CONFIG_FILE_NAME, DEFAULT_ID_PATTERN, configKeyRange } from '../config/config';
import { compileIdPattern } from '../config/idPattern';
import { readableErrors } from '../text/messages';
import type { CompiledPattern } from '../config/idPattern';
import { zeroRange } from '../text/positions';
import type { ItemKind, SpecDiagnostic, SpectraceConfig } from '../types';
import { errorText } from '../../shared/errorText';
import { quoted } from '../text/quote';

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
  const diagnostics: SpecDiagnostic[] = [];
  // Workspace schemas compile now (a broken one is a diagnostic on the config); the built-in ones
  // when an item is first validated (builtinSchemas.ts).
  const custom: Record<ItemKind, ValidateFunction[]> = { requirement: [], roadmap: [], insight: [] };
  let idPattern = defaultPattern();
  if (opts.trusted) {
    for (const kind of ['requirement', 'roadmap', 'insight'] as const) {
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
      } else custom[kind].push(r.validate);
    }
    const p = compileIdPattern(opts.config.idPattern);
    // parseConfig already reported an unusable pattern and replaced it; this is the safety net.
    if (!('error' in p)) idPattern = p;
  }
  const schemaSet = Object.freeze({}) as SchemaSet;
  let validators: Record<ItemKind, ValidateFunction[]> | undefined;
  internalsOf.set(schemaSet, {
    get validators() {
      const builtin = builtinValidators();
      return (validators ??= {
        requirement: [builtin.requirement, ...custom.requirement],
        roadmap: [builtin.roadmap, ...custom.roadmap],
        insight: [builtin.insight, ...custom.insight],
      });
    },
    get specFileTop() {
      return builtinValidators().specFileTop;
    },
    idPattern,
  });
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

/** A workspace schema file and the files it references with relative `$ref`s, parsed. */
interface LoadedSchemas {
  root: Record<string, unknown>;
  /** The root's id, through which the fragment is looked up. */
  rootId: string;
  /** Every document (the root first), for ajv. */
  docs: Record<string, unknown>[];
  /** Path and content of every file read: the compile cache key. */
  key: string;
}

const MAX_SCHEMA_FILES = 32;

function loadCustom(kind: ItemKind, ref: string, opts: CreateSchemaSetOptions): { validate: ValidateFunction } | { error: string } {
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const base = opts.configFile ? path.dirname(opts.configFile) : process.cwd();
  const what = `custom ${kind} schema ${quoted(ref)}`;
  const loaded = loadSchemaFiles(what, path.resolve(base, filePart), opts.readFile, base);
  if ('error' in loaded) return loaded;
  const key = `${kind}\0${fragment}\0${loaded.key}`;
  const cached = customCache.get(key);
  if (cached) return cached;
  const result = compileCustom(what, loaded, fragment);
  if (customCache.size >= CUSTOM_CACHE_LIMIT) customCache.delete(customCache.keys().next().value as string);
  customCache.set(key, result);
  return result;
}

function isAbsoluteUri(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(s);
}

/**
 * Read the schema file and, transitively, the files its relative `$ref`s name (`common.json#/x`),
 * relative to the referencing file. Documents without an `$id` get their file URL as id, so that
 * ajv resolves the references to the documents read here.
 */
function loadSchemaFiles(what: string, rootPath: string, readFile: (p: string) => string | undefined, base: string): LoadedSchemas | { error: string } {
  const docs: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let key = '';
  type Read = { doc: Record<string, unknown> } | { error: string };
  const read = (abs: string, idIfMissing: string, from: string | undefined): Read => {
    const label = from ? `${quoted(path.basename(abs))} (referenced from ${quoted(path.basename(from))})` : what;
    let content: string | undefined;
    try {
      content = readFile(abs);
    } catch (err) {
      return { error: `${label} cannot be read: ${errorText(err)}` };
    }
    // Messages name files relative to spectrace.yaml's folder, as the user wrote them there.
    const shown = (path.relative(base, abs) || abs).split(path.sep).join('/');
    if (content === undefined) return { error: `${from ? `${what}: ${label}` : label} not found (looked for ${shown})` };
    key += `${abs}\0${content}\0`;
    let doc: unknown;
    try {
      doc = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
    } catch (err) {
      return { error: `${from ? `${what}: ${label}` : label} is not valid JSON: ${errorText(err)}` };
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      return { error: `${from ? `${what}: ${label}` : label} must be a JSON object (a JSON Schema)` };
    }
    const schema = doc as Record<string, unknown>;
    if (typeof schema.$id !== 'string' || !schema.$id) schema.$id = idIfMissing;
    docs.push(schema);
    return { doc: schema };
  };

  const root = read(rootPath, pathToFileURL(rootPath).href, undefined);
  if ('error' in root) return root;
  const rootSchema = root.doc;
  seen.add(rootPath);
  const queue: { doc: Record<string, unknown>; file: string }[] = [{ doc: rootSchema, file: rootPath }];
  while (queue.length) {
    const next = queue.shift();
    if (!next) break;
    const { doc, file } = next;
    const baseId = String(doc.$id);
    for (const ref of relativeRefs(doc)) {
      const target = path.resolve(path.dirname(file), decodeURIComponent(ref));
      if (seen.has(target)) continue;
      if (seen.size >= MAX_SCHEMA_FILES) return { error: `${what} references more than ${MAX_SCHEMA_FILES} files` };
      seen.add(target);
      let id: string;
      try {
        id = isAbsoluteUri(baseId) ? new URL(ref, baseId).href : pathToFileURL(target).href;
      } catch {
        id = pathToFileURL(target).href; // an $id that is not a URL: fall back to the file's own URL
      }
      const r = read(target, id, file);
      if ('error' in r) return r;
      queue.push({ doc: r.doc, file: target });
    }
  }
  const rootId = String(rootSchema.$id).replace(/#$/, '');
  return { root: rootSchema, rootId, docs, key };
}

/** File parts of the `$ref`s in a schema that name another file by a relative path. */
function relativeRefs(schema: unknown): string[] {
  const out = new Set<string>();
  const stack: unknown[] = [schema];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === '$ref' && typeof x === 'string') {
          const file = x.split('#')[0];
          if (file && !isAbsoluteUri(file)) out.add(file);
        } else stack.push(x);
      }
    }
  }
  return [...out];
}

function compileCustom(what: string, loaded: LoadedSchemas, fragment: string): { validate: ValidateFunction } | { error: string } {
  const schema = loaded.root;
  const dialect = typeof schema.$schema === 'string' ? schema.$schema : undefined;
  let ajv: Ajv;
  if (dialect === undefined || DRAFT_07.test(dialect)) ajv = new Ajv(AJV_OPTIONS);
  else if (DRAFT_2020.test(dialect)) ajv = new Ajv2020(AJV_OPTIONS);
  else if (DRAFT_2019.test(dialect)) ajv = new Ajv2019(AJV_OPTIONS);
  else return { error: `${what} uses $schema ${dialect}; Spectrace supports JSON Schema draft-07 and 2020-12` };
  addFormats(ajv);
  try {
    for (const doc of loaded.docs) {
      // Say what is wrong with a schema in the same words as spec problems, not ajv's "data/type ...".
      if (!ajv.validateSchema(doc)) {
        const problems = readableErrors(ajv.errors ?? [], doc, { subject: 'schema' }).map((r) => r.message);
        const which = doc === schema ? '' : ` (in ${String(doc.$id).replace(/^.*\//, '')})`;
        return { error: `${what} is not a valid JSON Schema${which}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}` };
      }
      ajv.addSchema(doc);
    }
    const validate = ajv.getSchema(fragment ? `${loaded.rootId}#${fragment}` : loaded.rootId);
    if (!validate) return { error: `${what}: ${quoted(`#${fragment}`)} does not point to a schema in that file` };
    return { validate };
  } catch (err) {
    return { error: `${what} does not compile: ${errorText(err)}` };
  }
}
