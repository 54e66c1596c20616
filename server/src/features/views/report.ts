// spectrace/report: the traceability report of one folder (or of every folder of a multi-root
// workspace, as one trace with paths starting at their common parent), rendered by the same builders and
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
import { TraceView, commonRoot } from '../../engine/index/traceView';

/**
 * `format` is typed as the report's formats: the protocol declares its own list for the client (which
 * cannot import the engine), and a format added there without a renderer fails to compile here.
 * A client may still send anything, so it is checked again at run time.
 */
export async function renderReport(folders: FolderView[], format: TraceFormat, now: Date): Promise<ReportResult> {
  if (!isTraceFormat(format)) throw new UserFacingError(`Unknown report format ${quoted(String(format))}: use md, html, csv or json.`);
  const folder = folders[0];
  if (!folder) throw new UserFacingError('No workspace folder is indexed yet.');
  const source: ReportSource =
    folders.length === 1 ? folder.ctx.index : new TraceView(commonRoot(folders.map((f) => f.ctx.index.root)), folders.map((f) => f.ctx.index), folder.ctx.index.config);
  const name = folders.map((f) => f.name).join(', ');
  const report = buildTraceReport(source, { tool: TOOL, folder: name, now });
  // The HTML report draws each release's burn-up from the folder's spec history, as the CLI's does;
  // several folders have no one history to read.
  const burnups = folders.length === 1 ? folder.ctx.burnups : undefined;
  return { content: TRACE_RENDERERS[format](format === 'html' && burnups ? await withBurnups(report, burnups, folder.ctx.index.config) : report) };
}
