// spectrace.yaml: defaults, parsing, validation against schemas/config.schema.json, and the ranges of
// its keys. A broken part of the config is reported on its own line and replaced by its default;
// the rest still applies. Never throws.
import { isMap } from 'yaml';
import type { Node } from 'yaml';
import { builtinValidators } from '../schema/builtinSchemas';
import { compileIdPattern } from './idPattern';
import { readableErrors } from '../text/messages';
import type { PathSegment, ReadableError } from '../text/messages';
import { LineIndex, comparePositions, zeroRange } from '../text/positions';
import type { DiagnosticCode, EvidencePolicy, IncludeEntry, Range, ReviewConfig, RuleSetting, Severity, SpecDiagnostic, SpectraceConfig } from '../types';
import { headOf, lookup, nodeRange, pairValueRange, parseYaml, toPlain, yamlErrorMessage, yamlErrorRange } from '../spec/yamlNodes';
import { errorText } from '../../shared/errorText';

export const CONFIG_FILE_NAME = 'spectrace.yaml';

export const DEFAULT_ID_PATTERN = '^[A-Z][A-Z0-9]*-[0-9]+$';

export const DEFAULT_CONFIG: SpectraceConfig = deepFreeze({
  specs: ['specs/**/*.{yaml,yml}', '**/*.spec.{yaml,yml}'],
  code: { include: ['**/*'], exclude: [] },
  idPattern: DEFAULT_ID_PATTERN,
  tags: { implements: ['@implements'], verifies: ['@verifies'] },
  schemas: {},
  rules: {},
  coverage: [
    {
      status: ['approved', 'in-progress', 'implemented', 'verified', 'released'],
      priority: ['must'],
      implementations: 1,
      tests: 1,
    },
  ],
  maxFileSize: 1048576,
  releases: { warnDays: 14 },
  maxSpecFileSize: 16777216,
});

/** Default severity of every diagnostic code (what `rules` in the config overrides). */
export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, RuleSetting>> = deepFreeze({
  schema: 'error',
  'yaml-syntax': 'error',
  'invalid-config': 'error',
  'file-too-large': 'warning',
  'duplicate-id': 'error',
  'unknown-reference': 'error',
  'dependency-cycle': 'error',
  'parent-cycle': 'error',
  'unknown-code-reference': 'warning',
  'inactive-code-reference': 'warning',
  'uncovered-requirement': 'warning',
  'overdue-roadmap-item': 'warning',
  'status-mismatch': 'warning',
  'contradictory-status': 'warning',
  'unbaselined-requirement': 'info',
  'unrecorded-change': 'warning',
  'suspect-link': 'warning',
  'link-rev-ahead': 'error',
  'roadmap-order': 'warning',
  'release-not-ready': 'info',
  'unsupported-requirement': 'off',
  'unaddressed-insight': 'info',
  'unscored-requirement': 'off',
});

/** Which requirements `unsupported-requirement` checks when spectrace.yaml has no `evidence:`. */
export const DEFAULT_EVIDENCE: Readonly<EvidencePolicy> = deepFreeze({ type: ['epic', 'feature', 'story'] });

/** The defaults of `review:` (an empty `review: {}` turns change review on with these). */
export const DEFAULT_REVIEW: Readonly<ReviewConfig> = deepFreeze({
  fields: ['title', 'description', 'acceptance'],
  statuses: ['approved', 'in-progress', 'implemented', 'verified', 'released'],
  suspectCounts: false,
});

/** The severity for `code` under the config's rules; undefined when the rule is `off`. */
export function severityFor(code: DiagnosticCode, rules: Partial<Record<DiagnosticCode, RuleSetting>>): Severity | undefined {
  const setting = rules[code] ?? DEFAULT_SEVERITY[code];
  return setting === 'off' ? undefined : setting;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v as Record<string, unknown>)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** A fresh, mutable copy of the defaults. */
export function defaultConfig(): SpectraceConfig {
  return JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as SpectraceConfig;
}

