// Customer evidence seen from the index: the insights a requirement cites, their distinct customers,
// the requirements that address an insight, and a requirement's score under the configured model
// (which needs the customers for RICE `reach: auto`).
import { scoreRequirement } from '../scoring/score';
import type { RequirementScore } from '../scoring/score';
import type { SpecItem } from '../types';
import type { WorkspaceIndexReader } from './indexReader';

export type EvidenceModel = Pick<WorkspaceIndexReader, 'config' | 'definitions' | 'incoming'>;

/** The insights a requirement's `insights:` list names, each once, in the order written (unknown IDs left out). */
export function citedInsights(model: Pick<EvidenceModel, 'definitions'>, requirement: SpecItem): SpecItem[] {
  const out: SpecItem[] = [];
  const seen = new Set<string>();
  for (const ref of requirement.references) {
    if (ref.field !== 'insights' || seen.has(ref.targetId)) continue;
    seen.add(ref.targetId);
    const insight = model.definitions(ref.targetId).find((d) => d.kind === 'insight');
    if (insight) out.push(insight);
  }
  return out;
}

/**
 * The distinct customers of some insights: compared trimmed and case-insensitively, shown as first
 * written; an insight without a customer is not counted.
 */
export function distinctCustomers(insights: readonly SpecItem[]): string[] {
  const byKey = new Map<string, string>();
  for (const i of insights) {
    const c = customerOf(i);
    if (c !== undefined && !byKey.has(c.toLowerCase())) byKey.set(c.toLowerCase(), c);
  }
  return [...byKey.values()];
}

export function customerOf(insight: SpecItem): string | undefined {
  const v = insight.fields.get('customer')?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** The requirements whose `insights:` list names `insightId`, each once, by file and position. */
export function addressingRequirements(model: Pick<EvidenceModel, 'incoming'>, insightId: string): SpecItem[] {
  const out: SpecItem[] = [];
  for (const { item, ref } of model.incoming(insightId)) {
    if (ref.field === 'insights' && item.kind === 'requirement' && out[out.length - 1] !== item) out.push(item);
  }
  return out;
}

/** The requirement's score under the workspace's scoring model; undefined with no model or no score. */
export function requirementScore(model: EvidenceModel, requirement: SpecItem): RequirementScore | undefined {
  const scoring = model.config.scoring;
  if (!scoring || requirement.kind !== 'requirement') return undefined;
  return scoreRequirement(requirement, scoring.model, { distinctCustomers: () => distinctCustomers(citedInsights(model, requirement)).length });
}
