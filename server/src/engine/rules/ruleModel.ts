// What the cross-file rules read: a read-only view of the workspace index, keyed by ID, plus the
// per-pass services (severity lookup, did-you-mean, next free ID). Rules are pure functions of this
// view, so the index can cache their results per ID and recompute only what an edit touched.
import type { IncomingRef, WorkspaceIndexReader } from '../index/indexReader';
import type { DiagnosticCode, FixData, ItemKind, Range, RelatedInformation, Severity, SpecDiagnostic, SpecItem } from '../types';

export type { IncomingRef };

/** A `parent` or `depends_on` link between two IDs, as the cycle rules see it. */
export interface GraphEdge {
  kind: ItemKind;
  id: string;
  field: 'parent' | 'depends_on';
  targetKind: ItemKind;
  targetId: string;
}

/** The index as the rules and queries see it. */
export type IndexModel = Pick<WorkspaceIndexReader, 'root' | 'config' | 'now' | 'definitions' | 'incoming' | 'incomingCount' | 'tags' | 'definedIds'>;

/** Services the rule engine provides for one recomputation pass. */
export interface RuleRun {
  /** The configured severity of a rule; undefined when it is `off`. */
  severity(code: DiagnosticCode): Severity | undefined;
  /** The defined ID of `kind` a misspelt `word` most likely meant (cached across passes). */
  suggest(word: string, kind: ItemKind): string | undefined;
  nextFreeId(prefix: string): string;
  /** A path relative to the workspace root, for messages. */
  relative(file: string): string;
}

/** A rule computed for one ID at a time from what the index holds under that ID. */
export interface PerIdRule {
  code: DiagnosticCode;
  check(model: IndexModel, id: string, run: RuleRun, severity: Severity): SpecDiagnostic[];
  /**
   * For a rule whose result for one ID reads items the index does not invalidate with it (a release
   * reads its child items' requirements, a requirement reads its dependencies' roadmap items): when
   * `id` changes, the other IDs to recompute.
   */
  reach?: RuleReach;
}

export interface RuleReach {
  subjects(model: IndexModel, id: string): Iterable<string>;
  /**
   * What those subjects read of `id`'s items, when it is a small part of them: the subjects are
   * recomputed only when it changes (so typing in a title does not recompute a whole release).
   * Undefined: any change of `id` reaches them.
   */
  watch?(model: IndexModel, id: string): string | undefined;
}

export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  file: string,
  range: Range,
  message: string,
  related?: RelatedInformation[],
  data?: FixData,
): SpecDiagnostic {
  const d: SpecDiagnostic = { file, range, severity, code, message, source: 'spectrace' };
  if (related && related.length > 0) d.related = related;
  if (data) d.data = data;
  return d;
}

/** The string value of an item's field, or undefined. */
export function fieldString(item: SpecItem, key: string): string | undefined {
  const v = item.fields.get(key)?.value;
  return typeof v === 'string' ? v.trim() || undefined : undefined;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export const KIND_LABEL: Record<ItemKind, string> = { requirement: 'requirement', roadmap: 'roadmap item', insight: 'insight' };

/** `a requirement`, `an insight`. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
