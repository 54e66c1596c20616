// Serves the `spectrace-review:` documents (a requirement's review fields at one revision) from the
// server's spectrace/reviewText. They are read-only; when the index changes the open ones are asked
// again, so the current revision's side follows the spec file as it is edited.
import * as vscode from 'vscode';
import { ReviewTextRequest } from '../../../server/src/shared/protocol';
import { errorText } from '../../../server/src/shared/errorText';
import type { Ctx } from '../extensionContext';
import { REVIEW_SCHEME, parseReviewDoc, reviewDocPath, reviewDocText } from './reviewDocs';
import type { ReviewDocRef } from './reviewDocs';

export function reviewDocUri(ref: ReviewDocRef): vscode.Uri {
  return vscode.Uri.from({ scheme: REVIEW_SCHEME, path: reviewDocPath(ref), query: ref.uri ?? '' });
}

export class ReviewTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, this),
      ctx.onIndexChanged(() => {
        for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === REVIEW_SCHEME) this.changed.fire(doc.uri);
      }),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ref = parseReviewDoc(uri.path, uri.query);
    if (!ref) return `Not a Spectrace review document: ${uri.toString()}\n`;
    const params = ref.uri === undefined ? { id: ref.id, rev: ref.rev } : { id: ref.id, rev: ref.rev, uri: ref.uri };
    try {
      return reviewDocText(ref, await this.ctx.request(ReviewTextRequest, params, token));
    } catch (err) {
      // The diff shows the reason in place of the text; the log keeps the details.
      this.ctx.log.warn(`review text of ${ref.id}@${ref.rev}: ${errorText(err)}`);
      return reviewDocText(ref, { text: null, reason: errorText(err) });
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
