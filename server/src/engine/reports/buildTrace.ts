// Builds the traceability matrix from the index: one row per requirement (ID, title, priority, status,
// roadmap item, implementations, tests, coverage), the roadmap items with their progress, and totals.
import * as path from 'node:path';
import type { CodeTag, CoverageState, SpecItem } from '../types';
import { fieldText } from './fields';
import type { CoverageLabel, RoadmapRow, ToolInfo, TraceLink, TraceReport, TraceRow } from './reportModel';
import { compareSpans, toSpan } from './paths';
import type { ReportSource } from './source';

export interface TraceInput {
  tool: ToolInfo;
  folder: string;
  /** The report's date; injectable so output is reproducible in tests. */
  now: Date;
}

export function coverageLabel(coverage: CoverageState): CoverageLabel {
  if (coverage.exempt !== undefined) return 'exempt';
  if (!coverage.underPolicy) return 'not-required';
  return coverage.satisfied ? 'covered' : 'uncovered';
}

export function buildTraceReport(source: ReportSource, input: TraceInput): TraceReport {
  const root = source.root;
  const links = (tags: readonly CodeTag[]): TraceLink[] =>
    tags
      .map((t) => toSpan(root, t.file, t.range))
      .sort(compareSpans)
      .map((s) => ({ file: s.file, line: s.line }));
  const place = (item: SpecItem) => toSpan(root, item.file, item.idRange ?? item.headRange);

  const rows: TraceRow[] = [];
  const seen = new Set<string>();
  for (const requirement of source.requirements()) {
    const id = requirement.id;
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const trace = source.trace(id);
    if (trace === undefined) continue;
    const at = place(requirement);
    rows.push({
      id,
      title: fieldText(requirement, 'title') ?? '',
      type: fieldText(requirement, 'type') ?? '',
      priority: fieldText(requirement, 'priority') ?? '',
      status: fieldText(requirement, 'status') ?? '',
      roadmap: fieldText(requirement, 'roadmap'),
      roadmapTitle: trace.roadmapItem ? fieldText(trace.roadmapItem, 'title') : undefined,
      parent: fieldText(requirement, 'parent'),
      file: at.file,
      line: at.line,
      implementations: links(trace.implementations),
      tests: links(trace.tests),
      coverage: coverageLabel(trace.coverage),
      exemptReason: trace.coverage.exempt,
    });
  }
  // Spec file order: requirements of one product stay together, as written.
  rows.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line));

  const roadmap: RoadmapRow[] = source.roadmapProgress().map((p) => {
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

  return {
    tool: input.tool,
    folder: input.folder,
    name: products.length === 1 && products[0] !== undefined ? products[0] : path.basename(root),
    products,
    generated: input.now.toISOString().slice(0, 10),
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
  };
}
