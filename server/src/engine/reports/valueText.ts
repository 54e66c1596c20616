// Words the Markdown and HTML Value sections share, so both say the same thing.
import { IMPORTANCE_LABEL } from '../rules/unaddressedInsight';
import { MODEL_FORMULA } from '../scoring/score';
import type { InsightRow, ValueSection } from './reportModel';
import type { TraceRow } from '../../shared/traceRow';
import { plural } from '../../shared/plural';

export function scoringSentence(value: ValueSection): string {
  return value.model ? `Scores are computed, never stored — ${MODEL_FORMULA[value.model]}.` : 'Scoring is off: set scoring: { model: rice } (or wsjf, value-effort) in spectrace.yaml to rank requirements.';
}

export function importanceText(importance: number | undefined): string {
  return importance === undefined ? '' : `${importance} (${IMPORTANCE_LABEL[importance]})`;
}

/** `INS-1, INS-4 · 2 customers`, or '' without insights. */
export function insightsCellText(r: TraceRow): string {
  if (!r.insights?.length) return '';
  return `${r.insights.join(', ')} · ${plural(r.customers ?? 0, 'customer')}`;
}

/** `PAY-1 (released), PAY-4 (draft)`. */
export function addressedByText(i: InsightRow): string {
  return i.addressedBy.map((r) => (r.status ? `${r.id} (${r.status})` : r.id)).join(', ');
}

export const UNPLANNED_HEADING = 'Best-scored requirements not yet on the roadmap';
export const UNADDRESSED_HEADING = 'Important insights nobody addresses';
export const NO_UNPLANNED = 'Every scored open requirement is on the roadmap.';
export const NO_UNADDRESSED = 'Every insight of importance 2 or more is addressed by a requirement.';
