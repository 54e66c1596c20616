// The workspace index: every spec item, reference and code tag of one workspace folder, kept current
// file by file, with the cross-file rules and the queries the server, the CLI and the reports use.
//
// Incremental by construction: each file contributes entries to three maps keyed by ID (definitions,
// spec references, code tags). Updating a file removes exactly its old entries and adds its new
// ones (only the items that changed, compared by identity: the spec analyzer hands back the same
// item objects for untouched items), then tells the rule engine which IDs were touched. Rules are
// recomputed lazily, for those IDs only, on the next `diagnostics()` call.
//
// This class is the façade: the config it holds (configState.ts), the files' roles (pathRoles.ts),
// the ID maps (idMaps.ts), the merged diagnostics (indexDiagnostics.ts) and the queries (queries.ts,
// idAt.ts) each live in their own module.
import * as path from 'node:path';
import { extractTags } from '../code/codeTags';
import { minifiedSkip } from '../code/minified';
import { CONFIG_FILE_NAME } from '../config/config';
import { RuleEngine } from '../rules/ruleEngine';
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
  RequirementTrace,
  RoadmapProgress,
  SpecDiagnostic,
  SpecFile,
  SpecItem,
  SpectraceConfig,
} from '../types';
import { loadConfigState } from './configState';
import type { ConfigState } from './configState';
import { idAtPosition } from './idAt';
import { compareTags, IdMaps, sameTags } from './idMaps';
import { IndexDiagnostics } from './indexDiagnostics';
import type { FileClass, IdAt, IncomingRef, ReferencesToId, WorkspaceIndexReader } from './indexReader';
import type { LinkedTrace, PeerRules, TraceMember } from './linkedTrace';
import { diffItemLists } from './itemDiff';
import { classifyPath } from './pathRoles';
import { coverageOf, nextFreeId, progressOf, searchItems, sortProgress, splitTags, today, traceOf } from './queries';
import { inDiagnosticOrder } from '../text/diagnosticOrder';

export interface WorkspaceIndexOptions {
  /** The clock for overdue roadmap items (tests inject a fixed date). Default: the system clock. */
  now?: () => Date;
  /** False in an untrusted workspace: no workspace-provided schema or ID pattern is loaded. Default true. */
  trusted?: boolean;
  /**
   * Reads custom schema files, and code files again when a config change alters the tag words or
   * the ID pattern. Returns undefined when the file cannot be read. The engine reads no disk: the
   * disk layer passes its reader (disk/readText.ts), tests a map of texts.
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

export class WorkspaceIndex implements WorkspaceIndexReader, TraceMember {
  readonly root: string;
  private _version = 0;
  private readonly _configFile: string;
  /** What the config file gave: set by the constructor's first `loadConfig`. */
  private cfg!: ConfigState;

  private readonly clock: () => Date;
  private readonly trusted: boolean;
  private readonly readFile: (absPath: string) => string | undefined;

  private readonly specs = new Map<string, SpecEntry>();
  private readonly codes = new Map<string, CodeFile>();
  /** The per-ID lists: definitions, references, tags. */
  private readonly ids: IdMaps;
  private readonly rules: RuleEngine;
  private readonly diags: IndexDiagnostics;
  /** Memoized whole-index lists, valid for one version. */
  private memo: { version: number; requirements?: SpecItem[]; roadmap?: SpecItem[]; insights?: SpecItem[]; totals?: CoverageTotals } = { version: -1 };
  /** The trace this index is linked into with other folders' indexes (linkedTrace.ts), if any. */
  private linked: LinkedTrace<WorkspaceIndex> | undefined;
  /** Problems with the config found outside the engine (an `include:` folder that cannot be read). */
  private configProblems: SpecDiagnostic[] = [];
  /** Changes of linked indexes that change what this one answers (added to `version`). */
  private peerVersion = 0;

