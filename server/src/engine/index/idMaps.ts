// The index's three maps keyed by ID (the items defining it, the spec references naming it, the code
// tags naming it), each list sorted by file and position, kept in step with the files' contents
// entry by entry; every change tells the rule engine which IDs it touched.
import type { RuleEngine } from '../rules/ruleEngine';
import type { GraphEdge } from '../rules/ruleModel';
import { comparePositions } from '../text/positions';
import type { CodeTag, ItemKind, Range, SpecItem } from '../types';
import type { IncomingRef } from './indexReader';
import { compareItems } from './queries';
import { insertSorted, removeFrom, removeSorted } from './sortedLists';

const ITEM_KINDS = ['requirement', 'roadmap', 'insight'] as const;
/** Which kinds of item define an ID. */
type KindsPresent = Record<ItemKind, boolean>;

/** What the maps tell the rule engine. */
type RuleInvalidation = Pick<RuleEngine, 'invalidateIds' | 'idSetChanged' | 'itemsReplaced' | 'edgesAdded'>;

export class IdMaps {
  /** id -> the items defining it, sorted by file and position. */
  private readonly defs = new Map<string, SpecItem[]>();
  /** id -> the spec references naming it, sorted by file and position. */
  private readonly refs = new Map<string, IncomingRef[]>();
  /** id -> how many of its references expect each kind of item. */
  private readonly refKinds = new Map<string, Record<ItemKind, number>>();
  /** id -> the code tags naming it, sorted by file and position. */
  private readonly tagMap = new Map<string, CodeTag[]>();

  constructor(private readonly rules: RuleInvalidation) {}

  clear(): void {
    this.defs.clear();
    this.refs.clear();
    this.refKinds.clear();
    this.tagMap.clear();
  }

  definitions(id: string): readonly SpecItem[] {
    return this.defs.get(id) ?? [];
  }

  incoming(id: string): readonly IncomingRef[] {
    return this.refs.get(id) ?? [];
  }

  incomingCount(id: string, targetKind: ItemKind): number {
    return this.refKinds.get(id)?.[targetKind] ?? 0;
  }

  tags(id: string): readonly CodeTag[] {
    return this.tagMap.get(id) ?? [];
  }

  definedIds(): Iterable<string> {
    return this.defs.keys();
  }

  /** Whether any entry (definition, reference, tag) names `id`. */
  has(id: string): boolean {
    return this.defs.has(id) || this.refs.has(id) || this.tagMap.has(id);
  }

  /** Every ID in any role (definition, reference, tag). */
  *allIds(): Iterable<string> {
    yield* this.defs.keys();
    yield* this.refs.keys();
    yield* this.tagMap.keys();
  }

