// The workspace index: every spec item, reference and code tag of one workspace folder, kept current
// file by file, with the cross-file rules and the queries the server, the CLI and the reports use.
//
// Incremental by construction: each file contributes entries to three maps keyed by ID (definitions,
// spec references, code tags). Updating a file removes exactly its old entries and adds its new
// ones (only the items that changed, compared by identity: the spec analyzer hands back the same
// item objects for untouched items), then tells the rule engine which IDs were touched. Rules are
// recomputed lazily, for those IDs only, on the next `diagnostics()` call.
import * as path from 'node:path';
import { extractTags } from '../code/codeTags';
import { minifiedSkip } from '../code/minified';
import { CONFIG_FILE_NAME, DEFAULT_ID_PATTERN, defaultConfig, parseConfig } from '../config/config';
import { createPathClassifier } from '../config/globs';
import { inDiagnosticOrder, mergeDiagnostics } from '../text/diagnosticOrder';
import { comparePositions } from '../text/positions';
import {
  compareItems,
  coverageOf,
  nextFreeId,
  progressOf,
  searchItems,
  sortProgress,
  splitTags,
  today,
  traceOf,
} from './queries';
import type { FileClass, IdAt, IncomingRef, ReferencesToId, WorkspaceIndexReader } from './indexReader';
import type { GraphEdge } from '../rules/ruleModel';
import { RuleEngine } from '../rules/ruleEngine';
import { createSchemaSet } from '../schema/schemaSet';
import type { SchemaSet } from '../schema/schemaSet';
import { SpecAnalyzer } from '../spec/specAnalyzer';
import type { KeptItems } from '../spec/specAnalyzer';
import { revisionOf, wholeText } from '../spec/specSource';
import type { SpecInput } from '../spec/specSource';
import type {
  CodeFile,
  CodeTag,
  CoverageState,
  CoverageTotals,
  ItemKind,
  Position,
  Range,
  RequirementTrace,
  RoadmapProgress,
  SpecDiagnostic,
  SpecFile,
  SpecItem,
  SpectraceConfig,
} from '../types';

export interface WorkspaceIndexOptions {
  /** The clock for overdue roadmap items (tests inject a fixed date). Default: the system clock. */
  now?: () => Date;
  /** False in an untrusted workspace: no workspace-provided schema or ID pattern is loaded. Default true. */
  trusted?: boolean;
  /**
   * Reads custom schema files, and code files again when a config change alters the tag words or
   * the ID pattern. Returns undefined when the file cannot be read. The engine reads no disk: the
   * disk layer passes its reader (disk/readRegularFile.ts), tests a map of texts.
   */
  readFile: (absPath: string) => string | undefined;
}

interface SpecEntry {
  analyzer: SpecAnalyzer;
  /** What the spec was read from: a string, or an open document (which changes under us: see `revision`). */
  input: SpecInput;
  /** The source's revision when read (0 for a string). */
  revision: number;
  spec: SpecFile;
}

const DEFAULT_SEARCH_LIMIT = 50;
/** A relative path that path.relative would change: empty, `.` or `..` segments, a trailing separator. */
const ABNORMAL_PATH = /(?:^|[\\/])\.{0,2}(?:[\\/]|$)/;

export class WorkspaceIndex implements WorkspaceIndexReader {
  readonly root: string;
  private _version = 0;
  private _config: SpectraceConfig = defaultConfig();
  private readonly _configFile: string;
  private configDiagnostics: SpecDiagnostic[] = [];
  /** The text the config was last loaded from (undefined: no config file). */
  private configText: string | undefined;
  private schemaSet!: SchemaSet;
  private classifier!: ReturnType<typeof createPathClassifier>;
  private schemaFiles = new Set<string>();

  private readonly clock: () => Date;
  private readonly trusted: boolean;
  private readonly readFile: (absPath: string) => string | undefined;

