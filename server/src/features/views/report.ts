// spectrace/report: the traceability report of one folder, rendered by the same builders and
// renderers as `spectrace report` (engine/reports), so the editor and CI export the same document.
import { buildTraceReport } from '../../engine/reports/buildTrace';
import { TRACE_RENDERERS, isTraceFormat } from '../../engine/reports/renderers';
import type { TraceFormat } from '../../engine/reports/renderers';
import type { ReportSource } from '../../engine/reports/source';
import { TOOL } from '../../engine/reports/tool';
import { withBurnups } from '../../engine/reports/reportBurnups';
import type { ReportResult } from '../../shared/protocol';
import { UserFacingError } from '../requestErrors';
import { quoted } from '../../engine/text/quote';
import type { FolderView } from './nodes';

/**
 * `format` is typed as the report's formats: the protocol declares its own list for the client (which
 * cannot import the engine), and a format added there without a renderer fails to compile here.
 * A client may still send anything, so it is checked again at run time.
 */
export async function renderReport(folders: FolderView[], format: TraceFormat, now: Date): Promise<ReportResult> {
  if (!isTraceFormat(format)) throw new UserFacingError(`Unknown report format ${quoted(String(format))}: use md, html, csv or json.`);
  const folder = folders[0];
  if (!folder) throw new UserFacingError('No workspace folder is indexed yet.');
  if (folders.length > 1) throw new UserFacingError('Several workspace folders are open: name one with folderUri.');
  const source: ReportSource = folder.ctx.index;
  const report = buildTraceReport(source, { tool: TOOL, folder: folder.name, now });
  // The HTML report draws each release's burn-up from the folder's spec history, as the CLI's does.
  const burnups = folder.ctx.burnups;
  return { content: TRACE_RENDERERS[format](format === 'html' && burnups ? await withBurnups(report, burnups, folder.ctx.index.config) : report) };
}
