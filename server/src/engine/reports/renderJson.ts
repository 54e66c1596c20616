// JSON for scripts: `check --format json` and `report --format json`.
import type { CheckReport, TraceReport } from './reportModel';

export function renderCheckJson(report: CheckReport): string {
  const { errors, warnings, infos, hints, files, requirements, scanned } = report.summary;
  return `${JSON.stringify(
    {
      version: report.tool.version,
      folder: report.folder,
      summary: { errors, warnings, infos, hints, files, requirements, scanned },
      diagnostics: report.diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        severity: d.severity,
        code: d.code,
        message: d.message,
        related: d.related,
      })),
      policyFailures: report.policy.filter((p) => !p.satisfied).map((p) => p.id),
    },
    null,
    2,
  )}\n`;
}

export function renderTraceJson(report: TraceReport): string {
  return `${JSON.stringify(
    {
      version: report.tool.version,
      folder: report.folder,
      generated: report.generated,
      products: report.products,
      totals: report.totals,
      // Score and evidence keys on every row too: null and empty when there is none.
      requirements: report.rows.map((r) => ({ ...r, score: r.score, insights: r.insights ?? [], customers: r.customers ?? 0 })),
      roadmap: report.roadmap,
      value: report.value,
    },
    // Absent values (a requirement without a roadmap item) are written as null, so every row has every key.
    (_key, value: unknown) => (value === undefined ? null : value),
    2,
  )}\n`;
}
