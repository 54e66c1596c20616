// The custom requests behind the client's views (protocol.ts): requirements tree, roadmap, trace,
// insights, matrix, coverage gaps, summary and next ID. Each takes the folders in scope and a cancellation token.
import type { CancellationToken } from 'vscode-languageserver';
import type {
  CoverageGap,
  CoverageGapsResult,
  InsightNode,
  InsightsResult,
  LspLocation,
  MatrixResult,
  MatrixRow,
  NextIdResult,
  RequirementNode,
  RoadmapItemNode,
  RequirementsTreeResult,
  RoadmapResult,
  SummaryResult,
  TraceResult,
} from '../../shared/protocol';
import { compareTraceRows, traceRows } from '../../engine/reports/traceRows';
import { revOf, suspectLinksOf } from '../../engine/review/reviewModel';
import type { CodeTag } from '../../engine/types';
import { toLspRange } from '../lspRange';
import { Pacer } from '../pacer';
import type { FolderView } from './nodes';
import { TraceView, commonRoot } from '../../engine/index/traceView';
import { ProblemCounter, insightNode, itemLocation, requirementNode, roadmapNode } from './nodes';

export async function requirementsTree(folders: FolderView[], token: CancellationToken): Promise<RequirementsTreeResult> {
  const pacer = new Pacer(token);
  const result: RequirementsTreeResult = { folders: [] };
  for (const f of folders) {
    const problems = new ProblemCounter(f.ctx);
    const requirements: RequirementNode[] = [];
    for (const r of f.ctx.index.requirements()) {
      if (pacer.due()) await pacer.yield();
      if (r.id) requirements.push(requirementNode(f.ctx, r, problems));
    }
    result.folders.push({ folderUri: f.uri, name: f.name, requirements });
  }
  return result;
}

export async function roadmap(folders: FolderView[], token: CancellationToken): Promise<RoadmapResult> {
  const pacer = new Pacer(token);
  const result: RoadmapResult = { folders: [] };
  for (const f of folders) {
    const progress = new Map(f.ctx.index.roadmapProgress().map((p) => [p.item.id ?? '', p]));
    const items: RoadmapItemNode[] = [];
    for (const item of f.ctx.index.roadmapItems()) {
      if (pacer.due()) await pacer.yield();
      if (item.id) items.push(roadmapNode(f.ctx, item, progress.get(item.id)));
    }
    result.folders.push({ folderUri: f.uri, name: f.name, items });
  }
  return result;
}

export async function insights(folders: FolderView[], token: CancellationToken): Promise<InsightsResult> {
  const pacer = new Pacer(token);
  const result: InsightsResult = { folders: [] };
  for (const f of folders) {
    const nodes: InsightNode[] = [];
    for (const item of f.ctx.index.insights()) {
      if (pacer.due()) await pacer.yield();
      if (item.id) nodes.push(insightNode(f.ctx, item));
    }
    result.folders.push({ folderUri: f.uri, name: f.name, insights: nodes });
  }
  return result;
}

export function trace(folder: FolderView, id: string): TraceResult | null {
  const { ctx } = folder;
  const t = ctx.index.trace(id);
  if (!t) return null;
  const problems = new ProblemCounter(ctx);
  const node = (it: typeof t.requirement) => requirementNode(ctx, it, problems);
  const progress = t.roadmapItem && ctx.index.roadmapProgress().find((p) => p.item.id === t.roadmapItem?.id);
  return {
    requirement: node(t.requirement),
    roadmapItem: t.roadmapItem && roadmapNode(ctx, t.roadmapItem, progress),
    parent: t.parent && node(t.parent),
    children: t.children.map(node),
    dependencies: t.dependencies.map(node),
    dependents: t.dependents.map(node),
  };
}

