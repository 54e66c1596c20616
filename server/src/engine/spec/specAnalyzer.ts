// Parse + validate one spec document, incrementally. The text is cut into chunks (chunker.ts): the
// top-level skeleton and one chunk per list item. Each chunk is parsed and validated on its own and
// memoized by its text, in chunk-relative lines. A later `analyze()` with edited text re-cuts the text
// (a line scan), reuses every chunk whose text is unchanged (shifting its lines) and parses only the
// chunks that changed. Texts that do not fit the plain layout are parsed as one document. Either way
// the result equals a fresh analysis of the same text (test/unit/engine/incremental.test.ts).
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { KIND_OF_CODE, resplitRegion, resplitSpec, splitSpec } from './chunker';
import type { Layout, TextReader } from './chunker';
import { severityFor } from '../config/config';
import { inDiagnosticOrder, mergeDiagnostics } from '../text/diagnosticOrder';
import { LineIndex, shiftRange } from '../text/positions';
import type { SchemaSet } from '../schema/schemaSet';
import { wholeText } from './specSource';
import type { SpecInput, SpecSource } from './specSource';
import { diag, readItemList } from './specItems';
import { notSpecDiagnostic, readTopLevel } from './topLevel';
import type { TopLevel } from './topLevel';
import type { ItemField, ItemKind, Range, SpecDiagnostic, SpecFile, SpecItem, SpectraceConfig } from '../types';
import { simpleYamlReader } from './simpleYaml';
import { conflictMessage, findConflicts, firstSideOnly, hasConflictMarker } from './mergeConflicts';
import { aliasProblems, damageOffsets, parseYaml, usesAnchorsOrAliases, yamlDiagnostics } from './yamlNodes';
import { errorText } from '../../shared/errorText';

/**
 * A parsed and validated item chunk. Its items and diagnostics are kept in one copy only, placed at
 * `line` of `file` (a fresh reading: line 0, no file); a placement elsewhere shifts them by the
 * difference. Keeping a chunk-relative copy next to the placed one doubled the objects the garbage
 * collector walks, which at 20,000 items was most of a keystroke's cost.
 */
interface ChunkEntry {
  kind: ItemKind;
  /** The chunk's text (the memo key), detached from the document text it was cut from (see `detach`). */
  text: string;
  items: SpecItem[];
  diagnostics: SpecDiagnostic[];
  /** The chunk cannot be read on its own (anchors/aliases, or not one list item): parse the whole file. */
  needsWhole: boolean;
  /** Where `items` and `diagnostics` currently sit. */
  line: number;
  file: string;
}

type Carried = NonNullable<Layout['carried']>;
/** New lists, with nothing known about what they share with the previous result's. */
const NO_KNOWN_CHANGE: ItemChange = { kind: 'new-lists', kept: undefined };
const SHARES = ['requirement', 'roadmap', 'insight', 'diagnostics'] as const;
const KINDS = ['requirement', 'roadmap', 'insight'] as const;

/** The items and diagnostics of all chunks, with where each chunk's share starts (index i = chunk i). */
interface ChunkResults {
  lists: Record<ItemKind, SpecItem[]>;
  diagnostics: SpecDiagnostic[];
  at: Record<ItemKind | 'diagnostics', Int32Array>;
}

/** How many items at the start of a list are unchanged objects from the previous result. */
export interface KeptItems {
  prefix: number;
}

/**
 * How a result's item lists relate to the previous result of the same analyzer.
 * - `in-place`: the previous result's lists were updated in place and are this result's lists;
 *   `removed` and `added` are the items of the edited span as they were and as they are now (an item
 *   whose chunk was read again unchanged is in both, the same object: the index diffs them).
 * - `new-lists`: the lists are new; `kept` says, per list, how many items at its start are the very
 *   objects of the previous result's list (undefined: no such knowledge, compare them all).
 */
export type ItemChange =
  | { kind: 'in-place'; removed: SpecItem[]; added: SpecItem[] }
  | { kind: 'new-lists'; kept: Record<ItemKind, KeptItems> | undefined };

/** How a text was read, for tests and benchmarks: chunk by chunk (how many item chunks came from the memo), whole, or not at all. */
export interface ReadStats {
  mode: 'chunked' | 'whole' | 'too-large';
  reusedChunks: number;
  chunks: number;
}

