// What an index holds from its spectrace.yaml: the effective config (trust applied), the schema set
// it names, the config's diagnostics, the path globs and the custom schema files. Loaded as a whole
// on every config change.
import * as path from 'node:path';
import { DEFAULT_ID_PATTERN, parseConfig } from '../config/config';
import { createPathClassifier } from '../config/globs';
import type { PathClassifier } from '../config/globs';
import { createSchemaSet } from '../schema/schemaSet';
import type { SchemaSet } from '../schema/schemaSet';
import type { SpecDiagnostic, SpectraceConfig } from '../types';

export interface ConfigState {
  /** The effective configuration (in an untrusted workspace: without the workspace's ID pattern and schemas). */
  config: SpectraceConfig;
  /** The text the config was loaded from (undefined: no config file). */
  text: string | undefined;
  schemaSet: SchemaSet;
  diagnostics: SpecDiagnostic[];
  classifier: PathClassifier;
  /** The custom schema files the config names (absolute), loaded or not. */
  schemaFiles: Set<string>;
}

/** Load spectrace.yaml's text (undefined: no config file) and the custom schemas it names, read through `readFile`. */
export function loadConfigState(configFile: string, text: string | undefined, trusted: boolean, readFile: (absPath: string) => string | undefined): ConfigState {
  const parsed = parseConfig(configFile, text);
  const set = createSchemaSet({ config: parsed.config, configFile, configText: text, readFile, trusted });
  const effective = parsed.config;
  if (!trusted) {
    effective.idPattern = DEFAULT_ID_PATTERN;
    effective.schemas = {};
  }
  const base = path.dirname(configFile);
  return {
    config: effective,
    text,
    schemaSet: set.schemaSet,
    diagnostics: [...parsed.diagnostics, ...set.diagnostics],
    classifier: createPathClassifier(effective),
    schemaFiles: new Set(
      Object.values(parsed.config.schemas)
        .filter((s): s is string => typeof s === 'string' && s.length > 0)
        .map((s) => path.resolve(base, s.split('#')[0])),
    ),
  };
}
