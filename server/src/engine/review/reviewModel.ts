// What change review reads from the index: which requirements are under review, their revision, and
// every link to a requirement (code tags, test tags, `parent` and `depends_on` references) with the
// revision it was reviewed against. Shared by the rules, coverage, the LSP features and the CLI.
import type { IndexModel } from '../rules/ruleModel';
import type { CodeTag, Range, SpecItem, SpectraceConfig } from '../types';
import { linkedRev, revisionOf } from './revSuffix';

export type LinkKind = 'implements' | 'verifies' | 'parent' | 'depends_on';

/** One link to a requirement, as review sees it. */
export interface ReviewLink {
  kind: LinkKind;
  file: string;
  /** The ID as written (without the suffix). */
  range: Range;
  /** The ID with its suffix, when it has one. */
  fullRange: Range;
  /** The suffix's range (`@3`), when written. */
  revRange: Range | undefined;
  /** The revision it was reviewed against (1 without a suffix). */
  linkedRev: number;
  /** The linking spec item, for a spec reference. */
  from: SpecItem | undefined;
  /** The code tag, for a tag. */
  tag: CodeTag | undefined;
}

/** The requirement's revision: its `rev` when a valid integer, else 1. */
export function revOf(item: SpecItem): number {
  return revisionOf(item.fields.get('rev')?.value);
}

/** Review is on and the requirement's status is one of `review.statuses`. */
export function underReview(item: SpecItem, config: SpectraceConfig): boolean {
  if (!config.review || item.kind !== 'requirement') return false;
  const status = item.fields.get('status')?.value;
  return typeof status === 'string' && config.review.statuses.includes(status.trim());
}

/** The requirement defining `id` (the first, when duplicated). */
export function requirementOf(model: Pick<IndexModel, 'definitions'>, id: string): SpecItem | undefined {
  return model.definitions(id).find((d) => d.kind === 'requirement');
}

/** A code tag with a malformed suffix names no revision: review leaves it to the schema diagnostic. */
function tagLink(tag: CodeTag): ReviewLink | undefined {
  if (tag.badRev !== undefined) return undefined;
  return {
    kind: tag.kind,
    file: tag.file,
    range: tag.idRange,
    fullRange: tag.revRange ? { start: tag.idRange.start, end: tag.revRange.end } : tag.idRange,
    revRange: tag.revRange,
    linkedRev: linkedRev(tag),
    from: undefined,
    tag,
  };
}

/** Every link to requirement `id` with a readable revision: tags, then spec references, each in index order. */
export function linksTo(model: Pick<IndexModel, 'tags' | 'incoming'>, id: string): ReviewLink[] {
  const out: ReviewLink[] = [];
  for (const t of model.tags(id)) {
    const l = tagLink(t);
    if (l) out.push(l);
  }
  for (const { item, ref } of model.incoming(id)) {
    if (ref.targetKind !== 'requirement' || (ref.field !== 'parent' && ref.field !== 'depends_on')) continue;
    // A malformed suffix (`PAY-1@x`) has a range but no revision: the schema reports it.
    if (ref.revRange && ref.rev === undefined) continue;
    out.push({
      kind: ref.field,
      file: item.file,
      range: ref.range,
      fullRange: ref.revRange ? { start: ref.range.start, end: ref.revRange.end } : ref.range,
      revRange: ref.revRange,
      linkedRev: linkedRev(ref),
      from: item,
      tag: undefined,
    });
  }
  return out;
}

/** The links of a requirement under review that were reviewed against an older revision. */
export function suspectLinksOf(model: Pick<IndexModel, 'tags' | 'incoming' | 'config'>, item: SpecItem): ReviewLink[] {
  if (!item.id || !underReview(item, model.config)) return [];
  const rev = revOf(item);
  return linksTo(model, item.id).filter((l) => l.linkedRev < rev);
}

/**
 * The tags that count toward the coverage policy: all of them, except suspect ones of a requirement
 * under review unless `review.suspectCounts`.
 */
export function countedTags(model: Pick<IndexModel, 'config'>, item: SpecItem, tags: readonly CodeTag[]): readonly CodeTag[] {
  const review = model.config.review;
  if (!review || review.suspectCounts || !underReview(item, model.config)) return tags;
  const rev = revOf(item);
  return tags.filter((t) => t.badRev !== undefined || linkedRev(t) >= rev);
}

/** The text that replaces a link's ID and suffix to mark it reviewed at `rev`: the ID as written, then `@rev`. */
export function reviewedSuffix(rev: number): string {
  return `@${rev}`;
}
