// One trace over several folder indexes (the folders of a multi-root workspace, the folders a
// spectrace.yaml includes, the repositories a merge reads). Each folder keeps its own index, config
// and rule engine; linked, an index answers the per-ID lookups (definitions, references, tags,
// defined IDs) from every member, and an edit in one member tells the others' rule engines which IDs
// it touched, so a tag in one folder resolves against a requirement in another and stays current.
// Each member publishes the rule diagnostics of its own files only (see WorkspaceIndex.owns).
import * as path from 'node:path';
import type { RuleEngine } from '../rules/ruleEngine';
import type { CodeTag, ItemKind, SpecItem } from '../types';
import type { IdMaps } from './idMaps';
import { compareIncoming, compareTags } from './idMaps';
import type { IncomingRef } from './indexReader';
import { compareItems } from './queries';

/** What an edit in one member tells the rule engines of the others. */
export type PeerRules = Pick<RuleEngine, 'invalidateIds' | 'idSetChanged' | 'itemsReplaced' | 'edgesAdded'>;

/** What the trace needs of a member index. */
export interface TraceMember {
  readonly root: string;
  /** The member's own ID maps (its files' entries only). */
  ownIds(): IdMaps;
  /** Another member changed some IDs: `apply` tells this member's rule engine what (and bumps its version). */
  peerChanged(apply: (rules: PeerRules, member: TraceMember) => void): void;
  /** Another member changed wholesale (joined, left, reloaded its config): recompute everything. */
  peerReset(): void;
}

/** Whether `file` is `root` or inside it. */
function isInsideRoot(file: string, root: string): boolean {
  if (file === root) return true;
  return file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

export class LinkedTrace<M extends TraceMember = TraceMember> {
  private list: M[] = [];
  /** Per member, the roots of other members nested inside it: their files count for the inner member only. */
  private nested = new Map<M, string[]>();

  /** Add a member (or put `member` in the place of `replaces`). Every other member recomputes. */
  join(member: M, replaces?: M): void {
    const at = replaces ? this.list.indexOf(replaces) : -1;
    if (at >= 0) this.list[at] = member;
    else if (!this.list.includes(member)) this.list.push(member);
    this.membershipChanged(member);
  }

  leave(member: M): void {
    if (!this.list.includes(member)) return;
    this.list = this.list.filter((m) => m !== member);
    this.membershipChanged(undefined);
  }

  private membershipChanged(joined: M | undefined): void {
    this.nested = new Map();
    for (const m of this.list) {
      const inner = this.list.filter((o) => o !== m && o.root !== m.root && isInsideRoot(o.root, m.root)).map((o) => o.root);
      if (inner.length > 0) this.nested.set(m, inner);
    }
    for (const m of this.list) if (m !== joined) m.peerReset();
  }

  /** The member whose own files include `file` (the innermost root holding it). */
  ownerOf(file: string): M | undefined {
    let best: M | undefined;
    for (const m of this.list) if (isInsideRoot(file, m.root) && (!best || m.root.length > best.root.length)) best = m;
    return best;
  }

  /** Whether `member` answers for `file` (a file of a nested member belongs to that member). */
  owns(member: M, file: string): boolean {
    if (!isInsideRoot(file, member.root)) return false;
    const inner = this.nested.get(member);
    return !inner || !inner.some((r) => isInsideRoot(file, r));
  }

  // -------------------------------------------------------------------------------------------
  // Telling the others

  /** An edit in `from`: every other member's rule engine hears what it touched. */
  tell(from: M, apply: (rules: PeerRules, member: TraceMember) => void): void {
    for (const m of this.list) if (m !== from) m.peerChanged(apply);
  }

  reset(from: M): void {
    for (const m of this.list) if (m !== from) m.peerReset();
  }

  // -------------------------------------------------------------------------------------------
  // The union lookups (each list sorted by file, then position, as one index's would be)

  definitions(id: string): readonly SpecItem[] {
    return this.union((ids) => ids.definitions(id), compareItems, (x) => x.file);
  }

  incoming(id: string): readonly IncomingRef[] {
    return this.union((ids) => ids.incoming(id), compareIncoming, (x) => x.item.file);
  }

  tags(id: string): readonly CodeTag[] {
    return this.union((ids) => ids.tags(id), compareTags, (x) => x.file);
  }

  incomingCount(id: string, kind: ItemKind): number {
    let n = 0;
    for (const m of this.list) {
      const inner = this.nested.get(m);
      if (!inner) n += m.ownIds().incomingCount(id, kind);
      else n += m.ownIds().incoming(id).filter((r) => r.ref.targetKind === kind && this.owns(m, r.item.file)).length;
    }
    return n;
  }

  *definedIds(): Iterable<string> {
    const seen = new Set<string>();
    for (const m of this.list) {
      for (const id of m.ownIds().definedIds()) {
        if (seen.has(id)) continue;
        seen.add(id);
        if (this.nested.size === 0 || this.definitions(id).length > 0) yield id;
      }
    }
  }

  /** One member's list as it is (the common case: an ID lives in one folder); several merged in order. */
  private union<T>(of: (ids: IdMaps) => readonly T[], compare: (a: T, b: T) => number, fileOf: (x: T) => string): readonly T[] {
    let only: readonly T[] | undefined;
    let merged: T[] | undefined;
    for (const m of this.list) {
      let part = of(m.ownIds());
      if (part.length === 0) continue;
      if (this.nested.has(m)) part = part.filter((x) => this.owns(m, fileOf(x)));
      if (part.length === 0) continue;
      if (only === undefined) only = part;
      else (merged ??= [...only]).push(...part);
    }
    if (merged) return merged.sort(compare);
    return only ?? [];
  }
}
