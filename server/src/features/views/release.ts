// The release view's two requests: a roadmap item's scope (breakdown by status and priority,
// coverage, overdue and blocked requirements, with locations), answered from the index at once, and
// its burn-up (series and chart) from the folder's spec history, which may take a git walk.
import * as path from 'node:path';
import type { BurnupResultNode, LspLocation, ReleaseItemNode, ReleaseParams, ReleaseResult } from '../../shared/protocol';
import type { TraceLink } from '../../shared/traceRow';
import { releaseScope } from '../../engine/releases/releaseScope';
import type { ScopeRoadmapItem } from '../../engine/releases/releaseScope';
import { burnupSvg } from '../../engine/reports/svg/burnupSvg';
import { fieldString } from '../../engine/rules/ruleModel';
import type { FeatureContext } from '../featureContext';
import type { FolderView } from './nodes';
import { itemLocation } from './nodes';

/** The folder the request names, else the first folder that has a roadmap item with that ID. */
export function releaseFolder(folders: readonly FolderView[], p: ReleaseParams): FolderView | undefined {
  const scoped = p.folderUri ? folders.filter((f) => f.uri === p.folderUri) : folders;
  return scoped.find((f) => f.ctx.index.definitions(p.id).some((d) => d.kind === 'roadmap')) ?? scoped[0];
}

function today(ctx: FeatureContext): string {
  return ctx.index.now().toISOString().slice(0, 10);
}

function linkLocation(ctx: FeatureContext, link: TraceLink): LspLocation {
  const line = Math.max(0, link.line - 1);
  return { uri: ctx.uriOf(path.join(ctx.root, link.file)), range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

function itemNode(ctx: FeatureContext, it: ScopeRoadmapItem): ReleaseItemNode {
  return { id: it.id, title: it.title, status: it.status, start: it.start, due: it.due, depth: it.depth, location: itemLocation(ctx, it.item) };
}

export function release(folder: FolderView | undefined, p: ReleaseParams): ReleaseResult | null {
  if (!folder) return null;
  const { ctx } = folder;
  const day = today(ctx);
  const scope = releaseScope(ctx.index, p.id, day);
  if (!scope) return null;
  const overdue = new Set(scope.overdue.map((r) => r.id));
  const blocked = new Map(scope.blocked.map((b) => [b.requirement.id, b.blockers]));
  return {
    folderUri: folder.uri,
    item: { ...itemNode(ctx, scope.item), type: fieldString(scope.item.item, 'type') },
    items: scope.items.map((it) => itemNode(ctx, it)),
    total: scope.total,
    done: scope.done,
    byStatus: scope.byStatus,
    byPriority: scope.byPriority,
    coverage: { implemented: scope.coverage.implemented, tested: scope.coverage.tested, uncovered: scope.coverage.uncovered, policyUnmet: scope.coverage.policyUnmet.length },
    requirements: scope.requirements.map((r) => ({
      id: r.id,
      title: r.row.title,
      status: r.row.status,
      priority: r.row.priority,
      plannedFor: r.plannedFor,
      state: r.state,
      coverage: r.coverage,
      location: itemLocation(ctx, r.item),
      implementations: r.row.implementations.map((l) => linkLocation(ctx, l)),
      tests: r.row.tests.map((l) => linkLocation(ctx, l)),
      overdue: overdue.has(r.id),
      blockedBy: (blocked.get(r.id) ?? []).map((b) => ({ id: b.id, status: b.status, roadmap: b.roadmap, location: itemLocation(ctx, b.item) })),
    })),
    today: day,
  };
}

export async function burnup(folder: FolderView | undefined, p: ReleaseParams): Promise<BurnupResultNode> {
  if (!folder) return { ok: false, reason: 'no workspace folder is open' };
  const { ctx } = folder;
  if (!ctx.burnups) return { ok: false, reason: 'this workspace has no spec history reader' };
  const result = await ctx.burnups.burnup(p.id, ctx.index.config);
  if (!result.ok) return result;
  const title = `Burn-up of ${p.id}`;
  return { ok: true, points: result.series.points, chart: burnupSvg(result.series, title) };
}
