// The values a requirement's `priority`, `type` and `status` may take, in the one shared order
// (server/src/shared/schemaOrder.ts: MoSCoW, lifecycle): pickers list them in that order.
import { PRIORITIES, REQUIREMENT_STATUSES, REQUIREMENT_TYPES } from '../../../server/src/shared/schemaOrder';

export type RequirementEnumField = 'priority' | 'type' | 'status';

const ENUMS: Record<RequirementEnumField, readonly string[]> = { priority: PRIORITIES, type: REQUIREMENT_TYPES, status: REQUIREMENT_STATUSES };

export function requirementEnum(field: RequirementEnumField): string[] {
  return [...ENUMS[field]];
}
