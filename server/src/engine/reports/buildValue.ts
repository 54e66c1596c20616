// The report's Value section: which customer problems the specs answer and what is worth building
// next. The best-scored open requirements that no roadmap item schedules yet, and the important
// insights (importance 2 or more) that no requirement cites; plus every insight for the JSON report.
import { addressingRequirements, customerOf } from '../index/evidence';
import { importanceOf } from '../rules/unaddressedInsight';
import type { SpecItem } from '../types';
import { fieldText } from './fields';
import { toSpan } from './paths';
import type { InsightRow, UnplannedRow, ValueSection } from './reportModel';
import type { ReportSource } from './source';
import type { TraceRow } from '../../shared/traceRow';

/** How many unplanned requirements the Value section lists. */
export const VALUE_TOP_LIMIT = 10;

/** Statuses past planning (built or closed): not backlog any more, whatever their score. */
const NOT_BACKLOG = new Set(['implemented', 'verified', 'released', 'rejected', 'deprecated']);

export function buildValue(source: Pick<ReportSource, 'root' | 'config' | 'insights' | 'incoming'>, rows: readonly TraceRow[]): ValueSection {
  const place = (item: SpecItem) => toSpan(source.root, item.file, item.idRange ?? item.headRange);
  const insights: InsightRow[] = [];
  const seen = new Set<string>();
  for (const item of source.insights()) {
    if (!item.id || seen.has(item.id)) continue;
    seen.add(item.id);
    const at = place(item);
    insights.push({
      id: item.id,
      title: fieldText(item, 'title') ?? '',
      customer: customerOf(item),
      segment: fieldText(item, 'segment'),
      source: fieldText(item, 'source'),
      importance: importanceOf(item.fields.get('importance')?.value),
      addressedBy: addressingRequirements(source, item.id).map((r) => ({ id: r.id ?? '', status: fieldText(r, 'status') ?? '' })),
      file: at.file,
      line: at.line,
    });
  }
  const unplanned: UnplannedRow[] = rows
    .filter((r) => r.score !== undefined && r.roadmap === undefined && !NOT_BACKLOG.has(r.status))
    .map((r) => {
      const score = r.score as NonNullable<TraceRow['score']>;
      return { id: r.id, title: r.title, status: r.status, score: score.value, label: score.label, formula: score.formula, insights: r.insights?.length ?? 0, file: r.file, line: r.line };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, VALUE_TOP_LIMIT);
  return {
    model: source.config.scoring?.model,
    unplanned,
    unaddressed: insights.filter((i) => (i.importance ?? 0) >= 2 && i.addressedBy.length === 0),
    insights,
  };
}

/** Whether a report has anything to say about value: a scoring model, or insights. */
export function hasValue(value: ValueSection): boolean {
  return value.model !== undefined || value.insights.length > 0;
}
