// A small, strict WorkspaceEdit applier for tests: applies `changes` or `documentChanges` (text edits
// with version checks, create/rename/delete file operations) to in-memory texts, and refuses what an
// editor would refuse (overlapping edits, a version that is not the current one, edits to files that
// do not exist). It also reports which original ranges were touched, for the no-damage comparison.
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface AppliedEdit {
  /** New text per URI (undefined: the file was deleted). */
  texts: Map<string, string | undefined>;
  /** The edits applied per URI, in the original text's coordinates. */
  edits: Map<string, TextEdit[]>;
}

export class EditRefused extends Error {}

/**
 * Applies `edit` on top of `texts` (URI → current text; a missing URI is a file that does not exist).
 * `versions` holds the editor's document versions for version checks of `documentChanges`.
 */
export function applyWorkspaceEdit(edit: WorkspaceEdit, texts: ReadonlyMap<string, string>, versions: ReadonlyMap<string, number> = new Map()): AppliedEdit {
  const out = new Map<string, string | undefined>(texts);
  const applied = new Map<string, TextEdit[]>();
  const editText = (uri: string, edits: TextEdit[]) => {
    const current = out.get(uri);
    if (current === undefined) throw new EditRefused(`edit to ${uri}, which does not exist`);
    out.set(uri, applyTextEdits(current, edits));
    applied.set(uri, [...(applied.get(uri) ?? []), ...edits]);
  };
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if ('kind' in change) {
        if (change.kind === 'create') {
          if (out.get(change.uri) !== undefined && !change.options?.overwrite) {
            if (change.options?.ignoreIfExists) continue;
            throw new EditRefused(`create ${change.uri}, which exists`);
          }
          out.set(change.uri, '');
        } else if (change.kind === 'rename') {
          const t = out.get(change.oldUri);
          if (t === undefined) throw new EditRefused(`rename of ${change.oldUri}, which does not exist`);
          out.set(change.oldUri, undefined);
          out.set(change.newUri, t);
        } else {
          out.set(change.uri, undefined);
        }
        continue;
      }
      const { uri, version } = change.textDocument;
      const known = versions.get(uri);
      if (version !== null && known !== undefined && version !== known) {
        throw new EditRefused(`edit for version ${version} of ${uri}, but the editor holds version ${known}`);
      }
      editText(uri, change.edits.map((e) => ({ range: e.range, newText: 'newText' in e ? e.newText : e.snippet.value })));
    }
  } else {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) editText(uri, edits);
  }
  return { texts: out, edits: applied };
}

/** Applies edits given in the original text's coordinates; overlapping edits are refused. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create('mem://x', 'x', 0, text);
  const spans = edits
    .map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) throw new EditRefused('overlapping text edits');
  }
  let result = '';
  let at = 0;
  for (const s of spans) {
    result += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return result + text.slice(at);
}

/**
 * The no-damage check: every line of `before` outside the lines the edits touch must appear, byte for
 * byte and in order, in `after`, and the text before/after each edit on its first/last line must be
 * unchanged. Returns a list of problems (empty when nothing outside the edits changed).
 */
export function damageOutsideEdits(before: string, edits: TextEdit[], after: string): string[] {
  const problems: string[] = [];
  const oldLines = before.split(/(?<=\n)/);
  const newLines = after.split(/(?<=\n)/);
  const sorted = [...edits].sort((a, b) => compare(a.range, b.range));
  let oldLine = 0;
  let shift = 0; // newLineIndex - oldLineIndex for lines after the edits seen so far
  for (const e of sorted) {
    for (; oldLine < e.range.start.line; oldLine++) checkLine(oldLine, oldLine + shift);
    const addedLines = e.newText.split(/\r\n|\r|\n/).length - 1;
    const removedLines = e.range.end.line - e.range.start.line;
    // The edited line's head (before the edit) and tail (after it) must survive.
    const head = (oldLines[e.range.start.line] ?? '').slice(0, e.range.start.character);
    const newHead = (newLines[e.range.start.line + shift] ?? '').slice(0, e.range.start.character);
    if (head !== newHead) problems.push(`line ${e.range.start.line + 1}: text before the edit changed: ${JSON.stringify(head)} -> ${JSON.stringify(newHead)}`);
    shift += addedLines - removedLines;
    oldLine = Math.max(oldLine, e.range.end.line + 1);
  }
  for (; oldLine < oldLines.length; oldLine++) checkLine(oldLine, oldLine + shift);
  return problems;

  function checkLine(o: number, n: number): void {
    if (oldLines[o] !== newLines[n]) problems.push(`line ${o + 1} changed outside the edits: ${JSON.stringify(oldLines[o])} -> ${JSON.stringify(newLines[n])}`);
  }
}

function compare(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** Every `# comment` in a YAML text (as written, with its indentation-free text). */
export function yamlComments(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    // A `#` starts a comment at the line start or after whitespace, outside quotes (good enough for fixtures).
    const m = /(^|\s)(#.*)$/.exec(stripQuoted(line));
    if (m) out.push(line.slice(line.length - m[2]!.length));
  }
  return out.sort();
}

function stripQuoted(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (q) => 'x'.repeat(q.length));
}
