// The built-in JSON Schemas (schemas/*.json, bundled by esbuild as JSON modules) compiled once per
// process, each when first needed. Every workspace, document and analyzer shares these validators.
import Ajv from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import configSchema from '../../../schemas/config.schema.json';
import requirementSchema from '../../../schemas/requirement.schema.json';
import roadmapSchema from '../../../schemas/roadmap-item.schema.json';
import specFileSchema from '../../../schemas/spec-file.schema.json';
import { re2RegExpEngine } from './idPattern';

export type SchemaKind = 'requirement' | 'roadmap' | 'spec-file' | 'config';

/** The raw schema documents, for hover and completion (descriptions, enums, examples). */
export const BUILTIN_SCHEMAS: Readonly<Record<SchemaKind, Record<string, unknown>>> = {
  requirement: requirementSchema as Record<string, unknown>,
  roadmap: roadmapSchema as Record<string, unknown>,
  'spec-file': specFileSchema as Record<string, unknown>,
  config: configSchema as Record<string, unknown>,
};

/**
 * ajv options shared by built-in and workspace schemas: every error (not just the first), the failing
 * schema on each error (messages read enums and property lists from it), no strict-mode refusals of
 * harmless unknown keywords, no console noise, and RE2 for every `pattern`.
 */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: false,
  verbose: true,
  logger: false,
  code: { regExp: re2RegExpEngine },
};

export interface BuiltinValidators {
  requirement: ValidateFunction;
  roadmap: ValidateFunction;
  /** The spec file's top level only: `requirements` / `roadmap` must be lists, their items are not descended into. */
  specFileTop: ValidateFunction;
  config: ValidateFunction;
}

let ajv: Ajv | undefined;
const compiled: Partial<BuiltinValidators> = {};

function sharedAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv(AJV_OPTIONS);
    addFormats(ajv);
    ajv.addSchema(BUILTIN_SCHEMAS.requirement);
    ajv.addSchema(BUILTIN_SCHEMAS.roadmap);
  }
  return ajv;
}

/**
 * Each validator is compiled on first use (a tenth of a server start went to compiling all four):
 * a restart that takes every spec analysis from the persisted cache compiles only the config's.
 */
const validators: BuiltinValidators = {
  get requirement() {
    return (compiled.requirement ??= sharedAjv().compile(BUILTIN_SCHEMAS.requirement));
  },
  get roadmap() {
    return (compiled.roadmap ??= sharedAjv().compile(BUILTIN_SCHEMAS.roadmap));
  },
  get specFileTop() {
    return (compiled.specFileTop ??= sharedAjv().compile(topLevelOnly(BUILTIN_SCHEMAS['spec-file'])));
  },
  get config() {
    return (compiled.config ??= sharedAjv().compile(BUILTIN_SCHEMAS.config));
  },
};

export function builtinValidators(): BuiltinValidators {
  return validators;
}

/** Items are validated one by one (that is what makes validation incremental), so strip item keywords. */
function topLevelOnly(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  copy.$id = 'https://spectrace.dev/schemas/spec-file-top-level.schema.json';
  const props = copy.properties as Record<string, Record<string, unknown>> | undefined;
  for (const key of ['requirements', 'roadmap']) {
    const p = props?.[key];
    if (!p) continue;
    for (const k of ['items', 'prefixItems', 'additionalItems', 'unevaluatedItems', 'contains', 'uniqueItems']) delete p[k];
  }
  return copy;
}
