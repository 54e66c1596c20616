// The built-in JSON Schemas (schemas/*.json, bundled by esbuild as JSON modules) and their validators,
// compiled at build time. Every workspace, document and analyzer shares these validators.
import type { Options, ValidateFunction } from 'ajv';
import * as generated from './generated/builtinValidators';
import configSchema from '../../../../schemas/config.schema.json';
import requirementSchema from '../../../../schemas/requirement.schema.json';
import roadmapSchema from '../../../../schemas/roadmap-item.schema.json';
import insightSchema from '../../../../schemas/insight.schema.json';
import specFileSchema from '../../../../schemas/spec-file.schema.json';
import { re2RegExpEngine } from '../config/idPattern';

export type SchemaKind = 'requirement' | 'roadmap' | 'insight' | 'spec-file' | 'config';

/** The raw schema documents, for hover and completion (descriptions, enums, examples). */
export const BUILTIN_SCHEMAS: Readonly<Record<SchemaKind, Record<string, unknown>>> = {
  requirement: requirementSchema as Record<string, unknown>,
  roadmap: roadmapSchema as Record<string, unknown>,
  insight: insightSchema as Record<string, unknown>,
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
  insight: ValidateFunction;
  /** The spec file's top level only: `requirements` / `roadmap` must be lists, their items are not descended into. */
  specFileTop: ValidateFunction;
  config: ValidateFunction;
}

/**
 * Compiled ahead of time (scripts/gen-validators.mjs, with the options above): compiling them at
 * run time was a large share of every cold start (bench/HISTORY.md). A unit test checks the generated module is up to date.
 */
const validators: BuiltinValidators = generated as unknown as BuiltinValidators;

export function builtinValidators(): BuiltinValidators {
  return validators;
}
