// Did-you-mean: which known word a misspelt one most likely meant (an enum value, a field name, an
// ID), by edit distance. Shared by the validation sentences (messages.ts) and the ID rules (idTrie.ts).

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions: `shuold` -> `should` is 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  // Three rolling rows keep memory at O(|b|).
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate a user most likely meant, or undefined when none is close. Case-insensitive; allows
 * about one typo per three characters; a prefix of at least three characters also counts
 * (`impl` -> `implemented`). Ties go to the earlier candidate, so pass candidates in a useful order.
 */
export function didYouMean(word: string, candidates: string[]): string | undefined {
  const w = word.trim().toLowerCase();
  if (!w || w.length > 100) return undefined;
  const limit = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (c === word) continue; // the word itself is not a suggestion
    const d = editDistance(w, lc);
    if (d <= limit && d < lc.length && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  if (w.length >= 3) return candidates.find((c) => c !== word && c.toLowerCase().startsWith(w));
  return undefined;
}
