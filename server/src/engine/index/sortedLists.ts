// Lists kept sorted under a key of a map (the index's per-ID lists): insertion at the sorted place
// and removal by a binary search, so an edit touching one entry of a long list does not walk it.

/** Remove the first entry `match` accepts from the list under `key`; whether there was one. */
export function removeFrom<T>(map: Map<string, T[]>, key: string, match: (x: T) => boolean): boolean {
  const list = map.get(key);
  if (!list) return false;
  const i = list.findIndex(match);
  if (i < 0) return false;
  if (list.length === 1) map.delete(key);
  else list.splice(i, 1);
  return true;
}

/**
 * `removeFrom` for a list sorted by `compare`: a binary search to where `probe` sorts, then the entry
 * among its equals that `match`es (a roadmap item may have thousands of references; each keystroke in
 * one of them removes one). A list out of order falls back to the walk.
 */
export function removeSorted<T>(map: Map<string, T[]>, key: string, probe: T, compare: (a: T, b: T) => number, match: (x: T) => boolean): boolean {
  const list = map.get(key);
  if (!list) return false;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid], probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && compare(list[i], probe) === 0; i++) {
    if (!match(list[i])) continue;
    if (list.length === 1) map.delete(key);
    else list.splice(i, 1);
    return true;
  }
  return removeFrom(map, key, match);
}

export function insertSorted<T>(map: Map<string, T[]>, key: string, value: T, compare: (a: T, b: T) => number): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [value]);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid], value) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}