/** One `analyze()`: the spec file, how its item lists relate to the previous result, and how it was read. */
export interface SpecAnalysis {
  spec: SpecFile;
  change: ItemChange;
  read: ReadStats;
}

/** The skeleton's reading, in skeleton lines. */
interface SkeletonEntry {
  key: string;
  top: TopLevel;
  syntax: SpecDiagnostic[];
  /** The skeleton does not match the scan (e.g. `requirements: []`): parse the whole file. */
  needsWhole: boolean;
}

export class SpecAnalyzer {
  private chunks: Record<ItemKind, Map<string, ChunkEntry>> = { requirement: new Map(), roadmap: new Map(), insight: new Map() };
  /**
   * The last text read chunk by chunk, its layout and results: the next text is re-split from it.
   * A string is kept as `text`; a source is kept as itself and the revision read, and the next
   * reading asks it what changed since (it holds no old text to compare with).
   */
  private previous:
    | { text: string | undefined; source: SpecSource | undefined; revision: number; length: number; layout: Layout; file: string; results: ChunkResults }
    | undefined;
  private skeletons = new Map<string, SkeletonEntry>();
  private mode: 'chunked' | 'whole' | 'too-large' = 'whole';
  private reused = 0;
  /** What the running `analyze()` found out about its item lists (set by the chunked readings). */
  private change: ItemChange = NO_KNOWN_CHANGE;

  constructor(
    private readonly schemaSet: SchemaSet,
    private readonly config: SpectraceConfig,
  ) {}

  /**
   * The analysis of `input` as `file`. An edit of a text this analyzer read before may update the
   * lists of its previous result in place (`requirements`, `roadmap`): at 20,000 items, building new
   * lists was most of a keystroke's cost. `change` says so and gives the edited span before and after.
   * A caller that keeps a result past the next `analyze()` of the same analyzer keeps copies of its lists.
   */
  analyze(file: string, input: SpecInput): SpecAnalysis {
    let spec: SpecFile;
    try {
      spec = finish(file, this.analyzeText(file, input), this.config);
    } catch (err) {
      // The boundary: whatever the text, the caller gets a result and a reason, never an exception.
      // The memo may be half-updated: start the next analysis from scratch.
      this.reset();
      const message =
        err instanceof RangeError
          ? 'this file is nested too deeply to check (stack overflow) — flatten the structure'
          : `Spectrace could not check this file: ${errorText(err)}`;
      const d = diag('yaml-syntax', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, this.config);
      this.change = NO_KNOWN_CHANGE;
      spec = finish(file, { hasSpecLists: true, product: undefined, requirements: [], roadmap: [], insights: [], diagnostics: [d] }, this.config);
    }
    return { spec, change: this.change, read: { mode: this.mode, reusedChunks: this.reused, chunks: this.previous?.layout.count ?? 0 } };
  }

  private analyzeText(file: string, input: SpecInput): Omit<SpecFile, 'file'> {
    this.reused = 0;
    this.change = NO_KNOWN_CHANGE;
    if (input.length > this.config.maxSpecFileSize) {
      this.mode = 'too-large';
      this.reset();
      return tooLarge(wholeText(input), this.config);
    }
    const layout = this.layoutOf(input);
    const chunked = layout && this.analyzeChunked(file, input, layout);
    this.mode = chunked ? 'chunked' : 'whole';
    if (chunked) return chunked;
    // Not incremental: drop memo entries so a huge file that no longer fits does not pin memory.
    this.reset();
    return analyzeWhole(file, wholeText(input), this.schemaSet, this.config);
  }

  /** The chunk layout of `input`, re-split from the previous reading where that is known. */
  private layoutOf(input: SpecInput): Layout | undefined {
    const prev = this.previous;
    if (typeof input !== 'string' && prev && prev.source === input) {
      const region = input.changedSince(prev.revision);
      if (region) return resplitRegion(prev.layout, prev.length, input, region);
    }
    if (prev?.text !== undefined) return resplitSpec(prev.text, prev.layout, wholeText(input));
    return splitSpec(wholeText(input));
  }

