// The fingerprint of a requirement's review fields: `v1:` + the first 12 hex digits of the SHA-256 of
// their parsed values, after normalising text, so that re-quoting, re-indenting or turning a plain
// scalar into a block scalar changes nothing while a changed word changes the fingerprint. The `v1:`
// prefix names this algorithm; a later one can come without invalidating the stamps already written.
import { sha256Hex } from '../text/sha256';

export const FINGERPRINT_SCHEME = 'v1';
const STAMP = /^v1:[0-9a-f]{12}$/;
const OTHER_SCHEME = /^v([2-9]|[1-9][0-9]+):\S+$/;

/** How a stored fingerprint reads: this version's stamp, one from a newer Spectrace, or neither. */
export function fingerprintScheme(stored: unknown): 'v1' | 'newer' | 'malformed' {
  if (typeof stored !== 'string') return 'malformed';
  if (STAMP.test(stored)) return 'v1';
  return OTHER_SCHEME.test(stored) ? 'newer' : 'malformed';
}

/**
 * Text as a reviewer sees it: CRLF and CR become LF, each line loses its trailing spaces and tabs,
 * and leading and trailing blank lines (so the final newline too) are removed.
 */
export function normaliseText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, ''));
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return lines.slice(start, end).join('\n');
}

/** A value with every string normalised and object keys sorted, so equal content serialises equally. */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = canonical((value as Record<string, unknown>)[k]);
    return out;
  }
  return value === undefined ? null : value;
}

/** The fingerprint of `fields` of an item's plain value (absent fields count as null). */
export function fingerprintOf(itemValue: unknown, fields: readonly string[]): string {
  const obj = itemValue && typeof itemValue === 'object' && !Array.isArray(itemValue) ? (itemValue as Record<string, unknown>) : {};
  const parts = fields.map((f) => [f, canonical(obj[f])]);
  return `${FINGERPRINT_SCHEME}:${sha256Hex(JSON.stringify(parts)).slice(0, 12)}`;
}
