// A fast line scan that cuts a spec file into independently parseable chunks: one per requirement /
// roadmap item (`- ` at the list's indent up to the next one), plus the top-level "skeleton" (every
// other line). Parsing and validating chunk by chunk is what lets an edit re-parse one item instead of
// the whole file (issue 6). When the text does not have this plain layout, the split returns
// undefined and the caller parses the document as a whole: correct, just not incremental.
//
// `resplitSpec` produces the same layout as `splitSpec` for an edited text, but scans only from the
// item before the edit until the scan is back in step with the previous layout after it; the chunks
// before and after are carried over (shifted), so a keystroke costs a text comparison, not a rescan.
import type { ItemKind } from './types';

export interface ItemChunk {
  kind: ItemKind;
  /** 0-based line of the item's `-`. */
  startLine: number;
  /** Offsets of the chunk in the full text (whole lines, line breaks included). */
  start: number;
  end: number;
  /** Whatever the caller attached to this chunk earlier; carried over by `resplitSpec` when unchanged. */
  memo?: unknown;
}

export interface SkeletonLine {
  line: number;
  start: number;
  end: number;
}

export interface Layout {
  /** The skeleton's lines (offset ranges in the full text, line breaks included), in order. */
  skeletonLines: SkeletonLine[];
  /** Items of both lists, in text order. */
  chunks: ItemChunk[];
  /** Lists present (a `requirements:` / `roadmap:` line with nothing after the colon), in text order. */
  sections: ItemKind[];
  /** Offset of each section's header line. */
  sectionStarts: number[];
}