/** The parts of the config that fall back to their default independently of each other. */
const PARTS: PathSegment[][] = [
  ['specs'],
  ['code', 'include'],
  ['code', 'exclude'],
  ['idPattern'],
  ['tags', 'implements'],
  ['tags', 'verifies'],
  ['schemas', 'requirement'],
  ['schemas', 'roadmap'],
  ['schemas', 'insight'],
  ['scoring'],
  ['evidence'],
  ['coverage'],
  ['maxFileSize'],
  ['releases', 'warnDays'],
  ['maxSpecFileSize'],
];

function isPrefix(a: PathSegment[], b: PathSegment[]): boolean {
  return a.length <= b.length && a.every((s, i) => s === b[i]);
}

export function parseConfig(file: string, text: string | undefined): { config: SpectraceConfig; diagnostics: SpecDiagnostic[] } {
  const config = defaultConfig();
  if (text === undefined) return { config, diagnostics: [] };
  const diagnostics: SpecDiagnostic[] = [];
  const report = (range: Range, message: string) =>
    diagnostics.push({ file, range, severity: 'error', code: 'invalid-config', message, source: 'spectrace' });
  try {
    const lines = new LineIndex(text);
    const doc = parseYaml(text);
    for (const e of doc.errors) report(yamlErrorRange(e, text, lines), `${CONFIG_FILE_NAME}: ${yamlErrorMessage(e, text)}`);
    const root = doc.contents as Node | null;
    if (!root || (root.range && root.range[0] === root.range[1] && !isMap(root))) return { config, diagnostics };
    let data: unknown;
    try {
      data = toPlain(root, doc);
    } catch (err) {
      report(zeroRange(), `${CONFIG_FILE_NAME} could not be read: ${errorText(err)}`);
      return { config, diagnostics };
    }
    if (data === null) return { config, diagnostics }; // only comments
    if (!isMap(root)) {
      report(nodeRange(root, text, lines) ?? zeroRange(), `${CONFIG_FILE_NAME} must be a mapping of settings (specs:, code:, idPattern:, …)`);
      return { config, diagnostics };
    }
    const validate = builtinValidators().config;
    const errors = validate(data) ? [] : readableErrors(validate.errors ?? [], data, { subject: 'configuration' });
    const invalid: PathSegment[][] = [];
    for (const r of errors) {
      report(targetRange(r, root, text, lines), r.message);
      invalid.push(r.target.path);
    }
    // idPattern must compile with RE2 (linear time); the schema only says it is a string.
    const obj = data as Record<string, unknown>;
    if (typeof obj.idPattern === 'string' && !invalid.some((p) => isPrefix(p, ['idPattern']))) {
      const compiled = compileIdPattern(obj.idPattern);
      if ('error' in compiled) {
        report(valueRange(root, ['idPattern'], text, lines), `idPattern is not a usable regular expression: ${compiled.error}`);
        invalid.push(['idPattern']);
      }
    }
    applyParts(config, obj, invalid);
  } catch (err) {
    // Defensive boundary: nothing in a config file may crash the server or the CLI.
    report(zeroRange(), `${CONFIG_FILE_NAME} could not be read: ${errorText(err)}`);
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { config, diagnostics };
}

function applyParts(config: SpectraceConfig, data: Record<string, unknown>, invalid: PathSegment[][]): void {
  const broken = (part: PathSegment[]) => invalid.some((p) => isPrefix(p, part) || isPrefix(part, p));
  for (const part of PARTS) {
    if (broken(part)) continue;
    let v: unknown = data;
    for (const s of part) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(s)] : undefined;
    if (v === undefined || v === null) continue;
    setPath(config as unknown as Record<string, unknown>, part, JSON.parse(JSON.stringify(v)));
  }
  // Review is off unless the key exists (even a broken `review:` asks for it); each of its settings
  // falls back to its default on its own.
  const review = data.review;
  if (review !== undefined) {
    const given = review && typeof review === 'object' && !Array.isArray(review) ? (review as Record<string, unknown>) : {};
    const pick = <K extends keyof ReviewConfig>(key: K): ReviewConfig[K] =>
      given[key] !== undefined && given[key] !== null && !invalid.some((p) => isPrefix(['review', key], p))
        ? (JSON.parse(JSON.stringify(given[key])) as ReviewConfig[K])
        : (JSON.parse(JSON.stringify(DEFAULT_REVIEW[key])) as ReviewConfig[K]);
    config.review = { fields: pick('fields'), statuses: pick('statuses'), suspectCounts: pick('suspectCounts') };
  }
  // Each include entry stands on its own: a broken one is reported and left out.
  if (Array.isArray(data.include)) {
    const include: IncludeEntry[] = [];
    data.include.forEach((e: unknown, entry) => {
      if (broken(['include', entry])) return;
      if (typeof e === 'string') include.push({ path: e, code: false, entry });
      else if (e && typeof e === 'object' && typeof (e as { path?: unknown }).path === 'string') {
        include.push({ path: (e as { path: string }).path, code: (e as { code?: unknown }).code === true, entry });
      }
    });
    config.include = include;
  }
  // Rules are independent of each other: a bad one does not reset the others.
  const rules = data.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [code, setting] of Object.entries(rules as Record<string, unknown>)) {
      if (broken(['rules', code]) || !(code in DEFAULT_SEVERITY) || typeof setting !== 'string') continue;
      config.rules[code as DiagnosticCode] = setting as RuleSetting;
    }
  }
}