  constructor(root: string, options: WorkspaceIndexOptions) {
    this.root = root;
    this._configFile = path.join(root, CONFIG_FILE_NAME);
    this.clock = options.now ?? (() => new Date());
    this.trusted = options.trusted ?? true;
    this.readFile = options.readFile;
    // Linked or not, the rules run for the IDs this folder's own files name: a rule's diagnostics sit
    // on the files naming its ID, and this index reports its own files only.
    this.rules = new RuleEngine(this, (f) => this.relative(f), () => this.ids.allIds());
    // What an edit touches is told to this index's rules and, when linked, to every other member's.
    const told: PeerRules = {
      invalidateIds: (ids) => {
        this.rules.invalidateIds(ids);
        // Another folder recomputes only the IDs its own files name.
        this.linked?.tell(this, (r, peer) => r.invalidateIds([...ids].filter((id) => peer.ownIds().has(id))));
      },
      idSetChanged: (id, kind, present) => {
        this.rules.idSetChanged(id, kind, present);
        this.linked?.tell(this, (r) => r.idSetChanged(id, kind, present));
      },
      itemsReplaced: (removed) => {
        this.rules.itemsReplaced(removed);
        this.linked?.tell(this, (r) => r.itemsReplaced(removed));
      },
      edgesAdded: (edges) => {
        this.rules.edgesAdded(edges);
        this.linked?.tell(this, (r) => r.edgesAdded(edges));
      },
    };
    this.ids = new IdMaps(told);
    this.diags = new IndexDiagnostics(this.rules, (file) => this.localDiagnostics(file), (file) => this.owns(file));
    this.loadConfig(undefined);
  }

  // -------------------------------------------------------------------------------------------
  // State

  /** A counter that increments on every change of the index contents. */
  get version(): number {
    return this._version + this.peerVersion;
  }

