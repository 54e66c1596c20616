// The Requirements view's filter (a multi-select quick pick over the values the specs use), grouping and
// sort order; the Insights view's grouping.
import * as vscode from 'vscode';
import type { SpecStore } from '../store';
import { EMPTY_FILTER, FILTER_DIMENSIONS, filterChoices, parseFilter } from '../views/filter';
import type { FilterDimension, RequirementFilter } from '../views/filter';
import { GROUPINGS } from '../views/requirementsModel';
import type { Grouping, RequirementSort } from '../views/requirementsModel';
import { INSIGHT_GROUPINGS } from '../views/insightsModel';
import type { InsightGrouping } from '../views/insightsModel';
import type { InsightsViewProvider } from '../views/insightsView';
import type { RequirementsViewProvider } from '../views/requirementsView';
import { allRequirements } from './pickRequirement';

interface FilterPick extends vscode.QuickPickItem {
  dimension?: FilterDimension;
  value?: string;
}

/** Sets the filter from an argument (`{status: [...], tag: [...]}`), or asks with a quick pick. */
export async function filterRequirements(store: SpecStore, view: RequirementsViewProvider, arg: unknown): Promise<RequirementFilter | undefined> {
  if (typeof arg === 'object' && arg !== null) {
    const filter = parseFilter(arg);
    await view.setFilter(filter);
    return filter;
  }
  const current = view.filter;
  const choices = filterChoices(await allRequirements(store));
  const items: FilterPick[] = [];
  for (const dimension of FILTER_DIMENSIONS) {
    if (choices[dimension].length === 0) continue;
    items.push({ label: dimension, kind: vscode.QuickPickItemKind.Separator });
    for (const value of choices[dimension]) items.push({ label: value, description: dimension, dimension, value, picked: current[dimension].includes(value) });
  }
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Filter Requirements',
    placeHolder: 'Pick statuses, priorities, owners and tags (none picked: show all)',
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  const filter: RequirementFilter = { status: [], priority: [], owner: [], tag: [] };
  for (const p of picked) if (p.dimension && p.value !== undefined) filter[p.dimension].push(p.value);
  await view.setFilter(filter);
  return filter;
}

export async function clearFilter(view: RequirementsViewProvider): Promise<RequirementFilter> {
  await view.clearFilter();
  return EMPTY_FILTER;
}

export async function sortRequirements(view: RequirementsViewProvider, sort: RequirementSort): Promise<RequirementSort> {
  await view.setSort(sort);
  return sort;
}

export async function groupInsights(view: InsightsViewProvider, arg: unknown): Promise<InsightGrouping | undefined> {
  let grouping = INSIGHT_GROUPINGS.find((g) => g === arg);
  if (!grouping) {
    const pick = await vscode.window.showQuickPick(
      INSIGHT_GROUPINGS.map((g) => ({ label: g === 'customer' ? 'By customer' : 'By segment', grouping: g, description: g === view.grouping ? 'current' : undefined })),
      { title: 'Group Insights' },
    );
    grouping = pick?.grouping;
  }
  if (grouping) await view.setGrouping(grouping);
  return grouping;
}

export async function groupRequirements(view: RequirementsViewProvider, arg: unknown): Promise<Grouping | undefined> {
  let grouping = GROUPINGS.find((g) => g === arg);
  if (!grouping) {
    const labels: Record<Grouping, string> = { product: 'By product', file: 'By file', roadmap: 'By roadmap item' };
    const pick = await vscode.window.showQuickPick(
      GROUPINGS.map((g) => ({ label: labels[g], grouping: g, description: g === view.grouping ? 'current' : undefined })),
      { title: 'Group Requirements' },
    );
    grouping = pick?.grouping;
  }
  if (grouping) await view.setGrouping(grouping);
  return grouping;
}
