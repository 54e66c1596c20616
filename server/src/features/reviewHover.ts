// Change review in the hover: on a suspect link, the word diff of its requirement's review fields
// between the revision it was reviewed against and now; on a fingerprint with an unrecorded change,
// the diff against the text that had the stored fingerprint. The older text comes from history (git);
// when there is none the hover says why.
import { textAtRevision, textAtStoredFingerprint } from '../engine/review/olderText';
import type { TextResult } from '../engine/review/olderText';
import { linksTo, requirementOf, revOf } from '../engine/review/reviewModel';
import type { Position, Range } from '../engine/types';
import { renderWordDiffMarkdown, renderWordDiffPlain, wordDiff } from '../engine/text/wordDiff';
import type { FeatureContext } from './featureContext';

function contains(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

const escapeMarkdown = (s: string) => s.replace(/([\\`*_~[\]<>|#])/g, '\\$1');

function diffSection(ctx: FeatureContext, heading: string, before: TextResult, after: TextResult, when: string): string {
  const head = ctx.markdown ? `**${heading}**` : heading;
  if (before.text === null || after.text === null) return `${head}\n\nNo diff: ${before.text === null ? before.reason : 'the current text is unavailable'}.`;
  const parts = wordDiff(before.text, after.text);
  const body = ctx.markdown
    ? renderWordDiffMarkdown(parts, escapeMarkdown)
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n')
    : renderWordDiffPlain(parts).replace(/\n$/, '');
  const source = before.commit ? `\n\n${when} (commit ${before.commit.slice(0, 8)}, ${before.date?.slice(0, 10) ?? ''}) → now` : '';
  return `${head}${source}\n\n${body}`;
}

/** The review section for a hover at `position` of `file`, or undefined when nothing there is under review. */
export async function reviewHover(ctx: FeatureContext, file: string, position: Position): Promise<string | undefined> {
  if (!ctx.index.config.review) return undefined;
  for (const d of ctx.index.diagnosticsFor(file)) {
    if (!contains(d.range, position)) continue;
    if (d.code === 'suspect-link' && d.data?.kind === 'suspect') {
      const item = requirementOf(ctx.index, d.data.id);
      const link = linksTo(ctx.index, d.data.id).find((l) => l.file === file && contains(l.fullRange, position));
      if (!item || !link) continue;
      const rev = revOf(item);
      const [before, after] = await Promise.all([textAtRevision(item, link.linkedRev, ctx.index.config, ctx.history), textAtRevision(item, rev, ctx.index.config, undefined)]);
      return diffSection(ctx, `${d.data.id} changed since this link was reviewed (rev ${link.linkedRev} → rev ${rev})`, before, after, `rev ${link.linkedRev}`);
    }
    if (d.code === 'unrecorded-change' && d.data?.kind === 'review') {
      const item = requirementOf(ctx.index, d.data.id);
      if (!item) continue;
      const [before, after] = await Promise.all([textAtStoredFingerprint(item, ctx.index.config, ctx.history), textAtRevision(item, revOf(item), ctx.index.config, undefined)]);
      return diffSection(ctx, `${d.data.id}: what changed since its fingerprint was written`, before, after, 'fingerprinted');
    }
  }
  return undefined;
}
