// What activate() returns: the activation time (read by the e2e entry) and handles on the views,
// status bar, matrix and server state, so the extension-host tests assert on the real objects.
import type * as vscode from 'vscode';
import type { SummaryResult } from '../../server/src/shared/protocol';
import type { CursorIdContext } from './cursorIdContext';
import type { ServerStatus } from './extensionContext';
import type { MatrixPanel } from './matrix/matrixPanel';
import type { BoardPanel } from './board/boardPanel';
import type { TimelinePanel } from './timeline/timelinePanel';
import type { ReleasePanel } from './release/releasePanel';
import type { ReviewSession } from './review/reviewCommands';
import type { CoverageGapsViewProvider } from './views/coverageGapsView';
import type { RequirementsViewProvider } from './views/requirementsView';
import type { RoadmapViewProvider } from './views/roadmapView';
import type { InsightsViewProvider } from './views/insightsView';

export interface SpectraceApi {
  /** Milliseconds activate() itself took (the language client starts after it returns). */
  readonly activationMs: number;
  /** `activationMs` by step (context, views, statusBar, commands, startClient), in ms. */
  readonly activationSteps: Readonly<Record<string, number>>;
  /** Resolves when the language server runs (rejects when it could not start). */
  ready(): Promise<void>;
  readonly views: {
    readonly requirements: RequirementsViewProvider;
    readonly roadmap: RoadmapViewProvider;
    readonly coverageGaps: CoverageGapsViewProvider;
    readonly insights: InsightsViewProvider;
  };
  readonly statusBar: {
    readonly item: vscode.StatusBarItem;
    /** The summary the item shows, once the server answered. */
    readonly summary: SummaryResult | undefined;
  };
  /** The ID under the active editor's cursor, the value behind the `spectrace.cursorOnId` context key. */
  readonly cursorId: Pick<CursorIdContext, 'id' | 'onDidChange'>;
  /** Review Suspect Links: the walk in progress (its link on screen, and the choice a click would make). */
  readonly review: Pick<ReviewSession, 'walk' | 'onDidStart'>;
  /** The open traceability matrix panel, if any. */
  matrix(): MatrixPanel | undefined;
  /** The open backlog board panel, if any. */
  board(): BoardPanel | undefined;
  /** The open roadmap timeline panel, if any. */
  timeline(): TimelinePanel | undefined;
  /** The open release view, if any. */
  release(): ReleasePanel | undefined;
  readonly server: {
    readonly status: ServerStatus;
    /** Restarts after a crash (user restarts not counted). */
    readonly crashRestarts: number;
    readonly onIndexChanged: vscode.Event<void>;
  };
}
