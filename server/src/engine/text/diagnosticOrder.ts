// The one order of a file's diagnostics (by range, then rule, then message), and the cheap ways to
// keep lists in it. A keystroke in a file with hundreds of problems re-merges them all: kept lists
// that are already in order are checked in one pass and merged, not sorted again.
import { comparePositions } from './positions';
import type { SpecDiagnostic } from '../types';

export function compareDiagnostics(a: SpecDiagnostic, b: SpecDiagnostic): number {
  return (
    comparePositions(a.range.start, b.range.start) ||
    comparePositions(a.range.end, b.range.end) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** `list` in diagnostic order: itself when it already is (one pass), else sorted in place. */
export function inDiagnosticOrder(list: SpecDiagnostic[]): SpecDiagnostic[] {
  for (let i = 1; i < list.length; i++) if (compareDiagnostics(list[i - 1], list[i]) > 0) return list.sort(compareDiagnostics);
  return list;
}

/** Two lists in diagnostic order merged into a new one (ties: `a` first, as a stable sort of a + b would). */
export function mergeDiagnostics(a: readonly SpecDiagnostic[], b: readonly SpecDiagnostic[]): SpecDiagnostic[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out = new Array<SpecDiagnostic>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareDiagnostics(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
