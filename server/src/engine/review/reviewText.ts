// A requirement's review fields as plain text, one `field:` heading per field: what the diff editor
// shows side by side and what the word diffs compare. Strings are normalised as for the fingerprint,
// so the text differs exactly when the fingerprint would.
import { normaliseText } from './fingerprint';

function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return normaliseText(value);
  if (Array.isArray(value)) return value.map((v) => `- ${itemText(v)}`).join('\n');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One list entry: a sentence, or `{ id, text }` as `AC1: text`. */
function itemText(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.text === 'string') return `${typeof o.id === 'string' ? `${o.id}: ` : ''}${normaliseText(o.text).replace(/\n/g, '\n  ')}`;
  }
  return valueText(v).replace(/\n/g, '\n  ');
}

/** The review fields of an item's plain value as text. */
export function reviewText(itemValue: unknown, fields: readonly string[]): string {
  const obj = itemValue && typeof itemValue === 'object' && !Array.isArray(itemValue) ? (itemValue as Record<string, unknown>) : {};
  return `${fields.map((f) => `${f}:\n${valueText(obj[f])}`).join('\n\n')}\n`;
}
