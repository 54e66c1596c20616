// The values a requirement's `priority`, `type` and `status` may take, in the built-in schema's order
// (MoSCoW, lifecycle): pickers list them in that order rather than alphabetically.
import requirementSchema from '../../../schemas/requirement.schema.json';

export type RequirementEnumField = 'priority' | 'type' | 'status';

export function requirementEnum(field: RequirementEnumField): string[] {
  const values: unknown = requirementSchema.properties[field].enum;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
}
