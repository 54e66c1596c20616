// The engine's data model: what parsing, validation, the workspace index, the rules, the CLI and the
// language server exchange. No LSP or VS Code types here; positions follow LSP conventions (0-based
// line, UTF-16 character) so the server can pass them through unchanged.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleSetting = Severity | 'off';

/** Every diagnostic code Spectrace emits. Documented in docs/rules.md (generated from reports/ruleDocs.ts). */
export type DiagnosticCode =
  | 'schema'
  | 'yaml-syntax'
  | 'invalid-config'
  | 'file-too-large'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'dependency-cycle'
  | 'parent-cycle'
  | 'unknown-code-reference'
  | 'inactive-code-reference'
  | 'uncovered-requirement'
  | 'overdue-roadmap-item'
  | 'status-mismatch'
  | 'contradictory-status'
  | 'unbaselined-requirement'
  | 'unrecorded-change'
  | 'suspect-link'
  | 'link-rev-ahead'
  | 'roadmap-order'
  | 'release-not-ready'
  | 'unsupported-requirement'
  | 'unaddressed-insight'
  | 'unscored-requirement';

/** A place in another (or the same) file that a diagnostic refers to. `file` is an absolute path. */
export interface RelatedInformation {
  file: string;
  range: Range;
  message: string;
}

/**
 * Machine-readable hints for quick fixes, carried on a diagnostic. The language server's code actions
 * read these instead of re-deriving them from the message text.
 */
export type FixData =
  | { kind: 'missing-field'; field: string; itemKind: ItemKind; insertAfterLine: number; indent: number }
  | { kind: 'replace-value'; values: string[]; typoOf?: string }
  | { kind: 'unknown-id'; id: string; targetKind: ItemKind }
  | { kind: 'duplicate-id'; id: string; suggestion: string }
  /** `statuses`: the earlier statuses, in lifecycle order, under which the coverage policy would not apply. */
  | { kind: 'uncovered-requirement'; id: string; statuses: string[] }
  | { kind: 'review'; id: string; rev: number; fingerprint: string; links: number }
  | { kind: 'suspect'; id: string; rev: number };

export interface SpecDiagnostic {
  /** Absolute path of the file the diagnostic is in. */
  file: string;
  range: Range;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  source: 'spectrace';
  related?: RelatedInformation[];
  data?: FixData;
}

// ---------------------------------------------------------------------------------------------
// Spec files

export type ItemKind = 'requirement' | 'roadmap' | 'insight';
export type ReferenceField = 'roadmap' | 'parent' | 'depends_on' | 'requirements' | 'insights';

/** One top-level field of an item: `key: value`. */
export interface ItemField {
  key: string;
  keyRange: Range;
  /** Range of the value node; for a missing/null value, an empty range right after the key's colon. */
  valueRange: Range;
  /** The plain JSON value (strings, numbers, booleans, null, arrays, objects). */
  value: unknown;
}

/** A link from one item to another, by ID, written in a spec file. */
export interface ItemReference {
  field: ReferenceField;
  /** The ID written (trimmed). */
  targetId: string;
  /** What the ID must name: roadmap -> roadmap item, parent of a requirement -> requirement, ... */
  targetKind: ItemKind;
  /** Range of the ID scalar itself (without an `@rev` suffix). */
  range: Range;
  /** The revision named by an `@rev` suffix (`parent: PAY-1@3`); undefined without one (it means 1). */
  rev?: number;
  /** The range of the whole `@rev` suffix, when there is one. */
  revRange?: Range;
}

/** A requirement, roadmap item or customer insight as written in a spec file. */
export interface SpecItem {
  kind: ItemKind;
  file: string;
  /** `id` when it is a non-empty string scalar, else undefined. */
  id: string | undefined;
  /** Range of the `id` value scalar (for definition/rename); undefined when there is no id. */
  idRange: Range | undefined;
  /** Range of the item's first key (the `- id:` line), where "missing field" diagnostics go. */
  headRange: Range;
  /** The whole item, from its `-` to its last character. */
  range: Range;
  /** Top-level fields of the item by key (first occurrence wins). */
  fields: Map<string, ItemField>;
  /** The item as a plain JSON value (what schemas validate). */
  value: unknown;
  references: ItemReference[];
  /** The fingerprint of the review fields as they are now (review on, requirements only). */
  reviewFingerprint?: string;
}

