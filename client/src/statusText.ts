// The status bar's words, as a pure function of the summary (tested without VS Code).
import type { SummaryResult } from '../../server/src/shared/protocol';
import { plural } from '../../server/src/shared/plural';

/** "$(checklist) Specs: 42 reqs · 88% covered · 3 errors" (+ " (restricted)" when untrusted). */
export function summaryText(s: SummaryResult): string {
  const parts = [plural(s.requirements, 'req', 'reqs'), `${s.coveredPercent}% covered`];
  if (s.errors > 0) parts.push(plural(s.errors, 'error', 'errors'));
  else if (s.warnings > 0) parts.push(plural(s.warnings, 'warning', 'warnings'));
  return `$(checklist) Specs: ${parts.join(' · ')}${s.trusted ? '' : ' (restricted)'}`;
}

/** The tooltip's plain lines; the status bar module turns them into markdown. */
export function summaryTooltipLines(s: SummaryResult): string[] {
  const lines = [
    `${plural(s.requirements, 'requirement', 'requirements')} in the workspace`,
    s.underPolicy === 0
      ? 'No requirement falls under the coverage policy'
      : `${s.satisfied} of ${s.underPolicy} requirements under the coverage policy have their code and tests (${s.coveredPercent}%)`,
    `${plural(s.errors, 'error', 'errors')}, ${plural(s.warnings, 'warning', 'warnings')}`,
  ];
  if (!s.trusted) {
    lines.push(
      'Restricted mode: this workspace is not trusted, so Spectrace validates with its built-in schemas and ID pattern only. ' +
        "The workspace's own schema files and regular expressions are not loaded until you trust the workspace.",
    );
  }
  lines.push('Click to open the coverage gaps.');
  return lines;
}