function setPath(obj: Record<string, unknown>, path: PathSegment[], value: unknown): void {
  let cur = obj;
  for (const s of path.slice(0, -1)) {
    const k = String(s);
    if (!cur[k] || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[String(path[path.length - 1])] = value;
}

function targetRange(r: ReadableError, root: Node, text: string, lines: LineIndex): Range {
  const path = r.target.path;
  const hit = lookup(root, path);
  if (hit.depth === path.length && path.length) {
    if (r.target.kind === 'key' && hit.pair?.key) return nodeRange(hit.pair.key as Node, text, lines) ?? zeroRange();
    if (r.target.kind === 'value' && hit.pair) return pairValueRange(hit.pair, text, lines);
    if (hit.node) return (r.target.kind === 'head' ? headOf(hit.node, text, lines) : nodeRange(hit.node, text, lines)) ?? zeroRange();
  }
  if (hit.lastPair?.key) return nodeRange(hit.lastPair.key as Node, text, lines) ?? zeroRange();
  return headOf(root, text, lines) ?? zeroRange();
}

function valueRange(root: Node, path: PathSegment[], text: string, lines: LineIndex): Range {
  const hit = lookup(root, path);
  if (hit.depth === path.length && hit.pair) return pairValueRange(hit.pair, text, lines);
  return headOf(root, text, lines) ?? zeroRange();
}

/**
 * The range of a key (`part: 'key'`) or its value (`'value'`) in a config text, e.g.
 * `configKeyRange(text, ['schemas', 'requirement'])` for a diagnostic about the custom schema file.
 * Undefined when the text has no such key.
 */
export function configKeyRange(text: string, keyPath: PathSegment[], part: 'key' | 'value' = 'value'): Range | undefined {
  try {
    const doc = parseYaml(text);
    const root = doc.contents as Node | null;
    if (!root) return undefined;
    const lines = new LineIndex(text);
    const hit = lookup(root, keyPath);
    if (hit.depth !== keyPath.length) return undefined;
    // An entry of a list (`include: [../specs]`) has no key: its range is the entry's.
    if (!hit.pair) return hit.node ? nodeRange(hit.node, text, lines) : undefined;
    return part === 'key' ? nodeRange(hit.pair.key as Node, text, lines) : pairValueRange(hit.pair, text, lines);
  } catch {
    return undefined; // a config that cannot be parsed has no key ranges; parseConfig reports why
  }
}