  private readonly specs = new Map<string, SpecEntry>();
  private readonly codes = new Map<string, CodeFile>();
  /** id -> the items defining it, sorted by file and position. */
  private readonly defs = new Map<string, SpecItem[]>();
  /** id -> the spec references naming it, sorted by file and position. */
  private readonly refs = new Map<string, IncomingRef[]>();
  /** id -> how many of its references expect a requirement, and how many a roadmap item. */
  private readonly refKinds = new Map<string, Record<ItemKind, number>>();
  /** id -> the code tags naming it, sorted by file and position. */
  private readonly tagMap = new Map<string, CodeTag[]>();

  private readonly rules: RuleEngine;
  /** The merged diagnostics per file, as last returned; rebuilt for changed files only. */
  private readonly output = new Map<string, SpecDiagnostic[]>();
  /** Files whose file-local diagnostics changed since the last `diagnostics()` call. */
  private readonly localChanged = new Set<string>();
  /** Memoized whole-index lists, valid for one version. */
  private memo: { version: number; requirements?: SpecItem[]; roadmap?: SpecItem[]; totals?: CoverageTotals } = { version: -1 };

  constructor(root: string, options: WorkspaceIndexOptions) {
    this.root = root;
    this._configFile = path.join(root, CONFIG_FILE_NAME);
    this.clock = options.now ?? (() => new Date());
    this.trusted = options.trusted ?? true;
    this.readFile = options.readFile;
    this.rules = new RuleEngine(this, (f) => this.relative(f), () => this.allIds());
    this.loadConfig(undefined);
  }

  // -------------------------------------------------------------------------------------------
  // State

  /** A counter that increments on every change of the index contents. */
  get version(): number {
    return this._version;
  }

  /** The effective configuration (in an untrusted workspace: without the workspace's ID pattern and schemas). */
  get config(): SpectraceConfig {
    return this._config;
  }

  get configFile(): string {
    return this._configFile;
  }

  now(): Date {
    return this.clock();
  }

  /**
   * (Re)load spectrace.yaml (undefined: no config file) and the custom schemas it names, then
   * re-analyze every spec file from its kept text and re-scan the code files if the tag words or
   * the ID pattern changed (read again through `readFile`). Files the new globs no longer match
   * leave the index. Files they newly match are not looked for (no disk walk here): a caller that
   * needs them after a change of the `specs` or `code` globs re-indexes the folder (`indexFolder`).
   */
  setConfig(text: string | undefined): void {
    const before = this._config;
    this.loadConfig(text);
    const rescanCode =
      JSON.stringify(before.tags) !== JSON.stringify(this._config.tags) ||
      before.idPattern !== this._config.idPattern ||
      before.maxFileSize !== this._config.maxFileSize;

    const specTexts = [...this.specs].map(([file, e]) => [file, e.input] as const);
    const codeFiles = [...this.codes.values()];
    this.specs.clear();
    this.codes.clear();
    this.defs.clear();
    this.refs.clear();
    this.refKinds.clear();
    this.tagMap.clear();
    for (const f of this.output.keys()) this.localChanged.add(f);
    for (const [file, text] of specTexts) {
      const kind = this.classify(file);
      if (kind === 'spec') this.putSpec(file, text);
      else if (kind === 'code') this.putCode(file, wholeText(text));
    }
    for (const code of codeFiles) {
      if (this.classify(code.file) !== 'code') continue;
      if (!rescanCode) {
        this.putCodeTags(code.file, code.tags);
        continue;
      }
      // Read again (the tags depend on the words and pattern); a file that became unreadable or
      // minified since leaves the index, as the folder scan would skip it.
      const text = this.readFile(code.file);
      if (text !== undefined && !minifiedSkip(code.file, text, this._config)) this.putCode(code.file, text);
    }
    this.rules.invalidateAll();
    this._version++;
  }