export async function matrix(folders: FolderView[], token: CancellationToken): Promise<MatrixResult> {
  const rows: MatrixRow[] = [];
  const pacer = new Pacer(token);
  // Several folders share one trace: one table whose paths start at their common parent, so each
  // names its folder (`service/src/pay.ts:4`), each row read with its own folder's context.
  const groups =
    folders.length > 1
      ? [{ ctx: folders[0].ctx, source: new TraceView(commonRoot(folders.map((f) => f.ctx.index.root)), folders.map((f) => f.ctx.index), folders[0].ctx.index.config) }]
      : folders.map((f) => ({ ctx: f.ctx, source: f.ctx.index }));
  const ctxOf = (file: string) => folders.find((f) => f.ctx.index.specFile(file))?.ctx;
  for (const group of groups) {
    const folderRows: MatrixRow[] = [];
    for (const built of traceRows(group.source)) {
      if (pacer.due()) await pacer.yield();
      const ctx = ctxOf(built.requirement.file) ?? group.ctx;
      const location = (t: CodeTag): LspLocation => ({ uri: ctx.uriOf(t.file), range: toLspRange(t.idRange) });
      const suspect = new Set(suspectLinksOf(ctx.index, built.requirement).map((l) => l.tag));
      folderRows.push({
        ...built.row,
        location: itemLocation(ctx, built.requirement),
        implementationLocations: built.implementations.map(location),
        testLocations: built.tests.map(location),
        suspectImplementations: built.implementations.map((t) => suspect.has(t)),
        suspectTests: built.tests.map((t) => suspect.has(t)),
        rev: revOf(built.requirement),
      });
    }
    rows.push(...folderRows.sort(compareTraceRows));
  }
  return { rows };
}

const GAP_CODES = new Set<CoverageGap['kind']>(['uncovered-requirement', 'unknown-code-reference', 'inactive-code-reference', 'overdue-roadmap-item', 'status-mismatch', 'suspect-link']);

export async function coverageGaps(folders: FolderView[], token: CancellationToken): Promise<CoverageGapsResult> {
  const gaps: CoverageGap[] = [];
  const pacer = new Pacer(token);
  for (const f of folders) {
    for (const [file, diags] of f.ctx.index.diagnostics()) {
      for (const d of diags) {
        if (pacer.due()) await pacer.yield();
        if (!GAP_CODES.has(d.code as CoverageGap['kind'])) continue;
        const id = d.data?.kind === 'suspect' ? d.data.id : f.ctx.index.idAt(file, d.range.start)?.id ?? /[A-Za-z][\w.-]*-\d+/.exec(d.message)?.[0] ?? '';
        gaps.push({ kind: d.code as CoverageGap['kind'], message: d.message, id, location: { uri: f.ctx.uriOf(file), range: toLspRange(d.range) } });
      }
    }
  }
  return { gaps };
}

export function summary(folders: FolderView[]): SummaryResult {
  const s: SummaryResult = { requirements: 0, underPolicy: 0, satisfied: 0, coveredPercent: 100, implemented: 0, tested: 0, errors: 0, warnings: 0, trusted: true, suspect: 0 };
  for (const f of folders) {
    const t = f.ctx.index.coverageTotals();
    s.requirements += t.requirements;
    s.underPolicy += t.underPolicy;
    s.satisfied += t.satisfied;
    s.implemented += t.implemented;
    s.tested += t.tested;
    // An included folder's problems are reported in its own repository, not in this window.
    if (!f.included) for (const diags of f.ctx.index.diagnostics().values()) {
      for (const d of diags) {
        if (d.severity === 'error') s.errors++;
        else if (d.severity === 'warning') s.warnings++;
        if (d.code === 'suspect-link') s.suspect++;
      }
    }
    if (!f.ctx.trusted) s.trusted = false;
  }
  s.coveredPercent = s.underPolicy === 0 ? 100 : Math.floor((s.satisfied / s.underPolicy) * 100);
  return s;
}

export function nextId(folder: FolderView, prefix: string): NextIdResult {
  const clean = prefix.trim().replace(/-+$/, '');
  return { id: folder.ctx.index.nextFreeId(clean || 'REQ') };
}
