// Registers every command. Each runs behind one boundary: a failure is logged and shown as a
// message, never thrown into VS Code as an unexplained "command failed".
import * as vscode from 'vscode';
import { Commands } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { MatrixPanel } from '../matrix/matrixPanel';
import { BoardPanel } from '../board/boardPanel';
import type { SpecStore } from '../store';
import type { RequirementsViewProvider } from '../views/requirementsView';
import type { InsightsViewProvider } from '../views/insightsView';
import { bumpRevision, reviewSuspectLinks } from '../review/reviewCommands';
import type { ReviewSession } from '../review/reviewCommands';
import { createStarter } from './createStarter';
import { exportReport } from './exportReport';
import { exportReqif, importRequirements } from './interchange';
import { copyId, goToRequirement, revealRequirement, showLocations } from './navigation';
import { newRequirement } from './newRequirement';
import { releaseNotes } from './releaseNotes';
import { showRelease } from './showRelease';
import { TimelinePanel } from '../timeline/timelinePanel';
import { clearFilter, filterRequirements, groupInsights, groupRequirements, sortRequirements } from './viewOptions';
import { errorText } from '../../../server/src/shared/errorText';

/** Commands only the client knows (menus, view title buttons); the shared ones are in protocol.ts. */
export const ClientCommands = {
  filterRequirements: 'spectrace.filterRequirements',
  clearRequirementsFilter: 'spectrace.clearRequirementsFilter',
  groupByProduct: 'spectrace.groupByProduct',
  groupByFile: 'spectrace.groupByFile',
  groupByRoadmap: 'spectrace.groupByRoadmap',
  sortRequirementsByScore: 'spectrace.sortRequirementsByScore',
  sortRequirementsByFile: 'spectrace.sortRequirementsByFile',
  groupInsights: 'spectrace.groupInsights',
  showOutput: 'spectrace.showOutput',
} as const;

export interface CommandDeps {
  ctx: Ctx;
  store: SpecStore;
  requirementsView: RequirementsViewProvider;
  insightsView: InsightsViewProvider;
  review: ReviewSession;
}

export function registerCommands({ ctx, store, requirementsView, insightsView, review }: CommandDeps): vscode.Disposable[] {
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (err) {
        ctx.log.error(`${id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        void vscode.window.showErrorMessage(`Spectrace: ${errorText(err)}`);
        return undefined;
      }
    });

  return [
    register(Commands.newRequirement, (arg) => newRequirement(ctx, store, arg)),
    register(Commands.goToRequirement, (arg) => goToRequirement(store, arg)),
    register(Commands.showMatrix, async () => {
      await MatrixPanel.show(ctx);
    }),
    register(Commands.showBoard, async () => {
      await BoardPanel.show(ctx);
    }),
    register(Commands.exportReport, (arg) => exportReport(ctx, arg)),
    register(Commands.exportReqif, (arg) => exportReqif(ctx, arg)),
    register(Commands.importRequirements, (arg) => importRequirements(ctx, arg)),
    register(Commands.copyId, (arg) => copyId(store, arg)),
    register(Commands.revealRequirement, (arg) => revealRequirement(store, requirementsView, arg)),
    register(Commands.refresh, () => store.refresh()),
    register(Commands.restartServer, () => ctx.restart()),
    register(Commands.showLocations, (arg) => showLocations(arg)),
    register(Commands.createStarter, (arg) => createStarter(ctx, arg)),
    register(Commands.reviewSuspectLinks, (arg) => reviewSuspectLinks(ctx, review, arg)),
    register(Commands.bumpRevision, (arg) => bumpRevision(ctx, store, arg)),
    register(Commands.releaseNotes, (arg) => releaseNotes(ctx, arg)),
    register(Commands.showTimeline, async () => {
      await TimelinePanel.show(ctx);
    }),
    register(Commands.showRelease, (arg) => showRelease(ctx, arg)),
    register(ClientCommands.filterRequirements, (arg) => filterRequirements(store, requirementsView, arg)),
    register(ClientCommands.clearRequirementsFilter, () => clearFilter(requirementsView)),
    register(ClientCommands.groupByProduct, () => groupRequirements(requirementsView, 'product')),
    register(ClientCommands.groupByFile, () => groupRequirements(requirementsView, 'file')),
    register(ClientCommands.groupByRoadmap, () => groupRequirements(requirementsView, 'roadmap')),
    register(ClientCommands.sortRequirementsByScore, () => sortRequirements(requirementsView, 'score')),
    register(ClientCommands.sortRequirementsByFile, () => sortRequirements(requirementsView, 'file')),
    register(ClientCommands.groupInsights, (arg) => groupInsights(insightsView, arg)),
    register(ClientCommands.showOutput, () => ctx.log.show()),
  ];
}