  /** The effective configuration (in an untrusted workspace: without the workspace's ID pattern and schemas). */
  get config(): SpectraceConfig {
    return this.cfg.config;
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
    const before = this.cfg.config;
    this.loadConfig(text);
    const after = this.cfg.config;
    const rescanCode =
      JSON.stringify(before.tags) !== JSON.stringify(after.tags) || before.idPattern !== after.idPattern || before.maxFileSize !== after.maxFileSize;

    const specTexts = [...this.specs].map(([file, e]) => [file, e.input] as const);
    const codeFiles = [...this.codes.values()];
    this.specs.clear();
    this.codes.clear();
    this.ids.clear();
    this.diags.allChanged();
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
      if (text !== undefined && !minifiedSkip(code.file, text, after)) this.putCode(code.file, text);
    }
    this.rules.invalidateAll();
    this._version++;
    this.linked?.reset(this);
  }

  private loadConfig(text: string | undefined): void {
    this.cfg = loadConfigState(this._configFile, text, this.trusted, this.readFile);
    for (const d of this.cfg.diagnostics) this.diags.localChange(d.file);
    this.diags.localChange(this._configFile);
  }

  /** Which role a file plays: the config, a spec-glob file, a code file, or none of them. */
  classify(file: string): FileClass {
    return classifyPath(this.root, this._configFile, this.cfg.classifier, file);
  }

  /** A custom schema file named by the config (a change means `setConfig` again). Untrusted workspaces load none. */
  isSchemaFile(file: string): boolean {
    return this.cfg.schemaFiles.has(path.resolve(file));
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
        if (text !== this.cfg.text) this.setConfig(text);
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
        const tags = text.length > this.cfg.config.maxFileSize ? [] : this.scan(file, text);
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
    const schemas = [...this.cfg.schemaFiles].sort().map((f) => [f, this.readFile(f) ?? null]);
    return JSON.stringify({ config: this.cfg.text ?? null, trusted: this.trusted, schemas });
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
    this.specs.set(file, { analyzer: new SpecAnalyzer(this.cfg.schemaSet, this.cfg.config), input: text, revision: 0, spec });
    this.diags.localChange(file);
    this.replaceItems([], [spec.requirements, spec.roadmap, spec.insights]);
    this._version++;
    return true;
  }

  private putSpec(file: string, input: SpecInput): void {
    const existing = this.specs.get(file);
    const entry = existing ?? { analyzer: new SpecAnalyzer(this.cfg.schemaSet, this.cfg.config), input, revision: 0, spec: emptySpec(file) };
    const oldSpec = existing?.spec;
    entry.input = input;
    entry.revision = revisionOf(input);
    const { spec, change } = entry.analyzer.analyze(file, input);
    entry.spec = spec;
    this.specs.set(file, entry);
    this.diags.localChange(file);
    // Updated in place, `oldSpec`'s lists are the new ones: the analyzer gives the edited span.
    if (change.kind === 'in-place') {
      this.replaceItems([change.removed], [change.added]);
      return;
    }
    // Otherwise it says which items at the start of each list it kept from `oldSpec` (its previous result).
    const kept = oldSpec ? change.kept : undefined;
    this.replaceItems(
      oldSpec ? [oldSpec.requirements, oldSpec.roadmap, oldSpec.insights] : [],
      [entry.spec.requirements, entry.spec.roadmap, entry.spec.insights],
      kept && [kept.requirement, kept.roadmap, kept.insight],
    );
  }

  private dropSpec(file: string): boolean {
    const entry = this.specs.get(file);
    if (!entry) return false;
    this.specs.delete(file);
    this.diags.localChange(file);
    this.replaceItems([entry.spec.requirements, entry.spec.roadmap, entry.spec.insights], []);
    return true;
  }

  /** Swap one file's old items for its new ones in the ID maps; only items that are not the same objects move. */
  private replaceItems(oldLists: SpecItem[][], newLists: SpecItem[][], kept?: KeptItems[]): void {
    const { removed, added } = diffItemLists(oldLists, newLists, kept);
    this.ids.applyItemDelta(removed, added);
  }

  private scan(file: string, text: string): CodeTag[] {
    return extractTags(file, text, this.cfg.config);
  }

  private putCode(file: string, text: string): void {
    this.putCodeTags(file, text.length > this.cfg.config.maxFileSize ? [] : this.scan(file, text));
  }

  private putCodeTags(file: string, tags: CodeTag[]): void {
    const sorted = [...tags].sort(compareTags);
    this.ids.replaceTags(this.codes.get(file)?.tags ?? [], sorted);
    this.codes.set(file, { file, tags: sorted });
  }

  private dropCode(file: string): boolean {
    const old = this.codes.get(file);
    if (!old) return false;
    this.codes.delete(file);
    this.ids.replaceTags(old.tags, []);
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // What the rules and queries read

  // Linked into a trace, these answer from every member (the rules, queries and features see the
  // whole trace); the lists of files and items below stay this folder's own.

  definitions(id: string): readonly SpecItem[] {
    return this.linked ? this.linked.definitions(id) : this.ids.definitions(id);
  }

  incoming(id: string): readonly IncomingRef[] {
    return this.linked ? this.linked.incoming(id) : this.ids.incoming(id);
  }

  incomingCount(id: string, targetKind: ItemKind): number {
    return this.linked ? this.linked.incomingCount(id, targetKind) : this.ids.incomingCount(id, targetKind);
  }

  tags(id: string): readonly CodeTag[] {
    return this.linked ? this.linked.tags(id) : this.ids.tags(id);
  }

  definedIds(): Iterable<string> {
    return this.linked ? this.linked.definedIds() : this.ids.definedIds();
  }

  // -------------------------------------------------------------------------------------------
  // Linking (linkedTrace.ts)

  /** Link this index into `trace` (in the place of `replaces`, a previous index of the same folder). */
  joinTrace(trace: LinkedTrace<WorkspaceIndex>, replaces?: WorkspaceIndex): void {
    if (this.linked && this.linked !== trace) this.leaveTrace();
    this.linked = trace;
    trace.join(this, replaces);
    this.peerReset();
  }

  leaveTrace(): void {
    const trace = this.linked;
    if (!trace) return;
    this.linked = undefined;
    trace.leave(this);
    this.peerReset();
  }

  /** The trace this index is linked into, if any. */
  get linkedTrace(): LinkedTrace<WorkspaceIndex> | undefined {
    return this.linked;
  }

  /** Whether this index publishes diagnostics for `file` (linked: only its own files). */
  owns(file: string): boolean {
    return !this.linked || this.linked.owns(this, file);
  }

  ownIds(): IdMaps {
    return this.ids;
  }

  peerChanged(apply: (rules: PeerRules, member: TraceMember) => void): void {
    apply(this.rules, this);
    this.peerVersion++;
  }

  peerReset(): void {
    this.rules.invalidateAll();
    this.diags.allChanged();
    this.peerVersion++;
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics

  /**
   * Diagnostics per file after the cross-file rules and the `rules` severity overrides (`off`
   * removes a rule). The map holds only files with at least one diagnostic; a file missing from it
   * is clean (callers diff against what they published). The arrays are shared: do not mutate them.
   */
  diagnostics(): Map<string, SpecDiagnostic[]> {
    return this.diags.all();
  }

  diagnosticsFor(file: string): SpecDiagnostic[] {
    return this.diags.of(file);
  }

  /**
   * Problems with the config that the disk layer found (an `include:` folder it cannot read), shown in
   * spectrace.yaml with the config's own; they replace the previous ones.
   */
  setConfigProblems(problems: SpecDiagnostic[]): void {
    this.configProblems = problems;
    this.diags.localChange(this._configFile);
    this._version++;
  }

  /** A file's own diagnostics: the config's problems in it, then its analysis's. */
  /** A file's own diagnostics in diagnostic order: the analyzer's are (SpecAnalyzer's `finish`), the config's are put in. */
  private localDiagnostics(file: string): SpecDiagnostic[] {
    const spec = this.specs.get(file)?.spec.diagnostics ?? [];
    const config = this.cfg.diagnostics.filter((d) => d.file === file);
    if (file === this._configFile && this.configProblems.length > 0) config.push(...this.configProblems);
    return config.length === 0 ? spec : inDiagnosticOrder([...config, ...spec]);
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

  /** Every insight, by file path then position. */
  insights(): SpecItem[] {
    const memo = this.fresh();
    return [...(memo.insights ??= this.specFiles().flatMap((s) => s.insights))];
  }

  /** The first definition of an ID (by file path, then position). */
  item(id: string): SpecItem | undefined {
    return this.definitions(id)[0];
  }

  /** The trace of a requirement; undefined when no requirement has this ID. */
  trace(id: string): RequirementTrace | undefined {
    const requirement = this.definitions(id).find((d) => d.kind === 'requirement');
    // The coverage policy of the folder that defines the requirement applies to it.
    const owner = requirement && this.linked?.ownerOf(requirement.file);
    if (owner && owner !== this) return owner.trace(id);
    return requirement && traceOf(this, requirement);
  }

  coverage(id: string): CoverageState | undefined {
    const requirement = this.definitions(id).find((d) => d.kind === 'requirement');
    const owner = requirement && this.linked?.ownerOf(requirement.file);
    if (owner && owner !== this) return owner.coverage(id);
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
    return nextFreeId(prefix, this.definedIds());
  }

  /** Requirements and roadmap items by ID or title, fuzzy, best first. */
  search(query: string, limit = DEFAULT_SEARCH_LIMIT): SpecItem[] {
    return searchItems([...this.requirements(), ...this.roadmapItems(), ...this.insights()], query, limit);
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
    return idAtPosition(this.specs.get(file)?.spec, this.codes.get(file), pos);
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
  return { file, hasSpecLists: false, product: undefined, requirements: [], roadmap: [], insights: [], diagnostics: [] };
}
