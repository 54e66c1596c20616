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

/** Beyond this many changes a list is merged again rather than patched one diagnostic at a time. */
const PATCH_LIMIT = 64;

/**
 * What left and what came between two versions of a list in diagnostic order. The diagnostics an edit
 * did not touch are the same objects in both, so those are passed over without being read.
 */
export function orderedChanges(before: readonly SpecDiagnostic[], after: readonly SpecDiagnostic[]): { removed: SpecDiagnostic[]; added: SpecDiagnostic[] } {
  const removed: SpecDiagnostic[] = [];
  const added: SpecDiagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      i++;
      j++;
      continue;
    }
    const c = compareDiagnostics(before[i], after[j]);
    if (c <= 0) removed.push(before[i++]);
    if (c >= 0) added.push(after[j++]);
  }
  while (i < before.length) removed.push(before[i++]);
  while (j < after.length) added.push(after[j++]);
  return { removed, added };
}

/**
 * `list` (in diagnostic order) without `removed` and with `added` (in order), as a new list: each found
 * by binary search, so a file with hundreds of diagnostics pays for the few that changed. Undefined when
 * a patch would not give exactly what merging again gives (too many changes, or one that ties with a
 * diagnostic already there, whose place depends on which list it came from).
 */
export function patchDiagnostics(list: readonly SpecDiagnostic[], removed: readonly SpecDiagnostic[], added: readonly SpecDiagnostic[]): SpecDiagnostic[] | undefined {
  if (removed.length + added.length > PATCH_LIMIT) return undefined;
  const out = list.slice();
  for (const d of removed) {
    let at = lowerBound(out, d);
    while (at < out.length && out[at] !== d && compareDiagnostics(out[at], d) === 0) at++;
    if (out[at] !== d) return undefined;
    out.splice(at, 1);
  }
  for (const d of added) {
    const at = lowerBound(out, d);
    if (at < out.length && compareDiagnostics(out[at], d) === 0) return undefined;
    out.splice(at, 0, d);
  }
  return out;
}

/** The first index of `list` whose diagnostic is not before `d`. */
function lowerBound(list: readonly SpecDiagnostic[], d: SpecDiagnostic): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareDiagnostics(list[mid], d) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
