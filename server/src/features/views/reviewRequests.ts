// The change-review requests (protocol.ts): every suspect link with the edit that marks it reviewed,
// a requirement's review text at a revision (for the diff editor), and the edit that bumps a revision.
import type { CancellationToken } from 'vscode-languageserver';
import type { BumpRevisionParams, BumpRevisionResult, ReviewTextParams, ReviewTextResult, SuspectLink, SuspectLinksParams, SuspectLinksResult } from '../../shared/protocol';
import { textAtRevision } from '../../engine/review/olderText';
import { bumpEdits, eolOf, lineReader, reviewedEdit } from '../../engine/review/reviewEdits';
import { requirementOf, revOf, suspectLinksOf } from '../../engine/review/reviewModel';
import { toLspRange } from '../lspRange';
import { Pacer } from '../pacer';
import type { FolderView } from './nodes';
import { itemLocation } from './nodes';

export async function suspectLinks(folders: FolderView[], params: SuspectLinksParams, token: CancellationToken): Promise<SuspectLinksResult> {
  const links: SuspectLink[] = [];
  const pacer = new Pacer(token);
  for (const { ctx } of folders) {
    if (!ctx.index.config.review) continue;
    const items = params.id ? [requirementOf(ctx.index, params.id)].filter((x) => x !== undefined) : ctx.index.requirements();
    for (const item of items) {
      if (pacer.due()) await pacer.yield();
      if (!item.id) continue;
      const rev = revOf(item);
      for (const l of suspectLinksOf(ctx.index, item)) {
        const edit = reviewedEdit(l, rev);
        links.push({
          id: item.id,
          linkedRev: l.linkedRev,
          currentRev: rev,
          kind: l.kind,
          location: { uri: ctx.uriOf(l.file), range: toLspRange(l.fullRange) },
          requirementLocation: itemLocation(ctx, item),
          reviewedEdit: { uri: ctx.uriOf(edit.file), range: toLspRange(edit.range), newText: edit.newText },
        });
      }
    }
  }
  return { links };
}

export async function reviewText(folders: FolderView[], params: ReviewTextParams): Promise<ReviewTextResult> {
  for (const { ctx } of folders) {
    const item = requirementOf(ctx.index, String(params.id ?? ''));
    if (!item) continue;
    const rev = Number.isInteger(params.rev) && params.rev >= 1 ? params.rev : revOf(item);
    const r = await textAtRevision(item, rev, ctx.index.config, ctx.history);
    return r.text !== null ? { text: r.text } : { text: null, reason: r.reason };
  }
  return { text: null, reason: `no requirement ${String(params.id ?? '')} in the workspace` };
}

export function bumpRevision(folders: FolderView[], params: BumpRevisionParams): BumpRevisionResult {
  for (const { ctx } of folders) {
    const item = requirementOf(ctx.index, String(params.id ?? ''));
    if (!item || item.reviewFingerprint === undefined) continue;
    const text = ctx.textOf(item.file);
    if (text === undefined) return null;
    // A file with YAML errors is not edited: the edit could land in text the parser misread.
    if (ctx.index.diagnosticsFor(item.file).some((d) => d.code === 'yaml-syntax')) return null;
    const edits = bumpEdits(item, item.reviewFingerprint, params.editorial === true, lineReader(text), eolOf(text));
    if (!edits) return null;
    return { changes: { [ctx.uriOf(item.file)]: edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })) } };
  }
  return null;
}
