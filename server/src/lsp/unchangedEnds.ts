// How many entries two versions of a published list share at its start and at its end, by identity:
// an edit changes a few diagnostics in between, and what surrounds them is reused as last sent.

/** `same` leading and `sameEnd` trailing entries of `now` are the very objects `before` has there (never overlapping). */
export function unchangedEnds(now: readonly unknown[], before: readonly unknown[]): { same: number; sameEnd: number } {
  const n = now.length;
  const m = before.length;
  let same = 0;
  while (same < n && same < m && now[same] === before[same]) same++;
  let sameEnd = 0;
  while (sameEnd < n - same && sameEnd < m - same && now[n - 1 - sameEnd] === before[m - 1 - sameEnd]) sameEnd++;
  return { same, sameEnd };
}
