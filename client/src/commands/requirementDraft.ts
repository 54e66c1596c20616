// What New Requirement proposes and writes, worked out from the workspace's requirements and roadmap
// alone (no VS Code, so it is unit-tested): the requirement the cursor is under, the ID prefix, the
// order of the choices, where a child goes, and the fields of the new item.
import type { RequirementNode, RoadmapItemNode } from '../../../server/src/shared/protocol';
import { yamlScalar } from './specInsert';
import { compareRoadmapItemsForPicking } from '../../../server/src/shared/roadmapOrder';

/** The prefix of an ID ("PAY" for PAY-12), undefined when it has none. */
export function idPrefix(id: string): string | undefined {
  return /^(.*?)-?\d+$/.exec(id)?.[1] || undefined;
}

/** The distinct prefixes of these IDs, most used first (ties in order of first use). */
export function prefixesByUse(ids: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const prefix = idPrefix(id);
    if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([prefix]) => prefix);
}

/** A child's prefix: the one the parent's children use most, else the parent's own. */
export function childPrefix(reqs: readonly RequirementNode[], parent: RequirementNode): string | undefined {
  return prefixesByUse(reqs.filter((r) => r.parent === parent.id).map((r) => r.id))[0] ?? idPrefix(parent.id);
}

/**
 * The `id:` line of the last item of the parent's subtree (the parent and its descendants, defined
 * in the parent's file after it): a new child goes right after that item.
 */
export function subtreeEndLine(reqs: readonly RequirementNode[], parent: RequirementNode): number {
  const children = new Map<string, RequirementNode[]>();
  for (const r of reqs) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const line = parent.location.range.start.line;
  let last = line;
  const seen = new Set([parent.id]);
  const queue = [parent.id];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of children.get(id) ?? []) {
      if (seen.has(child.id)) continue; // a parent cycle is reported elsewhere; do not loop on it
      seen.add(child.id);
      queue.push(child.id);
      const at = child.location.range.start.line;
      if (child.location.uri === parent.location.uri && at > last) last = at;
    }
  }
  return last;
}

/**
 * The requirement whose item holds `line` of the file `uri`: the last one defined at or above it,
 * provided no top-level key (such as `roadmap:`) comes between. `lines` is the file's text.
 */
export function requirementAt(reqs: readonly RequirementNode[], uri: string, lines: readonly string[], line: number): RequirementNode | undefined {
  let best: RequirementNode | undefined;
  for (const r of reqs) {
    const at = r.location.range.start.line;
    if (r.location.uri === uri && at <= line && (!best || at > best.location.range.start.line)) best = r;
  }
  if (!best) return undefined;
  for (let i = best.location.range.start.line + 1; i <= line && i < lines.length; i++) {
    if (/^[^\s#-]/.test(lines[i] ?? '')) return undefined;
  }
  return best;
}

/** Roadmap items to offer: active first, then by due date (undated last), done ones at the end. */
export function orderRoadmapItems(items: readonly RoadmapItemNode[]): RoadmapItemNode[] {
  return [...items].sort(compareRoadmapItemsForPicking);
}

/** The owners named in the workspace, most requirements first. */
export function ownersByUse(reqs: readonly RequirementNode[]): string[] {
  const counts = new Map<string, number>();
  for (const r of reqs) if (r.owner) counts.set(r.owner, (counts.get(r.owner) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([owner]) => owner);
}

export interface RequirementDraft {
  id: string;
  title: string;
  /** Written as given; undefined: a choice to tab through (or the first choice when there is none to make). */
  type?: string;
  priority?: string;
  owner?: string;
  roadmap?: string;
  parent?: string;
}

/** One `key: value` line of the new item: a value, or choices (the first is the default). */
export type DraftField = { key: string; value: string } | { key: string; choices: string[] };

/**
 * The new item's fields in the order the examples write them. Only what was given, plus what every
 * requirement needs (type, priority, status): no placeholder text.
 */
export function draftFields(d: RequirementDraft, choices: { type: readonly string[]; priority: readonly string[] }): DraftField[] {
  const field = (key: string, value: string | undefined, options: readonly string[]): DraftField =>
    value !== undefined ? { key, value: yamlScalar(value) } : { key, choices: [...options] };
  const fields: DraftField[] = [
    { key: 'id', value: yamlScalar(d.id) },
    { key: 'title', value: yamlScalar(d.title.trim()) },
    field('type', d.type, choices.type),
    field('priority', d.priority, choices.priority),
    { key: 'status', value: 'draft' },
  ];
  for (const key of ['owner', 'roadmap', 'parent'] as const) {
    const value = d[key];
    if (value !== undefined && value.trim() !== '') fields.push({ key, value: yamlScalar(value.trim()) });
  }
  return fields;
}
