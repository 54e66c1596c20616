// The release page's data: the server's answers (release scope, burn-up) turned into what the page
// shows, with every location replaced by an index into one list the panel keeps. The page names a
// link by that index only, so the extension opens nothing it did not send itself. Pure.
import type { BurnupPointNode, BurnupResultNode, LspLocation, ReleaseRequirementNode, ReleaseResult } from '../../../server/src/shared/protocol';
import type { SvgNode } from '../../../server/src/shared/svgTree';
import { shortDate } from '../../../server/src/shared/dates';

/** A requirement of the scope as the page shows it: its locations replaced by link indices. */
export interface PageRequirement extends Pick<ReleaseRequirementNode, 'id' | 'title' | 'status' | 'priority' | 'plannedFor' | 'state' | 'overdue'> {
  coverage: string;
  link: number;
  implementations: number[];
  tests: number[];
  blockedBy: { id: string; status: string; roadmap: string; link: number }[];
}

export type PageBurnup = { state: 'loading' } | { state: 'ok'; chart: SvgNode; points: BurnupPointNode[] } | { state: 'missing'; reason: string };

export interface ReleasePage {
  id: string;
  title: string;
  /** "release · active · 1 Jul 2026 → 30 Jun 2027" */
  subtitle: string;
  link: number;
  total: number;
  done: number;
  byStatus: { value: string; count: number }[];
  byPriority: { value: string; count: number }[];
  coverage: ReleaseResult['coverage'];
  items: { id: string; title: string; depth: number; due: string; status: string; link: number }[];
  requirements: PageRequirement[];
  burnup: PageBurnup;
}

/** The page's data and the locations its link indices name. */
export function releasePage(r: ReleaseResult, burnup: BurnupResultNode | undefined, currentYear: number): { page: ReleasePage; links: LspLocation[] } {
  const links: LspLocation[] = [];
  const link = (l: LspLocation) => links.push(l) - 1;
  const dates = r.item.start || r.item.due ? `${r.item.start ? shortDate(r.item.start, currentYear) : '…'} → ${r.item.due ? shortDate(r.item.due, currentYear) : '…'}` : '';
  const subtitle = [r.item.type, r.item.status, dates].filter((s): s is string => !!s).join(' · ');
  const page: ReleasePage = {
    id: r.item.id,
    title: r.item.title,
    subtitle,
    link: link(r.item.location),
    total: r.total,
    done: r.done,
    byStatus: r.byStatus,
    byPriority: r.byPriority,
    coverage: r.coverage,
    items: r.items.map((it) => ({ id: it.id, title: it.title, depth: it.depth, due: it.due ? shortDate(it.due, currentYear) : '', status: it.status ?? '', link: link(it.location) })),
    requirements: r.requirements.map((q) => ({
      id: q.id,
      title: q.title,
      status: q.status,
      priority: q.priority,
      plannedFor: q.plannedFor,
      state: q.state,
      coverage: q.coverage,
      overdue: q.overdue,
      link: link(q.location),
      implementations: q.implementations.map(link),
      tests: q.tests.map(link),
      blockedBy: q.blockedBy.map((b) => ({ id: b.id, status: b.status ?? '', roadmap: b.roadmap ?? '', link: link(b.location) })),
    })),
    burnup: burnup === undefined ? { state: 'loading' } : burnup.ok ? { state: 'ok', chart: burnup.chart, points: burnup.points } : { state: 'missing', reason: burnup.reason },
  };
  return { page, links };
}
