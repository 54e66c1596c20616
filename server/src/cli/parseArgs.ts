// Command-line parsing with node:util parseArgs (strict): anything unknown or malformed becomes a
// UsageError, which the CLI prints as one line and exits 2 with.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { TRACE_FORMATS } from '../engine/reports/renderers';
import type { TraceFormat } from '../engine/reports/renderers';
import { errorText } from '../shared/errorText';
import { RELEASE_NOTES_FORMATS } from '../engine/releases/releaseNotes';
import type { ReleaseNotesFormat } from '../engine/releases/releaseNotes';

export class UsageError extends Error {}

/**
 * The command line was understood but the command cannot run as asked (a folder or file it names cannot
 * be read, an unwritable --out, an unknown roadmap item): exit 2 like a usage error, without the hint to
 * read the usage, which would not help.
 */
export class RunError extends UsageError {}

export type CheckFormat = 'text' | 'json' | 'sarif' | 'junit' | 'trace';
export type ReportFormat = TraceFormat;

const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'sarif', 'junit', 'trace'];
export type MergeFormat = TraceFormat | 'sarif' | 'junit';
const MERGE_FORMATS: readonly MergeFormat[] = [...TRACE_FORMATS, 'sarif', 'junit'];
const REPORT_FORMATS: readonly ReportFormat[] = TRACE_FORMATS;

interface Common {
  folder: string;
  out: string | undefined;
  today: Date | undefined;
  verbose: boolean;
}

export type SuspectsFormat = 'text' | 'md' | 'json';
const SUSPECTS_FORMATS: readonly SuspectsFormat[] = ['text', 'md', 'json'];
export type HelpTopic = 'main' | 'check' | 'report' | 'merge' | 'export' | 'import' | 'baseline' | 'bump' | 'review' | 'suspects' | 'release-notes' | 'burnup';
const HELP_TOPICS: readonly HelpTopic[] = ['check', 'report', 'merge', 'export', 'import', 'baseline', 'bump', 'review', 'suspects', 'release-notes', 'burnup'];
export type BurnupFormat = 'csv' | 'json';
const BURNUP_FORMATS: readonly BurnupFormat[] = ['csv', 'json'];

export type Command =
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'version' }
  | ({ kind: 'check'; format: CheckFormat; strict: boolean; quiet: boolean; color: boolean | undefined; sourceName: string | undefined } & Common)
  | { kind: 'merge'; files: string[]; format: MergeFormat; out: string | undefined; strict: boolean; today: Date | undefined }
  | ({ kind: 'report'; format: ReportFormat } & Common)
  | { kind: 'export-reqif'; folder: string; out: string | undefined; withCode: boolean; date: string | undefined; verbose: boolean }
  | { kind: 'import'; format: 'csv' | 'reqif'; file: string; out: string | undefined; map: string | undefined; prefix: string | undefined; dryRun: boolean }
  | { kind: 'baseline'; folder: string }
  | { kind: 'bump'; folder: string; ids: string[]; editorial: boolean }
  | { kind: 'review'; folder: string; ids: string[]; paths: string[] }
  | { kind: 'suspects'; folder: string; format: SuspectsFormat }
  | { kind: 'release-notes'; roadmapId: string; folder: string; format: ReleaseNotesFormat; out: string | undefined }
  | { kind: 'burnup'; item: string; folder: string; format: BurnupFormat; out: string | undefined };

