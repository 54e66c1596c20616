// spectrace/exportReqif and spectrace/importRequirements: the editor's Export ReqIF… and Import
// Requirements… commands, answered by the same disk-side helpers as `spectrace export` / `import`.
// The server returns text; the client writes the file. In an untrusted workspace git is not run:
// LAST-CHANGE then comes from the files' modification times.
import * as path from 'node:path';
import { prepareImport } from '../disk/interchange';
import { exportWorkspaceReqif } from '../disk/interchange';
import { ImportError } from '../engine/interchange/importError';
import type { ReportSource } from '../engine/reports/source';
import { TOOL } from '../engine/reports/tool';
import type { FolderView } from '../features/views/nodes';
import type { ExportReqifParams, ExportReqifResult, ImportRequirementsParams, ImportRequirementsResult } from '../shared/protocol';
import { UserFacingError } from '../features/requestErrors';
import { pathToUri, uriToPath } from './uris';

/** The one workspace folder to export (a folder's `include:`d folders are not exported with it, as in the CLI). */
function oneFolder(folders: FolderView[]): FolderView {
  const own = folders.filter((f) => !f.included);
  const folder = own[0];
  if (!folder) throw new UserFacingError('No workspace folder is indexed yet.');
  if (own.length > 1) throw new UserFacingError('Several workspace folders are open: choose the folder to export.');
  return folder;
}

export async function exportReqifRequest(folders: FolderView[], params: ExportReqifParams, trusted: boolean): Promise<ExportReqifResult> {
  const source: ReportSource = oneFolder(folders).ctx.index;
  const date = typeof params.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : undefined;
  // Without trust, no git: an empty PATH makes the date lookup fall back to modification times.
  const env = trusted ? process.env : { PATH: '' };
  const content = await exportWorkspaceReqif(source, { withCode: params.withCode === true, date, env, toolId: `Spectrace ${TOOL.version}` });
  return { content, requirements: source.requirements().length, roadmapItems: source.roadmapItems().length };
}

function filePath(uri: unknown, what: string): string {
  const file = typeof uri === 'string' ? uriToPath(uri) : undefined;
  if (!file) throw new UserFacingError(`The ${what} must be a file on disk.`);
  return file;
}

export async function importRequirementsRequest(folders: FolderView[], params: ImportRequirementsParams): Promise<ImportRequirementsResult> {
  const file = filePath(params.fileUri, 'file to import');
  const folder = folders[0];
  const source: ReportSource | undefined = folder?.ctx.index;
  const root = source?.root ?? path.dirname(file);
  const outFile = params.outUri !== undefined ? filePath(params.outUri, 'spec file') : path.join(root, 'specs', `${path.basename(file).replace(/\.[^.]*$/, '') || 'imported'}.yaml`);
  const format = params.format ?? (/\.(reqif|xml)$/i.test(file) ? 'reqif' : 'csv');
  const prefix = typeof params.prefix === 'string' && /^[A-Z][A-Z0-9]*$/.test(params.prefix) ? params.prefix : undefined;
  try {
    const prepared = await prepareImport({
      format,
      file,
      shownAs: path.basename(file),
      mappingFile: params.mappingUri !== undefined ? filePath(params.mappingUri, 'mapping file') : undefined,
      prefix,
      outFile,
      workspace: source,
    });
    const { result, written } = prepared;
    return {
      content: written.text,
      outUri: pathToUri(outFile),
      updates: prepared.updates,
      requirements: result.requirements.length,
      roadmapItems: result.roadmap.length,
      changes: written.changes,
      report: [`Read ${result.report.source}`, ...result.report.mapping, ...result.report.warnings.map((w) => `warning: ${w}`)],
    };
  } catch (err) {
    if (err instanceof ImportError) throw new UserFacingError(err.message);
    throw err;
  }
}