const SECTION = /^(requirements|roadmap)[ ]*:[ ]*(?:#.*)?$/;
const LIST_KEY = /^(?:requirements|roadmap)[ ]*:/;
/** Characters that cannot start a plain top-level key: indicators, quotes, flow, tags, anchors. */
const NOT_A_PLAIN_KEY = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

interface ScanState extends Layout {
  section: ItemKind | undefined;
  /** Indent of the current list's `-` (-1 until its first item). */
  seqIndent: number;
  current: ItemChunk | undefined;
  line: number;
  lineStart: number;
}

export function splitSpec(text: string): Layout | undefined {
  if (hasLoneCarriageReturn(text, 0, text.length)) return undefined;
  const st: ScanState = {
    skeletonLines: [],
    chunks: [],
    sections: [],
    sectionStarts: [],
    section: undefined,
    seqIndent: -1,
    current: undefined,
    line: 0,
    lineStart: 0,
  };
  return scan(text, st, undefined) === 'done' ? finish(st) : undefined;
}

function finish(st: ScanState): Layout | undefined {
  if (!st.sections.length) return undefined;
  return { skeletonLines: st.skeletonLines, chunks: st.chunks, sections: st.sections, sectionStarts: st.sectionStarts };
}

/**
 * Scan lines from `st.lineStart`. Before each line after the first, `resync` may declare the scan
 * back in step with an earlier layout (it then completes the state itself).
 */
function scan(text: string, st: ScanState, resync: ((st: ScanState) => boolean) | undefined): 'done' | 'fail' {
  const closeItem = (end: number) => {
    if (st.current) {
      st.current.end = end;
      st.chunks.push(st.current);
      st.current = undefined;
    }
  };
  const n = text.length;
  const first = st.lineStart;
  while (st.lineStart < n) {
    const lineStart = st.lineStart;
    if (resync && lineStart !== first && resync(st)) return 'done';
    const nl = text.indexOf('\n', lineStart);
    const next = nl < 0 ? n : nl + 1;
    // A BOM is not part of the first line's content.
    const start = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
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
      if (!st.current) st.skeletonLines.push({ line: st.line, start: lineStart, end: next });
    } else if (indent === 0 && !(st.section && st.seqIndent <= 0 && isItemStart(text, i, contentEnd))) {
      closeItem(lineStart);
      const c = text[i];
      if (NOT_A_PLAIN_KEY.has(c) || text.startsWith('---', i) || text.startsWith('...', i)) return 'fail';
      const content = text.slice(i, contentEnd);
      const m = SECTION.exec(content);
      if (m) {
        const kind: ItemKind = m[1] === 'requirements' ? 'requirement' : 'roadmap';
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
      st.current = { kind: st.section, startLine: st.line, start: lineStart, end: next };
    } else if (indent === st.seqIndent && isItemStart(text, i, contentEnd)) {
      closeItem(lineStart);
      st.current = { kind: st.section, startLine: st.line, start: lineStart, end: next };
    } else if (indent <= st.seqIndent || !st.current) {
      return 'fail'; // content outside any item: not the plain layout
    }
    st.line++;
    st.lineStart = next;
  }
  closeItem(n);
  return 'done';
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

/** Index of the last element whose `start` is <= `offset` (-1 if none). Elements are sorted by start. */
function lastAtOrBefore<T extends { start: number }>(list: T[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The layout of `text`, given the layout of `prevText`: identical to `splitSpec(text)`, with the
 * unchanged chunks before and after the edit carried over (their `memo` kept, offsets and lines
 * shifted). `prev` is consumed: its objects are reused and shifted in place, so do not use it after.
 */
export function resplitSpec(prevText: string, prev: Layout, text: string): Layout | undefined {
  if (prevText === text) return prev;
  const p = commonPrefix(prevText, text);
  const s = commonSuffix(prevText, text, Math.min(prevText.length, text.length) - p);
  const delta = text.length - prevText.length;
  // A lone CR can only appear in (or at the edge of) the changed part: the old text had none.
  if (hasLoneCarriageReturn(text, Math.max(0, p - 1), Math.min(text.length, text.length - s + 1))) return undefined;

  // Restart at the last item whose first line lies wholly before the change: its state is known.
  let j = lastAtOrBefore(prev.chunks, p);
  while (j >= 0) {
    const c = prev.chunks[j];
    const nl = prevText.indexOf('\n', c.start);
    if (nl >= 0 && nl + 1 <= p) break;
    j--;
  }
  const sectionsBefore = (offset: number) => prev.sectionStarts.filter((o) => o < offset).length;
  let st: ScanState;
  if (j < 0) {
    // The change is in the skeleton before the first item: scan from the top, still resyncing after it.
    st = { skeletonLines: [], chunks: [], sections: [], sectionStarts: [], section: undefined, seqIndent: -1, current: undefined, line: 0, lineStart: 0 };
  } else {
    const restart = prev.chunks[j];
    const nBefore = sectionsBefore(restart.start);
    const skel = lastAtOrBefore(prev.skeletonLines, restart.start - 1) + 1;
    st = {
      skeletonLines: prev.skeletonLines.slice(0, skel),
      chunks: prev.chunks.slice(0, j),
      sections: prev.sections.slice(0, nBefore),
      sectionStarts: prev.sectionStarts.slice(0, nBefore),
      section: restart.kind,
      seqIndent: indentAt(text, restart.start),
      current: undefined,
      line: restart.startLine,
      lineStart: restart.start,
    };
  }

  const suffixStart = text.length - s;
  const resync = (state: ScanState): boolean => {
    const q = state.lineStart;
    if (q < suffixStart || q < p) return false;
    const k = lastAtOrBefore(prev.chunks, q - delta);
    if (k < 0 || prev.chunks[k].start !== q - delta) return false;
    const old = prev.chunks[k];
    // The scan state before this line must equal the old scan's state before it.
    const oldFirstInSection = k === 0 || prev.chunks[k - 1].kind !== old.kind || sectionsBefore(prev.chunks[k - 1].start) !== sectionsBefore(old.start);
    const oldSeqIndent = oldFirstInSection ? -1 : indentAt(prevText, old.start);
    const nOld = sectionsBefore(old.start);
    if (state.section !== old.kind || state.seqIndent !== oldSeqIndent || state.sections.length !== nOld) return false;
    for (let i = 0; i < nOld; i++) if (state.sections[i] !== prev.sections[i]) return false;
    // In step: close the open item here and carry the rest of the old layout over, shifted.
    if (state.current) {
      state.current.end = q;
      state.chunks.push(state.current);
      state.current = undefined;
    }
    // Shifted in place: the old layout is consumed (a copy per chunk would be 10,000s of objects per keystroke).
    const lineDelta = state.line - old.startLine;
    const firstSkeleton = lastAtOrBefore(prev.skeletonLines, old.start - 1) + 1; // before `old` is shifted
    for (let i = k; i < prev.chunks.length; i++) {
      const c = prev.chunks[i];
      c.startLine += lineDelta;
      c.start += delta;
      c.end += delta;
      state.chunks.push(c);
    }
    for (let i = firstSkeleton; i < prev.skeletonLines.length; i++) {
      const l = prev.skeletonLines[i];
      l.line += lineDelta;
      l.start += delta;
      l.end += delta;
      state.skeletonLines.push(l);
    }
    for (let i = nOld; i < prev.sections.length; i++) {
      state.sections.push(prev.sections[i]);
      state.sectionStarts.push(prev.sectionStarts[i] + delta);
    }
    return true;
  };
  return scan(text, st, resync) === 'done' ? finish(st) : undefined;
}
