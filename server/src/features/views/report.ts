// spectrace/report: the traceability report of one folder, rendered by the same builders and
// renderers as `spectrace report` (engine/reports), so the editor and CI export the same document.
import { buildTraceReport } from '../../engine/reports/buildTrace';
import { renderCsv } from '../../engine/reports/renderCsv';
import { renderHtml } from '../../engine/reports/renderHtml';
import { renderTraceJson } from '../../engine/reports/renderJson';
import { renderMarkdown } from '../../engine/reports/renderMarkdown';
import type { ReportSource } from '../../engine/reports/source';
import type { ReportParams, ReportResult } from '../../shared/protocol';
import { UserFacingError } from '../requestErrors';
import type { FolderView } from './nodes';

const TOOL = { name: 'spectrace', version: '0.1.0', informationUri: 'https://example.invalid/spectrace' };

const RENDER: Record<ReportParams['format'], (r: ReturnType<typeof buildTraceReport>) => string> = {
  md: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
  json: renderTraceJson,
};

export function renderReport(folders: FolderView[], format: ReportParams['format'], now: Date): ReportResult {
  const render = RENDER[format];
  if (!render) throw new UserFacingError(`Unknown report format \`${String(format)}\`: use md, html, csv or json.`);
  const folder = folders[0];
  if (!folder) throw new UserFacingError('No workspace folder is indexed yet.');
  if (folders.length > 1) throw new UserFacingError('Several workspace folders are open: name one with `folderUri`.');
  const source: ReportSource = folder.ctx.index;
  return { content: render(buildTraceReport(source, { tool: TOOL, folder: folder.name, now })) };
}
