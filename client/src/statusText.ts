// The status bar's words, as a pure function of the summary (tested without VS Code). They say what
// is measured: how many requirements under the coverage policy meet it, how many have code.
import type { SummaryResult } from '../../server/src/shared/protocol';
import { plural } from '../../server/src/shared/plural';

/**
 * "$(checklist) Specs: 23/24 under policy covered · 31/40 implemented · 3 errors · 2 suspect" (+ " (restricted)"
 * when untrusted). Undefined, so the item hides, when the workspace has no requirements and no problems.
 */
export function summaryText(s: SummaryResult): string | undefined {
  const parts: string[] = [];
  if (s.requirements > 0) {
    parts.push(s.underPolicy > 0 ? `${s.satisfied}/${s.underPolicy} under policy covered` : 'none under policy');
    parts.push(`${s.implemented}/${s.requirements} implemented`);
  }
  if (s.errors > 0) parts.push(plural(s.errors, 'error'));
  else if (s.warnings > 0) parts.push(plural(s.warnings, 'warning'));
  // Links reviewed against an older revision of their requirement (always 0 when review is off).
  if (s.suspect > 0) parts.push(`${s.suspect} suspect`);
  if (parts.length === 0) return undefined;
  return `$(checklist) Specs: ${parts.join(' · ')}${s.trusted ? '' : ' (restricted)'}`;
}

/** The tooltip's plain lines; the status bar module turns them into markdown. */
export function summaryTooltipLines(s: SummaryResult): string[] {
  const lines = [`${plural(s.requirements, 'requirement')} in the workspace`];
  if (s.requirements > 0) {
    lines.push(
      s.underPolicy === 0
        ? 'No requirement falls under the coverage policy of spectrace.yaml'
        : `Under the coverage policy: ${s.satisfied} of ${s.underPolicy} have the code and tests it asks for, or a written exemption; ` +
            `${s.requirements - s.underPolicy} more are outside the policy`,
      `Implemented: ${s.implemented} of ${s.requirements} have code (@implements); tested: ${s.tested} of ${s.requirements} have tests (@verifies)`,
    );
  }
  lines.push(`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`);
  if (s.suspect > 0) {
    lines.push(`${plural(s.suspect, 'suspect link')}: code, tests or specs reviewed against an older revision of their requirement. Run "Spectrace: Review Suspect Links" to review them.`);
  }
  if (!s.trusted) {
    lines.push(
      'Restricted mode: this workspace is not trusted, so Spectrace validates with its built-in schemas and ID pattern only. ' +
        "The workspace's own schema files and regular expressions are not loaded until you trust the workspace.",
    );
  }
  lines.push('Click to open the coverage gaps.');
  return lines;
}
