// The Roadmap view: roadmap items by due date with their progress ("5/8 done", overdue marked), and
// under each the requirements planned on it.
import * as vscode from 'vscode';
import type { RequirementNode, RequirementsTreeResult, RoadmapItemNode } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { openLocationCommand } from '../protocolToVscode';
import type { SpecStore } from '../store';
import { byDueDate, requirementDescription } from './requirementsModel';
import { requirementIcon, requirementTooltip, roadmapIcon } from './statusStyle';
import { errorText } from '../../../server/src/shared/errorText';

export const ROADMAP_VIEW = 'spectrace.roadmap';

export interface RoadmapItemViewNode {
  kind: 'roadmapItem';
  key: string;
  item: RoadmapItemNode;
  children: RoadmapRequirementNode[];
}

export interface RoadmapRequirementNode {
  kind: 'requirement';
  key: string;
  id: string;
  /** Undefined when the roadmap lists an ID the requirements data does not have (yet). */
  req: RequirementNode | undefined;
  parent: RoadmapItemViewNode;
}

export type RoadmapViewNode = RoadmapItemViewNode | RoadmapRequirementNode;

/** "5/8 done · due 2026-03-31 · overdue" */
export function roadmapDescription(item: RoadmapItemNode): string {
  const parts = [`${item.done}/${item.total} done`];
  if (item.due) parts.push(`due ${item.due}`);
  if (item.overdue) parts.push('overdue');
  else if (item.status) parts.push(item.status);
  return parts.join(' · ');
}

export function buildRoadmapNodes(roadmap: { folderUri: string; items: RoadmapItemNode[] }[], requirements: RequirementsTreeResult): RoadmapItemViewNode[] {
  const out: RoadmapItemViewNode[] = [];
  for (const folder of roadmap) {
    const reqs = new Map<string, RequirementNode>();
    for (const r of requirements.folders.find((f) => f.folderUri === folder.folderUri)?.requirements ?? []) if (!reqs.has(r.id)) reqs.set(r.id, r);
    const seen = new Set<string>();
    for (const item of byDueDate(folder.items)) {
      let key = `${folder.folderUri}\u0000${item.id}`;
      for (let n = 2; seen.has(key); n++) key = `${folder.folderUri}\u0000${item.id}#${n}`;
      seen.add(key);
      const node: RoadmapItemViewNode = { kind: 'roadmapItem', key, item, children: [] };
      node.children = item.requirementIds.map((id, i) => ({ kind: 'requirement', key: `${key}\u0000${i}\u0000${id}`, id, req: reqs.get(id), parent: node }));
      out.push(node);
    }
  }
  return out;
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
      const overdue = nodes.filter((n) => n.item.overdue).length;
      this.view.description = overdue > 0 ? `${overdue} overdue` : undefined;
      return nodes;
    } catch (err) {
      this.view.message = errorText(err);
      this.ctx.log.warn(`Roadmap view: ${errorText(err)}`);
      return [];
    }
  }

  getParent(node: RoadmapViewNode): RoadmapViewNode | undefined {
    return node.kind === 'requirement' ? node.parent : undefined;
  }

  getTreeItem(node: RoadmapViewNode): vscode.TreeItem {
    if (node.kind === 'roadmapItem') {
      const { item } = node;
      const item_ = new vscode.TreeItem(`${item.id} ${item.title}`, item.requirementIds.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item_.id = node.key;
      item_.description = roadmapDescription(item);
      item_.iconPath = roadmapIcon(item);
      const tip = new vscode.MarkdownString(undefined, true);
      tip.appendMarkdown('**').appendText(item.id).appendMarkdown('** ').appendText(item.title).appendMarkdown('\n\n');
      for (const [k, v] of [['Type', item.type], ['Status', item.status], ['Start', item.start], ['Due', item.due], ['Parent', item.parent]] as const) {
        if (v) tip.appendMarkdown(`${k}: `).appendText(v).appendMarkdown('  \n');
      }
      tip.appendMarkdown(`Progress: ${item.done}/${item.total} requirements done`);
      if (item.overdue) tip.appendMarkdown('  \n$(warning) Overdue: the due date has passed and not every requirement is done.');
      item_.tooltip = tip;
      item_.command = openLocationCommand(item.location, 'Open Roadmap Item');
      item_.contextValue = item.overdue ? 'roadmapItem.overdue' : 'roadmapItem';
      return item_;
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
