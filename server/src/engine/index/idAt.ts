// The ID under a position of a file: an item's own ID or a reference in a spec file, a tag in a code file.
import { comparePositions } from '../text/positions';
import type { CodeFile, Position, Range, SpecFile, SpecItem } from '../types';
import type { IdAt } from './indexReader';

/** What ID is at `pos` in `spec` (when the file is a spec) or else in `code`. */
export function idAtPosition(spec: SpecFile | undefined, code: CodeFile | undefined, pos: Position): IdAt | undefined {
  if (spec) {
    for (const list of [spec.requirements, spec.roadmap, spec.insights]) {
      const item = itemAt(list, pos);
      if (!item) continue;
      if (item.id !== undefined && item.idRange && contains(item.idRange, pos)) return { id: item.id, range: item.idRange, role: 'definition' };
      for (const r of item.references) if (contains(r.range, pos)) return { id: r.targetId, range: r.range, role: 'reference' };
    }
    return undefined;
  }
  for (const t of code?.tags ?? []) if (contains(t.idRange, pos)) return { id: t.id, range: t.idRange, role: 'tag' };
  return undefined;
}

function contains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/** The item of a position-sorted list whose range contains `pos` (binary search). */
function itemAt(list: readonly SpecItem[], pos: Position): SpecItem | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = list[mid];
    if (comparePositions(pos, it.range.start) < 0) hi = mid - 1;
    else if (comparePositions(pos, it.range.end) > 0) lo = mid + 1;
    else return it;
  }
  return undefined;
}
