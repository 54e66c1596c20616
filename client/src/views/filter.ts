// The Requirements view's filter: values per dimension, OR inside a dimension, AND across them
// ("status approved or in-progress, and tag mobile"). Plain data, stored in workspaceState.
import type { RequirementNode } from '../../../server/src/shared/protocol';
import { PRIORITIES, REQUIREMENT_STATUSES, sortInOrder } from '../../../server/src/shared/schemaOrder';

export const FILTER_DIMENSIONS = ['status', 'priority', 'owner', 'tag'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
export type RequirementFilter = Record<FilterDimension, string[]>;

export const EMPTY_FILTER: RequirementFilter = { status: [], priority: [], owner: [], tag: [] };

function valuesOf(req: RequirementNode, dim: FilterDimension): string[] {
  switch (dim) {
    case 'status':
      return req.status ? [req.status] : [];
    case 'priority':
      return req.priority ? [req.priority] : [];
    case 'owner':
      return req.owner ? [req.owner] : [];
    case 'tag':
      return req.tags;
  }
}

export function isFilterActive(f: RequirementFilter): boolean {
  return FILTER_DIMENSIONS.some((d) => f[d].length > 0);
}

export function matchesFilter(req: RequirementNode, f: RequirementFilter): boolean {
  return FILTER_DIMENSIONS.every((d) => f[d].length === 0 || valuesOf(req, d).some((v) => f[d].includes(v)));
}

/** "status: approved, in-progress · tag: mobile" — shown as the view's description. */
export function describeFilter(f: RequirementFilter): string {
  return FILTER_DIMENSIONS.filter((d) => f[d].length > 0)
    .map((d) => `${d}: ${f[d].join(', ')}`)
    .join(' · ');
}

/**
 * Every value each dimension takes in these requirements, for the filter's quick pick: statuses in
 * lifecycle order and priorities in MoSCoW order (the schema's, as completion and the matrix), owners
 * and tags alphabetically.
 */
export function filterChoices(reqs: Iterable<RequirementNode>): RequirementFilter {
  const sets: Record<FilterDimension, Set<string>> = { status: new Set(), priority: new Set(), owner: new Set(), tag: new Set() };
  for (const r of reqs) for (const d of FILTER_DIMENSIONS) for (const v of valuesOf(r, d)) sets[d].add(v);
  return {
    status: sortInOrder(sets.status, REQUIREMENT_STATUSES),
    priority: sortInOrder(sets.priority, PRIORITIES),
    owner: [...sets.owner].sort(),
    tag: [...sets.tag].sort(),
  };
}

/** Reads a stored filter, dropping anything malformed (workspaceState outlives versions of this code). */
export function parseFilter(raw: unknown): RequirementFilter {
  const out: RequirementFilter = { status: [], priority: [], owner: [], tag: [] };
  if (typeof raw !== 'object' || raw === null) return out;
  for (const d of FILTER_DIMENSIONS) {
    const v = (raw as Record<string, unknown>)[d];
    if (Array.isArray(v)) out[d] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}
