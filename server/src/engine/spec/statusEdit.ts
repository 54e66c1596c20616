// The edit that moves a requirement to another status (the backlog board's drag): it rewrites only the
// `status:` value (inside its quotes when quoted, so the quoting stays) or, when the item has no
// `status:`, inserts one line after its `id` line; comments, blank lines and key order are untouched.
import type { SpecItem } from '../types';
import type { FileEdit, LineReader } from '../review/reviewEdits';
import { insertAfterId } from '../review/reviewEdits';

export type StatusEditResult = { edits: FileEdit[] } | { refused: string };

export function statusEdit(item: SpecItem, status: string, lineAt: LineReader, eol: string): StatusEditResult {
  const name = item.id ?? 'the requirement';
  const field = item.fields.get('status');
  if (!field) {
    const edit = insertAfterId(item, lineAt, eol, [`status: ${status}`]);
    return edit ? { edits: [edit] } : { refused: `${name} has no "status:" line and is not written one key per line: add "status: ${status}" by hand.` };
  }
  const { start, end } = field.valueRange;
  if (start.line !== end.line) return { refused: `${name}'s status is written over several lines: change it by hand.` };
  const line = lineAt(start.line);
  if (line === undefined) return { refused: `${name}'s status is not where the index saw it: the file changed; try again.` };
  const written = line.slice(start.character, end.character);
  if (written === '') {
    // `status:` with no value: the range is empty right after the colon.
    return { edits: [{ file: item.file, range: field.valueRange, newText: ` ${status}` }] };
  }
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.length >= 2 && written.endsWith(quote)) {
    const inner = { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } };
    return { edits: [{ file: item.file, range: inner, newText: status }] };
  }
  if (typeof field.value !== 'string' && field.value !== null) return { refused: `${name}'s status is not a single word (${written}): change it by hand.` };
  return { edits: [{ file: item.file, range: field.valueRange, newText: status }] };
}
