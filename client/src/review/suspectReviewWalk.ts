// Spectrace: Review Suspect Links. Walks the suspect links one by one: the code location in the first
// editor group, beside it VS Code's diff of the requirement's review fields between the revision the
// link was reviewed against and the current one, and a quick pick that stays open while the user reads
// (Mark reviewed / Skip / Open). Mark reviewed applies the server's suffix edit; Open ends the walk on
// the code, to change it.
import * as vscode from 'vscode';
import type { SuspectLink } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { locationLabel, toRange, toUri } from '../protocolToVscode';
import { applyAndSave } from './applyEdits';
import type { AppliedEdit } from './linkEdits';
import { shiftRange } from './linkEdits';
import { reviewDiffTitle } from './reviewDocs';
import { reviewDocUri } from './reviewTextProvider';

export type ReviewChoice = 'markReviewed' | 'skip' | 'open' | 'stop';

export interface ReviewWalkResult {
  total: number;
  reviewed: number;
  skipped: number;
  /** The link the walk ended on with Open or Escape, if it did not reach the end. */
  endedAt?: SuspectLink;
}

interface ChoiceItem extends vscode.QuickPickItem {
  choice: ReviewChoice;
}

export class SuspectReviewWalk {
  private index = -1;
  private pending: ((choice: ReviewChoice) => void) | undefined;
  private readonly applied: AppliedEdit[] = [];
  private readonly shown = new vscode.EventEmitter<SuspectLink>();
  /** A link's diff is open and its choice is offered. */
  readonly onDidShow = this.shown.event;

  constructor(
    private readonly ctx: Ctx,
    readonly links: readonly SuspectLink[],
  ) {}

  /** The link on screen, while its choice is offered. */
  get current(): SuspectLink | undefined {
    return this.pending ? this.links[this.index] : undefined;
  }

  /** Answers the offered choice as the quick pick would (for the extension's test API). */
  choose(choice: ReviewChoice): boolean {
    const answer = this.pending;
    if (!answer) return false;
    answer(choice);
    return true;
  }

  async run(): Promise<ReviewWalkResult> {
    const result: ReviewWalkResult = { total: this.links.length, reviewed: 0, skipped: 0 };
    try {
      for (this.index = 0; this.index < this.links.length; this.index++) {
        const link = this.links[this.index];
        await this.show(link);
        const choice = await this.ask(link);
        this.ctx.log.info(`review: ${link.id}@${link.linkedRev} at ${locationLabel(link.location)}: ${choice}`);
        if (choice === 'markReviewed') {
          await this.markReviewed(link);
          result.reviewed++;
        } else if (choice === 'skip') {
          result.skipped++;
        } else {
          if (choice === 'open') await this.openCode(link, false);
          result.endedAt = link;
          break;
        }
      }
    } finally {
      this.shown.dispose();
    }
    return result;
  }

  /** The link's location now, after the suffix edits already applied on its line. */
  private where(link: SuspectLink): vscode.Range {
    return toRange(shiftRange(link.location.uri, link.location.range, this.applied));
  }

  private async openCode(link: SuspectLink, preserveFocus: boolean): Promise<void> {
    const range = this.where(link);
    const doc = await vscode.workspace.openTextDocument(toUri(link.location.uri));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range, preview: true, preserveFocus });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async show(link: SuspectLink): Promise<void> {
    await this.openCode(link, false);
    const folderFile = link.requirementLocation.uri;
    const before = reviewDocUri({ id: link.id, rev: link.linkedRev, uri: folderFile });
    const after = reviewDocUri({ id: link.id, rev: link.currentRev, uri: folderFile });
    await vscode.commands.executeCommand('vscode.diff', before, after, reviewDiffTitle(link.id, link.linkedRev, link.currentRev), {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    } satisfies vscode.TextDocumentShowOptions);
  }

  private ask(link: SuspectLink): Promise<ReviewChoice> {
    const where = locationLabel(link.location);
    const qp = vscode.window.createQuickPick<ChoiceItem>();
    qp.title = `Review Suspect Links (${this.index + 1} of ${this.links.length})`;
    qp.placeholder = `${link.id} changed since ${where} was reviewed (rev ${link.linkedRev} → rev ${link.currentRev})`;
    // Reading the diff moves the focus to it: the choice stays on screen.
    qp.ignoreFocusOut = true;
    qp.items = [
      { choice: 'markReviewed', label: '$(check) Mark reviewed', detail: `The code still fits: the link becomes ${link.id}@${link.currentRev}` },
      { choice: 'skip', label: '$(debug-step-over) Skip', detail: 'Leave this link suspect and go to the next one' },
      { choice: 'open', label: '$(go-to-file) Open', detail: `Stop here and change the code at ${where}` },
    ];
    return new Promise<ReviewChoice>((resolve) => {
      let finished = false;
      const done = (choice: ReviewChoice) => {
        if (finished) return;
        finished = true;
        if (this.pending === done) this.pending = undefined;
        resolve(choice);
        qp.dispose();
      };
      this.pending = done;
      qp.onDidAccept(() => done(qp.selectedItems[0]?.choice ?? 'stop'));
      qp.onDidHide(() => done('stop'));
      qp.show();
      this.shown.fire(link);
    });
  }

  private async markReviewed(link: SuspectLink): Promise<void> {
    const edit = link.reviewedEdit;
    const range = shiftRange(edit.uri, edit.range, this.applied);
    // The file may have changed since the list was made: the ID must still be where the link was.
    const doc = await vscode.workspace.openTextDocument(toUri(link.location.uri));
    const at = this.where(link);
    if (!doc.getText(at).startsWith(link.id)) {
      throw new Error(`${link.id} is no longer at ${locationLabel(link.location)}; run Review Suspect Links again`);
    }
    await applyAndSave({ [edit.uri]: [{ range, newText: edit.newText }] }, `Mark ${link.id} reviewed`);
    this.applied.push({ uri: edit.uri, range, newText: edit.newText });
  }
}
