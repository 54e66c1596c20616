// What the report builders read from the workspace index, written down structurally so the reports
// depend on these queries only (and can be fed hand-built data in tests).
import type {
  CodeFile,
  CoverageTotals,
  RequirementTrace,
  RoadmapProgress,
  SpecDiagnostic,
  SpecFile,
  SpecItem,
  SpectraceConfig,
} from '../types';

export interface ReportSource {
  readonly root: string;
  readonly config: SpectraceConfig;
  diagnostics(): Map<string, SpecDiagnostic[]>;
  specFiles(): Iterable<SpecFile>;
  codeFiles(): Iterable<CodeFile>;
  requirements(): readonly SpecItem[];
  roadmapItems(): readonly SpecItem[];
  trace(id: string): RequirementTrace | undefined;
  coverageTotals(): CoverageTotals;
  roadmapProgress(): readonly RoadmapProgress[];
}
