// The two change-review commands. Review Suspect Links fetches the suspect links (all, or those of the
// requirement it is given) and walks them; Bump Revision asks the server for the edit that records a
// substantive (new revision) or editorial (fingerprint only) change of the requirement under the cursor.
import * as vscode from 'vscode';
import { isServedDocument } from '../servedDocument';
import { BumpRevisionRequest, IdAtRequest, SuspectLinksRequest } from '../../../server/src/shared/protocol';
import type { BumpRevisionParams, RequirementNode } from '../../../server/src/shared/protocol';
import { plural } from '../../../server/src/shared/plural';
import { field, idFromArg } from '../commands/commandArgs';
import { findRequirement, pickRequirement } from '../commands/pickRequirement';
import type { Ctx } from '../extensionContext';
import type { SpecStore } from '../store';
import { applyAndSave } from './applyEdits';
import { SuspectReviewWalk } from './suspectReviewWalk';
import type { ReviewWalkResult } from './suspectReviewWalk';

/** The walk in progress, for the extension's test API. */
export class ReviewSession implements vscode.Disposable {
  private currentWalk: SuspectReviewWalk | undefined;
  private readonly started = new vscode.EventEmitter<SuspectReviewWalk>();
  readonly onDidStart = this.started.event;

  get walk(): SuspectReviewWalk | undefined {
    return this.currentWalk;
  }

  async run(walk: SuspectReviewWalk): Promise<ReviewWalkResult> {
    // One walk at a time: a new one ends the old one where it is.
    this.currentWalk?.choose('stop');
    this.currentWalk = walk;
    this.started.fire(walk);
    try {
      return await walk.run();
    } finally {
      if (this.currentWalk === walk) this.currentWalk = undefined;
    }
  }

  dispose(): void {
    this.currentWalk?.choose('stop');
    this.started.dispose();
  }
}

export async function reviewSuspectLinks(ctx: Ctx, session: ReviewSession, arg: unknown): Promise<ReviewWalkResult> {
  const id = idFromArg(arg);
  const { links } = await ctx.request(SuspectLinksRequest, id === undefined ? {} : { id });
  if (links.length === 0) {
    void vscode.window.showInformationMessage(
      id === undefined ? 'Spectrace: no suspect links. Every link is reviewed against its requirement’s current revision.' : `Spectrace: no suspect links to ${id}.`,
    );
    return { total: 0, reviewed: 0, skipped: 0 };
  }
  const result = await session.run(new SuspectReviewWalk(ctx, links));
  const left = result.total - result.reviewed;
  vscode.window.setStatusBarMessage(`$(check) Spectrace: ${plural(result.reviewed, 'link')} marked reviewed${left > 0 ? `, ${left} still suspect` : ''}`, 5000);
  return result;
}

export interface BumpResult {
  id: string;
  editorial: boolean;
}

/** The requirement ID: the command's argument, else the one under the cursor, else a pick. */
async function requirementId(ctx: Ctx, store: SpecStore, arg: unknown): Promise<string | undefined> {
  const given = idFromArg(arg);
  if (given !== undefined) return given;
  const editor = vscode.window.activeTextEditor;
  if (editor && isServedDocument(editor.document.uri)) {
    const at = editor.selection.active;
    const hit = await ctx.request(IdAtRequest, { textDocument: { uri: editor.document.uri.toString() }, position: { line: at.line, character: at.character } });
    if (hit) return hit.id;
  }
  return (await pickRequirement(store, 'Bump Revision'))?.id;
}

async function askEditorial(req: RequirementNode): Promise<boolean | undefined> {
  const links = req.implementations.length + req.tests.length;
  const pick = await vscode.window.showQuickPick(
    [
      {
        editorial: false,
        label: `Substantive change: bump to rev ${req.rev + 1}`,
        detail: `The meaning changed: ${links === 0 ? 'links to it' : `its ${plural(links, 'code and test link')}`} will need review`,
      },
      { editorial: true, label: `Editorial change: keep rev ${req.rev}`, detail: 'Wording only: refreshes the fingerprint, links stay reviewed' },
    ],
    { title: `Bump Revision of ${req.id}`, placeHolder: `How did ${req.id} change?` },
  );
  return pick?.editorial;
}

export async function bumpRevision(ctx: Ctx, store: SpecStore, arg: unknown): Promise<BumpResult | undefined> {
  const id = await requirementId(ctx, store, arg);
  if (id === undefined) return undefined;
  const req = await findRequirement(store, id);
  if (!req) {
    void vscode.window.showWarningMessage(`Spectrace: no requirement ${id} in this workspace.`);
    return undefined;
  }
  const given = field(arg, 'editorial');
  const editorial = typeof given === 'boolean' ? given : await askEditorial(req);
  if (editorial === undefined) return undefined;
  const params: BumpRevisionParams = { id, editorial, uri: req.location.uri };
  const result = await ctx.request(BumpRevisionRequest, params);
  if (!result) {
    void vscode.window.showWarningMessage(
      `Spectrace: ${id} has no revision to bump: review is off in spectrace.yaml, its status is not one of review.statuses, or its spec file has YAML errors.`,
    );
    return undefined;
  }
  await applyAndSave(result.changes, `Bump Revision of ${id}`);
  return { id, editorial };
}
