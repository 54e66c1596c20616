// What the burn-up needs from one version of one spec file: its requirements' IDs, roadmap items and
// statuses, and its roadmap items' parents; or the YAML error that makes the version unusable.
// Versions of a file differ in a few items, so a version is cut into items by the editor's chunker
// (re-splitting only around what changed since the file's previous version) and each item text is
// read once for all versions (memo by text); a text the chunker cannot cut, an
// item that does not parse or a top level that does not agree is read by the editor's SpecAnalyzer
// instead, so history and the open workspace agree on what a file says. Pure.
import { isMap, isScalar, isSeq } from 'yaml';
import { KIND_OF_CODE, resplitSpec, splitSpec } from '../spec/chunker';
import type { Layout } from '../spec/chunker';
import { simpleYamlReader } from '../spec/simpleYaml';
import type { SpecAnalyzer } from '../spec/specAnalyzer';
import { parseYaml, toPlain, usesAnchorsOrAliases } from '../spec/yamlNodes';
import type { ItemKind, SpecItem } from '../types';

export interface VersionRequirement {
  id: string;
  roadmap: string | undefined;
  status: string | undefined;
}

export interface VersionRoadmapItem {
  id: string;
  parent: string | undefined;
}

export interface SpecVersion {
  requirements: VersionRequirement[];
  roadmap: VersionRoadmapItem[];
  /** The version does not parse as YAML: the first error, as "line N: message". */
  error?: string;
}

/** One item text's reading (shared by every version with that text), or undefined when only the analyzer can tell. */
type ItemReading = { kind: 'requirement'; requirement: VersionRequirement | undefined } | { kind: 'roadmap'; roadmap: VersionRoadmapItem | undefined } | { kind: 'insight' } | undefined;

/** Item texts remembered before the memo starts over (a bound on memory over a long history). */
const MAX_MEMO = 200_000;

/** A reference field as the burn-up reads it: `R-1@2` (a reviewed link) names R-1. */
function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/@\d+$/, '') || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function field(it: SpecItem, key: string): string | undefined {
  return idText((it.value as Record<string, unknown> | null | undefined)?.[key]);
}

/** The burn-up's view of a SpecAnalyzer reading (the reference, and the path for texts off the fast one). */
export function analyzeSpecVersion(analyzer: SpecAnalyzer, file: string, content: string): SpecVersion {
  const { spec } = analyzer.analyze(file, content);
  const syntax = spec.diagnostics.find((d) => d.code === 'yaml-syntax' || d.code === 'file-too-large');
  if (syntax) return { requirements: [], roadmap: [], error: `line ${syntax.range.start.line + 1}: ${syntax.message}` };
  const requirements: VersionRequirement[] = [];
  for (const it of spec.requirements) if (it.id !== undefined) requirements.push({ id: it.id, roadmap: field(it, 'roadmap'), status: field(it, 'status') });
  const roadmap: VersionRoadmapItem[] = [];
  for (const it of spec.roadmap) if (it.id !== undefined) roadmap.push({ id: it.id, parent: field(it, 'parent') });
  return { requirements, roadmap };
}

/** Reads the versions of spec files, remembering every item text and top level it has read. */
export class SpecVersionReader {
  private items = new Map<string, ItemReading>();
  private skeletons = new Map<string, boolean>();
  /** Per file, the last version read on the fast path and its layout (the next version is re-split from it). */
  private readonly previous = new Map<string, { text: string; layout: Layout }>();

  constructor(
    /** Texts over this many characters go to the analyzer (which reports them as too large). */
    private readonly maxFileSize: number,
  ) {}

  /** The version `content` of `file`; `analyzer` reads what the item memo cannot. */
  read(file: string, content: string, analyzer: () => SpecAnalyzer): SpecVersion {
    const prev = this.previous.get(file);
    this.previous.delete(file); // a re-split uses the previous layout up
    const layout = content.length > this.maxFileSize ? undefined : prev ? resplitSpec(prev.text, prev.layout, content) : splitSpec(content);
    const fast = layout ? this.readByItems(content, layout) : undefined;
    if (layout && fast) this.previous.set(file, { text: content, layout });
    return fast ?? analyzeSpecVersion(analyzer(), file, content);
  }

  private readByItems(text: string, layout: Layout): SpecVersion | undefined {
    let skeleton = '';
    for (const l of layout.skeletonLines) skeleton += `${text.slice(l.start, l.end)}\n`;
    if (!this.skeletonAgrees(skeleton, layout.sections)) return undefined;
    if (this.items.size > MAX_MEMO) this.items = new Map();
    const version: SpecVersion = { requirements: [], roadmap: [] };
    for (let i = 0; i < layout.count; i++) {
      let reading = layout.memos[i] as ItemReading;
      if (reading === undefined) {
        const piece = text.slice(layout.starts[i], layout.ends[i]);
        reading = this.items.get(piece);
        if (reading === undefined && !this.items.has(piece)) {
          reading = readItem(KIND_OF_CODE[layout.kinds[i]], piece);
          this.items.set(piece, reading);
        }
        layout.memos[i] = reading;
      }
      if (reading === undefined || reading.kind !== KIND_OF_CODE[layout.kinds[i]]) return undefined;
      // Insights have no part in a burn-up: read (so a broken one sends the file to the analyzer), not kept.
      if (reading.kind === 'requirement') {
        if (reading.requirement) version.requirements.push(reading.requirement);
      } else if (reading.kind === 'roadmap' && reading.roadmap) version.roadmap.push(reading.roadmap);
    }
    return version;
  }

  /** The top level parses, and each list the chunker found is an empty `key:` in it (as the analyzer checks). */
  private skeletonAgrees(skeleton: string, sections: readonly ItemKind[]): boolean {
    const key = `${sections.join(',')}\n${skeleton}`;
    let agrees = this.skeletons.get(key);
    if (agrees === undefined) {
      const doc = parseYaml(skeleton);
      const contents = doc.contents;
      const lists = isMap(contents) ? contents.items.filter((p) => isScalar(p.key) && (p.key.value === 'requirements' || p.key.value === 'roadmap' || p.key.value === 'insights')) : [];
      agrees =
        doc.errors.length === 0 &&
        !usesAnchorsOrAliases(doc) &&
        lists.length === sections.length &&
        lists.every((p) => p.value === null || (isScalar(p.value) && p.value.value === null && !p.value.source));
      if (this.skeletons.size > 64) this.skeletons.clear();
      this.skeletons.set(key, agrees);
    }
    return agrees;
  }
}

/** One item chunk's fields, or undefined when it does not parse cleanly as exactly one plain item. */
function readItem(kind: ItemKind, text: string): ItemReading {
  const doc = simpleYamlReader().parseItems(text) ?? parseYaml(text);
  if (doc.errors.length > 0 || !isSeq(doc.contents) || doc.contents.items.length !== 1 || usesAnchorsOrAliases(doc)) return undefined;
  const value = toPlain(doc.contents.items[0], doc);
  const map = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const id = typeof map.id === 'string' && map.id !== '' ? map.id : undefined;
  if (kind === 'insight') return { kind };
  if (kind === 'requirement') return { kind, requirement: id === undefined ? undefined : { id, roadmap: idText(map.roadmap), status: idText(map.status) } };
  return { kind, roadmap: id === undefined ? undefined : { id, parent: idText(map.parent) } };
}
