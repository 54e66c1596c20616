// The traceability report's formats and their renderers: one table for `spectrace report --format`
// and the spectrace/report request (Export Report…).
import type { TraceReport } from './reportModel';
import { renderCsv } from './renderCsv';
import { renderHtml } from './renderHtml';
import { renderTraceJson } from './renderJson';
import { renderMarkdown } from './renderMarkdown';

export const TRACE_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type TraceFormat = (typeof TRACE_FORMATS)[number];

export const TRACE_RENDERERS: Readonly<Record<TraceFormat, (report: TraceReport) => string>> = {
  md: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
  json: renderTraceJson,
};

/** Whether a format named from outside (a command line, a client's request) has a renderer. */
export function isTraceFormat(format: string): format is TraceFormat {
  return (TRACE_FORMATS as readonly string[]).includes(format);
}
