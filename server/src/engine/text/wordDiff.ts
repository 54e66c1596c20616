// A word diff of two texts: which words stayed, which went and which came, for the hover and the
// `spectrace suspects` report. Words and the whitespace between them are the units (a longest common
// subsequence over them); texts too large for that are shown as one removal and one addition.

export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Above this many token pairs the table would cost too much: the whole text is replaced instead. */
const MAX_CELLS = 4_000_000;

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** The parts of `before` → `after`, adjacent parts of the same kind merged. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (a.length * b.length > MAX_CELLS) {
    push('removed', before);
    push('added', after);
    return parts;
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  while (i < a.length) push('removed', a[i++]);
  while (j < b.length) push('added', b[j++]);
  return parts;
}

/** Plain text in git's `--word-diff=plain` notation: `[-removed-]{+added+}`. */
export function renderWordDiffPlain(parts: readonly DiffPart[]): string {
  return parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

/** Markdown: removed words struck through, added words in bold (whitespace kept outside the marks). */
export function renderWordDiffMarkdown(parts: readonly DiffPart[], escape: (s: string) => string): string {
  return parts
    .map((p, i) => {
      if (p.kind === 'same') return escape(p.text);
      // `~~old~~**new**` would read as one word: a space between a removal and the addition after it.
      const gap = p.kind === 'added' && parts[i - 1]?.kind === 'removed' ? ' ' : '';
      const mark = p.kind === 'removed' ? '~~' : '**';
      return gap + p.text
        .split(/(\s+)/)
        .map((piece) => (piece.trim() ? `${mark}${escape(piece)}${mark}` : piece))
        .join('');
    })
    .join('');
}