  private analyzeChunked(file: string, input: SpecInput, layout: Layout): Omit<SpecFile, 'file'> | undefined {
    const text: TextReader = input;
    // The skeleton: every line that is not inside an item, concatenated.
    let skeletonText = '';
    const lineMap: number[] = [];
    for (const l of layout.skeletonLines) {
      skeletonText += text.slice(l.start, l.end);
      lineMap.push(l.line);
    }
    // Conflict markers start at column 0, outside every item: the skeleton has them. Read whole.
    if (hasConflictMarker(skeletonText)) return undefined;
    const counts: Record<ItemKind, number> = {
      requirement: layout.count - layout.roadmapCount - layout.insightCount,
      roadmap: layout.roadmapCount,
      insight: layout.insightCount,
    };
    const skeleton = this.skeleton(`${counts.requirement},${counts.roadmap},${counts.insight}\n${skeletonText}`, skeletonText, layout, counts);
    if (skeleton.needsWhole) return undefined;

    const items = this.readChunks(file, input, layout);
    if (!items) return undefined;

    const mapLine = (line: number) => (line < lineMap.length ? lineMap[line] : (lineMap[lineMap.length - 1] ?? -1) + 1);
    const mapRange = (r: Range): Range => ({
      start: { line: mapLine(r.start.line), character: r.start.character },
      end: { line: mapLine(r.end.line), character: r.end.character },
    });
    // Each chunk's diagnostics are in order and the chunks are in text order: the skeleton's merge in.
    const skeletonDiagnostics = [...skeleton.syntax, ...skeleton.top.diagnostics].map((d) => ({ ...d, file, range: mapRange(d.range) }));
    const diagnostics = mergeDiagnostics(items.diagnostics, inDiagnosticOrder(skeletonDiagnostics));
    const product = skeleton.top.product && { name: skeleton.top.product.name, range: mapRange(skeleton.top.product.range) };
    return { hasSpecLists: true, product, requirements: items.lists.requirement, roadmap: items.lists.roadmap, insights: items.lists.insight, diagnostics };
  }

  /**
   * Items and diagnostics of every chunk: the previous result updated in place when the edit moved
   * no line after it (`readInPlace`), else built afresh (`readFresh`).
   */
  private readChunks(file: string, input: SpecInput, layout: Layout): ChunkResults | undefined {
    const prev = this.previous && this.previous.file === file ? this.previous.results : undefined;
    const carried = prev && layout.carried;
    const out =
      prev && carried && (carried.lineDelta === 0 || carried.suffixFrom === layout.count)
        ? this.readInPlace(input, layout, prev, carried, file)
        : this.readFresh(input, layout, prev, file);
    if (!out) return undefined;
    this.sweep(layout);
    this.previous =
      typeof input === 'string'
        ? { text: input, source: undefined, revision: 0, length: input.length, layout, file, results: out }
        : { text: undefined, source: input, revision: input.revision, length: input.length, layout, file, results: out };
    return out;
  }

  /**
   * The chunks before and after the edit keep their results (the same objects, on the same lines), so
   * the previous lists stay and only the edited chunks' share of them is swapped for their new
   * reading; the chunk starts after it move by the difference. Nothing is changed until every edited
   * chunk has been read (one that needs the whole file leaves the previous result as it was).
   */
  private readInPlace(text: TextReader, layout: Layout, prev: ChunkResults, carried: Carried, file: string): ChunkResults | undefined {
    const { prefix: from, suffixFrom: to, oldSuffixFrom: oldTo } = carried;
    const n = layout.count;
    const read: Record<ItemKind | 'diagnostics', unknown[]> = { requirement: [], roadmap: [], insight: [], diagnostics: [] };
    // Per edited chunk: where its share starts in `read` (entry to - from: the totals).
    const starts: Record<ItemKind | 'diagnostics', Int32Array> = {
      requirement: new Int32Array(to - from + 1),
      roadmap: new Int32Array(to - from + 1),
      insight: new Int32Array(to - from + 1),
      diagnostics: new Int32Array(to - from + 1),
    };
    for (let i = from; i <= to; i++) {
      for (const k of SHARES) starts[k][i - from] = read[k].length;
      if (i === to) break;
      const entry = this.chunkAt(text, layout, i, file);
      if (entry.needsWhole) return undefined;
      const placed = place(entry, layout.lines[i], file);
      for (const it of placed.items) read[entry.kind].push(it);
      for (const d of placed.diagnostics) read.diagnostics.push(d);
    }
    this.reused += from + (n - to);

    const removed: SpecItem[] = [];
    const at = n + 1 === prev.at.diagnostics.length ? prev.at : newStarts(n + 1);
    for (const k of SHARES) {
      const old = prev.at[k];
      const dst = at[k];
      const start = old[from];
      const end = old[oldTo];
      const list: unknown[] = k === 'diagnostics' ? prev.diagnostics : prev.lists[k];
      if (k !== 'diagnostics') for (let j = start; j < end; j++) removed.push(list[j] as SpecItem);
      spliceInPlace(list, start, end - start, read[k]);
      // Starts: the prefix's as they were, the edited chunks' from `starts`, the suffix's moved by the difference.
      const by = read[k].length - (end - start);
      if (dst !== old) dst.set(old.subarray(0, from));
      for (let i = from; i < to; i++) dst[i] = start + starts[k][i - from];
      if (dst !== old || by !== 0) for (let i = to, j = oldTo; i <= n; i++, j++) dst[i] = old[j] + by;
    }
    prev.at = at;
    this.change = { kind: 'in-place', removed, added: [...(read.requirement as SpecItem[]), ...(read.roadmap as SpecItem[]), ...(read.insight as SpecItem[])] };
    return prev;
  }

