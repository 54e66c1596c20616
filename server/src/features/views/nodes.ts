// SpecItems -> the nodes the client's views show (protocol.ts). Shared by every view request.
import { coverageLabel } from '../../engine/reports/coverageLabel';
import type { SpecItem } from '../../engine/types';
import type { InsightNode, LspLocation, RequirementNode, RoadmapItemNode } from '../../shared/protocol';
import { addressingRequirements, citedInsights, customerOf, distinctCustomers, requirementScore } from '../../engine/index/evidence';
import { importanceOf } from '../../engine/rules/unaddressedInsight';
import { toLspRange } from '../lspRange';
import type { FeatureContext } from '../featureContext';
import { fieldText } from '../../engine/reports/fields';
import { titleOf } from '../items';
import { countStages } from '../../shared/statusStages';
import { revOf, suspectLinksOf } from '../../engine/review/reviewModel';

/** One workspace folder as the view requests see it. */
export interface FolderView {
  uri: string;
  name: string;
  ctx: FeatureContext;
  /** A folder an `include:` reads: its items are part of the trace, its diagnostics are not published. */
  included?: boolean;
}

export function itemLocation(ctx: FeatureContext, item: SpecItem): LspLocation {
  return { uri: ctx.uriOf(item.file), range: toLspRange(item.idRange ?? item.headRange) };
}

/** Counts error diagnostics per item line span, reading each file's diagnostics once. */
export class ProblemCounter {
  private readonly errorLines = new Map<string, number[]>();

  constructor(private readonly ctx: FeatureContext) {}

  count(item: SpecItem): number {
    let lines = this.errorLines.get(item.file);
    if (!lines) {
      lines = this.ctx.index
        .diagnosticsFor(item.file)
        .filter((d) => d.severity === 'error')
        .map((d) => d.range.start.line)
        .sort((a, b) => a - b);
      this.errorLines.set(item.file, lines);
    }
    return lowerBound(lines, item.range.end.line + 1) - lowerBound(lines, item.range.start.line);
  }
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function requirementNode(ctx: FeatureContext, item: SpecItem, problems: ProblemCounter): RequirementNode {
  const id = item.id ?? '';
  const trace = ctx.index.trace(id);
  const coverage = trace?.coverage ?? ctx.index.coverage(id);
  const loc = (t: { file: string; idRange: SpecItem['headRange'] }): LspLocation => ({ uri: ctx.uriOf(t.file), range: toLspRange(t.idRange) });
  return {
    id,
    title: titleOf(item),
    status: fieldText(item, 'status'),
    priority: fieldText(item, 'priority'),
    type: fieldText(item, 'type'),
    owner: fieldText(item, 'owner'),
    tags: stringList(item.fields.get('tags')?.value),
    roadmap: fieldText(item, 'roadmap'),
    parent: fieldText(item, 'parent'),
    product: ctx.index.specFile(item.file)?.product?.name,
    location: itemLocation(ctx, item),
    implementations: (trace?.implementations ?? []).map(loc),
    tests: (trace?.tests ?? []).map(loc),
    coverage: coverage ? coverageLabel(coverage) : 'not-required',
    problems: problems.count(item),
    rev: revOf(item),
    suspect: suspectLinksOf(ctx.index, item).length,
    ...evidenceFields(ctx, item),
  };
}

/** The score and evidence counts of a requirement node, present only when there is something to say. */
function evidenceFields(ctx: FeatureContext, item: SpecItem): Pick<RequirementNode, 'score' | 'insights' | 'customers'> {
  const out: Pick<RequirementNode, 'score' | 'insights' | 'customers'> = {};
  const score = requirementScore(ctx.index, item);
  if (score) out.score = { value: score.value, label: score.label, formula: score.formula };
  if (item.references.some((r) => r.field === 'insights')) {
    const insights = citedInsights(ctx.index, item);
    out.insights = insights.length;
    out.customers = distinctCustomers(insights).length;
  }
  return out;
}

export function insightNode(ctx: FeatureContext, item: SpecItem): InsightNode {
  return {
    id: item.id ?? '',
    title: titleOf(item),
    customer: customerOf(item),
    segment: fieldText(item, 'segment'),
    source: fieldText(item, 'source'),
    date: fieldText(item, 'date'),
    quote: fieldText(item, 'quote'),
    importance: importanceOf(item.fields.get('importance')?.value),
    location: itemLocation(ctx, item),
    addressedBy: addressingRequirements(ctx.index, item.id ?? '').map((r) => ({ id: r.id ?? '', title: titleOf(r), status: fieldText(r, 'status'), location: itemLocation(ctx, r) })),
  };
}

export function roadmapNode(ctx: FeatureContext, item: SpecItem, progress: { done: number; total: number; overdue: boolean; requirements: SpecItem[] } | undefined): RoadmapItemNode {
  return {
    id: item.id ?? '',
    title: titleOf(item),
    type: fieldText(item, 'type'),
    status: fieldText(item, 'status'),
    start: fieldText(item, 'start'),
    due: fieldText(item, 'due'),
    parent: fieldText(item, 'parent'),
    location: itemLocation(ctx, item),
    requirementIds: (progress?.requirements ?? []).map((r) => r.id).filter((x): x is string => x !== undefined),
    done: progress?.done ?? 0,
    total: progress?.total ?? 0,
    stages: countStages((progress?.requirements ?? []).map((r) => fieldText(r, 'status'))),
    overdue: progress?.overdue ?? false,
  };
}
