// The read-only documents the Review Suspect Links diff shows: a requirement's review fields at one
// revision. Each is named by a `spectrace-review:` URI whose path is `/PAY-1@2` (the link syntax) and
// whose query is the URI of a file of its workspace folder. Pure string work, so it is unit-tested.
import type { ReviewTextResult } from '../../../server/src/shared/protocol';

export const REVIEW_SCHEME = 'spectrace-review';

/** One requirement at one revision, and a file of the folder it lives in (to pick the folder). */
export interface ReviewDocRef {
  id: string;
  rev: number;
  uri?: string;
}

export function reviewDocPath(ref: ReviewDocRef): string {
  return `/${ref.id}@${ref.rev}`;
}

/** The reference a `spectrace-review:` URI's path and query name; undefined for anything else. */
export function parseReviewDoc(path: string, query: string): ReviewDocRef | undefined {
  const m = /^\/(.+)@([1-9]\d*)$/.exec(path);
  if (!m) return undefined;
  const ref: ReviewDocRef = { id: m[1], rev: Number(m[2]) };
  if (query !== '') ref.uri = query;
  return ref;
}

/** The document's text: the review fields, or a sentence saying why that revision's text is not available. */
export function reviewDocText(ref: ReviewDocRef, result: ReviewTextResult): string {
  if (result.text !== null) return result.text;
  return `The text of ${ref.id} at rev ${ref.rev} is not available: ${result.reason ?? 'the server did not say why'}.\n`;
}

/** The diff editor's title: "PAY-1: rev 1 (reviewed) ↔ rev 2 (current)". */
export function reviewDiffTitle(id: string, linkedRev: number, currentRev: number): string {
  return `${id}: rev ${linkedRev} (reviewed) ↔ rev ${currentRev} (current)`;
}