const COMMON_OPTIONS = {
  folder: { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  today: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  'source-name': { type: 'string' },
} as const;

const MERGE_OPTIONS = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  strict: { type: 'boolean' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** parseArgs' messages name the problem well but are long; keep the first sentence. */
function usage(err: unknown): UsageError {
  const text = errorText(err);
  return new UsageError(text.split('. ')[0]?.replace(/\.$/, '') ?? text);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, flag: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value '${value}' for ${flag}: expected one of ${allowed.join(', ')}`);
}

function parseToday(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  // Reject 2026-02-31 and friends: Date would roll them over silently.
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`invalid value '${value}' for --today: expected a date as YYYY-MM-DD`);
  }
  return date;
}

function folderOf(positionals: string[], command: string, option?: string): string {
  if (positionals.length > 1) {
    throw new UsageError(`too many arguments for '${command}': ${positionals.slice(1).map((p) => `'${p}'`).join(' ')} (one folder at most)`);
  }
  if (option !== undefined && positionals.length > 0) throw new UsageError(`give the folder once: '${positionals[0]}' or --folder '${option}'`);
  const folder = option ?? positionals[0] ?? '.';
  if (folder === '') throw new UsageError('the folder argument is empty');
  return folder;
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("missing command: use 'spectrace check [folder]' or 'spectrace report [folder]'");
  if (command === '-h' || command === '--help' || command === 'help') {
    if (rest.length > 1) throw new UsageError('too many arguments for help');
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help', topic: 'main' };
    if ((HELP_TOPICS as readonly string[]).includes(topic)) return { kind: 'help', topic: topic as HelpTopic };
    throw new UsageError(`unknown command '${topic}'`);
  }
  if (command === '-v' || command === '--version') {
    if (rest.length > 0) throw new UsageError(`unexpected argument after ${command}: '${rest[0]}'`);
    return { kind: 'version' };
  }
  if (command === 'check') return parseCheck(rest);
  if (command === 'report') return parseReport(rest);
  if (command === 'merge') return parseMerge(rest);
  if (command === 'export') return parseExport(rest);
  if (command === 'import') return parseImport(rest);
  if (command === 'baseline' || command === 'bump' || command === 'review' || command === 'suspects') return parseReviewCommand(command, rest);
  if (command === 'release-notes') return parseReleaseNotes(rest);
  if (command === 'burnup') return parseBurnup(rest);
  if (command.startsWith('-')) throw new UsageError(`unknown option '${command}': a command comes first (check, report, merge, export, import, baseline, bump, review, suspects, release-notes or burnup)`);
  throw new UsageError(`unknown command '${command}' (expected check, report, merge, export, import, baseline, bump, review, suspects, release-notes or burnup; try 'spectrace check ${command}')`);
}

function parseCheck(args: string[]): Command {
  const parsed = parseStrict(args, CHECK_OPTIONS);
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'check' };
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color contradict each other');
  const sourceName = v['source-name']?.trim();
  if (sourceName === '') throw new UsageError('--source-name needs a name');
  if (sourceName !== undefined && v.format !== 'trace') throw new UsageError('--source-name names the repository in a trace file: use it with --format trace');
  return {
    kind: 'check',
    folder: folderOf(parsed.positionals, 'check', nonEmpty(v.folder, '--folder')),
    format: oneOf(v.format, CHECK_FORMATS, 'text', '--format'),
    strict: v.strict ?? false,
    quiet: v.quiet ?? false,
    color: v['no-color'] ? false : v.color ? true : undefined,
    sourceName,
    out: nonEmpty(v.out, '--out'),
    today: parseToday(v.today),
    verbose: v.verbose ?? false,
  };
}

function parseReport(args: string[]): Command {
  const parsed = parseStrict(args, COMMON_OPTIONS);
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'report' };
  return {
    kind: 'report',
    folder: folderOf(parsed.positionals, 'report', nonEmpty(v.folder, '--folder')),
    format: oneOf(v.format, REPORT_FORMATS, 'md', '--format'),
    out: nonEmpty(v.out, '--out'),
    today: parseToday(v.today),
    verbose: v.verbose ?? false,
  };
}

function parseMerge(args: string[]): Command {
  const parsed = parseStrict(args, MERGE_OPTIONS);
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'merge' };
  if (parsed.positionals.length === 0) throw new UsageError("missing trace files: use 'spectrace merge <a.trace.json> <b.trace.json> …' (write them with 'spectrace check --format trace')");
  return {
    kind: 'merge',
    files: parsed.positionals,
    format: oneOf(v.format, MERGE_FORMATS, 'md', '--format'),
    out: nonEmpty(v.out, '--out'),
    strict: v.strict ?? false,
    today: parseToday(v.today),
  };
}

/** node:util's parseArgs with positionals, strict, its errors as UsageErrors (exit 2). */
function parseStrict<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usage(err);
  }
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === '') throw new UsageError(`${flag} needs a file name`);
  return value;
}

const EXPORT_OPTIONS = {
  out: { type: 'string', short: 'o' },
  'with-code': { type: 'boolean' },
  date: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const IMPORT_OPTIONS = {
  out: { type: 'string', short: 'o' },
  map: { type: 'string' },
  prefix: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--date`: a day (YYYY-MM-DD) or a UTC date-time (YYYY-MM-DDThh:mm:ssZ), for a reproducible LAST-CHANGE. */
function parseDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const day = value.slice(0, 10);
  const valid = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/.test(value) && parseToday(day) !== undefined && !Number.isNaN(new Date(value).getTime());
  if (!valid) throw new UsageError(`invalid value '${value}' for --date: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ`);
  return value;
}

function parseExport(args: string[]): Command {
  const [format, ...rest] = args;
  if (format === '-h' || format === '--help') return { kind: 'help', topic: 'export' };
  if (format !== 'reqif') throw new UsageError(format === undefined ? "missing format: use 'spectrace export reqif [folder]'" : `unknown export format '${format}' (expected reqif)`);
  const parsed = parseStrict(rest, EXPORT_OPTIONS);
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'export' };
  let date: string | undefined;
  try {
    date = parseDate(v.date);
  } catch (err) {
    if (err instanceof UsageError && err.message.includes('--today')) throw new UsageError(`invalid value '${v.date ?? ''}' for --date: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ`);
    throw err;
  }
  return { kind: 'export-reqif', folder: folderOf(parsed.positionals, 'export reqif'), out: nonEmpty(v.out, '--out'), withCode: v['with-code'] ?? false, date, verbose: v.verbose ?? false };
}

function parseImport(args: string[]): Command {
  const [format, ...rest] = args;
  if (format === '-h' || format === '--help') return { kind: 'help', topic: 'import' };
  if (format !== 'csv' && format !== 'reqif') throw new UsageError(format === undefined ? "missing format: use 'spectrace import csv <file>' or 'spectrace import reqif <file>'" : `unknown import format '${format}' (expected csv or reqif)`);
  const parsed = parseStrict(rest, IMPORT_OPTIONS);
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'import' };
  if (parsed.positionals.length === 0) throw new UsageError(`missing file: use 'spectrace import ${format} <file>'`);
  if (parsed.positionals.length > 1) throw new UsageError(`too many arguments for 'import ${format}': ${parsed.positionals.slice(1).map((p) => `'${p}'`).join(' ')} (one file)`);
  const file = parsed.positionals[0] ?? '';
  if (file === '') throw new UsageError('the file argument is empty');
  if (v.prefix !== undefined && !/^[A-Z][A-Z0-9]*$/.test(v.prefix)) throw new UsageError(`invalid value '${v.prefix}' for --prefix: expected capitals and digits, e.g. SHOP`);
  return { kind: 'import', format, file, out: nonEmpty(v.out, '--out'), map: nonEmpty(v.map, '--map'), prefix: v.prefix, dryRun: v['dry-run'] ?? false };
}

