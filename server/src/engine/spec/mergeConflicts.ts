// Git merge-conflict markers in a spec file (`<<<<<<<`, `=======`, `>>>>>>>` at the start of a line).
// YAML cannot read them, and every line after the first marker would be a syntax error of its own;
// instead each conflict is one diagnostic, and the file is read with its first side (the lines
// between `<<<<<<<` and `=======`) while the markers and the other side become blank lines, so the
// line numbers stay and the items of the first side keep working.

export interface MergeConflict {
  /** The `<<<<<<<` line, the `=======` line (-1 when missing) and the `>>>>>>>` line (-1 when missing). */
  start: number;
  middle: number;
  end: number;
}

const START = /^<{7}(?: |$)/;
const MIDDLE = /^={7}\s*$/;
const END = /^>{7}(?: |$)/;

/** Whether `text` has a conflict start marker (a cheap test before `findConflicts`). */
export function hasConflictMarker(text: string): boolean {
  return /^<{7}(?: |\r?$)/m.test(text);
}

/** Every conflict of `lines`, in order; an unterminated one runs to the end of the text. */
export function findConflicts(lines: readonly string[]): MergeConflict[] {
  const out: MergeConflict[] = [];
  let open: MergeConflict | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!open) {
      if (START.test(line)) open = { start: i, middle: -1, end: -1 };
      return;
    }
    if (open.middle < 0 && MIDDLE.test(line)) open.middle = i;
    else if (END.test(line)) {
      open.end = i;
      out.push(open);
      open = undefined;
    }
  });
  if (open) out.push(open);
  return out;
}

/** `lines` joined back with the markers and each conflict's second side blanked (same line count). */
export function firstSideOnly(lines: readonly string[], conflicts: readonly MergeConflict[]): string {
  const out = [...lines];
  for (const c of conflicts) {
    const last = c.end >= 0 ? c.end : out.length - 1;
    out[c.start] = '';
    if (c.middle >= 0) for (let i = c.middle; i <= last; i++) out[i] = out[i].endsWith('\r') ? '\r' : '';
    else if (c.end >= 0) out[c.end] = '';
  }
  return out.join('\n');
}

/** The sentence for one conflict (1-based line numbers, as people count them). */
export function conflictMessage(c: MergeConflict, lineCount: number): string {
  const last = (c.end >= 0 ? c.end : lineCount - 1) + 1;
  const unterminated = c.end < 0 ? ' (no `>>>>>>>` line closes it)' : '';
  return `unresolved merge conflict, lines ${c.start + 1}–${last}${unterminated}: keep the right text and remove the \`<<<<<<<\`, \`=======\` and \`>>>>>>>\` lines — until then Spectrace reads the first side`;
}