  /**
   * Items and diagnostics of every chunk, in new lists. The chunks before the edit take their results
   * from the previous analysis in bulk (array slices, without touching each item: at 20,000 items a
   * walk over them costs more than everything else); the others are looked up by content (an item
   * moved or copied) and otherwise parsed.
   */
  private readFresh(text: TextReader, layout: Layout, prev: ChunkResults | undefined, file: string): ChunkResults | undefined {
    const n = layout.count;
    const carried = prev && layout.carried;
    const out: ChunkResults = {
      lists: { requirement: [], roadmap: [], insight: [] },
      diagnostics: [],
      at: newStarts(n + 1),
    };
    const one = (i: number): boolean => {
      const entry = this.chunkAt(text, layout, i, file);
      if (entry.needsWhole) return false;
      const kind = entry.kind;
      const placed = place(entry, layout.lines[i], file);
      out.at.requirement[i] = out.lists.requirement.length;
      out.at.roadmap[i] = out.lists.roadmap.length;
      out.at.insight[i] = out.lists.insight.length;
      out.at.diagnostics[i] = out.diagnostics.length;
      for (const it of placed.items) out.lists[kind].push(it);
      for (const d of placed.diagnostics) out.diagnostics.push(d);
      return true;
    };
    const close = (i: number) => {
      out.at.requirement[i] = out.lists.requirement.length;
      out.at.roadmap[i] = out.lists.roadmap.length;
      out.at.insight[i] = out.lists.insight.length;
      out.at.diagnostics[i] = out.diagnostics.length;
    };

    const kept: Record<ItemKind, KeptItems> = { requirement: { prefix: 0 }, roadmap: { prefix: 0 }, insight: { prefix: 0 } };
    let i = 0;
    if (prev && carried) {
      // The chunks before the edit: their share of the previous lists, copied natively (a loop over
      // 20,000 items runs unoptimized for the first keystrokes), and their starts as they were.
      i = carried.prefix;
      for (const k of SHARES) out.at[k].set(prev.at[k].subarray(0, i + 1));
      for (const k of KINDS) {
        out.lists[k] = prev.lists[k].slice(0, prev.at[k][i]);
        kept[k].prefix = out.lists[k].length;
      }
      out.diagnostics = prev.diagnostics.slice(0, prev.at.diagnostics[i]);
      this.reused += i;
    }
    // The rest chunk by chunk: after an added or removed line the items past the edit moved (placed
    // anew, shifted); an edit that moves no line is `readInPlace`'s.
    for (; i < n; i++) if (!one(i)) return undefined;
    close(n);
    this.change = { kind: 'new-lists', kept };
    return out;
  }

