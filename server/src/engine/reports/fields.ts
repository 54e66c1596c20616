// Reading display values out of a spec item's plain JSON value. Spec files are hand-written and may be
// invalid, so every field may be missing or of the wrong type: show what is there, never throw.
import type { SpecItem } from '../types';

export function fieldText(item: SpecItem, key: string): string | undefined {
  const value = item.fields.get(key)?.value;
  return scalarText(value);
}

export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A YAML 1.1 timestamp may arrive as a Date; show the calendar date people wrote.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

export function fieldList(item: SpecItem, key: string): string[] {
  const value = item.fields.get(key)?.value;
  if (!Array.isArray(value)) return [];
  return value.map(scalarText).filter((v): v is string => v !== undefined);
}
