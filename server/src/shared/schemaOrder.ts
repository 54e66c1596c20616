// The one order of statuses, priorities and types everywhere a list of them is shown (pickers,
// completion, the matrix, progress by stage): the built-in schemas' enum order, which is the
// lifecycle order for statuses and MoSCoW for priorities. Values a workspace schema adds sort after
// the built-in ones, alphabetically.
import requirementSchema from '../../../schemas/requirement.schema.json';
import roadmapSchema from '../../../schemas/roadmap-item.schema.json';

function enumOf(schema: unknown, field: string): readonly string[] {
  const properties = (schema as { properties?: Record<string, { enum?: unknown }> }).properties;
  const values = properties?.[field]?.enum;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
}

export const REQUIREMENT_STATUSES = enumOf(requirementSchema, 'status');
export const PRIORITIES = enumOf(requirementSchema, 'priority');
export const REQUIREMENT_TYPES = enumOf(requirementSchema, 'type');
export const ROADMAP_STATUSES = enumOf(roadmapSchema, 'status');
export const ROADMAP_TYPES = enumOf(roadmapSchema, 'type');

/** A comparator putting `order`'s values first, in that order, then any other value alphabetically. */
export function compareInOrder(order: readonly string[]): (a: string, b: string) => number {
  const rank = new Map(order.map((v, i) => [v, i]));
  return (a, b) => {
    const ra = rank.get(a) ?? order.length;
    const rb = rank.get(b) ?? order.length;
    return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
  };
}

/** `values` deduplicated and sorted in `order` (unknown values last, alphabetically). */
export function sortInOrder(values: Iterable<string>, order: readonly string[]): string[] {
  return [...new Set(values)].sort(compareInOrder(order));
}
