// Shared by the engine tests: load a workspace folder the way the CLI and the server do (config,
// schema set with real file reads, spec files by the config's globs) and check it with the engine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_FILE_NAME, parseConfig } from '../../../server/src/engine/config/config';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import type { SchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { analyzeSpec } from '../../../server/src/engine/spec/specAnalyzer';
import type { SpecDiagnostic, SpecFile, SpectraceConfig } from '../../../server/src/engine/types';

export const REPO = path.resolve(__dirname, '../../..');

export function readFileOrUndefined(abs: string): string | undefined {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export interface LoadedWorkspace {
  config: SpectraceConfig;
  schemaSet: SchemaSet;
  /** invalid-config diagnostics from spectrace.yaml and the custom schemas. */
  configDiagnostics: SpecDiagnostic[];
}

export function loadWorkspace(dir: string, trusted = true): LoadedWorkspace {
  const configFile = path.join(dir, CONFIG_FILE_NAME);
  const configText = readFileOrUndefined(configFile);
  const parsed = parseConfig(configFile, configText);
  const set = createSchemaSet({ config: parsed.config, configFile, configText, readFile: readFileOrUndefined, trusted });
  return { config: parsed.config, schemaSet: set.schemaSet, configDiagnostics: [...parsed.diagnostics, ...set.diagnostics] };
}

export function specFiles(dir: string, config: SpectraceConfig): string[] {
  return globSync(config.specs, { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] }).sort();
}

export function checkWorkspace(dir: string): { files: SpecFile[]; diagnostics: SpecDiagnostic[] } {
  const ws = loadWorkspace(dir);
  const files = specFiles(dir, ws.config).map((f) => analyzeSpec(f, fs.readFileSync(f, 'utf8'), ws.schemaSet, ws.config));
  return { files, diagnostics: [...ws.configDiagnostics, ...files.flatMap((f) => f.diagnostics)] };
}

/** `file:line:col code message` with 1-based positions, for readable assertion failures. */
export function describe1(d: SpecDiagnostic, base: string): string {
  return `${path.relative(base, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
}
