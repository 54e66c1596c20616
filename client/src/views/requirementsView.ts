// The Requirements view: product (or file, or roadmap item) → parent → requirement, then each
// requirement's roadmap item, code and tests. Filter and grouping live in workspaceState.
import * as vscode from 'vscode';
import type { RoadmapItemNode, RoadmapResult } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { openLocationCommand, toUri } from '../protocolToVscode';
import type { SpecStore } from '../store';
import { EMPTY_FILTER, describeFilter, isFilterActive, parseFilter } from './filter';
import type { RequirementFilter } from './filter';
import { locationItem, roadmapRefItem } from './locationNode';
import type { LocationNode, RoadmapRefNode } from './locationNode';
import { GROUPINGS, REQUIREMENT_SORTS, buildRequirementsModel, requirementDescription } from './requirementsModel';
import type { Grouping, ModelNode, RequirementSort, RequirementTreeNode, RequirementsModel } from './requirementsModel';
import { requirementIcon, requirementTooltip } from './statusStyle';
import { errorText } from '../../../server/src/shared/errorText';
import { plural } from '../../../server/src/shared/plural';

export const REQUIREMENTS_VIEW = 'spectrace.requirements';
const FILTER_KEY = 'spectrace.requirements.filter';
const GROUPING_KEY = 'spectrace.requirements.grouping';
const SORT_KEY = 'spectrace.requirements.sort';

export type RequirementsViewNode = ModelNode | LocationNode<RequirementTreeNode> | RoadmapRefNode<RequirementTreeNode>;

