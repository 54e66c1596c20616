// The Requirements view's tree as plain data: folders (when there are several) → groups (product,
// file or roadmap item) → requirements nested by `parent`. Every node knows its parent, which
// TreeView.reveal needs. No VS Code imports, so the shape is unit-tested directly.
import type { LspLocation, RequirementNode, RequirementsTreeResult, RoadmapItemNode, RoadmapResult } from '../../../server/src/shared/protocol';
import { plural } from '../../../server/src/shared/plural';
import { COVERAGE_TEXT } from '../../../server/src/shared/traceRow';
import { matchesFilter } from './filter';
import type { RequirementFilter } from './filter';

export type Grouping = 'product' | 'file' | 'roadmap';
export const GROUPINGS: readonly Grouping[] = ['product', 'file', 'roadmap'];
/** `file`: as written in the spec files; `score`: highest prioritisation score first, unscored last. */
export type RequirementSort = 'file' | 'score';
export const REQUIREMENT_SORTS: readonly RequirementSort[] = ['file', 'score'];

export interface FolderNode {
  kind: 'folder';
  key: string;
  label: string;
  folderUri: string;
  parent: undefined;
  children: GroupNode[];
}

export interface GroupNode {
  kind: 'group';
  key: string;
  grouping: Grouping;
  label: string;
  /** The file (file grouping) or roadmap item (roadmap grouping) the group stands for. */
  uri?: string;
  location?: LspLocation;
  parent: FolderNode | undefined;
  children: RequirementTreeNode[];
  /** Requirements in the group, nested ones included. */
  count: number;
}

export interface RequirementTreeNode {
  kind: 'requirement';
  key: string;
  req: RequirementNode;
  folderUri: string;
  parent: GroupNode | RequirementTreeNode;
  /** Sub-requirements (their `parent` is this one). */
  children: RequirementTreeNode[];
}

export type ModelNode = FolderNode | GroupNode | RequirementTreeNode;

export interface RequirementsModel {
  roots: (FolderNode | GroupNode)[];
  /** First node of each requirement ID (an ID defined twice is a diagnostic; the first one wins here). */
  byId: Map<string, RequirementTreeNode>;
  /** Requirements shown (after the filter) and in total. */
  shown: number;
  total: number;
}

export interface ModelOptions {
  filter: RequirementFilter;
  grouping: Grouping;
  /** The order of requirements within a group and under a parent; `file` when omitted. */
  sort?: RequirementSort;
  /** How a file URI reads in the tree ("specs/checkout.yaml"). */
  fileLabel: (uri: string) => string;
}

const NO_PRODUCT = '(no product)';
const NO_ROADMAP = '(not on the roadmap)';

/** Roadmap items by due date; items without one after those with one, in file order. */
export function byDueDate(items: readonly RoadmapItemNode[]): RoadmapItemNode[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const da = a.item.due ?? '\uffff';
      const db = b.item.due ?? '\uffff';
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    })
    .map((x) => x.item);
}

interface GroupSpec {
  key: string;
  label: string;
  uri?: string;
  location?: LspLocation;
  order: number;
}

function groupOf(req: RequirementNode, opts: ModelOptions, roadmap: Map<string, { item: RoadmapItemNode; order: number }>): GroupSpec {
  switch (opts.grouping) {
    case 'product':
      return { key: `product:${req.product ?? ''}`, label: req.product ?? NO_PRODUCT, order: req.product === undefined ? 1 : 0 };
    case 'file':
      return { key: `file:${req.location.uri}`, label: opts.fileLabel(req.location.uri), uri: req.location.uri, order: 0 };
    case 'roadmap': {
      const found = req.roadmap === undefined ? undefined : roadmap.get(req.roadmap);
      if (found) {
        return { key: `roadmap:${found.item.id}`, label: `${found.item.id} ${found.item.title}`, location: found.item.location, order: found.order };
      }
      // A roadmap ID that names no item still groups its requirements (the reference is a diagnostic).
      if (req.roadmap !== undefined) return { key: `roadmap:${req.roadmap}`, label: `${req.roadmap} (unknown roadmap item)`, order: Number.MAX_SAFE_INTEGER - 1 };
      return { key: 'roadmap:', label: NO_ROADMAP, order: Number.MAX_SAFE_INTEGER };
    }
  }
}

/** True when `node` is `candidate` or one of its ancestors (so hanging `node` under it would loop). */
function isAncestorOrSelf(node: RequirementTreeNode, candidate: RequirementTreeNode): boolean {
  for (let p: GroupNode | RequirementTreeNode | undefined = candidate; p && p.kind === 'requirement'; p = p.parent) {
    if (p === node) return true;
  }
  return false;
}