  private loadConfig(text: string | undefined): void {
    const parsed = parseConfig(this._configFile, text);
    const set = createSchemaSet({ config: parsed.config, configFile: this._configFile, configText: text, readFile: this.readFile, trusted: this.trusted });
    const effective = parsed.config;
    if (!this.trusted) {
      effective.idPattern = DEFAULT_ID_PATTERN;
      effective.schemas = {};
    }
    this._config = effective;
    this.configText = text;
    this.schemaSet = set.schemaSet;
    this.configDiagnostics = [...parsed.diagnostics, ...set.diagnostics];
    for (const d of this.configDiagnostics) this.localChanged.add(d.file);
    this.localChanged.add(this._configFile);
    this.classifier = createPathClassifier(effective);
    const base = path.dirname(this._configFile);
    this.schemaFiles = new Set(
      Object.values(parsed.config.schemas)
        .filter((s): s is string => typeof s === 'string' && s.length > 0)
        .map((s) => path.resolve(base, s.split('#')[0])),
    );
  }

  /** Which role a file plays: the config, a spec-glob file, a code file, or none of them. */
  classify(file: string): FileClass {
    if (file === this._configFile) return 'config';
    const posix = this.folderRelative(file);
    if (posix === undefined) return 'none';
    if (this.classifier.isSpecPath(posix)) return 'spec';
    if (this.classifier.isCodePath(posix)) return 'code';
    return 'none';
  }