  /** Take `removed` out of the ID maps and put `added` in (no item in both). */
  applyItemDelta(removed: readonly SpecItem[], added: readonly SpecItem[]): void {
    if (removed.length === 0 && added.length === 0) return;

    const dirty = new Set<string>();
    // The parent/depends_on edges the removed items take away and the added ones bring (a multiset).
    const edges = new Map<string, { count: number; edge: GraphEdge }>();
    const kindsBefore = new Map<string, KindsPresent>();
    const touch = (it: SpecItem, sign: number) => {
      for (const r of it.references) {
        dirty.add(r.targetId);
        if (it.id !== undefined && (r.field === 'parent' || r.field === 'depends_on')) {
          const key = `${it.kind}\u0000${it.id}\u0000${r.field}\u0000${r.targetKind}\u0000${r.targetId}`;
          const entry = edges.get(key);
          if (entry) entry.count += sign;
          else edges.set(key, { count: sign, edge: { kind: it.kind, id: it.id, field: r.field, targetKind: r.targetKind, targetId: r.targetId } });
        }
      }
      if (it.id === undefined) return;
      dirty.add(it.id);
      if (!kindsBefore.has(it.id)) kindsBefore.set(it.id, this.kindsOf(it.id));
      // A roadmap item listing this one under `requirements:` tracks its status too.
      for (const inc of this.refs.get(it.id) ?? []) if (inc.ref.field === 'requirements' && inc.item.id) dirty.add(inc.item.id);
    };
    for (const it of removed) touch(it, -1);
    for (const it of added) touch(it, 1);

    for (const it of removed) {
      if (it.id !== undefined) removeSorted(this.defs, it.id, it, compareItems, (x) => x === it);
      for (const ref of it.references) {
        if (removeSorted(this.refs, ref.targetId, { item: it, ref }, compareIncoming, (x) => x.ref === ref && x.item === it)) this.countRef(ref.targetId, ref.targetKind, -1);
      }
    }
    for (const it of added) {
      if (it.id !== undefined) insertSorted(this.defs, it.id, it, compareItems);
      for (const ref of it.references) {
        insertSorted(this.refs, ref.targetId, { item: it, ref }, compareIncoming);
        this.countRef(ref.targetId, ref.targetKind, 1);
      }
    }
    // Added items may also have been touched before removal bookkeeping; mark their dependants too.
    for (const it of added) if (it.id) for (const inc of this.refs.get(it.id) ?? []) if (inc.ref.field === 'requirements' && inc.item.id) dirty.add(inc.item.id);

    for (const [id, before] of kindsBefore) {
      const after = this.kindsOf(id);
      for (const kind of ITEM_KINDS) if (before[kind] !== after[kind]) this.rules.idSetChanged(id, kind, after[kind]);
    }
    this.rules.invalidateIds(dirty);
    // Typing in a title changes no edge: the cycle check only reruns when a cycle diagnostic sits in
    // an item that was replaced (its ranges may have moved) or a new edge closes a circle.
    this.rules.itemsReplaced(removed);
    const gained: GraphEdge[] = [];
    for (const { count, edge } of edges.values()) if (count > 0) gained.push(edge);
    if (gained.length > 0) this.rules.edgesAdded(gained);
  }

  private countRef(id: string, kind: ItemKind, by: number): void {
    const counts = this.refKinds.get(id);
    if (counts) {
      counts[kind] += by;
      if (counts.requirement === 0 && counts.roadmap === 0 && counts.insight === 0) this.refKinds.delete(id);
    } else if (by > 0) {
      const counts = { requirement: 0, roadmap: 0, insight: 0 };
      counts[kind] = by;
      this.refKinds.set(id, counts);
    }
  }

  private kindsOf(id: string): KindsPresent {
    const defs = this.defs.get(id);
    if (!defs) return { requirement: false, roadmap: false, insight: false };
    return { requirement: defs.some((d) => d.kind === 'requirement'), roadmap: defs.some((d) => d.kind === 'roadmap'), insight: defs.some((d) => d.kind === 'insight') };
  }

  /** Swap one code file's old tags (sorted) for its new ones (sorted). */
  replaceTags(oldTags: readonly CodeTag[], newTags: readonly CodeTag[]): void {
    const dirty = new Set<string>();
    for (const t of oldTags) {
      dirty.add(t.id);
      removeFrom(this.tagMap, t.id, (x) => x === t);
    }
    for (const t of newTags) {
      dirty.add(t.id);
      insertSorted(this.tagMap, t.id, t, compareTags);
    }
    this.rules.invalidateIds(dirty);
  }
}

function compareLocations(fa: string, ra: Range, fb: string, rb: Range): number {
  if (fa !== fb) return fa < fb ? -1 : 1;
  return comparePositions(ra.start, rb.start) || comparePositions(ra.end, rb.end);
}

export function compareIncoming(a: IncomingRef, b: IncomingRef): number {
  return compareLocations(a.item.file, a.ref.range, b.item.file, b.ref.range);
}

export function compareTags(a: CodeTag, b: CodeTag): number {
  return compareLocations(a.file, a.idRange, b.file, b.idRange) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

export function sameTags(a: readonly CodeTag[], b: readonly CodeTag[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort(compareTags);
  return a.every((t, i) => {
    const u = sorted[i];
    return (
      t.id === u.id &&
      t.kind === u.kind &&
      t.word === u.word &&
      compareLocations(t.file, t.idRange, u.file, u.idRange) === 0 &&
      comparePositions(t.wordRange.start, u.wordRange.start) === 0 &&
      comparePositions(t.wordRange.end, u.wordRange.end) === 0 &&
      t.rev === u.rev &&
      t.badRev === u.badRev &&
      t.loose === u.loose &&
      t.revRange?.end.character === u.revRange?.end.character
    );
  });
}
