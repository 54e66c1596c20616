// Builds the traceability report from the index: one row per requirement (traceRows.ts, the rows the
// matrix request shows too), the roadmap items with their progress, totals and the Value section.
import * as path from 'node:path';
import type { SpecItem } from '../types';
import { fieldText } from './fields';
import type { RoadmapRow, ToolInfo, TraceReport } from './reportModel';
import { toSpan } from './paths';
import type { ReportSource } from './source';
import { compareTraceRows, traceRows } from './traceRows';
import { timelineItems } from '../releases/timelineItems';
import { timelineChart } from './svg/timelineSvg';
import { buildValue } from './buildValue';

export interface TraceInput {
  tool: ToolInfo;
  folder: string;
  /** The report's date; injectable so output is reproducible in tests. */
  now: Date;
}

export function buildTraceReport(source: ReportSource, input: TraceInput): TraceReport {
  const root = source.root;
  const place = (item: SpecItem) => toSpan(root, item.file, item.idRange ?? item.headRange);
  const rows = Array.from(traceRows(source), (r) => r.row).sort(compareTraceRows);

  const progress = source.roadmapProgress();
  const roadmap: RoadmapRow[] = progress.map((p) => {
    const at = place(p.item);
    return {
      id: p.item.id ?? '',
      title: fieldText(p.item, 'title') ?? '',
      type: fieldText(p.item, 'type') ?? '',
      status: fieldText(p.item, 'status') ?? '',
      start: fieldText(p.item, 'start'),
      due: fieldText(p.item, 'due'),
      done: p.done,
      total: p.total,
      overdue: p.overdue,
      requirements: p.requirements.map((r) => r.id).filter((r): r is string => r !== undefined),
      file: at.file,
      line: at.line,
    };
  });
  // By due date (undated last), then ID: the order a plan is read in.
  roadmap.sort((a, b) => {
    if (a.due !== b.due) {
      if (a.due === undefined) return 1;
      if (b.due === undefined) return -1;
      return a.due < b.due ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  const totals = source.coverageTotals();
  const products: string[] = [];
  for (const spec of source.specFiles()) {
    const name = spec.product?.name;
    if (name !== undefined && !products.includes(name)) products.push(name);
  }

  const generated = input.now.toISOString().slice(0, 10);
  // A report is read whole, on a page: quarters keep a multi-year roadmap about a screen wide.
  const timeline = progress.length > 0 ? timelineChart(timelineItems(progress), { today: generated, zoom: 'quarter' }) : undefined;

  return {
    tool: input.tool,
    folder: input.folder,
    name: products.length === 1 && products[0] !== undefined ? products[0] : path.basename(root),
    products,
    generated,
    rows,
    roadmap,
    totals: {
      requirements: totals.requirements,
      underPolicy: totals.underPolicy,
      satisfied: totals.satisfied,
      implemented: totals.implemented,
      tested: totals.tested,
      roadmapItems: roadmap.length,
      overdue: roadmap.filter((r) => r.overdue).length,
    },
    ...(timeline ? { timeline } : {}),
    value: buildValue(source, rows),
  };
}
