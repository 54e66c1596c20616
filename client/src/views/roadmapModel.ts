// The Roadmap view's tree as plain data: roadmap items as their hierarchy (milestones under their
// parent release, via `parent`), each level by due date, then the requirements planned on each item.
// No VS Code imports, so the shape and the words are unit-tested directly.
import type { RequirementNode, RequirementsTreeResult, RoadmapItemNode } from '../../../server/src/shared/protocol';
import { shortDate } from '../../../server/src/shared/dates';
import { stageProgressText } from '../../../server/src/shared/statusStages';
import { byDueDate } from './requirementsModel';

export interface RoadmapItemViewNode {
  kind: 'roadmapItem';
  key: string;
  item: RoadmapItemNode;
  /** The parent item's node; undefined at the top. */
  parent: RoadmapItemViewNode | undefined;
  /** Sub-items (by due date), then the requirements planned on this item. */
  children: RoadmapViewNode[];
}

export interface RoadmapRequirementNode {
  kind: 'requirement';
  key: string;
  id: string;
  /** Undefined when the roadmap lists an ID the requirements data does not have (yet). */
  req: RequirementNode | undefined;
  parent: RoadmapItemViewNode;
}

export type RoadmapViewNode = RoadmapItemViewNode | RoadmapRequirementNode;

/** "due 26 Feb 2027 · 2 done · 2 in progress", "overdue · due 31 Mar · 3 in progress": the date first, then progress by stage. */
export function roadmapDescription(item: RoadmapItemNode, currentYear: number): string {
  const parts: string[] = [];
  if (item.overdue) parts.push('overdue');
  if (item.due) parts.push(`due ${shortDate(item.due, currentYear)}`);
  parts.push(stageProgressText(item.stages));
  if (!item.overdue && item.status) parts.push(item.status);
  return parts.join(' · ');
}

/** True when `candidate` is `node` or one of its ancestors (hanging `node` under it would loop). */
function isAncestorOrSelf(node: RoadmapItemViewNode, candidate: RoadmapItemViewNode | undefined): boolean {
  for (let p = candidate; p; p = p.parent) if (p === node) return true;
  return false;
}

/**
 * The view's roots: per folder, the items without a (known) parent by due date; each item's sub-items
 * by due date under it. A parent that names no item, or a cycle, leaves the item at the top.
 */
export function buildRoadmapNodes(roadmap: { folderUri: string; items: RoadmapItemNode[] }[], requirements: RequirementsTreeResult): RoadmapItemViewNode[] {
  const roots: RoadmapItemViewNode[] = [];
  for (const folder of roadmap) {
    const reqs = new Map<string, RequirementNode>();
    for (const r of requirements.folders.find((f) => f.folderUri === folder.folderUri)?.requirements ?? []) if (!reqs.has(r.id)) reqs.set(r.id, r);
    const seen = new Set<string>();
    const nodes: RoadmapItemViewNode[] = [];
    const byId = new Map<string, RoadmapItemViewNode>();
    for (const item of byDueDate(folder.items)) {
      let key = `${folder.folderUri}\u0000${item.id}`;
      for (let n = 2; seen.has(key); n++) key = `${folder.folderUri}\u0000${item.id}#${n}`;
      seen.add(key);
      const node: RoadmapItemViewNode = { kind: 'roadmapItem', key, item, parent: undefined, children: [] };
      nodes.push(node);
      if (!byId.has(item.id)) byId.set(item.id, node);
    }
    const subItems = new Map<RoadmapItemViewNode, RoadmapItemViewNode[]>();
    for (const node of nodes) {
      const parent = node.item.parent === undefined ? undefined : byId.get(node.item.parent);
      if (parent && !isAncestorOrSelf(node, parent)) {
        node.parent = parent;
        subItems.set(parent, [...(subItems.get(parent) ?? []), node]);
      } else {
        roots.push(node);
      }
    }
    for (const node of nodes) {
      const planned = node.item.requirementIds.map((id, i): RoadmapRequirementNode => ({ kind: 'requirement', key: `${node.key}\u0000${i}\u0000${id}`, id, req: reqs.get(id), parent: node }));
      node.children = [...(subItems.get(node) ?? []), ...planned];
    }
  }
  return roots;
}
