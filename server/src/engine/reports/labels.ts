// Words shared by the Markdown, HTML and CSV reports, so the three say the same thing.
// (Coverage labels have their words in shared/traceRow.ts, beside the rows.)
import type { RoadmapRow, TraceTotals } from './reportModel';
import { plural } from '../../shared/plural';

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

export function progressText(r: RoadmapRow): string {
  return `${r.done}/${r.total} done (${percent(r.done, r.total)}%)`;
}

export function totalsSentence(t: TraceTotals): string {
  return (
    `${plural(t.requirements, 'requirement')}: ${t.implemented} implemented, ${t.tested} tested; ` +
    `${t.satisfied} of ${t.underPolicy} under the coverage policy satisfied; ` +
    `${plural(t.roadmapItems, 'roadmap item')}, ${t.overdue} overdue`
  );
}
