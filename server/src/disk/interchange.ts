// The disk side of import and export, shared by the CLI and the language server: gathers a
// workspace's spec files with their last-change dates (and code locations) for the ReqIF export;
// reads the file to import, the mapping file and the target spec file, and runs the pure converters.
import * as path from 'node:path';
import type { ExportCodeLink, ExportSpecFile } from '../engine/interchange/reqifExport';
import { exportReqif } from '../engine/interchange/reqifExport';
import { importCsv } from '../engine/interchange/csvImport';
import { importReqif } from '../engine/interchange/reqifImport';
import type { ExistingItems, ImportResult, PlainItem } from '../engine/interchange/importModel';
import { NO_EXISTING } from '../engine/interchange/importModel';
import type { ImportMapping } from '../engine/interchange/mapping';
import { defaultMapping, parseMapping } from '../engine/interchange/mapping';
import type { WrittenSpec } from '../engine/interchange/specWriter';
import { mergeIntoSpec, newSpecText } from '../engine/interchange/specWriter';
import type { ReportSource } from '../engine/reports/source';
import { isObject } from '../shared/isObject';
import { lastChangeDates } from './gitDates';
import { readIfExists, readImportFile } from './importFile';

export interface ExportOptions {
  withCode: boolean;
  /** LAST-CHANGE for every element instead of the files' dates (YYYY-MM-DD or an ISO date-time). */
  date: string | undefined;
  env: Record<string, string | undefined>;
  toolId: string;
}

function posix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The items that are mappings: a list entry that is empty (`-`) or a scalar has no fields to export. */
function plainItems(items: readonly { value: unknown }[]): PlainItem[] {
  return items.map((r) => r.value).filter(isObject);
}

export async function exportWorkspaceReqif(source: ReportSource, options: ExportOptions): Promise<string> {
  // Insights are not exported (ReqIF has no place for customer evidence): a file of insights only is left out.
  const specFiles = [...source.specFiles()].filter((f) => f.hasSpecLists && !(f.insights.length > 0 && f.requirements.length === 0 && f.roadmap.length === 0)).sort((a, b) => (posix(source.root, a.file) < posix(source.root, b.file) ? -1 : 1));
  const dates = options.date === undefined ? await lastChangeDates(source.root, specFiles.map((f) => f.file), options.env) : undefined;
  const fixed = options.date === undefined ? undefined : options.date.length === 10 ? `${options.date}T00:00:00Z` : options.date;
  const files: ExportSpecFile[] = specFiles.map((f) => ({
    path: posix(source.root, f.file),
    product: f.product?.name,
    lastChange: fixed ?? dates?.get(f.file) ?? '1970-01-01T00:00:00Z',
    requirements: plainItems(f.requirements),
    roadmap: plainItems(f.roadmap),
  }));
  const codeLinks: ExportCodeLink[] = [];
  if (options.withCode) {
    const codeFiles = [...source.codeFiles()].sort((a, b) => (posix(source.root, a.file) < posix(source.root, b.file) ? -1 : 1));
    for (const code of codeFiles) {
      for (const tag of code.tags) codeLinks.push({ requirementId: tag.id, kind: tag.kind, file: posix(source.root, code.file), line: tag.idRange.start.line + 1 });
    }
  }
  return exportReqif({ title: `Spectrace specs of ${path.basename(source.root)}`, toolId: options.toolId, files, codeLinks });
}

export type ImportFormat = 'csv' | 'reqif';

export interface ImportOptions {
  format: ImportFormat;
  /** Absolute path of the file to import, and how to name it in messages. */
  file: string;
  shownAs: string;
  mappingFile: string | undefined;
  mappingShownAs?: string;
  prefix: string | undefined;
  /** Absolute path of the spec file to write or update. */
  outFile: string;
  /** The workspace the spec file belongs to, for its IDs and roadmap items. */
  workspace: ReportSource | undefined;
}

export interface PreparedImport {
  result: ImportResult;
  written: WrittenSpec;
  /** True when the spec file exists and is updated rather than created. */
  updates: boolean;
}

function existingItems(workspace: ReportSource | undefined): ExistingItems {
  if (!workspace) return NO_EXISTING;
  const sourceKeys = new Map<string, string>();
  for (const r of workspace.requirements()) {
    if (r.id === undefined) continue;
    const sourceId = r.fields.get('x-source-id')?.value;
    const reqif = r.fields.get('x-reqif')?.value as { identifier?: unknown } | undefined;
    if (typeof sourceId === 'string') sourceKeys.set(sourceId, r.id);
    if (typeof reqif?.identifier === 'string') sourceKeys.set(reqif.identifier, r.id);
  }
  return {
    sourceKeys,
    requirementIds: new Set(workspace.requirements().flatMap((r) => (r.id === undefined ? [] : [r.id]))),
    roadmap: workspace.roadmapItems().flatMap((r) => {
      const title = r.fields.get('title')?.value;
      return r.id === undefined ? [] : [{ id: r.id, title: typeof title === 'string' ? title : undefined }];
    }),
  };
}

export async function prepareImport(options: ImportOptions): Promise<PreparedImport> {
  const [text, mappingText, current] = await Promise.all([
    readImportFile(options.file, options.shownAs),
    options.mappingFile === undefined ? Promise.resolve(undefined) : readImportFile(options.mappingFile, options.mappingShownAs ?? options.mappingFile, 1024 * 1024),
    readIfExists(options.outFile),
  ]);
  const mapping: ImportMapping = mappingText === undefined ? defaultMapping() : parseMapping(mappingText);
  const existing = existingItems(options.workspace);
  const result =
    options.format === 'csv'
      ? importCsv(text, { mapping, existing, prefix: options.prefix })
      : importReqif(text, { mapping, existing, prefix: options.prefix ?? mapping.prefix ?? 'REQ' });
  // An ID another spec file already has would be a duplicate: say so now rather than at the next check.
  if (options.workspace) {
    const elsewhere = new Set(options.workspace.requirements().filter((r) => r.id !== undefined && path.resolve(r.file) !== path.resolve(options.outFile)).map((r) => r.id as string));
    const clashes = result.requirements.map((r) => String(r.id)).filter((id) => elsewhere.has(id));
    if (clashes.length > 0) result.report.warnings.push(`${clashes.length} imported ID${clashes.length === 1 ? ' is' : 's are'} already used in other spec files of the workspace (${clashes.slice(0, 5).join(', ')}${clashes.length > 5 ? ', ...' : ''}): \`spectrace check\` will report them as duplicate-id; import with --prefix or into that file`);
  }
  const header = ` Imported by Spectrace from ${path.basename(options.file)}; see docs/interchange.md for the mapping.`;
  const written = current === undefined ? newSpecText(result, header) : mergeIntoSpec(current, result, options.outFile);
  return { result, written, updates: current !== undefined };
}
