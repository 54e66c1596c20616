// The part of the engine's WorkspaceIndex the language server uses, written down structurally so the
// features depend on what they call and nothing more. server/src/lsp/engineIndex.ts checks at compile
// time that the engine's class satisfies it.
import type {
  CodeFile,
  CodeTag,
  CoverageState,
  CoverageTotals,
  Location,
  Position,
  Range,
  RequirementTrace,
  RoadmapProgress,
  SpecDiagnostic,
  SpecFile,
  SpecItem,
  SpectraceConfig,
} from '../engine/types';

export interface IdAt {
  id: string;
  range: Range;
  role: 'definition' | 'reference' | 'tag';
}

export interface ReferencesToId {
  definitions: SpecItem[];
  specReferences: Location[];
  implementations: CodeTag[];
  tests: CodeTag[];
}

export interface SpecIndex {
  /** The workspace folder's absolute path. */
  readonly root: string;
  readonly version: number;
  readonly config: SpectraceConfig;
  readonly configFile: string | undefined;
  diagnostics(): Map<string, SpecDiagnostic[]>;
  diagnosticsFor(file: string): SpecDiagnostic[];
  specFiles(): Iterable<SpecFile>;
  specFile(file: string): SpecFile | undefined;
  codeFiles(): Iterable<CodeFile>;
  codeFile(file: string): CodeFile | undefined;
  requirements(): SpecItem[];
  roadmapItems(): SpecItem[];
  definitions(id: string): SpecItem[];
  item(id: string): SpecItem | undefined;
  trace(id: string): RequirementTrace | undefined;
  coverage(id: string): CoverageState | undefined;
  coverageTotals(): CoverageTotals;
  roadmapProgress(): RoadmapProgress[];
  nextFreeId(prefix: string): string;
  search(query: string, limit: number): SpecItem[];
  referencesTo(id: string): ReferencesToId;
  idAt(file: string, pos: Position): IdAt | undefined;
}
