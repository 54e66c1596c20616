// The Roadmap view: the roadmap's hierarchy (roadmapModel.ts) with progress by stage ("2 done · 2 in
// progress"), due dates and overdue items marked, and hover cards for items and requirements.
import * as vscode from 'vscode';
import type { RoadmapItemNode } from '../../../server/src/shared/protocol';
import { shortDate } from '../../../server/src/shared/dates';
import { plural } from '../../../server/src/shared/plural';
import { stageProgressText } from '../../../server/src/shared/statusStages';
import type { Ctx } from '../extensionContext';
import { openLocationCommand } from '../protocolToVscode';
import type { SpecStore } from '../store';
import { buildRoadmapNodes, roadmapDescription } from './roadmapModel';
import type { RoadmapViewNode } from './roadmapModel';
import { requirementDescription } from './requirementsModel';
import { requirementIcon, requirementTooltip, roadmapIcon } from './statusStyle';
import { errorText } from '../../../server/src/shared/errorText';

export const ROADMAP_VIEW = 'spectrace.roadmap';
export type { RoadmapItemViewNode, RoadmapRequirementNode, RoadmapViewNode } from './roadmapModel';

/** The hover card of a roadmap item: its fields, progress by stage, overdue. Spec text goes in as text. */
export function roadmapTooltip(item: RoadmapItemNode, currentYear: number): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown('**').appendText(item.id).appendMarkdown('** ').appendText(item.title).appendMarkdown('\n\n');
  const date = (d: string | undefined) => d && shortDate(d, currentYear);
  for (const [k, v] of [['Type', item.type], ['Status', item.status], ['Start', date(item.start)], ['Due', date(item.due)], ['Parent', item.parent]] as const) {
    if (v) tip.appendMarkdown(`${k}: `).appendText(v).appendMarkdown('  \n');
  }
  tip.appendMarkdown(`Progress: ${stageProgressText(item.stages)} (${item.done} of ${plural(item.total, 'requirement')} done)`);
  if (item.overdue) tip.appendMarkdown('  \n$(warning) Overdue: the due date has passed and not every requirement is done.');
  return tip;
}

export class RoadmapViewProvider implements vscode.TreeDataProvider<RoadmapViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RoadmapViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<RoadmapViewNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly store: SpecStore,
  ) {
    this.view = vscode.window.createTreeView(ROADMAP_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, this.changed, store.onDidChange(() => this.changed.fire(undefined)));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: RoadmapViewNode): Promise<RoadmapViewNode[]> {
    if (node) return node.kind === 'roadmapItem' ? node.children : [];
    try {
      const [roadmap, requirements] = await Promise.all([this.store.roadmap(), this.store.requirements()]);
      const nodes = buildRoadmapNodes(roadmap.folders, requirements);
      // With no specs at all the welcome content (with its starter button) says it better.
      const anySpecs = requirements.folders.some((f) => f.requirements.length > 0);
      this.view.message = nodes.length === 0 && anySpecs ? 'No roadmap items yet. Add a roadmap: list to a spec file.' : undefined;
      const overdue = countOverdue(nodes);
      this.view.description = overdue > 0 ? `${overdue} overdue` : undefined;
      return nodes;
    } catch (err) {
      this.view.message = errorText(err);
      this.ctx.log.warn(`Roadmap view: ${errorText(err)}`);
      return [];
    }
  }

  getParent(node: RoadmapViewNode): RoadmapViewNode | undefined {
    return node.parent;
  }

  getTreeItem(node: RoadmapViewNode): vscode.TreeItem {
    const currentYear = new Date().getFullYear();
    if (node.kind === 'roadmapItem') {
      const { item } = node;
      const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed;
      const treeItem = new vscode.TreeItem(`${item.id} ${item.title}`, state);
      treeItem.id = node.key;
      treeItem.description = roadmapDescription(item, currentYear);
      treeItem.iconPath = roadmapIcon(item);
      treeItem.tooltip = roadmapTooltip(item, currentYear);
      treeItem.command = openLocationCommand(item.location, 'Open Roadmap Item');
      treeItem.contextValue = item.overdue ? 'roadmapItem.overdue' : 'roadmapItem';
      return treeItem;
    }
    const { req } = node;
    const item = new vscode.TreeItem(req ? `${req.id} ${req.title}` : node.id, vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    if (req) {
      item.description = requirementDescription(req);
      item.iconPath = requirementIcon(req);
      item.tooltip = requirementTooltip(req);
      item.command = openLocationCommand(req.location, 'Open Requirement');
    } else {
      item.description = 'unknown requirement';
      item.iconPath = new vscode.ThemeIcon('question');
    }
    item.contextValue = 'requirement';
    return item;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function countOverdue(nodes: readonly RoadmapViewNode[]): number {
  return nodes.reduce((n, node) => (node.kind === 'roadmapItem' ? n + (node.item.overdue ? 1 : 0) + countOverdue(node.children) : n), 0);
}
