// The traceability matrix as CSV (RFC 4180, CRLF line ends), one row per requirement: written by
// `spectrace report --format csv`, Export Report… and the matrix webview's export of the rows it
// shows. Pure, so the extension writes the same columns and escaping as the CLI.
import { COVERAGE_TEXT } from './traceRow';
import type { TraceLink, TraceRow } from './traceRow';

export const TRACE_CSV_HEADER = [
  'ID',
  'Title',
  'Type',
  'Priority',
  'Status',
  'Owner',
  'Roadmap',
  'Roadmap title',
  'Parent',
  'Implementations',
  'Tests',
  'Coverage',
  'Defined in',
  'Score',
  'Insights',
  'Customers',
] as const;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, or line break (quotes doubled).
 * A cell starting with = + - @ (or tab / carriage return) would be run as a formula by spreadsheet
 * programs, so it gets a leading apostrophe, which they show as plain text.
 */
export function csvField(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function links(list: readonly TraceLink[]): string {
  return list.map((l) => `${l.file}:${l.line}`).join('; ');
}

export function traceCsv(rows: readonly TraceRow[]): string {
  const lines = [TRACE_CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.id,
        r.title,
        r.type,
        r.priority,
        r.status,
        r.owner ?? '',
        r.roadmap ?? '',
        r.roadmapTitle ?? '',
        r.parent ?? '',
        links(r.implementations),
        links(r.tests),
        COVERAGE_TEXT[r.coverage],
        `${r.file}:${r.line}`,
        r.score ? String(r.score.value) : '',
        (r.insights ?? []).join('; '),
        r.insights?.length ? String(r.customers ?? 0) : '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