  /**
   * A path below the folder as a relative POSIX path; undefined outside it. Paths from the walk are
   * already normal, so the common case is a prefix cut (path.relative on each of 20,000 code files
   * was most of their classification); anything else goes through path.relative.
   */
  private folderRelative(file: string): string | undefined {
    const prefix = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
    if (file.startsWith(prefix) && !ABNORMAL_PATH.test(file.slice(prefix.length))) {
      const rel = file.slice(prefix.length);
      if (rel) return path.sep === '/' ? rel : rel.split(path.sep).join('/');
    }
    const rel = path.relative(this.root, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  /** A custom schema file named by the config (a change means `setConfig` again). Untrusted workspaces load none. */
  isSchemaFile(file: string): boolean {
    return this.schemaFiles.has(path.resolve(file));
  }

  /**
   * Index a file's text, routed by `classify()`: a spec-glob file is analyzed (one that is not a spec
   * contributes no items and no diagnostics), a code file is scanned for tags, the config file is
   * loaded. A file that is none of these is dropped if it was indexed.
   */
  updateFile(file: string, input: SpecInput): void {
    switch (this.classify(file)) {
      case 'config': {
        // Saving an unchanged config must not re-analyze the workspace.
        const text = wholeText(input);
        if (text !== this.configText) this.setConfig(text);
        return;
      }
      case 'spec': {
        const old = this.specs.get(file);
        if (old && old.input === input && old.revision === revisionOf(input)) return;
        if (this.codes.has(file)) this.dropCode(file);
        this.putSpec(file, input);
        break;
      }
      case 'code': {
        const text = wholeText(input);
        if (this.specs.has(file)) this.dropSpec(file);
        const tags = text.length > this._config.maxFileSize ? [] : this.scan(file, text);
        const old = this.codes.get(file);
        if (old && sameTags(old.tags, tags)) return;
        this.putCodeTags(file, tags);
        break;
      }
      case 'none':
        this.removeFile(file);
        return;
    }
    this._version++;
  }

  /**
   * Index a code file from tags already extracted with this index's `config` (indexFolder scans code
   * files in parallel off the main path and hands the results over). Ignored for a non-code path.
   */
  updateCodeTags(file: string, tags: CodeTag[]): void {
    if (this.classify(file) !== 'code') return;
    if (this.setCodeTags(file, tags)) this._version++;
  }

  /**
   * The tags of code files a walk of this folder found under the current config (discovery.ts
   * classified them with the same globs): as updateCodeTags, without classifying each path again.
   */
  addWalkedCode(files: readonly CodeFile[]): void {
    let changed = false;
    for (const { file, tags } of files) if (this.setCodeTags(file, tags)) changed = true;
    if (changed) this._version++;
  }

  /** A code file's tags (it stops being a spec if it was one); whether they differ from those held. */
  private setCodeTags(file: string, tags: CodeTag[]): boolean {
    if (this.specs.has(file)) this.dropSpec(file);
    const old = this.codes.get(file);
    if (old && sameTags(old.tags, tags)) return false;
    this.putCodeTags(file, tags);
    return true;
  }

  removeFile(file: string): void {
    if (file === this._configFile) {
      this.setConfig(undefined);
      return;
    }
    const had = this.dropSpec(file) || this.dropCode(file);
    if (had) this._version++;
  }

  // -------------------------------------------------------------------------------------------
  // Per-file contributions

  /**
   * What a spec file's analysis depends on besides its text: the config text, trust, and the texts of
   * the custom schema files. Two indexes with the same key analyze the same text the same way
   * (specResultCache.ts persists analyses under it).
   */
  analysisKey(): string {
    const schemas = [...this.schemaFiles].sort().map((f) => [f, this.readFile(f) ?? null]);
    return JSON.stringify({ config: this.configText ?? null, trusted: this.trusted, schemas });
  }

  /**
   * Index a spec file with an analysis made earlier of this same text under the same `analysisKey()`
   * (a persisted one): what `updateFile(file, text)` would do, without parsing. False (nothing done)
   * when the file is not a spec-glob file or is already indexed.
   */
  restoreSpec(file: string, text: string, spec: SpecFile): boolean {
    if (this.classify(file) !== 'spec' || this.specs.has(file) || spec.file !== file) return false;
    if (this.codes.has(file)) this.dropCode(file);
    // The analyzer starts empty: the first edit of this file reads it whole.
    this.specs.set(file, { analyzer: new SpecAnalyzer(this.schemaSet, this._config), input: text, revision: 0, spec });
    this.localChanged.add(file);
    this.replaceItems([], [spec.requirements, spec.roadmap]);
    this._version++;
    return true;
  }

  private putSpec(file: string, input: SpecInput): void {
    const existing = this.specs.get(file);
    const entry = existing ?? { analyzer: new SpecAnalyzer(this.schemaSet, this._config), input, revision: 0, spec: emptySpec(file) };
    const oldSpec = existing?.spec;
    entry.input = input;
    entry.revision = revisionOf(input);
    const { spec, change } = entry.analyzer.analyze(file, input);
    entry.spec = spec;
    this.specs.set(file, entry);
    this.localChanged.add(file);
    // Updated in place, `oldSpec`'s lists are the new ones: the analyzer gives the edited span.
    if (change.kind === 'in-place') {
      this.replaceItems([change.removed], [change.added]);
      return;
    }
    // Otherwise it says which items at the start of each list it kept from `oldSpec` (its previous result).
    const kept = oldSpec ? change.kept : undefined;
    this.replaceItems(
      oldSpec ? [oldSpec.requirements, oldSpec.roadmap] : [],
      [entry.spec.requirements, entry.spec.roadmap],
      kept && [kept.requirement, kept.roadmap],
    );
  }

  private dropSpec(file: string): boolean {
    const entry = this.specs.get(file);
    if (!entry) return false;
    this.specs.delete(file);
    this.localChanged.add(file);
    this.replaceItems([entry.spec.requirements, entry.spec.roadmap], []);
    return true;
  }

  /** Swap one file's old items for its new ones in the ID maps; only items that are not the same objects move. */
  private replaceItems(oldLists: SpecItem[][], newLists: SpecItem[][], kept?: KeptItems[]): void {
    const { removed, added } = diffItemLists(oldLists, newLists, kept);
    this.applyItemDelta(removed, added);
  }

  /** Take `removed` out of the ID maps and put `added` in (no item in both). */
  private applyItemDelta(removed: readonly SpecItem[], added: readonly SpecItem[]): void {
    if (removed.length === 0 && added.length === 0) return;

    const dirty = new Set<string>();
    // The parent/depends_on edges the removed items take away and the added ones bring (a multiset).
    const edges = new Map<string, { count: number; edge: GraphEdge }>();
    const kindsBefore = new Map<string, [boolean, boolean]>();
    const touch = (it: SpecItem, sign: number) => {
      for (const r of it.references) {
        dirty.add(r.targetId);
        if (it.id !== undefined && (r.field === 'parent' || r.field === 'depends_on')) {
          const key = `${it.kind}\u0000${it.id}\u0000${r.field}\u0000${r.targetKind}\u0000${r.targetId}`;
          const entry = edges.get(key);
          if (entry) entry.count += sign;
          else edges.set(key, { count: sign, edge: { kind: it.kind, id: it.id, field: r.field, targetKind: r.targetKind, targetId: r.targetId } });
        }
      }
      if (it.id === undefined) return;
      dirty.add(it.id);
      if (!kindsBefore.has(it.id)) kindsBefore.set(it.id, this.kindsOf(it.id));
      // A roadmap item listing this one under `requirements:` tracks its status too.
      for (const inc of this.refs.get(it.id) ?? []) if (inc.ref.field === 'requirements' && inc.item.id) dirty.add(inc.item.id);
    };
    for (const it of removed) touch(it, -1);
    for (const it of added) touch(it, 1);

    for (const it of removed) {
      if (it.id !== undefined) removeSorted(this.defs, it.id, it, compareItems, (x) => x === it);
      for (const ref of it.references) {
        if (removeSorted(this.refs, ref.targetId, { item: it, ref }, compareIncoming, (x) => x.ref === ref && x.item === it)) this.countRef(ref.targetId, ref.targetKind, -1);
      }
    }
    for (const it of added) {
      if (it.id !== undefined) insertSorted(this.defs, it.id, it, compareItems);
      for (const ref of it.references) {
        insertSorted(this.refs, ref.targetId, { item: it, ref }, compareIncoming);
        this.countRef(ref.targetId, ref.targetKind, 1);
      }
    }
    // Added items may also have been touched before removal bookkeeping; mark their dependants too.
    for (const it of added) if (it.id) for (const inc of this.refs.get(it.id) ?? []) if (inc.ref.field === 'requirements' && inc.item.id) dirty.add(inc.item.id);

    for (const [id, [req, road]] of kindsBefore) {
      const [req2, road2] = this.kindsOf(id);
      if (req !== req2) this.rules.idSetChanged(id, 'requirement', req2);
      if (road !== road2) this.rules.idSetChanged(id, 'roadmap', road2);
    }
    this.rules.invalidateIds(dirty);
    // Typing in a title changes no edge: the cycle check only reruns when a cycle diagnostic sits in
    // an item that was replaced (its ranges may have moved) or a new edge closes a circle.
    this.rules.itemsReplaced(removed);
    const gained: GraphEdge[] = [];
    for (const { count, edge } of edges.values()) if (count > 0) gained.push(edge);
    if (gained.length > 0) this.rules.edgesAdded(gained);
  }

  private countRef(id: string, kind: ItemKind, by: number): void {
    const counts = this.refKinds.get(id);
    if (counts) {
      counts[kind] += by;
      if (counts.requirement === 0 && counts.roadmap === 0) this.refKinds.delete(id);
    } else if (by > 0) this.refKinds.set(id, kind === 'requirement' ? { requirement: by, roadmap: 0 } : { requirement: 0, roadmap: by });
  }

  private kindsOf(id: string): [boolean, boolean] {
    const defs = this.defs.get(id);
    if (!defs) return [false, false];
    return [defs.some((d) => d.kind === 'requirement'), defs.some((d) => d.kind === 'roadmap')];
  }

  private scan(file: string, text: string): CodeTag[] {
    return extractTags(file, text, this._config);
  }

  private putCode(file: string, text: string): void {
    this.putCodeTags(file, text.length > this._config.maxFileSize ? [] : this.scan(file, text));
  }

  private putCodeTags(file: string, tags: CodeTag[]): void {
    const old = this.codes.get(file);
    const dirty = new Set<string>();
    if (old) {
      for (const t of old.tags) {
        dirty.add(t.id);
        removeFrom(this.tagMap, t.id, (x) => x === t);
      }
    }
    const sorted = [...tags].sort(compareTags);
    for (const t of sorted) {
      dirty.add(t.id);
      insertSorted(this.tagMap, t.id, t, compareTags);
    }
    this.codes.set(file, { file, tags: sorted });
    this.rules.invalidateIds(dirty);
  }

  private dropCode(file: string): boolean {
    const old = this.codes.get(file);
    if (!old) return false;
    this.codes.delete(file);
    const dirty = new Set<string>();
    for (const t of old.tags) {
      dirty.add(t.id);
      removeFrom(this.tagMap, t.id, (x) => x === t);
    }
    this.rules.invalidateIds(dirty);
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // What the rules and queries read

  definitions(id: string): readonly SpecItem[] {
    return this.defs.get(id) ?? [];
  }

  incoming(id: string): readonly IncomingRef[] {
    return this.refs.get(id) ?? [];
  }

  incomingCount(id: string, targetKind: ItemKind): number {
    return this.refKinds.get(id)?.[targetKind] ?? 0;
  }

  tags(id: string): readonly CodeTag[] {
    return this.tagMap.get(id) ?? [];
  }

  definedIds(): Iterable<string> {
    return this.defs.keys();
  }

  private *allIds(): Iterable<string> {
    yield* this.defs.keys();
    yield* this.refs.keys();
    yield* this.tagMap.keys();
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics

  /**
   * Diagnostics per file after the cross-file rules and the `rules` severity overrides (`off`
   * removes a rule). The map holds only files with at least one diagnostic; a file missing from it
   * is clean (callers diff against what they published). The arrays are shared: do not mutate them.
   */
  diagnostics(): Map<string, SpecDiagnostic[]> {
    this.refresh();
    return new Map(this.output);
  }

  diagnosticsFor(file: string): SpecDiagnostic[] {
    this.refresh();
    return this.output.get(file) ?? [];
  }

  /** Recompute the stale rules and re-merge the files whose diagnostics changed. */
  private refresh(): void {
    const changed = this.rules.run();
    for (const f of this.localChanged) changed.add(f);
    this.localChanged.clear();
    for (const file of changed) {
      // The file's own diagnostics come in order (the analyzer keeps them so): only the rules' are sorted.
      const list = mergeDiagnostics(inDiagnosticOrder(this.localDiagnostics(file)), inDiagnosticOrder(this.rules.diagnosticsIn(file)));
      if (list.length === 0) this.output.delete(file);
      else this.output.set(file, list);
    }
  }

  private localDiagnostics(file: string): SpecDiagnostic[] {
    const spec = this.specs.get(file)?.spec.diagnostics ?? [];
    const config = this.configDiagnostics.filter((d) => d.file === file);
    return config.length === 0 ? spec : [...config, ...spec];
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  specFiles(): SpecFile[] {
    return [...this.specs.keys()].sort().map((f) => (this.specs.get(f) as SpecEntry).spec);
  }

  specFile(file: string): SpecFile | undefined {
    return this.specs.get(file)?.spec;
  }

  codeFiles(): CodeFile[] {
    return [...this.codes.keys()].sort().map((f) => this.codes.get(f) as CodeFile);
  }

  codeFile(file: string): CodeFile | undefined {
    return this.codes.get(file);
  }

  /** Every requirement, by file path then position. */
  requirements(): SpecItem[] {
    const memo = this.fresh();
    return [...(memo.requirements ??= this.specFiles().flatMap((s) => s.requirements))];
  }

  /** Every roadmap item, by file path then position. */
  roadmapItems(): SpecItem[] {
    const memo = this.fresh();
    return [...(memo.roadmap ??= this.specFiles().flatMap((s) => s.roadmap))];
  }

  /** The first definition of an ID (by file path, then position). */
  item(id: string): SpecItem | undefined {
    return this.defs.get(id)?.[0];
  }

  /** The trace of a requirement; undefined when no requirement has this ID. */
  trace(id: string): RequirementTrace | undefined {
    const requirement = this.definitions(id).find((d) => d.kind === 'requirement');
    return requirement && traceOf(this, requirement);
  }

  coverage(id: string): CoverageState | undefined {
    const requirement = this.definitions(id).find((d) => d.kind === 'requirement');
    return requirement && coverageOf(this, requirement);
  }

  /**
   * Totals over requirements with an ID, each ID counted once: how many fall under the policy, how
   * many of those satisfy it, how many have at least one implementation / test.
   */
  coverageTotals(): CoverageTotals {
    const memo = this.fresh();
    if (memo.totals) return { ...memo.totals };
    const t: CoverageTotals = { requirements: 0, underPolicy: 0, satisfied: 0, implemented: 0, tested: 0 };
    const seen = new Set<string>();
    for (const r of this.requirements()) {
      if (!r.id || seen.has(r.id)) continue;
      seen.add(r.id);
      const c = coverageOf(this, r);
      t.requirements++;
      if (c.underPolicy) t.underPolicy++;
      if (c.underPolicy && c.satisfied) t.satisfied++;
      if (c.implementations > 0) t.implemented++;
      if (c.tests > 0) t.tested++;
    }
    memo.totals = t;
    return { ...t };
  }

  /** Every roadmap item with an ID, its requirements and progress, sorted by due date (undated last). */
  roadmapProgress(): RoadmapProgress[] {
    const todayIso = today(this.clock());
    return sortProgress(this.roadmapItems().filter((i) => i.id).map((i) => progressOf(this, i, todayIso)));
  }

  /** `PAY` -> `PAY-13` when PAY-12 is the highest PAY ID in use (gaps are not reused). */
  nextFreeId(prefix: string): string {
    return nextFreeId(prefix, this.defs.keys());
  }

  /** Requirements and roadmap items by ID or title, fuzzy, best first. */
  search(query: string, limit = DEFAULT_SEARCH_LIMIT): SpecItem[] {
    return searchItems([...this.requirements(), ...this.roadmapItems()], query, limit);
  }

  referencesTo(id: string): ReferencesToId {
    const { implementations, tests } = splitTags(this.tags(id));
    return {
      definitions: [...this.definitions(id)],
      specReferences: this.incoming(id).map((r) => ({ file: r.item.file, range: r.ref.range })),
      implementations,
      tests,
    };
  }

  /** What ID is at this position: an item's id, a reference in a spec, or a tag in code. */
  idAt(file: string, pos: Position): IdAt | undefined {
    const spec = this.specs.get(file)?.spec;
    if (spec) {
      for (const list of [spec.requirements, spec.roadmap]) {
        const item = itemAt(list, pos);
        if (!item) continue;
        if (item.id !== undefined && item.idRange && contains(item.idRange, pos)) return { id: item.id, range: item.idRange, role: 'definition' };
        for (const r of item.references) if (contains(r.range, pos)) return { id: r.targetId, range: r.range, role: 'reference' };
      }
      return undefined;
    }
    for (const t of this.codes.get(file)?.tags ?? []) if (contains(t.range, pos)) return { id: t.id, range: t.range, role: 'tag' };
    return undefined;
  }

  // -------------------------------------------------------------------------------------------

  private fresh(): typeof this.memo {
    if (this.memo.version !== this._version) this.memo = { version: this._version };
    return this.memo;
  }

  private relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function emptySpec(file: string): SpecFile {
  return { file, isSpec: false, product: undefined, requirements: [], roadmap: [], diagnostics: [] };
}

/** Remove the first entry `match` accepts from the list under `key`; whether there was one. */
function removeFrom<T>(map: Map<string, T[]>, key: string, match: (x: T) => boolean): boolean {
  const list = map.get(key);
  if (!list) return false;
  const i = list.findIndex(match);
  if (i < 0) return false;
  if (list.length === 1) map.delete(key);
  else list.splice(i, 1);
  return true;
}

/**
 * `removeFrom` for a list sorted by `compare`: a binary search to where `probe` sorts, then the entry
 * among its equals that `match`es (a roadmap item may have thousands of references; each keystroke in
 * one of them removes one). A list out of order falls back to the walk.
 */
function removeSorted<T>(map: Map<string, T[]>, key: string, probe: T, compare: (a: T, b: T) => number, match: (x: T) => boolean): boolean {
  const list = map.get(key);
  if (!list) return false;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid], probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && compare(list[i], probe) === 0; i++) {
    if (!match(list[i])) continue;
    if (list.length === 1) map.delete(key);
    else list.splice(i, 1);
    return true;
  }
  return removeFrom(map, key, match);
}

function insertSorted<T>(map: Map<string, T[]>, key: string, value: T, compare: (a: T, b: T) => number): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [value]);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid], value) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}