  /** Chunk i's entry: its memo from the re-split, else the memo of the same text, else a fresh reading. */
  private chunkAt(text: TextReader, layout: Layout, i: number, file: string): ChunkEntry {
    const kind = KIND_OF_CODE[layout.kinds[i]];
    let entry = layout.memos[i] as ChunkEntry | undefined;
    if (entry && entry.kind === kind) {
      this.reused++;
      return entry;
    }
    const piece = text.slice(layout.starts[i], layout.ends[i]);
    entry = this.chunks[kind].get(piece);
    if (entry) this.reused++;
    else {
      entry = this.readChunk(kind, detach(piece), layout.lines[i], file);
      this.chunks[kind].set(entry.text, entry);
    }
    layout.memos[i] = entry;
    return entry;
  }


  private reset(): void {
    this.chunks = { requirement: new Map(), roadmap: new Map(), insight: new Map() };
    this.previous = undefined;
    this.skeletons.clear();
  }

  /** Evict chunks the current text no longer has, once they outnumber the live ones. */
  private sweep(layout: Layout): void {
    const size = this.chunks.requirement.size + this.chunks.roadmap.size + this.chunks.insight.size;
    if (size <= 2 * layout.count + 64) return;
    const live = new Set(layout.memos);
    for (const map of [this.chunks.requirement, this.chunks.roadmap, this.chunks.insight]) {
      for (const [k, e] of map) if (!live.has(e)) map.delete(k);
    }
  }

  private skeleton(key: string, text: string, layout: Layout, counts: Partial<Record<ItemKind, number>>): SkeletonEntry {
    const cached = this.skeletons.get(key);
    if (cached) return cached;
    const doc = parseYaml(text);
    const lines = new LineIndex(text);
    const damage = { offsets: damageOffsets(doc), quietAliases: false };
    const top = readTopLevel(doc, text, lines, (kind) => (counts[kind] ? counts[kind] : undefined), this.schemaSet, this.config, damage);
    // The scan and the parse must agree: each list the scan found is an empty `key:` in the skeleton,
    // and the skeleton has no other list.
    const listKeys = isMap(doc.contents)
      ? doc.contents.items.filter((p) => isScalar(p.key) && (p.key.value === 'requirements' || p.key.value === 'roadmap' || p.key.value === 'insights')).length
      : 0;
    const agrees =
      top.isSpec &&
      listKeys === layout.sections.length &&
      !usesAnchorsOrAliases(doc) &&
      KINDS.every((k) =>
        layout.sections.includes(k) ? isEmptyPair(top.lists[k]) : top.lists[k] === undefined,
      );
    const entry: SkeletonEntry = {
      key: detach(key),
      top,
      syntax: yamlDiagnostics(doc, text, lines, 'yaml-syntax').map((d) => withSeverity(d, this.config)),
      needsWhole: !agrees,
    };
    this.skeletons = new Map([[entry.key, entry]]); // only the latest skeleton is worth keeping
    return entry;
  }

  /** A chunk's items and diagnostics, read where it is (`line` of `file`): placing them there needs no copies. */
  private readChunk(kind: ItemKind, text: string, line: number, file: string): ChunkEntry {
    const doc = simpleYamlReader().parseItems(text) ?? parseYaml(text);
    const lines = new LineIndex(text, line);
    const syntax = yamlDiagnostics(doc, text, lines, 'yaml-syntax').map((d) => withSeverity(d, this.config));
    if (!isSeq(doc.contents) || usesAnchorsOrAliases(doc)) return { kind, text, items: [], diagnostics: [], needsWhole: true, line, file };
    const src = { doc, text, lines, damage: damageOffsets(doc), listEnd: text.length, quietAliases: false };
    const r = readItemList(doc.contents as YAMLSeq, kind, src, this.schemaSet, this.config);
    for (const it of r.items) it.file = file;
    const diagnostics = inDiagnosticOrder([...syntax, ...r.diagnostics]);
    for (const d of diagnostics) d.file = file;
    return { kind, text, items: r.items, diagnostics, needsWhole: false, line, file };
  }
}

/** A fresh analyzer's full analysis of `text`. */
export function analyzeSpec(file: string, text: string, schemaSet: SchemaSet, config: SpectraceConfig): SpecFile {
  return new SpecAnalyzer(schemaSet, config).analyze(file, text).spec;
}

/**
 * The same analysis with the document parsed as one piece, never chunked. The reference the chunked
 * path is tested against; not faster for anything.
 */