export class RequirementsViewProvider implements vscode.TreeDataProvider<RequirementsViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RequirementsViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<RequirementsViewNode>;
  private model: Promise<RequirementsModel> | undefined;
  private roadmapById = new Map<string, RoadmapItemNode>();
  /** Detail children are made once per requirement node, so reveal and refresh see the same objects. */
  private details = new WeakMap<RequirementTreeNode, RequirementsViewNode[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly store: SpecStore,
  ) {
    this.view = vscode.window.createTreeView(REQUIREMENTS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, this.changed, store.onDidChange(() => this.refresh()));
    this.updateContextKeys();
  }

  get filter(): RequirementFilter {
    return parseFilter(this.ctx.workspaceState.get(FILTER_KEY));
  }

  get grouping(): Grouping {
    const g = this.ctx.workspaceState.get<string>(GROUPING_KEY);
    return GROUPINGS.find((x) => x === g) ?? 'product';
  }

  get sort(): RequirementSort {
    const s = this.ctx.workspaceState.get<string>(SORT_KEY);
    return REQUIREMENT_SORTS.find((x) => x === s) ?? 'file';
  }

  async setSort(sort: RequirementSort): Promise<void> {
    await this.ctx.workspaceState.update(SORT_KEY, sort);
    this.refresh();
  }

  async setFilter(filter: RequirementFilter): Promise<void> {
    await this.ctx.workspaceState.update(FILTER_KEY, isFilterActive(filter) ? filter : undefined);
    this.refresh();
  }

  async clearFilter(): Promise<void> {
    await this.setFilter(EMPTY_FILTER);
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    await this.ctx.workspaceState.update(GROUPING_KEY, grouping);
    this.refresh();
  }

  refresh(): void {
    this.model = undefined;
    this.details = new WeakMap();
    this.updateContextKeys();
    this.changed.fire(undefined);
  }

  /** The tree as currently built (fetching it if needed); for reveal, commands and tests. */
  current(): Promise<RequirementsModel> {
    this.model ??= this.build();
    const p = this.model;
    p.catch(() => {
      if (this.model === p) this.model = undefined;
    });
    return p;
  }

  async getChildren(node?: RequirementsViewNode): Promise<RequirementsViewNode[]> {
    if (!node) {
      try {
        const model = await this.current();
        this.view.message = this.messageFor(model);
        return model.roots;
      } catch (err) {
        this.view.message = errorText(err);
        this.ctx.log.warn(`Requirements view: ${errorText(err)}`);
        return [];
      }
    }
    switch (node.kind) {
      case 'folder':
      case 'group':
        return node.children;
      case 'requirement':
        return this.detailsOf(node);
      default:
        return [];
    }
  }

  getParent(node: RequirementsViewNode): RequirementsViewNode | undefined {
    return node.parent;
  }

  getTreeItem(node: RequirementsViewNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.key;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = toUri(node.folderUri);
        item.contextValue = 'folder';
        return item;
      }
      case 'group': {
        const few = (node.parent?.children.length ?? 0) <= 1 || node.grouping === 'product';
        const item = new vscode.TreeItem(node.label, few ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.key;
        item.description = plural(node.count, 'requirement');
        item.iconPath = new vscode.ThemeIcon(node.grouping === 'file' ? 'file' : node.grouping === 'roadmap' ? 'milestone' : 'package');
        if (node.uri) item.resourceUri = toUri(node.uri);
        if (node.location) item.command = openLocationCommand(node.location);
        item.contextValue = `group.${node.grouping}`;
        return item;
      }
      case 'requirement': {
        const req = node.req;
        const hasChildren = node.children.length > 0 || req.roadmap !== undefined || req.implementations.length > 0 || req.tests.length > 0;
        const item = new vscode.TreeItem(`${req.id} ${req.title}`, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.key;
        item.description = requirementDescription(req);
        item.iconPath = requirementIcon(req);
        item.tooltip = requirementTooltip(req);
        item.command = openLocationCommand(req.location, 'Open Requirement');
        item.contextValue = 'requirement';
        item.accessibilityInformation = { label: `${req.id} ${req.title}, ${requirementDescription(req)}` };
        return item;
      }
      case 'roadmapRef':
        return roadmapRefItem(node);
      case 'location':
        return locationItem(node);
    }
  }

  /** Shows a requirement in the view (opening the view when needed). Resolves false for an unknown ID. */
  async reveal(id: string, options: { focus?: boolean } = {}): Promise<boolean> {
    const model = await this.current();
    let node = model.byId.get(id);
    if (!node && isFilterActive(this.filter)) {
      // Hidden by the filter: drop the filter rather than fail to show what was asked for.
      await this.clearFilter();
      node = (await this.current()).byId.get(id);
    }
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: options.focus ?? true, expand: false });
    return true;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async build(): Promise<RequirementsModel> {
    const [tree, roadmap] = await Promise.all([this.store.requirements(), this.store.roadmap().catch((): RoadmapResult => ({ folders: [] }))]);
    this.roadmapById = new Map(roadmap.folders.flatMap((f) => f.items.map((i): [string, RoadmapItemNode] => [i.id, i])));
    const model = buildRequirementsModel(tree, roadmap, {
      filter: this.filter,
      grouping: this.grouping,
      sort: this.sort,
      fileLabel: (uri) => vscode.workspace.asRelativePath(toUri(uri)),
    });
    const roadmapItems = roadmap.folders.reduce((n, f) => n + f.items.length, 0);
    void vscode.commands.executeCommand('setContext', 'spectrace.noSpecs', model.total === 0 && roadmapItems === 0);
    return model;
  }

  private detailsOf(node: RequirementTreeNode): RequirementsViewNode[] {
    let out = this.details.get(node);
    if (out) return out;
    const req = node.req;
    out = [];
    if (req.roadmap !== undefined) {
      out.push({ kind: 'roadmapRef', key: `${node.key}\u0000roadmap`, id: req.roadmap, item: this.roadmapById.get(req.roadmap), parent: node });
    }
    out.push(...node.children);
    const locations = (role: 'implementation' | 'test', list: typeof req.implementations) =>
      list.map((location, i): LocationNode<RequirementTreeNode> => ({ kind: 'location', key: `${node.key}\u0000${role}\u0000${i}\u0000${location.uri}`, role, location, parent: node }));
    out.push(...locations('implementation', req.implementations), ...locations('test', req.tests));
    this.details.set(node, out);
    return out;
  }

  private messageFor(model: RequirementsModel): string | undefined {
    if (!isFilterActive(this.filter)) return undefined;
    return model.shown === 0 ? `No requirement matches the filter (${describeFilter(this.filter)}).` : `Showing ${model.shown} of ${model.total} requirements.`;
  }

  private updateContextKeys(): void {
    const filter = this.filter;
    this.view.description = isFilterActive(filter) ? `filtered: ${describeFilter(filter)}` : undefined;
    void vscode.commands.executeCommand('setContext', 'spectrace.requirements.filtered', isFilterActive(filter));
    void vscode.commands.executeCommand('setContext', 'spectrace.requirements.grouping', this.grouping);
    void vscode.commands.executeCommand('setContext', 'spectrace.requirements.sort', this.sort);
  }
}
