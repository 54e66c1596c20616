// Which items of a spec file left and which came with its new analysis, by identity: what the
// index takes out of its ID maps and puts in on each edit.
import type { KeptItems } from '../spec/specAnalyzer';
import type { SpecItem } from '../types';

/**
 * The items only in the old lists and the items only in the new ones (by identity). A keystroke
 * keeps every other item object of a file (the analyzer reuses them), so the lists share a long
 * prefix and suffix: those are skipped with pointer compares, and only the middle goes through sets.
 * At 20,000 items this is what keeps an edit from costing a walk through two 20,000-entry sets.
 * `kept` (per list pair, from the analyzer) says how long that prefix is at least, so the pointer
 * compares start after it: a walk over 20,000 items runs unoptimized on the first keystrokes. A hint
 * that does not hold at its edge is ignored.
 */
export function diffItemLists(
  oldLists: readonly SpecItem[][],
  newLists: readonly SpecItem[][],
  kept?: readonly KeptItems[],
): { removed: SpecItem[]; added: SpecItem[] } {
  const oldMiddle: SpecItem[] = [];
  const newMiddle: SpecItem[] = [];
  const pairs = Math.max(oldLists.length, newLists.length);
  for (let k = 0; k < pairs; k++) {
    const a = oldLists[k] ?? [];
    const b = newLists[k] ?? [];
    const shorter = Math.min(a.length, b.length);
    const hint = kept?.[k];
    const hintPrefix = hint && hint.prefix <= shorter && (hint.prefix === 0 || a[hint.prefix - 1] === b[hint.prefix - 1]) ? hint.prefix : 0;
    let start = hintPrefix;
    while (start < shorter && a[start] === b[start]) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
      endA--;
      endB--;
    }
    for (let i = start; i < endA; i++) oldMiddle.push(a[i]);
    for (let i = start; i < endB; i++) newMiddle.push(b[i]);
  }
  if (oldMiddle.length === 0 || newMiddle.length === 0) return { removed: oldMiddle, added: newMiddle };
  // An item may move between lists or within the middle: identity decides, not position.
  const newSet = new Set(newMiddle);
  const oldSet = new Set(oldMiddle);
  return { removed: oldMiddle.filter((it) => !newSet.has(it)), added: newMiddle.filter((it) => !oldSet.has(it)) };
}
