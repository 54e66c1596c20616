// A fast line scan that cuts a spec file into independently parseable chunks: one per requirement /
// roadmap item (`- ` at the list's indent up to the next one), plus the top-level "skeleton" (every
// other line). Parsing and validating chunk by chunk is what lets an edit re-parse one item instead of
// the whole file (issue 6). When the text does not have this plain layout, `splitSpec` returns
// undefined and the caller parses the document as a whole: correct, just not incremental.
import type { ItemKind } from './types';

export interface ItemChunk {
  kind: ItemKind;
  /** 0-based line of the item's `-`. */
  startLine: number;
  /** Offsets of the chunk in the full text (whole lines, line breaks included). */
  start: number;
  end: number;
}

export interface Layout {
  /** The skeleton's lines (offset ranges in the full text, line breaks included), in order. */
  skeletonLines: { line: number; start: number; end: number }[];
  /** Items of both lists, in text order. */
  chunks: ItemChunk[];
  /** Lists present (a `requirements:` / `roadmap:` line with nothing after the colon). */
  sections: ItemKind[];
}

const SECTION = /^(requirements|roadmap)[ ]*:[ ]*(?:#.*)?$/;
/** Characters that cannot start a plain top-level key: indicators, quotes, flow, tags, anchors. */
const NOT_A_PLAIN_KEY = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

export function splitSpec(text: string): Layout | undefined {
  if (hasLoneCarriageReturn(text)) return undefined;
  const skeletonLines: Layout['skeletonLines'] = [];
  const chunks: ItemChunk[] = [];
  const sections: ItemKind[] = [];
  let section: ItemKind | undefined;
  let seqIndent = -1;
  let current: ItemChunk | undefined;
  const closeItem = (end: number) => {
    if (current) {
      current.end = end;
      chunks.push(current);
      current = undefined;
    }
  };

  const n = text.length;
  let line = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM is not part of the first line's content
  let lineStart = 0;
  while (lineStart < n) {
    const nl = text.indexOf('\n', lineStart);
    const next = nl < 0 ? n : nl + 1;
    let contentEnd = nl < 0 ? n : nl;
    if (contentEnd > start && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    // Indentation: spaces only. A tab before the content is a YAML error; let the full parse report it.
    let i = start;
    while (i < contentEnd && text.charCodeAt(i) === 32) i++;
    if (i < contentEnd && text.charCodeAt(i) === 9) return undefined;
    const indent = i - start;
    const blank = i === contentEnd;
    const comment = !blank && text.charCodeAt(i) === 35; // '#'

    if (blank || comment) {
      // Blank and comment lines belong to the item they follow (or to the skeleton).
      if (!current) skeletonLines.push({ line, start: lineStart, end: next });
    } else if (indent === 0 && !(section && seqIndent <= 0 && isItemStart(text, i, contentEnd))) {
      closeItem(lineStart);
      const c = text[i];
      if (NOT_A_PLAIN_KEY.has(c) || text.startsWith('---', i) || text.startsWith('...', i)) return undefined;
      const m = SECTION.exec(text.slice(i, contentEnd));
      if (m) {
        const kind: ItemKind = m[1] === 'requirements' ? 'requirement' : 'roadmap';
        if (sections.includes(kind)) return undefined; // a duplicate key: let the full parse report it
        sections.push(kind);
        section = kind;
        seqIndent = -1;
      } else if (/^(?:requirements|roadmap)[ ]*:/.test(text.slice(i, contentEnd))) {
        return undefined; // a list written inline (`requirements: []`) or a second, inline list key
      } else section = undefined;
      skeletonLines.push({ line, start: lineStart, end: next });
    } else if (!section) {
      skeletonLines.push({ line, start: lineStart, end: next }); // inside a top-level value
    } else if (seqIndent < 0) {
      if (!isItemStart(text, i, contentEnd)) return undefined; // not a block sequence
      seqIndent = indent;
      current = { kind: section, startLine: line, start: lineStart, end: next };
    } else if (indent === seqIndent && isItemStart(text, i, contentEnd)) {
      closeItem(lineStart);
      current = { kind: section, startLine: line, start: lineStart, end: next };
    } else if (indent <= seqIndent || !current) {
      return undefined; // content outside any item: not the plain layout
    }
    line++;
    lineStart = next;
    start = next;
  }
  closeItem(n);
  if (!sections.length) return undefined;
  return { skeletonLines, chunks, sections };
}

function isItemStart(text: string, i: number, contentEnd: number): boolean {
  if (text.charCodeAt(i) !== 45) return false; // '-'
  return i + 1 === contentEnd || text.charCodeAt(i + 1) === 32;
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}