function compareLocations(fa: string, ra: Range, fb: string, rb: Range): number {
  if (fa !== fb) return fa < fb ? -1 : 1;
  return comparePositions(ra.start, rb.start) || comparePositions(ra.end, rb.end);
}

function compareIncoming(a: IncomingRef, b: IncomingRef): number {
  return compareLocations(a.item.file, a.ref.range, b.item.file, b.ref.range);
}

function compareTags(a: CodeTag, b: CodeTag): number {
  return compareLocations(a.file, a.range, b.file, b.range) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

function sameTags(a: readonly CodeTag[], b: readonly CodeTag[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort(compareTags);
  return a.every((t, i) => {
    const u = sorted[i];
    return t.id === u.id && t.kind === u.kind && t.word === u.word && compareLocations(t.file, t.range, u.file, u.range) === 0 && comparePositions(t.wordRange.start, u.wordRange.start) === 0 && comparePositions(t.wordRange.end, u.wordRange.end) === 0;
  });
}

function contains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/** The item of a position-sorted list whose range contains `pos` (binary search). */
function itemAt(list: readonly SpecItem[], pos: Position): SpecItem | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = list[mid];
    if (comparePositions(pos, it.range.start) < 0) hi = mid - 1;
    else if (comparePositions(pos, it.range.end) > 0) lo = mid + 1;
    else return it;
  }
  return undefined;
}

