// The traceability matrix as CSV (RFC 4180, CRLF line ends): one row per requirement, for spreadsheets.
import { csvField } from './escape';
import { COVERAGE_TEXT } from './labels';
import type { TraceLink, TraceReport } from './reportModel';

export const CSV_HEADER = [
  'ID',
  'Title',
  'Type',
  'Priority',
  'Status',
  'Roadmap',
  'Roadmap title',
  'Parent',
  'Implementations',
  'Tests',
  'Coverage',
  'Defined in',
] as const;

function links(list: readonly TraceLink[]): string {
  return list.map((l) => `${l.file}:${l.line}`).join('; ');
}

export function renderCsv(report: TraceReport): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const r of report.rows) {
    lines.push(
      [
        r.id,
        r.title,
        r.type,
        r.priority,
        r.status,
        r.roadmap ?? '',
        r.roadmapTitle ?? '',
        r.parent ?? '',
        links(r.implementations),
        links(r.tests),
        COVERAGE_TEXT[r.coverage],
        `${r.file}:${r.line}`,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