export function analyzeSpecWhole(file: string, text: string, schemaSet: SchemaSet, config: SpectraceConfig): SpecFile {
  if (text.length > config.maxSpecFileSize) return finish(file, tooLarge(text, config), config);
  return finish(file, analyzeWhole(file, text, schemaSet, config), config);
}

/** Empty per-chunk start arrays for `n` entries (chunk count + 1). */
function newStarts(n: number): Record<ItemKind | 'diagnostics', Int32Array> {
  return { requirement: new Int32Array(n), roadmap: new Int32Array(n), insight: new Int32Array(n), diagnostics: new Int32Array(n) };
}

function isEmptyPair(p: Pair | undefined): boolean {
  if (!p) return false;
  const v = p.value as { value?: unknown; source?: string } | null;
  return v === null || (v !== undefined && v.value === null && !v.source && !isSeq(v));
}

/**
 * Copy a string so it does not keep a larger string alive. V8 represents `text.slice()` as a view
 * into `text`; a memo key (and every value `yaml` slices out of it) would otherwise pin each old
 * version of a multi-megabyte document. Concatenation + slice forces a flat copy.
 */
function detach(s: string): string {
  return (s + ' ').slice(0, -1);
}

/** Replace `count` entries of `list` at `start` with `items`, in place. */
function spliceInPlace(list: unknown[], start: number, count: number, items: readonly unknown[]): void {
  if (items.length === count) {
    for (let i = 0; i < count; i++) list[start + i] = items[i];
  } else if (items.length <= 4096) {
    list.splice(start, count, ...items);
  } else {
    // A spread that large could overflow the stack.
    const tail = list.slice(start + count);
    list.length = start;
    for (const x of items) list.push(x);
    for (const x of tail) list.push(x);
  }
}

function withSeverity(d: SpecDiagnostic, config: SpectraceConfig): SpecDiagnostic {
  d.severity = d.severity === 'warning' && config.rules[d.code] === undefined ? 'warning' : (severityFor(d.code, config.rules) ?? d.severity);
  return d;
}

/** The entry's items and diagnostics at `line` of `file`: the same objects while it stays there, else shifted copies. */
function place(entry: ChunkEntry, line: number, file: string): { items: SpecItem[]; diagnostics: SpecDiagnostic[] } {
  if (entry.line !== line || entry.file !== file) {
    const delta = line - entry.line;
    entry.items = entry.items.map((it) => shiftItem(it, delta, file));
    entry.diagnostics = entry.diagnostics.map((d) => shiftDiagnostic(d, delta, file));
    entry.line = line;
    entry.file = file;
  }
  return entry;
}

export function shiftItem(it: SpecItem, lines: number, file: string): SpecItem {
  const fields = new Map<string, ItemField>();
  for (const [k, f] of it.fields) {
    fields.set(k, { key: f.key, keyRange: shiftRange(f.keyRange, lines), valueRange: shiftRange(f.valueRange, lines), value: f.value });
  }
  const shifted: SpecItem = {
    kind: it.kind,
    file,
    id: it.id,
    idRange: it.idRange && shiftRange(it.idRange, lines),
    headRange: shiftRange(it.headRange, lines),
    range: shiftRange(it.range, lines),
    fields,
    value: it.value,
    references: it.references.map((r) => (r.revRange ? { ...r, range: shiftRange(r.range, lines), revRange: shiftRange(r.revRange, lines) } : { ...r, range: shiftRange(r.range, lines) })),
  };
  if (it.reviewFingerprint !== undefined) shifted.reviewFingerprint = it.reviewFingerprint;
  return shifted;
}

function shiftDiagnostic(d: SpecDiagnostic, lines: number, file: string): SpecDiagnostic {
  const out: SpecDiagnostic = { ...d, file, range: shiftRange(d.range, lines) };
  if (d.data?.kind === 'missing-field') out.data = { ...d.data, insertAfterLine: d.data.insertAfterLine + lines };
  return out;
}

// ---------------------------------------------------------------------------------------------
// Whole-document analysis (the fallback, and the reference the chunked path must agree with)