const REVIEW_OPTIONS = {
  folder: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  editorial: { type: 'boolean' },
  path: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f' },
} as const;

/** Which options each change-review command takes, besides --folder and --help. */
const REVIEW_COMMAND_OPTIONS: Record<'baseline' | 'bump' | 'review' | 'suspects', readonly string[]> = {
  baseline: [],
  bump: ['editorial'],
  review: ['path'],
  suspects: ['format'],
};

function parseReviewCommand(command: 'baseline' | 'bump' | 'review' | 'suspects', args: string[]): Command {
  const parsed = parseStrict(args, REVIEW_OPTIONS);
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: command };
  for (const name of ['editorial', 'path', 'format'] as const) {
    if (v[name] !== undefined && !REVIEW_COMMAND_OPTIONS[command].includes(name)) throw new UsageError(`unknown option '--${name}' for '${command}'`);
  }
  const option = nonEmpty(v.folder, '--folder');
  if (command === 'baseline') return { kind: 'baseline', folder: folderOf(parsed.positionals, command, option) };
  if (command === 'suspects') return { kind: 'suspects', folder: folderOf(parsed.positionals, command, option), format: oneOf(v.format, SUSPECTS_FORMATS, 'text', '--format') };
  const ids = parsed.positionals;
  if (ids.length === 0) throw new UsageError(`'${command}' needs at least one requirement ID, e.g. 'spectrace ${command} PAY-1'`);
  const folder = option ?? '.';
  if (command === 'bump') return { kind: 'bump', folder, ids, editorial: v.editorial ?? false };
  const paths = (v.path ?? []).map((p) => {
    if (p === '') throw new UsageError('--path needs a glob');
    return p;
  });
  return { kind: 'review', folder, ids, paths };
}

const RELEASE_NOTES_OPTIONS = {
  folder: { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

const BURNUP_OPTIONS = {
  folder: { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseReleaseNotes(args: string[]): Command {
  const parsed = parseStrict(args, RELEASE_NOTES_OPTIONS);
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'release-notes' };
  const [roadmapId, ...folders] = parsed.positionals;
  if (roadmapId === undefined || roadmapId.trim() === '') throw new UsageError("'release-notes' needs a roadmap item ID, e.g. 'spectrace release-notes R-2026'");
  return {
    kind: 'release-notes',
    roadmapId: roadmapId.trim(),
    folder: folderOf(folders, 'release-notes', nonEmpty(v.folder, '--folder')),
    format: oneOf(v.format, RELEASE_NOTES_FORMATS, 'md', '--format'),
    out: nonEmpty(v.out, '--out'),
  };
}

function parseBurnup(args: string[]): Command {
  const parsed = parseStrict(args, BURNUP_OPTIONS);
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'burnup' };
  const [item, ...folders] = parsed.positionals;
  if (item === undefined || item === '') throw new UsageError("missing roadmap item: use 'spectrace burnup <roadmap-id> [folder]', e.g. 'spectrace burnup R-2026'");
  return {
    kind: 'burnup',
    item,
    folder: folderOf(folders, 'burnup', nonEmpty(v.folder, '--folder')),
    format: oneOf(v.format, BURNUP_FORMATS, 'csv', '--format'),
    out: nonEmpty(v.out, '--out'),
  };
}
