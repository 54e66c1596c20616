// Small readers over the engine's SpecItems shared by several features.
import * as path from 'node:path';
import { fieldText } from '../engine/reports/fields';
import type { ItemKind, Position, Range, SpecFile, SpecItem } from '../engine/types';
import type { WorkspaceIndexReader } from '../engine/index/indexReader';
import { countStages, stageProgressText } from '../shared/statusStages';

export function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

/** The item whose lines include `line` (items are sorted by position within each list). */
export function itemAtLine(spec: SpecFile, line: number): SpecItem | undefined {
  for (const list of [spec.requirements, spec.roadmap, spec.insights]) {
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid].range;
      if (line < r.start.line) hi = mid - 1;
      else if (line > r.end.line) lo = mid + 1;
      else return list[mid];
    }
  }
  return undefined;
}

/** What people call an item of each kind, in messages. */
export const KIND_NAME: Readonly<Record<ItemKind, string>> = { requirement: 'requirement', roadmap: 'roadmap item', insight: 'insight' };
/** The spec file's list key of each kind. */
export const LIST_KEY: Readonly<Record<ItemKind, 'requirements' | 'roadmap' | 'insights'>> = { requirement: 'requirements', roadmap: 'roadmap', insight: 'insights' };

/** Every item of one kind in the index (a fresh list). */
export function itemsOfKind(index: Pick<WorkspaceIndexReader, 'requirements' | 'roadmapItems' | 'insights'>, kind: ItemKind): SpecItem[] {
  return kind === 'requirement' ? index.requirements() : kind === 'roadmap' ? index.roadmapItems() : index.insights();
}

/** A spec file's list of one kind. */
export function listOfKind(spec: SpecFile, kind: ItemKind): SpecItem[] {
  return kind === 'requirement' ? spec.requirements : kind === 'roadmap' ? spec.roadmap : spec.insights;
}

export function titleOf(item: SpecItem): string {
  return fieldText(item, 'title') ?? '(untitled)';
}

/** `src/pay.ts` relative to the folder root, with forward slashes. */
export function relativeLabel(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
}

/** The shared date style (shared/dates.ts), re-exported for the features' card and lens texts. */
export { shortDate } from '../shared/dates';

/** A roadmap item's progress by the stage of its requirements: "2 done · 2 in progress". */
export function progressByStage(requirements: readonly SpecItem[]): string {
  return stageProgressText(countStages(requirements.map((r) => fieldText(r, 'status'))));
}