function buildGroups(
  folderUri: string,
  reqs: readonly RequirementNode[],
  opts: ModelOptions,
  roadmap: Map<string, { item: RoadmapItemNode; order: number }>,
  parent: FolderNode | undefined,
  byId: Map<string, RequirementTreeNode>,
): GroupNode[] {
  const groups = new Map<string, { spec: GroupSpec; node: GroupNode; members: RequirementTreeNode[]; firstSeen: number }>();
  const usedKeys = new Set<string>();
  reqs.forEach((req, index) => {
    const spec = groupOf(req, opts, roadmap);
    let g = groups.get(spec.key);
    if (!g) {
      const node: GroupNode = { kind: 'group', key: `${folderUri}\u0000${spec.key}`, grouping: opts.grouping, label: spec.label, parent, children: [], count: 0 };
      if (spec.uri !== undefined) node.uri = spec.uri;
      if (spec.location !== undefined) node.location = spec.location;
      g = { spec, node, members: [], firstSeen: index };
      groups.set(spec.key, g);
    }
    let key = `${g.node.key}\u0000${req.id}`;
    for (let n = 2; usedKeys.has(key); n++) key = `${g.node.key}\u0000${req.id}#${n}`;
    usedKeys.add(key);
    const node: RequirementTreeNode = { kind: 'requirement', key, req, folderUri, parent: g.node, children: [] };
    g.members.push(node);
    if (!byId.has(req.id)) byId.set(req.id, node);
  });

  for (const g of groups.values()) {
    // Nest by `parent` inside the group; a parent elsewhere (another group, filtered out, unknown)
    // leaves the requirement at the group's top.
    const inGroup = new Map<string, RequirementTreeNode>();
    for (const m of g.members) if (!inGroup.has(m.req.id)) inGroup.set(m.req.id, m);
    for (const m of g.members) {
      const p = m.req.parent === undefined ? undefined : inGroup.get(m.req.parent);
      if (p && !isAncestorOrSelf(m, p)) {
        m.parent = p;
        p.children.push(m);
      } else {
        g.node.children.push(m);
      }
    }
    g.node.count = g.members.length;
    if (opts.sort === 'score') {
      sortByScore(g.node.children);
      for (const m of g.members) sortByScore(m.children);
    }
  }
  return [...groups.values()].sort((a, b) => a.spec.order - b.spec.order || a.firstSeen - b.firstSeen).map((g) => g.node);
}

/** Highest score first; requirements without a score after them, in their written order (the sort is stable). */
function sortByScore(nodes: RequirementTreeNode[]): void {
  nodes.sort((a, b) => (b.req.score?.value ?? -Infinity) - (a.req.score?.value ?? -Infinity) || 0);
}

export function buildRequirementsModel(tree: RequirementsTreeResult, roadmap: RoadmapResult | undefined, opts: ModelOptions): RequirementsModel {
  const byId = new Map<string, RequirementTreeNode>();
  const roots: (FolderNode | GroupNode)[] = [];
  const multi = tree.folders.length > 1;
  let shown = 0;
  let total = 0;
  for (const folder of tree.folders) {
    const items = roadmap?.folders.find((f) => f.folderUri === folder.folderUri)?.items ?? [];
    const roadmapById = new Map(byDueDate(items).map((item, order) => [item.id, { item, order }]));
    const reqs = folder.requirements.filter((r) => matchesFilter(r, opts.filter));
    shown += reqs.length;
    total += folder.requirements.length;
    if (multi) {
      const node: FolderNode = { kind: 'folder', key: folder.folderUri, label: folder.name, folderUri: folder.folderUri, parent: undefined, children: [] };
      node.children = buildGroups(folder.folderUri, reqs, opts, roadmapById, node, byId);
      roots.push(node);
    } else {
      roots.push(...buildGroups(folder.folderUri, reqs, opts, roadmapById, undefined, byId));
    }
  }
  return { roots, byId, shown, total };
}

/**
 * "RICE 320 · must · in-progress · covered · 2 impl · 1 test · 3 insights": a requirement's description in the trees, the
 * most useful words first (a narrow sidebar cuts the end). The coverage word is the matrix's and the
 * counts are the real links, whatever the policy. A requirement past its first revision, or with
 * links to review, also says "rev 3" and "1 suspect" (as its code lens does).
 */
export function requirementDescription(req: RequirementNode): string {
  const parts = [req.score?.label, req.priority, req.status ?? 'no status', COVERAGE_TEXT[req.coverage], plural(req.implementations.length, 'impl', 'impl'), plural(req.tests.length, 'test')];
  if (req.rev > 1 || req.suspect > 0) parts.splice(4, 0, `rev ${req.rev}`);
  if (req.insights) parts.push(plural(req.insights, 'insight'));
  if (req.suspect > 0) parts.push(`${req.suspect} suspect`);
  if (req.problems > 0) parts.push(plural(req.problems, 'error'));
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' · ');
}
