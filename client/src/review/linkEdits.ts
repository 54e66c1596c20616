// Marking links reviewed one after another: each edit rewrites a suffix (`PAY-1` → `PAY-1@2`), which
// moves the later links on the same line. The walk keeps the edits it applied and shifts the ranges it
// was given before their time. Pure, so it is unit-tested.
import type { LspRange } from '../../../server/src/shared/protocol';

export interface AppliedEdit {
  uri: string;
  range: LspRange;
  newText: string;
}

/** `range` (in `uri`, as it was before `applied`) where it is now. Only same-line edits move it. */
export function shiftRange(uri: string, range: LspRange, applied: readonly AppliedEdit[]): LspRange {
  let { start, end } = range;
  for (const edit of applied) {
    if (edit.uri !== uri || edit.range.start.line !== edit.range.end.line || edit.newText.includes('\n')) continue;
    if (edit.range.end.line !== start.line || edit.range.end.character > start.character) continue;
    const delta = edit.newText.length - (edit.range.end.character - edit.range.start.character);
    start = { line: start.line, character: start.character + delta };
    if (end.line === start.line) end = { line: end.line, character: end.character + delta };
  }
  return { start, end };
}
