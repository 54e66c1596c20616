// What a workspace index answers, written down once: the rules, the report builders, the LSP
// features and the CLI read a workspace folder through this interface (or a `Pick<>` of it when they
// need less), and WorkspaceIndex implements it. Writing to an index is the owner's business.
import type {
  CodeFile,
  CodeTag,
  CoverageState,
  CoverageTotals,
  ItemKind,
  ItemReference,
  Location,
  Position,
  Range,
  RequirementTrace,
  RoadmapProgress,
  SpecDiagnostic,
  SpecFile,
  SpecItem,
  SpectraceConfig,
} from '../types';

/** A reference written in a spec item, seen from the ID it names. */
export interface IncomingRef {
  item: SpecItem;
  ref: ItemReference;
}

/** The ID under a position: an item's own ID, a reference in a spec, or a tag in code. */
export interface IdAt {
  id: string;
  range: Range;
  role: 'definition' | 'reference' | 'tag';
}

/** Everything naming one ID. */
export interface ReferencesToId {
  /** The items defining the ID. A SpecItem is a Location (its file and whole range); `idRange` is on it too. */
  definitions: SpecItem[];
  specReferences: Location[];
  implementations: CodeTag[];
  tests: CodeTag[];
}

/** Which role a file plays in a folder: the config, a spec-glob file, a code file, or none of them. */
export type FileClass = 'spec' | 'code' | 'config' | 'none';

/** A read-only view of one workspace folder's index. Every per-ID list is sorted by file, then position. */
export interface WorkspaceIndexReader {
  /** The workspace folder's absolute path. */
  readonly root: string;
  /** A counter that increments on every change of the index contents. */
  readonly version: number;
  /** The effective configuration (in an untrusted workspace: without the workspace's ID pattern and schemas). */
  readonly config: SpectraceConfig;
  readonly configFile: string;
  /** The clock for overdue roadmap items. */
  now(): Date;

  /** Every item defining `id` (more than one: a duplicate). Shared: do not mutate. */
  definitions(id: string): readonly SpecItem[];
  /** Every spec reference naming `id`. */
  incoming(id: string): readonly IncomingRef[];
  /** How many of `incoming(id)` expect `id` to be a `targetKind` (a count kept as references come and go). */
  incomingCount(id: string, targetKind: ItemKind): number;
  /** Every code tag naming `id`. */
  tags(id: string): readonly CodeTag[];
  /** Every defined ID (any kind), in no particular order. */
  definedIds(): Iterable<string>;

  /**
   * Diagnostics per file after the cross-file rules and the severity overrides; a file missing from
   * the map is clean. The arrays are shared: do not mutate them.
   */
  diagnostics(): Map<string, SpecDiagnostic[]>;
  diagnosticsFor(file: string): SpecDiagnostic[];

  specFiles(): Iterable<SpecFile>;
  specFile(file: string): SpecFile | undefined;
  codeFiles(): Iterable<CodeFile>;
  codeFile(file: string): CodeFile | undefined;
  /** Every requirement, by file path then position (a fresh list). */
  requirements(): SpecItem[];
  /** Every roadmap item, by file path then position (a fresh list). */
  roadmapItems(): SpecItem[];
  /** Every insight (customer evidence), by file path then position (a fresh list). */
  insights(): SpecItem[];
  /** The first definition of an ID (by file path, then position). */
  item(id: string): SpecItem | undefined;
  /** The trace of a requirement; undefined when no requirement has this ID. */
  trace(id: string): RequirementTrace | undefined;
  coverage(id: string): CoverageState | undefined;
  coverageTotals(): CoverageTotals;
  /** Every roadmap item with an ID, its requirements and progress, sorted by due date (undated last). */
  roadmapProgress(): RoadmapProgress[];
  /** `PAY` -> `PAY-13` when PAY-12 is the highest PAY ID in use (gaps are not reused). */
  nextFreeId(prefix: string): string;
  /** Requirements, roadmap items and insights by ID or title, fuzzy, best first. */
  search(query: string, limit?: number): SpecItem[];
  referencesTo(id: string): ReferencesToId;
  idAt(file: string, pos: Position): IdAt | undefined;
  classify(file: string): FileClass;
  /** A custom schema file named by the config. */
  isSchemaFile(file: string): boolean;
}
