// The matrix's CSV export, built on the extension side from the rows the webview shows (in its
// order, after its filter). RFC 4180 quoting; cells that a spreadsheet would run as a formula get a
// leading apostrophe, because spec text is written by anyone with access to the repository.
import type { MatrixRow } from '../../../server/src/shared/protocol';

export const CSV_HEADER = ['id', 'title', 'status', 'priority', 'roadmap', 'coverage', 'implementations', 'tests'];

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function matrixCsv(rows: readonly MatrixRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    const cells = [
      r.id,
      r.title,
      r.status ?? '',
      r.priority ?? '',
      r.roadmap ?? '',
      r.coverage,
      r.implementations.map((x) => x.label).join('; '),
      r.tests.map((x) => x.label).join('; '),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
