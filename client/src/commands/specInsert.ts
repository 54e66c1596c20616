// Where "New Requirement" puts its item: after the last item of the file's `requirements:` list (or,
// for a child, right after its parent's subtree), with the list's own indentation and blank-line
// style; a `requirements: []` is opened up; a file without the key gets one at the end. Works on the
// text alone (no VS Code), so it is unit-tested.

export interface InsertionPlan {
  /** The range to replace (usually empty: an insertion point), 0-based lines and characters. */
  start: { line: number; character: number };
  end: { line: number; character: number };
  /** Text before the item: line breaks, and the `requirements:` key when it must be written. */
  lead: string;
  /** Indentation of the item's "- ". */
  indent: string;
}

const KEY = /^requirements\s*:\s*(#.*)?$/;
const EMPTY_FLOW = /^requirements\s*:\s*\[\s*\]\s*(#.*)?$/;
const ITEM = /^(\s*)-(\s|$)/;

export function planRequirementInsertion(text: string, eol = '\n'): InsertionPlan {
  const lines = text.split(/\r?\n/);
  const keyLine = lines.findIndex((l) => KEY.test(l) || EMPTY_FLOW.test(l));
  if (keyLine === -1) {
    const last = lines.length - 1;
    const endsWithNewline = lines[last] === '';
    const at = { line: last, character: lines[last].length };
    const empty = text.trim() === '';
    const lead = (empty ? '' : endsWithNewline ? eol : eol + eol) + `requirements:${eol}`;
    return { start: at, end: at, lead, indent: '  ' };
  }
  if (EMPTY_FLOW.test(lines[keyLine])) {
    return { start: { line: keyLine, character: 0 }, end: { line: keyLine, character: lines[keyLine].length }, lead: `requirements:${eol}`, indent: '  ' };
  }

  const list = listLayout(lines, keyLine);
  if (list.lastContent === -1) {
    const at = { line: keyLine, character: lines[keyLine].length };
    return { start: at, end: at, lead: eol, indent: list.indent ?? '  ' };
  }
  const at = { line: list.lastContent, character: lines[list.lastContent].length };
  return { start: at, end: at, lead: list.separated ? eol + eol : eol, indent: list.indent ?? '  ' };
}

interface ListLayout {
  /** The last line of the list's own content (-1 when empty). */
  lastContent: number;
  /** Indentation of the list's "- " (undefined when empty). */
  indent: string | undefined;
  /** Items are separated by blank lines. */
  separated: boolean;
}

/** The `requirements:` list starting under `keyLine`: it runs until the next top-level key (or document marker). */
function listLayout(lines: readonly string[], keyLine: number): ListLayout {
  let end = keyLine + 1;
  while (end < lines.length) {
    const l = lines[end];
    const topLevel = /^[^\s#-]/.test(l) || /^(---|\.\.\.)(\s|$)/.test(l);
    if (topLevel) break;
    end++;
  }
  let lastContent = -1;
  let indent: string | undefined;
  let separated = false;
  for (let i = keyLine + 1; i < end; i++) {
    const l = lines[i];
    if (l.trim() === '') continue;
    if (/^#/.test(l)) continue; // a comment at column 0 belongs to what follows the list
    const item = ITEM.exec(l);
    if (item) {
      indent ??= item[1];
      if (item[1] === indent && lastContent !== -1 && lines[i - 1].trim() === '') separated = true;
    }
    lastContent = i;
  }
  return { lastContent, indent, separated };
}

const indentOf = (line: string): number => /^\s*/.exec(line)?.[0].length ?? 0;

/**
 * Where a child goes: right after the item with a key at `itemLine` (0-based, e.g. its `id:` line),
 * at that item's indentation, with the list's blank-line style. Undefined when that line is in no
 * `requirements:` list item.
 */
export function planInsertionAfterItem(text: string, itemLine: number, eol = '\n'): InsertionPlan | undefined {
  const lines = text.split(/\r?\n/);
  if (itemLine < 0 || itemLine >= lines.length) return undefined;
  // The item's "- " is on that line, or above it and less indented than the line's key.
  let start = itemLine;
  let dash = ITEM.exec(lines[start]);
  if (!dash) {
    const keyIndent = indentOf(lines[itemLine]);
    for (start = itemLine - 1; start >= 0; start--) {
      dash = ITEM.exec(lines[start]);
      if (dash && dash[1].length < keyIndent) break;
      dash = null;
    }
  }
  if (!dash) return undefined;
  const indent = dash[1];
  let keyLine = start - 1;
  while (keyLine >= 0 && !KEY.test(lines[keyLine])) {
    if (/^[^\s#-]/.test(lines[keyLine])) return undefined; // another top-level key: not the requirements list
    keyLine--;
  }
  if (keyLine < 0) return undefined;
  let last = start;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '') continue;
    if (indentOf(l) <= indent.length) break; // the next item, a top-level key, or a comment at the list's level
    last = i;
  }
  const at = { line: last, character: lines[last].length };
  return { start: at, end: at, lead: listLayout(lines, keyLine).separated ? eol + eol : eol, indent };
}

const PLAIN_UNSAFE_WORDS = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A title as a YAML scalar: plain when that reads the same, a double-quoted (JSON) string otherwise. */
export function yamlScalar(value: string): string {
  const plain =
    value !== '' &&
    value === value.trim() &&
    /^[\p{L}\p{N}(]/u.test(value) &&
    !/[:#]/.test(value) &&
    !/[\r\n\t]/.test(value) &&
    !PLAIN_UNSAFE_WORDS.test(value) &&
    !/^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The requirement ID prefix most used in these IDs ("PAY" for PAY-1, PAY-2, CART-1). */
export function commonPrefix(ids: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const m = /^(.*?)-?\d+$/.exec(id);
    if (m && m[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [prefix, n] of counts) {
    if (n > bestCount) {
      best = prefix;
      bestCount = n;
    }
  }
  return best;
}
