// The Coverage gaps view: what fails the coverage policy, tags pointing nowhere (or at rejected
// requirements), overdue roadmap items, status mismatches and suspect links (reviewed against an older
// revision of their requirement) — grouped by kind, each opening its place.
import * as vscode from 'vscode';
import type { CoverageGap } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { locationLabel, openLocationCommand } from '../protocolToVscode';
import type { SpecStore } from '../store';
import { errorText } from '../../../server/src/shared/errorText';
import { plural } from '../../../server/src/shared/plural';

export const COVERAGE_GAPS_VIEW = 'spectrace.coverageGaps';

const KINDS: { kind: CoverageGap['kind']; label: string; icon: string; color: string }[] = [
  { kind: 'uncovered-requirement', label: 'Uncovered requirements', icon: 'circle-large-outline', color: 'list.errorForeground' },
  { kind: 'unknown-code-reference', label: 'Tags naming unknown requirements', icon: 'debug-disconnect', color: 'list.errorForeground' },
  { kind: 'inactive-code-reference', label: 'Tags on rejected or deprecated requirements', icon: 'circle-slash', color: 'list.warningForeground' },
  { kind: 'overdue-roadmap-item', label: 'Overdue roadmap items', icon: 'warning', color: 'list.warningForeground' },
  { kind: 'status-mismatch', label: 'Status mismatches', icon: 'question', color: 'list.warningForeground' },
  { kind: 'suspect-link', label: 'Suspect links', icon: 'git-compare', color: 'list.warningForeground' },
];

/** The item's contextValue: what its context menu offers (package.json's view/item/context). */
function gapContextValue(kind: CoverageGap['kind']): string {
  if (kind === 'uncovered-requirement' || kind === 'status-mismatch') return 'gap.requirement';
  if (kind === 'suspect-link') return 'gap.suspect';
  return 'gap';
}

export interface GapKindNode {
  kind: 'gapKind';
  key: string;
  label: string;
  icon: string;
  color: string;
  children: GapNode[];
}

export interface GapNode {
  kind: 'gap';
  key: string;
  gap: CoverageGap;
  /** The requirement ID the gap is about (for Copy ID / Reveal). */
  id: string;
  parent: GapKindNode;
}

export type CoverageGapsViewNode = GapKindNode | GapNode;

export function buildGapNodes(gaps: readonly CoverageGap[]): GapKindNode[] {
  const out: GapKindNode[] = [];
  const known = new Set(KINDS.map((k) => k.kind));
  // Kinds a newer server may add still show, under their own name.
  const extra = [...new Set(gaps.map((g) => g.kind).filter((k) => !known.has(k)))].map((kind) => ({ kind, label: kind, icon: 'info', color: 'foreground' }));
  for (const k of [...KINDS, ...extra]) {
    const mine = gaps.filter((g) => g.kind === k.kind);
    if (mine.length === 0) continue;
    const node: GapKindNode = { kind: 'gapKind', key: k.kind, label: k.label, icon: k.icon, color: k.color, children: [] };
    node.children = mine.map((gap, i) => ({ kind: 'gap', key: `${k.kind}\u0000${i}\u0000${gap.location.uri}\u0000${gap.location.range.start.line}`, gap, id: gap.id, parent: node }));
    out.push(node);
  }
  return out;
}

export class CoverageGapsViewProvider implements vscode.TreeDataProvider<CoverageGapsViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageGapsViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<CoverageGapsViewNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly store: SpecStore,
  ) {
    this.view = vscode.window.createTreeView(COVERAGE_GAPS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      store.onDidChange(() => {
        this.changed.fire(undefined);
        this.updateCount();
      }),
      ctx.onStatusChanged((status) => {
        if (status === 'running') this.updateCount();
      }),
    );
    if (ctx.status === 'running') this.updateCount();
  }

  /**
   * The view starts collapsed (a workspace without gaps needs no pane): its header and badge still
   * say how many gaps there are, which VS Code shows without asking a collapsed view for its items.
   */
  private updateCount(): void {
    this.store.coverageGaps().then(
      ({ gaps }) => this.showCount(gaps.length),
      (err: unknown) => this.ctx.log.warn(`Coverage gaps view: ${errorText(err)}`),
    );
  }

  private showCount(count: number): void {
    this.view.badge = count > 0 ? { value: count, tooltip: plural(count, 'coverage gap') } : undefined;
    this.view.description = count > 0 ? plural(count, 'gap') : 'no gaps';
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: CoverageGapsViewNode): Promise<CoverageGapsViewNode[]> {
    if (node) return node.kind === 'gapKind' ? node.children : [];
    try {
      const { gaps } = await this.store.coverageGaps();
      const nodes = buildGapNodes(gaps);
      this.view.message = nodes.length === 0 ? 'No gaps: every requirement under the coverage policy has its code and tests.' : undefined;
      this.showCount(gaps.length);
      return nodes;
    } catch (err) {
      this.view.message = errorText(err);
      this.ctx.log.warn(`Coverage gaps view: ${errorText(err)}`);
      return [];
    }
  }

  getParent(node: CoverageGapsViewNode): CoverageGapsViewNode | undefined {
    return node.kind === 'gap' ? node.parent : undefined;
  }

  getTreeItem(node: CoverageGapsViewNode): vscode.TreeItem {
    if (node.kind === 'gapKind') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.key;
      item.description = String(node.children.length);
      item.iconPath = new vscode.ThemeIcon(node.icon, new vscode.ThemeColor(node.color));
      item.contextValue = 'gapKind';
      return item;
    }
    const { gap } = node;
    const item = new vscode.TreeItem(gap.id || locationLabel(gap.location), vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = gap.message;
    const tip = new vscode.MarkdownString();
    tip.appendText(gap.message).appendMarkdown('\n\n').appendText(locationLabel(gap.location));
    item.tooltip = tip;
    item.command = openLocationCommand(gap.location);
    item.contextValue = gapContextValue(gap.kind);
    return item;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