/**
 * The items only in the old lists and the items only in the new ones (by identity). A keystroke
 * keeps every other item object of a file (the analyzer reuses them), so the lists share a long
 * prefix and suffix: those are skipped with pointer compares, and only the middle goes through sets.
 * At 20,000 items this is what keeps an edit from costing a walk through two 20,000-entry sets.
 * `kept` (per list pair, from the analyzer) says how long that prefix is at least, so the pointer
 * compares start after it: a walk over 20,000 items runs unoptimized on the first keystrokes. A hint
 * that does not hold at its edge is ignored.
 */
export function diffItemLists(
  oldLists: readonly SpecItem[][],
  newLists: readonly SpecItem[][],
  kept?: readonly KeptItems[],
): { removed: SpecItem[]; added: SpecItem[] } {
  const oldMiddle: SpecItem[] = [];
  const newMiddle: SpecItem[] = [];
  const pairs = Math.max(oldLists.length, newLists.length);
  for (let k = 0; k < pairs; k++) {
    const a = oldLists[k] ?? [];
    const b = newLists[k] ?? [];
    const shorter = Math.min(a.length, b.length);
    const hint = kept?.[k];
    const hintPrefix = hint && hint.prefix <= shorter && (hint.prefix === 0 || a[hint.prefix - 1] === b[hint.prefix - 1]) ? hint.prefix : 0;
    let start = hintPrefix;
    while (start < shorter && a[start] === b[start]) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
      endA--;
      endB--;
    }
    for (let i = start; i < endA; i++) oldMiddle.push(a[i]);
    for (let i = start; i < endB; i++) newMiddle.push(b[i]);
  }
  if (oldMiddle.length === 0 || newMiddle.length === 0) return { removed: oldMiddle, added: newMiddle };
  // An item may move between lists or within the middle: identity decides, not position.
  const newSet = new Set(newMiddle);
  const oldSet = new Set(oldMiddle);
  return { removed: oldMiddle.filter((it) => !newSet.has(it)), added: newMiddle.filter((it) => !oldSet.has(it)) };
}
