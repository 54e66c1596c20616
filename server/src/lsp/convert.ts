// Engine values -> LSP values for what the server publishes: locations and diagnostics (URIs,
// severities and the `data` payload; ranges convert as in features/lspRange.ts).
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic, DiagnosticRelatedInformation, Location as LspLocation } from 'vscode-languageserver';
import type { Location, Severity, SpecDiagnostic } from '../engine/types';
import { toLspRange } from '../features/lspRange';
import { pathToUri } from './uris';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspLocation(l: Location): LspLocation {
  return { uri: pathToUri(l.file), range: toLspRange(l.range) };
}

export function toLspDiagnostic(d: SpecDiagnostic, relatedInformation: boolean): Diagnostic {
  const out: Diagnostic = {
    range: toLspRange(d.range),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error,
    code: d.code,
    source: 'spectrace',
    message: d.message,
  };
  if (d.data) out.data = d.data;
  if (d.related?.length) {
    if (relatedInformation) {
      out.relatedInformation = d.related.map(
        (r): DiagnosticRelatedInformation => ({ location: { uri: pathToUri(r.file), range: toLspRange(r.range) }, message: r.message }),
      );
    } else {
      // A client without related information still learns where the other place is.
      out.message += d.related.map((r) => `\n  ${r.message} (${r.file}:${r.range.start.line + 1})`).join('');
    }
  }
  return out;
}