function analyzeWhole(file: string, text: string, schemaSet: SchemaSet, config: SpectraceConfig): Omit<SpecFile, 'file'> {
  if (hasConflictMarker(text)) {
    // One diagnostic per conflict instead of a cascade of YAML errors; the first side is read.
    const lines = text.split('\n');
    const conflicts = findConflicts(lines);
    if (conflicts.length > 0) {
      const r = analyzeWhole(file, firstSideOnly(lines, conflicts), schemaSet, config);
      const markers = conflicts.map((c) =>
        diag('yaml-syntax', { start: { line: c.start, character: 0 }, end: { line: c.start, character: lines[c.start].replace(/\r$/, '').length } }, conflictMessage(c, lines.length), config),
      );
      return { ...r, hasSpecLists: r.hasSpecLists || /^(?:requirements|roadmap|insights)[ ]*:/m.test(text), diagnostics: [...markers, ...r.diagnostics] };
    }
  }
  const doc = parseYaml(text);
  const lines = new LineIndex(text);
  const syntax = yamlDiagnostics(doc, text, lines, 'yaml-syntax');
  const offsets = damageOffsets(doc);
  let quietAliases = false;
  if (usesAnchorsOrAliases(doc)) {
    // Alias problems are reported once, where they are written, instead of on every value they break.
    const aliases = aliasProblems(doc, text, lines, 'yaml-syntax');
    syntax.push(...aliases.diagnostics);
    offsets.push(...aliases.offsets);
    quietAliases = aliases.diagnostics.length > 0;
  }
  for (const d of syntax) withSeverity(d, config);
  const damage = { offsets, quietAliases };
  const top = readTopLevel(doc, text, lines, (_kind, pair) => (isSeq(pair.value) ? pair.value.items.length : undefined), schemaSet, config, damage);
  if (!top.isSpec) {
    return { hasSpecLists: false, product: undefined, requirements: [], roadmap: [], insights: [], diagnostics: notSpecDiagnostic(doc, syntax, lines, config) };
  }
  const lists: Record<ItemKind, SpecItem[]> = { requirement: [], roadmap: [], insight: [] };
  const diagnostics = [...syntax, ...top.diagnostics];
  const root = doc.contents as YAMLMap;
  for (const kind of KINDS) {
    const pair = top.lists[kind];
    const seq = pair?.value;
    if (!pair || !isSeq(seq)) continue;
    // The list ends where the next top-level key starts.
    const after = root.items.slice(root.items.indexOf(pair) + 1).find((p) => (p.key as Node | null)?.range);
    const listEnd = (after?.key as Node | undefined)?.range?.[0] ?? text.length;
    const r = readItemList(seq as YAMLSeq, kind, { doc, text, lines, damage: offsets, listEnd, quietAliases }, schemaSet, config);
    for (const it of r.items) it.file = file; // fresh objects, read for this file only
    lists[kind] = r.items;
    diagnostics.push(...r.diagnostics);
  }
  return { hasSpecLists: true, product: top.product, requirements: lists.requirement, roadmap: lists.roadmap, insights: lists.insight, diagnostics };
}

function tooLarge(text: string, config: SpectraceConfig): Omit<SpecFile, 'file'> {
  const firstLineEnd = text.search(/\r?\n|\r/);
  const end = Math.min(firstLineEnd < 0 ? text.length : firstLineEnd, 200);
  const message = `file too large to check: ${formatSize(text.length)} is over the ${formatSize(config.maxSpecFileSize)} limit — split the file or raise maxSpecFileSize in spectrace.yaml`;
  return {
    hasSpecLists: /^(?:requirements|roadmap|insights)[ ]*:/m.test(text),
    product: undefined,
    requirements: [],
    roadmap: [],
    insights: [],
    diagnostics: [diag('file-too-large', { start: { line: 0, character: 0 }, end: { line: 0, character: end } }, message, config)],
  };
}

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Attach the file, drop diagnostics whose rule is `off`, and put them in order (diagnosticOrder.ts). */
function finish(file: string, r: Omit<SpecFile, 'file'>, config: SpectraceConfig): SpecFile {
  const diagnostics: SpecDiagnostic[] = [];
  for (const d of r.diagnostics) {
    if (severityFor(d.code, config.rules) === undefined) continue;
    diagnostics.push(d.file === file ? d : { ...d, file });
  }
  inDiagnosticOrder(diagnostics);
  // Items already carry `file` (placed chunks, or set by the whole-document reading).
  return { file, hasSpecLists: r.hasSpecLists, product: r.product, requirements: r.requirements, roadmap: r.roadmap, insights: r.insights, diagnostics };
}