export interface SpecFile {
  file: string;
  /** False when the top level has none of `requirements:`, `roadmap:` and `insights:` (then no diagnostics). */
  hasSpecLists: boolean;
  product: { name: string; range: Range } | undefined;
  requirements: SpecItem[];
  roadmap: SpecItem[];
  insights: SpecItem[];
  /** File-local diagnostics: yaml-syntax, schema, file-too-large. */
  diagnostics: SpecDiagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Code files

export type TagKind = 'implements' | 'verifies';

/** One requirement ID named by a tag in a code or test file. `// @implements PAY-1, PAY-2` gives two. */
export interface CodeTag {
  file: string;
  kind: TagKind;
  /** The tag word as written, e.g. `@implements`. */
  word: string;
  id: string;
  /** Range of the ID. */
  idRange: Range;
  /** Range of the tag word (for a lens above the line and for completion context). */
  wordRange: Range;
  /** The revision named by an `@rev` suffix (`PAY-1@3`); undefined without one (it means 1). */
  rev?: number;
  /** The range of the whole suffix (`@3`, or a malformed `@`/`@x`), when there is one. */
  revRange?: Range;
  /** The suffix after `@` when it is not a revision number (`PAY-1@x` gives `x`, `PAY-1@` gives ''). */
  badRev?: string;
  /**
   * Not certainly an ID: a later word of the list, or a word that matches the ID pattern only after
   * folding case and look-alike dashes. Reported as unknown only when it is a near miss of a real ID.
   */
  loose?: true;
}

export interface CodeFile {
  file: string;
  tags: CodeTag[];
}

/** Why a file under the code globs was not scanned; logged by the CLI and the server. */
export interface SkippedFile {
  file: string;
  reason: 'binary' | 'too-large' | 'unreadable' | 'vanished' | 'symlink-loop' | 'minified';
  detail?: string;
}

// ---------------------------------------------------------------------------------------------
// Configuration (spectrace.yaml)

export interface CoveragePolicyRule {
  /** Which requirements the rule applies to; an omitted list matches all. */
  status?: string[];
  priority?: string[];
  type?: string[];
  /** Minimum number of `@implements` tags. */
  implementations: number;
  /** Minimum number of `@verifies` tags. */
  tests: number;
}

export interface SpectraceConfig {
  specs: string[];
  code: { include: string[]; exclude: string[] };
  idPattern: string;
  tags: { implements: string[]; verifies: string[] };
  schemas: { requirement?: string; roadmap?: string; insight?: string };
  rules: Partial<Record<DiagnosticCode, RuleSetting>>;
  coverage: CoveragePolicyRule[];
  /** Code files larger than this many bytes are not scanned. */
  maxFileSize: number;
  /** Spec files larger than this many characters are not parsed (a real spec is far larger than a code file). */
  maxSpecFileSize: number;
  /** Change review; undefined (off) unless spectrace.yaml has a `review:` key. */
  review?: ReviewConfig;
  /** Release readiness: how many days before its due date a roadmap item is checked (release-not-ready). */
  releases: { warnDays: number };
  /** The prioritisation model; undefined (no scores) unless spectrace.yaml has `scoring:`. */
  scoring?: ScoringConfig;
  /** Which requirements `unsupported-requirement` expects to cite an insight; undefined: the default (config.ts). */
  evidence?: EvidencePolicy;
  /** Other folders whose specs belong to this folder's trace; undefined unless spectrace.yaml has `include:`. */
  include?: IncludeEntry[];
}

/** Requirements matching every given list must cite an insight (an omitted list matches all). */
export interface EvidencePolicy {
  type?: string[];
  priority?: string[];
  status?: string[];
}

export type ScoringModel = 'rice' | 'wsjf' | 'value-effort';

export interface ScoringConfig {
  model: ScoringModel;
}

/** One `include:` entry: a folder relative to spectrace.yaml, and whether its code is scanned too. */
export interface IncludeEntry {
  path: string;
  code: boolean;
  /** Its position in the `include:` list (for a diagnostic on its line). */
  entry: number;
}

export interface ReviewConfig {
  /** The requirement fields the fingerprint covers. */
  fields: string[];
  /** The statuses of requirements under review. */
  statuses: string[];
  /** Whether a suspect link counts toward the coverage policy. */
  suspectCounts: boolean;
}

// ---------------------------------------------------------------------------------------------
// Queries (answered by the workspace index)

export interface Location {
  file: string;
  range: Range;
}

export interface CoverageState {
  implementations: number;
  tests: number;
  /** True when a coverage policy rule applies to the requirement. */
  underPolicy: boolean;
  /** True when under the policy and the counts meet it, or when exempt. */
  satisfied: boolean;
  exemptReason: string | undefined;
}

export interface RequirementTrace {
  requirement: SpecItem;
  roadmapItem: SpecItem | undefined;
  parent: SpecItem | undefined;
  children: SpecItem[];
  dependencies: SpecItem[];
  dependents: SpecItem[];
  implementations: CodeTag[];
  tests: CodeTag[];
  coverage: CoverageState;
}

export interface RoadmapProgress {
  item: SpecItem;
  requirements: SpecItem[];
  /** Requirements with status implemented, verified or released. */
  done: number;
  total: number;
  overdue: boolean;
}

export interface CoverageTotals {
  requirements: number;
  underPolicy: number;
  satisfied: number;
  implemented: number;
  tested: number;
}
