// The Insights view: customer evidence by customer (or segment), each insight with the requirements
// that address it and their status, so a PM sees which customer problems are solved, planned or
// not addressed. Refreshed with the other views on every index change; the grouping lives in
// workspaceState.
import * as vscode from 'vscode';
import type { InsightNode } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { openLocationCommand } from '../protocolToVscode';
import type { SpecStore } from '../store';
import { INSIGHT_GROUPINGS, buildInsightNodes, insightDescription } from './insightsModel';
import type { InsightGroupNode, InsightGrouping, InsightState, InsightsViewNode } from './insightsModel';
import { errorText } from '../../../server/src/shared/errorText';

export const INSIGHTS_VIEW = 'spectrace.insights';
const GROUPING_KEY = 'spectrace.insights.grouping';

const STATE_ICON: Record<InsightState, [icon: string, color: string]> = {
  solved: ['pass-filled', 'charts.green'],
  planned: ['circle-large-outline', 'charts.blue'],
  unaddressed: ['comment-unresolved', 'charts.orange'],
};

/** The hover card of an insight: its facts and the customer's words. Spec text goes in as text. */
export function insightTooltip(insight: InsightNode): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown('**').appendText(insight.id).appendMarkdown('** ').appendText(insight.title).appendMarkdown('\n\n');
  for (const [k, v] of [['Customer', insight.customer], ['Segment', insight.segment], ['Source', insight.source], ['Date', insight.date]] as const) {
    if (v) tip.appendMarkdown(`${k}: `).appendText(v).appendMarkdown('  \n');
  }
  if (insight.quote) tip.appendMarkdown('\n> ').appendText(insight.quote.replace(/\s+/g, ' ')).appendMarkdown('\n');
  return tip;
}

export class InsightsViewProvider implements vscode.TreeDataProvider<InsightsViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InsightsViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<InsightsViewNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly store: SpecStore,
  ) {
    this.view = vscode.window.createTreeView(INSIGHTS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, this.changed, store.onDidChange(() => this.changed.fire(undefined)));
  }

  get grouping(): InsightGrouping {
    const g = this.ctx.workspaceState.get<string>(GROUPING_KEY);
    return INSIGHT_GROUPINGS.find((x) => x === g) ?? 'customer';
  }

  async setGrouping(grouping: InsightGrouping): Promise<void> {
    await this.ctx.workspaceState.update(GROUPING_KEY, grouping);
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The groups as the view shows them now (for commands and tests). */
  async current(): Promise<InsightGroupNode[]> {
    return buildInsightNodes(await this.store.insights(), this.grouping);
  }

  async getChildren(node?: InsightsViewNode): Promise<InsightsViewNode[]> {
    if (node) return node.kind === 'requirement' ? [] : node.children;
    try {
      const groups = await this.current();
      const total = groups.reduce((n, g) => n + g.total, 0);
      const solved = groups.reduce((n, g) => n + g.solved, 0);
      this.view.message = total === 0 ? 'No insights yet. Add an insights: list of customer evidence to a spec file.' : undefined;
      this.view.description = total > 0 ? `${solved} of ${total} solved` : undefined;
      return groups;
    } catch (err) {
      this.view.message = errorText(err);
      this.ctx.log.warn(`Insights view: ${errorText(err)}`);
      return [];
    }
  }

  getParent(node: InsightsViewNode): InsightsViewNode | undefined {
    return node.parent;
  }

  getTreeItem(node: InsightsViewNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.key;
        item.description = `${node.solved} of ${node.total} solved`;
        item.iconPath = new vscode.ThemeIcon(this.grouping === 'customer' ? 'person' : 'organization');
        item.contextValue = 'insightGroup';
        return item;
      }
      case 'insight': {
        const { insight } = node;
        const state = node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
        const item = new vscode.TreeItem(`${insight.id} ${insight.title}`, state);
        item.id = node.key;
        item.description = insightDescription(insight, this.grouping);
        const [icon, color] = STATE_ICON[node.state];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        item.tooltip = insightTooltip(insight);
        item.command = openLocationCommand(insight.location, 'Open Insight');
        item.contextValue = `insight.${node.state}`;
        return item;
      }
      case 'requirement': {
        const r = node.requirement;
        const item = new vscode.TreeItem(`${r.id} ${r.title}`, vscode.TreeItemCollapsibleState.None);
        item.id = node.key;
        item.description = r.status ?? 'no status';
        item.iconPath = new vscode.ThemeIcon('references');
        item.command = openLocationCommand(r.location, 'Open Requirement');
        item.contextValue = 'requirement';
        return item;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
