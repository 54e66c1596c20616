// A fast line scan that cuts a spec file into independently parseable chunks: one per requirement,
// roadmap item or insight (`- ` at the list's indent up to the next one), plus the top-level "skeleton" (every
// other line). Parsing and validating chunk by chunk is what lets an edit re-parse one item instead of
// the whole file. When the text does not have this plain layout, the split returns
// undefined and the caller parses the document as a whole: correct, just not incremental.
//
// `resplitSpec` produces the same layout as `splitSpec` for an edited text, but scans only from the
// item before the edit until the scan is back in step with the previous layout after it; the chunks
// before and after are carried over (shifted), so a keystroke costs a text comparison, not a rescan.
// Chunks are stored as parallel typed arrays: shifting 20,000 offsets is then a tight loop over
// integers instead of a walk over 20,000 objects scattered in the heap.
import { lastAtOrBefore } from '../text/positions';
import type { ItemKind } from '../types';

export interface SkeletonLine {
  line: number;
  start: number;
  end: number;
}

export interface Layout {
  /** Number of item chunks, in text order. */
  count: number;
  /** How many of them are roadmap items (kept up to date by the re-split without a walk over all kinds). */
  roadmapCount: number;
  /** How many of them are insights (kept up to date the same way). */
  insightCount: number;
  /** Per chunk: 0 = requirement, 1 = roadmap, 2 = insight. */
  kinds: Uint8Array;
  /** Per chunk: offsets of its whole lines (line breaks included) in the text. */
  starts: Int32Array;
  ends: Int32Array;
  /** Per chunk: 0-based line of its `-`. */
  lines: Int32Array;
  /** Per chunk: whatever the caller attached earlier; carried over by `resplitSpec` when unchanged. */
  memos: unknown[];
  /** The skeleton's lines, in order. */
  skeletonLines: SkeletonLine[];
  /** Lists present (a `requirements:` / `roadmap:` / `insights:` line with nothing after the colon), in text order. */
  sections: ItemKind[];
  /** Offset of each section's header line. */
  sectionStarts: number[];
  /**
   * Set by `resplitSpec`: chunks [0, prefix) and [suffixFrom, count) are the previous layout's chunks
   * [0, prefix) and [oldSuffixFrom, …), unchanged in text; the latter moved by `lineDelta` lines.
   */
  carried?: { prefix: number; suffixFrom: number; oldSuffixFrom: number; lineDelta: number };
}

export const KIND_CODE: Record<ItemKind, number> = { requirement: 0, roadmap: 1, insight: 2 };
export const KIND_OF_CODE: readonly ItemKind[] = ['requirement', 'roadmap', 'insight'];
const SECTION_KIND: Readonly<Record<string, ItemKind>> = { requirements: 'requirement', roadmap: 'roadmap', insights: 'insight' };

