// Activation: build the Ctx, register views, commands and the status bar, start the language client
// without waiting for it. Everything else lives in the modules these wire together.
import * as vscode from 'vscode';
import type { SpectraceApi } from './api';
import type { LanguageClientModule } from './clientOptions';
import { registerCommands } from './commands/registerCommands';
import { CursorIdContext } from './cursorIdContext';
import { Ctx } from './extensionContext';
import { MatrixPanel } from './matrix/matrixPanel';
import { loadNodeLanguageClient } from './nodeLanguageClient';
import { BoardPanel } from './board/boardPanel';
import { TimelinePanel } from './timeline/timelinePanel';
import { ReleasePanel } from './release/releasePanel';
import { ReviewSession } from './review/reviewCommands';
import { ReviewTextProvider } from './review/reviewTextProvider';
import { SummaryStatusBar } from './statusBar';
import { SpecStore } from './store';
import { CoverageGapsViewProvider } from './views/coverageGapsView';
import { RequirementsViewProvider } from './views/requirementsView';
import { RoadmapViewProvider } from './views/roadmapView';
import { InsightsViewProvider } from './views/insightsView';

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): SpectraceApi {
  return activateWith(context, loadNodeLanguageClient);
}

/** Activation with the entry's language client: Node's here, the browser's in web/extension.ts. */
export function activateWith(context: vscode.ExtensionContext, loadLanguageClient: () => Promise<LanguageClientModule>): SpectraceApi {
  const started = performance.now();
  // Where activation time goes, step by step (logged, and in the API for the e2e run).
  const steps: Record<string, number> = {};
  let last = started;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = now - last;
    last = now;
  };
  const c = new Ctx(context, loadLanguageClient);
  ctx = c;
  step('context');
  const store = new SpecStore(c);
  const requirements = new RequirementsViewProvider(c, store);
  const roadmap = new RoadmapViewProvider(c, store);
  const coverageGaps = new CoverageGapsViewProvider(c, store);
  const insights = new InsightsViewProvider(c, store);
  step('views');
  const statusBar = new SummaryStatusBar(c, store);
  step('statusBar');
  const review = new ReviewSession();
  c.pushExtension(store, requirements, roadmap, coverageGaps, insights, statusBar, review, new ReviewTextProvider(c), ...registerCommands({ ctx: c, store, requirementsView: requirements, insightsView: insights, review }));
  // The context key behind the editor context menu's ID commands.
  const cursorId = new CursorIdContext(c);
  c.pushExtension(cursorId);
  void vscode.commands.executeCommand('setContext', 'spectrace.active', true);
  step('commands');
  // The server starts in the background: views and commands wait for it when they need it.
  const ready = c.start().then(
    () => undefined,
    (err: unknown) => {
      throw err instanceof Error ? err : new Error(String(err));
    },
  );
  // Reported by the Ctx already; this only keeps the rejection from being "unhandled".
  ready.catch(() => undefined);
  step('startClient');
  const activationMs = performance.now() - started;
  const breakdown = Object.entries(steps)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(', ');
  c.log.info(`activated in ${activationMs.toFixed(1)} ms (${breakdown}; workspace ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted: restricted mode'})`);

  return {
    activationMs,
    activationSteps: steps,
    ready: () => ready,
    views: { requirements, roadmap, coverageGaps, insights },
    statusBar: {
      item: statusBar.item,
      get summary() {
        return statusBar.summary;
      },
    },
    matrix: () => MatrixPanel.open,
    board: () => BoardPanel.open,
    timeline: () => TimelinePanel.open,
    release: () => ReleasePanel.open,
    cursorId,
    review,
    server: {
      get status() {
        return c.status;
      },
      get crashRestarts() {
        return c.crashRestartCount;
      },
      onIndexChanged: c.onIndexChanged,
    },
  };
}

export async function deactivate(): Promise<void> {
  const c = ctx;
  ctx = undefined;
  MatrixPanel.open?.dispose();
  BoardPanel.open?.dispose();
  await c?.dispose();
}
