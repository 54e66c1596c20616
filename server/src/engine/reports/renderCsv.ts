// The traceability matrix as CSV: the report's rows through the one CSV writer (shared/traceCsv.ts),
// which the matrix webview's export uses too.
import { traceCsv } from '../../shared/traceCsv';
import type { TraceReport } from './reportModel';

export function renderCsv(report: TraceReport): string {
  return traceCsv(report.rows);
}