const SECTION = /^(requirements|roadmap|insights)[ ]*:[ ]*(?:#.*)?$/;
const LIST_KEY = /^(?:requirements|roadmap|insights)[ ]*:/;
/** Characters that cannot start a plain top-level key: indicators, quotes, flow, tags, anchors. */
const NOT_A_PLAIN_KEY = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** The scan's state between lines, and the chunks it found (as plain arrays while growing). */
interface ScanState {
  kinds: number[];
  starts: number[];
  ends: number[];
  lines: number[];
  skeletonLines: SkeletonLine[];
  sections: ItemKind[];
  sectionStarts: number[];
  section: ItemKind | undefined;
  /** Indent of the current list's `-` (-1 until its first item). */
  seqIndent: number;
  /** Whether an item is open (its start is the last entry of `starts`, its end not yet set). */
  open: boolean;
  line: number;
  lineStart: number;
}

function emptyState(): ScanState {
  return {
    kinds: [],
    starts: [],
    ends: [],
    lines: [],
    skeletonLines: [],
    sections: [],
    sectionStarts: [],
    section: undefined,
    seqIndent: -1,
    open: false,
    line: 0,
    lineStart: 0,
  };
}

export function splitSpec(text: string): Layout | undefined {
  if (hasLoneCarriageReturn(text, 0, text.length)) return undefined;
  const st = emptyState();
  if (scan(text, st, undefined) !== 'done' || !st.sections.length) return undefined;
  return {
    count: st.starts.length,
    roadmapCount: countOf(st.kinds, 0, st.kinds.length, KIND_CODE.roadmap),
    insightCount: countOf(st.kinds, 0, st.kinds.length, KIND_CODE.insight),
    kinds: Uint8Array.from(st.kinds),
    starts: Int32Array.from(st.starts),
    ends: Int32Array.from(st.ends),
    lines: Int32Array.from(st.lines),
    memos: new Array<unknown>(st.starts.length).fill(undefined),
    skeletonLines: st.skeletonLines,
    sections: st.sections,
    sectionStarts: st.sectionStarts,
  };
}

/**
 * Scan lines from `st.lineStart`. Before each line after the first, `resync` may declare the scan
 * back in step with an earlier layout; the scan then stops (with the open item closed there).
 */
function scan(
  text: string,
  st: ScanState,
  resync: ((st: ScanState) => boolean) | undefined,
  /** Whether `text` starts the document (a re-split scans a window from the middle). */
  atDocumentStart = true,
): 'done' | 'resynced' | 'fail' {
  const closeItem = (end: number) => {
    if (st.open) {
      st.ends.push(end);
      st.open = false;
    }
  };
  const openItem = (kind: ItemKind) => {
    st.kinds.push(KIND_CODE[kind]);
    st.starts.push(st.lineStart);
    st.lines.push(st.line);
    st.open = true;
  };
  const n = text.length;
  const first = st.lineStart;
  while (st.lineStart < n) {
    const lineStart = st.lineStart;
    if (resync && lineStart !== first && resync(st)) {
      closeItem(lineStart);
      return 'resynced';
    }
    const nl = text.indexOf('\n', lineStart);
    const next = nl < 0 ? n : nl + 1;
    // A BOM is not part of the first line's content.
    const start = lineStart === 0 && atDocumentStart && text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
    let contentEnd = nl < 0 ? n : nl;
    if (contentEnd > start && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    // Indentation: spaces only. A tab before the content is a YAML error; let the full parse report it.
    let i = start;
    while (i < contentEnd && text.charCodeAt(i) === 32) i++;
    if (i < contentEnd && text.charCodeAt(i) === 9) return 'fail';
    const indent = i - start;
    const blank = i === contentEnd;
    const comment = !blank && text.charCodeAt(i) === 35; // '#'

    if (blank || comment) {
      // Blank and comment lines belong to the item they follow (or to the skeleton).
      if (!st.open) st.skeletonLines.push({ line: st.line, start: lineStart, end: next });
    } else if (indent === 0 && !(st.section && st.seqIndent <= 0 && isItemStart(text, i, contentEnd))) {
      closeItem(lineStart);
      const c = text[i];
      if (NOT_A_PLAIN_KEY.has(c) || text.startsWith('---', i) || text.startsWith('...', i)) return 'fail';
      const content = text.slice(i, contentEnd);
      const m = SECTION.exec(content);
      if (m) {
        const kind = SECTION_KIND[m[1]];
        if (st.sections.includes(kind)) return 'fail'; // a duplicate key: let the full parse report it
        st.sections.push(kind);
        st.sectionStarts.push(lineStart);
        st.section = kind;
        st.seqIndent = -1;
      } else if (LIST_KEY.test(content)) {
        return 'fail'; // a list written inline (`requirements: []`)
      } else st.section = undefined;
      st.skeletonLines.push({ line: st.line, start: lineStart, end: next });
    } else if (!st.section) {
      st.skeletonLines.push({ line: st.line, start: lineStart, end: next }); // inside a top-level value
    } else if (st.seqIndent < 0) {
      if (!isItemStart(text, i, contentEnd)) return 'fail'; // not a block sequence
      st.seqIndent = indent;
      openItem(st.section);
    } else if (indent === st.seqIndent && isItemStart(text, i, contentEnd)) {
      closeItem(lineStart);
      openItem(st.section);
    } else if (indent <= st.seqIndent || !st.open) {
      return 'fail'; // content outside any item: not the plain layout
    }
    st.line++;
    st.lineStart = next;
  }
  closeItem(n);
  return 'done';
}

/** The number of chunks of kind `code` in [from, to). */
function countOf(kinds: ArrayLike<number>, from: number, to: number, code: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (kinds[i] === code) n++;
  return n;
}

function isItemStart(text: string, i: number, contentEnd: number): boolean {
  if (text.charCodeAt(i) !== 45) return false; // '-'
  return i + 1 === contentEnd || text.charCodeAt(i + 1) === 32;
}

function hasLoneCarriageReturn(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

function indentAt(text: string, start: number): number {
  let i = start;
  while (text.charCodeAt(i) === 32) i++;
  return i - start;
}

// ---------------------------------------------------------------------------------------------
// Incremental re-split

const BLOCK = 1 << 16;

/** Length of the common prefix, compared in blocks (`===` on slices is a native memory compare). */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let lo = 0;
  let hi = n;
  while (lo < n) {
    const end = Math.min(n, lo + BLOCK);
    if (a.slice(lo, end) !== b.slice(lo, end)) {
      hi = end;
      break;
    }
    lo = end;
  }
  while (hi - lo > 32) {
    const mid = (lo + hi) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}

/** Length of the common suffix, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  const n = Math.min(limit, a.length, b.length);
  let lo = 0; // matched length
  let hi = n;
  while (lo < n) {
    const len = Math.min(n, lo + BLOCK);
    if (a.slice(a.length - len, a.length - lo) !== b.slice(b.length - len, b.length - lo)) {
      hi = len;
      break;
    }
    lo = len;
  }
  while (hi - lo > 32) {
    const mid = (lo + hi) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && a.charCodeAt(a.length - 1 - lo) === b.charCodeAt(b.length - 1 - lo)) lo++;
  return lo;
}

function skeletonIndex(lines: SkeletonLine[], offset: number): number {
  // Number of skeleton lines that start before `offset`.
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Read access to a text by range: a string, or a document kept in pieces (specSource.ts). */
export interface TextReader {
  readonly length: number;
  slice(start: number, end: number): string;
}

/**
 * The new layout's memos from the old one's: the first `prefix` kept, `middle` empty slots for the
 * rescanned chunks, then (after a resync) the old ones from `suffixOld` on. Typing inside an item
 * leaves the number of chunks as it was; then the old array is reused and only the rescanned slots are
 * cleared, instead of copying 20,000 entries per keystroke. (The caller drops `prev`: see resplitSpec.)
 */
function takeMemos(memos: unknown[], prefix: number, suffixOld: number, middle: number, resynced: boolean): unknown[] {
  if (resynced && suffixOld - prefix === middle) {
    memos.fill(undefined, prefix, suffixOld);
    return memos;
  }
  const out = memos.slice(0, prefix);
  for (let i = 0; i < middle; i++) out.push(undefined);
  return resynced ? out.concat(memos.slice(suffixOld)) : out;
}

/** Item chunks past the edit a re-split scans before it widens its window to the rest of the text. */
const RESYNC_WINDOW_CHUNKS = 4;

/**
 * The layout of `text`, given the layout of `prevText`: identical to `splitSpec(text)` (plus
 * `carried`), with the unchanged chunks before and after the edit carried over (their memos kept,
 * offsets and lines shifted). `prev`'s memo array and skeleton line objects are reused and changed in
 * place: do not use `prev` afterwards.
 */
export function resplitSpec(prevText: string, prev: Layout, text: string): Layout | undefined {
  if (prevText === text) return unchanged(prev);
  const p = commonPrefix(prevText, text);
  const s = commonSuffix(prevText, text, Math.min(prevText.length, text.length) - p);
  return resplitRegion(prev, prevText.length, text, { prefix: p, suffix: s });
}

function unchanged(prev: Layout): Layout {
  return { ...prev, carried: { prefix: prev.count, suffixFrom: prev.count, oldSuffixFrom: prev.count, lineDelta: 0 } };
}

/**
 * The same re-split, told what changed instead of comparing texts: the new text equals the old one
 * (`prevLength` characters long) outside [prefix, length - suffix). Only the lines around the change
 * are read, so a reader that keeps its text in pieces never has to build the whole string. `prev` is
 * used up (its memo array and skeleton lines are taken over): do not use it afterwards.
 */
export function resplitRegion(prev: Layout, prevLength: number, text: TextReader, region: { prefix: number; suffix: number }): Layout | undefined {
  const p = region.prefix;
  const s = region.suffix;
  const delta = text.length - prevLength;
  if (delta === 0 && p >= text.length) return unchanged(prev);
  // A lone CR can only appear in (or at the edge of) the changed part: the old text had none.
  // (One character more is read than checked: a CR's partner is the character after it.)
  const lo = Math.max(0, p - 1);
  const hi = Math.min(text.length, text.length - s + 1);
  if (hasLoneCarriageReturn(text.slice(lo, Math.min(text.length, hi + 1)), 0, hi - lo)) return undefined;

  // Restart at the last item whose first line lies wholly before the change: its state is known.
  // (Before the change the old and new texts are the same, so the new one can be read.)
  let j = lastAtOrBefore(prev.starts, prev.count, p);
  while (j >= 0 && !text.slice(prev.starts[j], p).includes('\n')) j--;
  const sectionsBefore = (offset: number) => prev.sectionStarts.filter((o) => o < offset).length;
  // Otherwise the change is in the skeleton before the first item: scan from the top, still resyncing.
  const restart = j >= 0 ? prev.starts[j] : 0;
  const prefix = Math.max(j, 0);
  const nBefore = j >= 0 ? sectionsBefore(restart) : 0;
  const prefixSkeleton = j >= 0 ? prev.skeletonLines.slice(0, skeletonIndex(prev.skeletonLines, restart)) : [];
  const prefixSections = prev.sections.slice(0, nBefore);
  const prefixSectionStarts = prev.sectionStarts.slice(0, nBefore);

  const suffixStart = text.length - s;
  // Scan a window from the restart to a few old chunks past the change; the scan almost always falls
  // back in step within it. If it does not, scan to the end.
  const firstAfter = lastAtOrBefore(prev.starts, prev.count, prevLength - s - 1) + 1;
  const windowChunk = firstAfter + RESYNC_WINDOW_CHUNKS;
  const windowEnds = windowChunk < prev.count ? [prev.ends[windowChunk] + delta, text.length] : [text.length];

  let resyncAt = -1; // the old chunk index the scan fell in step with
  let st = emptyState();
  let outcome: 'done' | 'resynced' | 'fail' = 'fail';
  for (const windowEnd of windowEnds) {
    const window = text.slice(restart, windowEnd);
    st = emptyState();
    // Sections before the restart stay in the state: the scan checks a new section against them.
    st.sections = prefixSections.slice();
    st.sectionStarts = prefixSectionStarts.slice();
    if (j >= 0) {
      st.section = KIND_OF_CODE[prev.kinds[j]];
      st.seqIndent = indentAt(window, 0);
      st.line = prev.lines[j];
    }
    const resync = (state: ScanState): boolean => {
      const q = state.lineStart + restart;
      if (q < suffixStart || q < p) return false;
      const k = lastAtOrBefore(prev.starts, prev.count, q - delta);
      if (k < 0 || prev.starts[k] !== q - delta) return false;
      // The scan state before this line must equal the old scan's state before it. The line is in the
      // common suffix, so its old indentation can be read from the new text.
      const oldStart = prev.starts[k];
      const nOld = sectionsBefore(oldStart);
      const firstInSection = k === 0 || prev.kinds[k - 1] !== prev.kinds[k] || sectionsBefore(prev.starts[k - 1]) !== nOld;
      const oldSeqIndent = firstInSection ? -1 : indentAt(window, state.lineStart);
      if (state.section !== KIND_OF_CODE[prev.kinds[k]] || state.seqIndent !== oldSeqIndent || state.sections.length !== nOld) return false;
      for (let i = 0; i < nOld; i++) if (state.sections[i] !== prev.sections[i]) return false;
      resyncAt = k;
      return true;
    };
    outcome = scan(window, st, resync, restart === 0);
    if (outcome !== 'done' || windowEnd === text.length) break;
  }
  if (outcome === 'fail') return undefined;
  // The scan ran on the window: move what it found to text offsets.
  for (let i = 0; i < st.starts.length; i++) {
    st.starts[i] += restart;
    st.ends[i] += restart;
  }
  for (const l of st.skeletonLines) {
    l.start += restart;
    l.end += restart;
  }
  for (let i = nBefore; i < st.sectionStarts.length; i++) st.sectionStarts[i] += restart;

  // Assemble: old prefix chunks, the rescanned ones, then (after a resync) the old suffix, shifted.
  const middle = st.starts.length;
  const suffixOld = outcome === 'resynced' ? resyncAt : prev.count;
  const suffix = prev.count - suffixOld;
  const count = prefix + middle + suffix;
  // With as many chunks as before, the arrays are taken over and changed in place (an edit inside an
  // item): at 20,000 items, four new arrays per keystroke were a quarter megabyte of garbage.
  const inPlace = count === prev.count;
  const layout: Layout = {
    count,
    roadmapCount: prev.roadmapCount - countOf(prev.kinds, prefix, suffixOld, KIND_CODE.roadmap) + countOf(st.kinds, 0, st.kinds.length, KIND_CODE.roadmap),
    insightCount: prev.insightCount - countOf(prev.kinds, prefix, suffixOld, KIND_CODE.insight) + countOf(st.kinds, 0, st.kinds.length, KIND_CODE.insight),
    kinds: inPlace ? prev.kinds : new Uint8Array(count),
    starts: inPlace ? prev.starts : new Int32Array(count),
    ends: inPlace ? prev.ends : new Int32Array(count),
    lines: inPlace ? prev.lines : new Int32Array(count),
    memos: takeMemos(prev.memos, prefix, suffixOld, middle, outcome === 'resynced'),
    skeletonLines: prefixSkeleton.concat(st.skeletonLines),
    sections: st.sections,
    sectionStarts: st.sectionStarts,
    carried: { prefix, suffixFrom: prefix + middle, oldSuffixFrom: suffixOld, lineDelta: 0 },
  };
  if (!inPlace) {
    layout.kinds.set(prev.kinds.subarray(0, prefix));
    layout.starts.set(prev.starts.subarray(0, prefix));
    layout.ends.set(prev.ends.subarray(0, prefix));
    layout.lines.set(prev.lines.subarray(0, prefix));
  }
  layout.kinds.set(st.kinds, prefix);
  layout.starts.set(st.starts, prefix);
  layout.ends.set(st.ends, prefix);
  layout.lines.set(st.lines, prefix);
  if (outcome === 'resynced') {
    const lineDelta = st.line - prev.lines[suffixOld];
    const suffixOldStart = prev.starts[suffixOld]; // before the loop below moves it (in place)
    layout.carried = { prefix, suffixFrom: prefix + middle, oldSuffixFrom: suffixOld, lineDelta };
    const at = prefix + middle;
    // In place, `at` is `suffixOld`: the suffix stays where it is and only moves by the deltas.
    if (!inPlace) layout.kinds.set(prev.kinds.subarray(suffixOld), at);
    if (!inPlace || delta !== 0 || lineDelta !== 0) {
      for (let i = 0; i < suffix; i++) {
        layout.starts[at + i] = prev.starts[suffixOld + i] + delta;
        layout.ends[at + i] = prev.ends[suffixOld + i] + delta;
        layout.lines[at + i] = prev.lines[suffixOld + i] + lineDelta;
      }
    }
    for (let i = skeletonIndex(prev.skeletonLines, suffixOldStart); i < prev.skeletonLines.length; i++) {
      const l = prev.skeletonLines[i];
      l.line += lineDelta;
      l.start += delta;
      l.end += delta;
      layout.skeletonLines.push(l);
    }
    const nOld = sectionsBefore(suffixOldStart);
    for (let i = nOld; i < prev.sections.length; i++) {
      layout.sections.push(prev.sections[i]);
      layout.sectionStarts.push(prev.sectionStarts[i] + delta);
    }
  }
  return layout.sections.length ? layout : undefined;
}
