// Trace files: one repository's share of an organisation's trace, written by `spectrace check
// --format trace` and read back by `spectrace merge`. Self-contained: the repository's name and
// commit, its spectrace.yaml and spec texts (so a merge analyses them with the same engine and
// rules), its requirements and tags with paths inside the repository (permalink-ready), and its own
// diagnostics. Versioned by `format`; a file of another format is refused with a message saying why.
import * as path from 'node:path';
import { WorkspaceIndex } from '../index/workspaceIndex';
import type { WorkspaceIndexReader } from '../index/indexReader';
import type { CodeFile, CodeTag, Range } from '../types';
import { buildCheckReport } from './buildCheck';
import { fieldText } from './fields';
import type { ReportDiagnostic, ToolInfo } from './reportModel';
import { relativePath } from './paths';

export const TRACE_FILE_FORMAT = 1;

export interface TraceFileSource {
  /** The repository's name (`--source-name`, else the git work tree's folder name, else the folder's). */
  name: string;
  /** HEAD's commit when the folder is in a git work tree; null otherwise. */
  commit: string | null;
  branch: string | null;
  /** The repository's URI (the origin remote without credentials); null without one. */
  repository: string | null;
  /** The checked folder inside the repository ('' for its top folder), with `/` separators. */
  folder: string;
}

export interface TraceFileRequirement {
  id: string;
  title: string;
  status: string;
  priority: string;
  /** Relative to the checked folder. */
  file: string;
  line: number;
  /** Relative to the repository's top folder: `<repository>/blob/<commit>/<repoPath>#L<line>`. */
  repoPath: string;
}

/** A code tag as the trace file carries it: with its line and its path in the repository. */
export interface TraceFileTag extends CodeTag {
  line: number;
  repoPath: string;
}

export interface TraceFile {
  format: typeof TRACE_FILE_FORMAT;
  tool: { name: string; version: string };
  generated: string;
  source: TraceFileSource;
  /** spectrace.yaml's text; null without one. */
  config: string | null;
  /** The spec files and custom schema files, relative to the checked folder, with their texts. */
  files: { path: string; text: string }[];
  requirements: TraceFileRequirement[];
  tags: TraceFileTag[];
  diagnostics: ReportDiagnostic[];
}

export interface TraceFileInput {
  tool: ToolInfo;
  source: TraceFileSource;
  now: Date;
  /** A file's current text (the disk's); undefined when unreadable. */
  textOf: (file: string) => string | undefined;
}

type TraceFileIndex = Pick<WorkspaceIndexReader, 'root' | 'config' | 'configFile' | 'diagnostics' | 'specFiles' | 'codeFiles' | 'requirements' | 'roadmapItems' | 'insights' | 'definitions' | 'incoming' | 'trace' | 'coverageTotals' | 'roadmapProgress'>;

export function buildTraceFile(index: TraceFileIndex, input: TraceFileInput): TraceFile {
  const root = index.root;
  const repoPath = (file: string) => [input.source.folder, relativePath(root, file)].filter((p) => p !== '').join('/');
  const files: { path: string; text: string }[] = [];
  const schemaFiles = Object.values(index.config.schemas)
    .filter((s): s is string => typeof s === 'string')
    .map((s) => path.resolve(root, s.split('#')[0]));
  const specPaths = [...index.specFiles()].map((s) => s.file);
  for (const file of [...new Set([...specPaths, ...schemaFiles])].sort()) {
    const text = input.textOf(file);
    if (text !== undefined) files.push({ path: relativePath(root, file), text });
  }
  const requirements: TraceFileRequirement[] = index.requirements().flatMap((r) => {
    if (r.id === undefined) return [];
    const line = (r.idRange ?? r.headRange).start.line + 1;
    return [
      {
        id: r.id,
        title: fieldText(r, 'title') ?? '',
        status: fieldText(r, 'status') ?? '',
        priority: fieldText(r, 'priority') ?? '',
        file: relativePath(root, r.file),
        line,
        repoPath: repoPath(r.file),
      },
    ];
  });
  const tags: TraceFileTag[] = [];
  for (const code of index.codeFiles()) {
    for (const t of code.tags) {
      const tag: TraceFileTag = { id: t.id, kind: t.kind, word: t.word, file: relativePath(root, t.file), line: t.idRange.start.line + 1, repoPath: repoPath(t.file), idRange: t.idRange, wordRange: t.wordRange };
      if (t.rev !== undefined) tag.rev = t.rev;
      if (t.revRange) tag.revRange = t.revRange;
      if (t.badRev !== undefined) tag.badRev = t.badRev;
      if (t.loose) tag.loose = true;
      tags.push(tag);
    }
  }
  const check = buildCheckReport(index, { tool: input.tool, folder: '.', configFile: undefined });
  return {
    format: TRACE_FILE_FORMAT,
    tool: { name: input.tool.name, version: input.tool.version },
    generated: input.now.toISOString(),
    source: input.source,
    config: input.textOf(index.configFile) ?? null,
    files,
    requirements,
    tags,
    diagnostics: check.diagnostics,
  };
}

