// The Insights view's tree as plain data: customers (or segments) → their insights, most important
// first → the requirements that address each, with their status. "Which customer problems have we
// solved?": an insight is solved once a requirement citing it is built (implemented, verified or
// released), planned while open requirements cite it, unaddressed otherwise. No VS Code imports: unit-tested directly.
import type { InsightNode, InsightsResult } from '../../../server/src/shared/protocol';
import { stageOf } from '../../../server/src/shared/statusStages';

export type InsightGrouping = 'customer' | 'segment';
export const INSIGHT_GROUPINGS: readonly InsightGrouping[] = ['customer', 'segment'];

export type InsightState = 'solved' | 'planned' | 'unaddressed';

export interface InsightGroupNode {
  kind: 'group';
  key: string;
  label: string;
  parent: undefined;
  children: InsightViewNode[];
  /** Insights of the group that are solved, of all of them. */
  solved: number;
  total: number;
}

export interface InsightViewNode {
  kind: 'insight';
  key: string;
  insight: InsightNode;
  state: InsightState;
  parent: InsightGroupNode;
  children: AddressingNode[];
}

export interface AddressingNode {
  kind: 'requirement';
  key: string;
  requirement: InsightNode['addressedBy'][number];
  parent: InsightViewNode;
}

export type InsightsViewNode = InsightGroupNode | InsightViewNode | AddressingNode;

const IMPORTANCE_WORDS = ['none', 'nice', 'important', 'critical'];
const NONE_LABEL: Record<InsightGrouping, string> = { customer: '(no customer)', segment: '(no segment)' };

export function insightState(insight: InsightNode): InsightState {
  if (insight.addressedBy.some((r) => stageOf(r.status) === 'done')) return 'solved';
  // Only rejected or deprecated requirements citing it: nobody is going to solve it.
  return insight.addressedBy.some((r) => stageOf(r.status) !== 'closed') ? 'planned' : 'unaddressed';
}

/** "critical · solved", "important · planned: PAY-4 draft", "nice · not addressed". */
export function insightDescription(insight: InsightNode, grouping: InsightGrouping): string {
  const state = insightState(insight);
  const parts: string[] = [];
  if (insight.importance !== undefined) parts.push(IMPORTANCE_WORDS[insight.importance] ?? String(insight.importance));
  parts.push(state === 'solved' ? 'solved' : state === 'planned' ? 'planned' : 'not addressed');
  // The other grouping's value, so neither is lost.
  const other = grouping === 'customer' ? insight.segment : insight.customer;
  if (other) parts.push(other);
  return parts.join(' · ');
}

/** Groups by name (the "no customer" group last); insights by importance, then ID; addressing requirements as cited. */
export function buildInsightNodes(result: InsightsResult, grouping: InsightGrouping): InsightGroupNode[] {
  const groups = new Map<string, InsightGroupNode>();
  for (const folder of result.folders) {
    for (const insight of folder.insights) {
      const value = (grouping === 'customer' ? insight.customer : insight.segment)?.trim();
      // Customers are compared as reach counts them: case and surrounding spaces ignored.
      const groupKey = value ? value.toLowerCase() : '';
      let group = groups.get(groupKey);
      if (!group) {
        group = { kind: 'group', key: `${grouping}\u0000${groupKey}`, label: value || NONE_LABEL[grouping], parent: undefined, children: [], solved: 0, total: 0 };
        groups.set(groupKey, group);
      }
      const state = insightState(insight);
      const node: InsightViewNode = { kind: 'insight', key: `${group.key}\u0000${folder.folderUri}\u0000${insight.id}\u0000${group.children.length}`, insight, state, parent: group, children: [] };
      node.children = insight.addressedBy.map((requirement, i) => ({ kind: 'requirement', key: `${node.key}\u0000${i}\u0000${requirement.id}`, requirement, parent: node }));
      group.children.push(node);
      group.total++;
      if (state === 'solved') group.solved++;
    }
  }
  for (const g of groups.values()) {
    g.children.sort((a, b) => (b.insight.importance ?? -1) - (a.insight.importance ?? -1) || compareText(a.insight.id, b.insight.id));
  }
  return [...groups.entries()].sort(([a, ga], [b, gb]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || compareText(ga.label.toLowerCase(), gb.label.toLowerCase())).map(([, g]) => g);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
