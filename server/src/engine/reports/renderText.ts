// `spectrace check` for people and for editors' problem matchers:
//   path:line:col severity code message
// one diagnostic a line, sorted by file and position, then a one-line summary.
import { oneLine } from './escape';
import type { CheckReport, CheckSummary, ReportDiagnostic } from './reportModel';
import { plural } from '../../shared/plural';

export interface TextOptions {
  color: boolean;
  /** Errors only, and no summary when there are none. */
  quiet: boolean;
}

const SEVERITY_COLOR = { error: '31', warning: '33', info: '36', hint: '90' } as const;

function paint(color: boolean, code: string, text: string): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function diagnosticLine(d: ReportDiagnostic, color: boolean): string {
  const where = paint(color, '1', `${oneLine(d.file)}:${d.line}:${d.column}`);
  const severity = paint(color, SEVERITY_COLOR[d.severity], d.severity);
  return `${where} ${severity} ${paint(color, '2', d.code)} ${oneLine(d.message)}`;
}

export function summaryLine(s: CheckSummary): string {
  const context = `(${plural(s.requirements, 'requirement')}, ${plural(s.scanned, 'file')} scanned)`;
  if (s.errors + s.warnings + s.infos + s.hints === 0) return `No problems found ${context}`;
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.infos > 0) parts.push(plural(s.infos, 'info'));
  if (s.hints > 0) parts.push(plural(s.hints, 'hint'));
  return `${parts.join(', ')} in ${plural(s.files, 'file')} ${context}`;
}

export function renderCheckText(report: CheckReport, options: TextOptions): string {
  const shown = options.quiet ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
  const lines = shown.map((d) => diagnosticLine(d, options.color));
  if (!options.quiet || report.summary.errors > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(summaryLine(report.summary));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