export function renderTraceFile(file: TraceFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

export class TraceFileError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPosition(v: unknown): boolean {
  return isRecord(v) && Number.isInteger(v.line) && Number.isInteger(v.character) && (v.line as number) >= 0 && (v.character as number) >= 0;
}

function isRange(v: unknown): v is Range {
  return isRecord(v) && isPosition(v.start) && isPosition(v.end);
}

/** A path inside the repository: relative, `/`-separated, never leaving it. */
function isInnerPath(v: unknown): v is string {
  return typeof v === 'string' && v !== '' && !v.startsWith('/') && !/^[a-zA-Z]:/.test(v) && !v.split(/[\\/]/).includes('..');
}

/** The JSON parser's message quotes the text around the error, newlines included: one short line of it. */
function oneLine(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** A value named in a message: short, and never serialized whole (it may be huge or deeply nested). */
function shownValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** Parse and check a trace file's text; a TraceFileError says what is wrong, for a person. */
export function parseTraceFile(text: string): TraceFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new TraceFileError(`not JSON (${oneLine(err instanceof Error ? err.message : String(err))})`);
  }
  if (!isRecord(data) || !('format' in data)) throw new TraceFileError("not a Spectrace trace file (no \"format\"; write one with 'spectrace check --format trace')");
  const format = data.format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) throw new TraceFileError(`unknown trace file format ${shownValue(format)} (this Spectrace reads format ${TRACE_FILE_FORMAT})`);
  if (format > TRACE_FILE_FORMAT) {
    throw new TraceFileError(`trace file format ${format} is newer than this Spectrace reads (format ${TRACE_FILE_FORMAT}): upgrade spectrace to merge it`);
  }
  const problem = (where: string) => new TraceFileError(`broken trace file: ${where}`);
  const source = data.source;
  if (!isRecord(source) || typeof source.name !== 'string' || source.name.trim() === '') throw problem('"source.name" must be a non-empty string');
  for (const key of ['commit', 'branch', 'repository'] as const) if (source[key] !== null && typeof source[key] !== 'string') throw problem(`"source.${key}" must be a string or null`);
  if (source.folder !== '' && !isInnerPath(source.folder)) throw problem('"source.folder" must be \'\' or a relative path inside the repository');
  if (data.config !== null && typeof data.config !== 'string') throw problem('"config" must be a string or null');
  if (!Array.isArray(data.files)) throw problem('"files" must be a list');
  data.files.forEach((f: unknown, i) => {
    if (!isRecord(f) || !isInnerPath(f.path) || typeof f.text !== 'string') throw problem(`files[${i}] must have a relative "path" inside the repository and a "text"`);
  });
  if (!Array.isArray(data.tags)) throw problem('"tags" must be a list');
  data.tags.forEach((t: unknown, i) => {
    if (!isRecord(t) || typeof t.id !== 'string' || (t.kind !== 'implements' && t.kind !== 'verifies') || typeof t.word !== 'string' || !isInnerPath(t.file) || !isRange(t.idRange) || !isRange(t.wordRange)) {
      throw problem(`tags[${i}] must have "id", "kind" (implements or verifies), "word", a relative "file", "idRange" and "wordRange"`);
    }
  });
  if (!Array.isArray(data.requirements)) throw problem('"requirements" must be a list');
  if (!Array.isArray(data.diagnostics)) throw problem('"diagnostics" must be a list');
  return data as unknown as TraceFile;
}

/**
 * A trace file as a workspace index under `root`: its config and spec texts analysed by the engine,
 * its tags put back as they were scanned. Link several into one trace to merge them.
 */
export function restoreTraceFile(file: TraceFile, root: string, now: () => Date): WorkspaceIndex {
  const abs = (p: string) => path.join(root, ...p.split('/'));
  const texts = new Map(file.files.map((f) => [abs(f.path), f.text]));
  const index = new WorkspaceIndex(root, { now, trusted: true, readFile: (p) => texts.get(path.resolve(p)) });
  if (file.config !== null) index.setConfig(file.config);
  for (const [p, text] of texts) index.updateFile(p, text);
  const byFile = new Map<string, CodeTag[]>();
  for (const t of file.tags) {
    const tag: CodeTag = { file: abs(t.file), kind: t.kind, word: t.word, id: t.id, idRange: t.idRange, wordRange: t.wordRange };
    if (t.rev !== undefined) tag.rev = t.rev;
    if (t.revRange) tag.revRange = t.revRange;
    if (t.badRev !== undefined) tag.badRev = t.badRev;
    if (t.loose) tag.loose = true;
    const list = byFile.get(tag.file);
    if (list) list.push(tag);
    else byFile.set(tag.file, [tag]);
  }
  const code: CodeFile[] = [...byFile].map(([f, tags]) => ({ file: f, tags }));
  index.addWalkedCode(code);
  return index;
}
