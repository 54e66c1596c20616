// The status-bar summary: refreshed when the index changes, click → the Coverage gaps view. Shows
// the server's state while it is not running, and "(restricted)" in an untrusted workspace.
import * as vscode from 'vscode';
import type { SummaryResult } from '../../server/src/shared/protocol';
import type { Ctx, ServerStatus } from './extensionContext';
import type { SpecStore } from './store';
import { summaryText, summaryTooltipLines } from './statusText';
import { errorText } from '../../server/src/shared/errorText';

export class SummaryStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private version = 0;
  private lastSummary: SummaryResult | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly store: SpecStore,
  ) {
    this.item = vscode.window.createStatusBarItem('spectrace.summary', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Spectrace Summary';
    this.item.command = 'spectrace.coverageGaps.focus';
    this.disposables.push(
      this.item,
      store.onDidChange(() => this.update()),
      ctx.onStatusChanged((s) => this.showStatus(s)),
    );
    this.showStatus(ctx.status);
    this.item.show();
  }

  /** The summary last shown (for tests and the walkthrough). */
  get summary(): SummaryResult | undefined {
    return this.lastSummary;
  }

  update(): void {
    const version = ++this.version;
    const status = this.ctx.status;
    // A stopped server has no summary to give: its state is what the item shows.
    if (status === 'stopped' || status === 'failed') return this.showStatus(status);
    this.store.summary().then(
      (s) => {
        if (version !== this.version) return; // a newer update is on its way
        this.lastSummary = s;
        const text = summaryText(s);
        this.item.backgroundColor = undefined;
        this.item.command = 'spectrace.coverageGaps.focus';
        // An empty workspace has nothing to measure: no "0 reqs" in the status bar.
        if (text === undefined) return this.item.hide();
        this.item.text = text;
        this.item.tooltip = summaryTooltipLines(s).join('\n');
        this.item.show();
      },
      (err: unknown) => {
        if (version !== this.version) return;
        this.ctx.log.warn(`status bar summary: ${errorText(err)}`);
        this.item.text = '$(checklist) Specs: —';
        this.item.tooltip = `Spectrace: ${errorText(err)}`;
        this.item.show();
      },
    );
  }

  private showStatus(status: ServerStatus): void {
    if (status !== 'running') this.item.show();
    switch (status) {
      case 'starting':
        this.item.text = '$(loading~spin) Specs: starting…';
        this.item.tooltip = 'The Spectrace server is indexing the workspace.';
        return;
      case 'restarting':
        this.item.text = '$(sync~spin) Specs: restarting server…';
        this.item.tooltip = 'The Spectrace server stopped unexpectedly and is being restarted.';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        return;
      case 'stopped':
      case 'failed':
        this.item.text = '$(error) Specs: server stopped';
        this.item.tooltip = 'The Spectrace server is not running. Click to restart it.';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        this.item.command = 'spectrace.restartServer';
        return;
      case 'running':
        this.update();
        return;
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
