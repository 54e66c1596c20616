// The one order in which roadmap items are offered for picking (completion of `roadmap:`, the New
// Requirement picker): active ones first, then the rest by due date (undated last), done and cancelled
// ones at the end, where they are least likely to be wanted.

export interface PickableRoadmapItem {
  id: string;
  status?: string | undefined;
  due?: string | undefined;
}

const STATUS_RANK: Record<string, number> = { active: 0, done: 2, cancelled: 2 };

function rank(item: PickableRoadmapItem): number {
  return STATUS_RANK[item.status ?? ''] ?? 1;
}

/** Whether an item is closed (done or cancelled): offered last, and shown as such. */
export function isClosedRoadmapItem(item: PickableRoadmapItem): boolean {
  return rank(item) === 2;
}

export function compareRoadmapItemsForPicking(a: PickableRoadmapItem, b: PickableRoadmapItem): number {
  return rank(a) - rank(b) || (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') || a.id.localeCompare(b.id, undefined, { numeric: true });
}
