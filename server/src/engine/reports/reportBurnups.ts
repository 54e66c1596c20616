// The burn-ups the HTML report embeds: one per release (roadmap items of type `release`; every item
// when none is typed so), each as the chart's SVG tree or the reason there is none. The series come
// from a BurnupSource (the folder's git history, read by the disk layer).
import type { BurnupSource } from '../releases/burnupSource';
import type { SpectraceConfig } from '../types';
import type { RoadmapRow, TraceReport } from './reportModel';
import { burnupSvg } from './svg/burnupSvg';
import type { SvgNode } from '../../shared/svgTree';

export interface ReportBurnup {
  item: string;
  title: string;
  /** The chart, or why there is none (no git history, no commit touching the specs). */
  chart: SvgNode | undefined;
  reason: string | undefined;
}

/** The items a report draws a burn-up for. */
export function burnupItems(roadmap: readonly RoadmapRow[]): RoadmapRow[] {
  const releases = roadmap.filter((r) => r.type === 'release');
  return releases.length > 0 ? releases : [...roadmap];
}

/** The report with its releases' burn-ups attached (for the HTML renderer). */
export async function withBurnups(report: TraceReport, source: BurnupSource, config: SpectraceConfig): Promise<TraceReport> {
  const burnups: ReportBurnup[] = [];
  for (const row of burnupItems(report.roadmap)) {
    const result = await source.burnup(row.id, config);
    const title = `Burn-up of ${row.id}${row.title ? ` ${row.title}` : ''}`;
    if (result.ok) burnups.push({ item: row.id, title, chart: burnupSvg(result.series, title), reason: undefined });
    else burnups.push({ item: row.id, title, chart: undefined, reason: result.reason });
  }
  return { ...report, burnups };
}
