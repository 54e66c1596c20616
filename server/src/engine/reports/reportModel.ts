// The report model: plain, serialisable data the renderers turn into text, JSON, SARIF, JUnit, Markdown,
// HTML and CSV. Paths are relative to the workspace folder with `/` separators, lines and columns are
// 1-based (what people and CI systems read); building these from the index is the only step that knows
// about absolute paths and 0-based LSP positions.
import type { ReportBurnup } from './reportBurnups';
import type { TraceRow } from '../../shared/traceRow';
import type { DiagnosticCode, ScoringModel, Severity } from '../types';
import type { TimelineChart } from './svg/timelineSvg';

/** A 1-based span in a file; end column is the column just after the last character (SARIF's convention). */
export interface ReportSpan {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportRelated extends ReportSpan {
  message: string;
}

export interface ReportDiagnostic extends ReportSpan {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  related: ReportRelated[];
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Files with at least one diagnostic. */
  files: number;
  requirements: number;
  /** Spec, config and code files read. */
  scanned: number;
}

/** One requirement under the coverage policy: a JUnit test case. */
export interface PolicyCase {
  id: string;
  title: string;
  file: string;
  line: number;
  implementations: number;
  tests: number;
  /** What the policy asks for this requirement (the strictest matching rule). */
  requiredImplementations: number;
  requiredTests: number;
  satisfied: boolean;
  exemptReason: string | undefined;
}

export interface CheckReport {
  tool: ToolInfo;
  /** The folder as given on the command line (for people), and its absolute form (SARIF's %SRCROOT%). */
  folder: string;
  folderAbsolute: string;
  /** Sorted by file, then position, then code. */
  diagnostics: ReportDiagnostic[];
  summary: CheckSummary;
  policy: PolicyCase[];
  /** Every file that was checked as a spec or config file, relative (JUnit lists each). */
  specFiles: string[];
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
  /** The rule reference page; `#<code>` is each rule's section (SARIF's helpUri). */
  rulesDocUri?: string;
}

// ---------------------------------------------------------------------------------------------
// Traceability matrix (its rows are shared/traceRow.ts, which the extension reads too)

export interface RoadmapRow {
  id: string;
  title: string;
  type: string;
  status: string;
  start: string | undefined;
  due: string | undefined;
  done: number;
  total: number;
  overdue: boolean;
  requirements: string[];
  file: string;
  line: number;
}

export interface TraceTotals {
  requirements: number;
  underPolicy: number;
  satisfied: number;
  implemented: number;
  tested: number;
  roadmapItems: number;
  overdue: number;
}

export interface TraceReport {
  tool: ToolInfo;
  folder: string;
  /** What the report is about: the one product named in the specs, else the folder's name. */
  name: string;
  /** The products named in the spec files, in file order, without repeats. */
  products: string[];
  /** ISO date (YYYY-MM-DD) the report was made on. */
  generated: string;
  rows: TraceRow[];
  roadmap: RoadmapRow[];
  totals: TraceTotals;
  /** The roadmap timeline as of `generated` (the HTML report draws it); absent without roadmap items. */
  timeline?: TimelineChart;
  /** The releases' burn-ups from the git history (the HTML report draws them); absent: not read. */
  burnups?: ReportBurnup[];
  /** Customer evidence and scores (buildValue.ts). */
  value: ValueSection;
}

/** One insight as the reports list it. */
export interface InsightRow {
  id: string;
  title: string;
  customer: string | undefined;
  segment: string | undefined;
  source: string | undefined;
  /** 0–3, when written as one. */
  importance: number | undefined;
  /** The requirements citing it, with their status (`PAY-1`, `released`). */
  addressedBy: { id: string; status: string }[];
  file: string;
  line: number;
}

/** A scored requirement that no roadmap item schedules yet. */
export interface UnplannedRow {
  id: string;
  title: string;
  status: string;
  score: number;
  label: string;
  formula: string;
  insights: number;
  file: string;
  line: number;
}

export interface ValueSection {
  /** The scoring model of spectrace.yaml; undefined when scoring is off. */
  model: ScoringModel | undefined;
  /** The best-scored open requirements without a roadmap item, best first (at most VALUE_TOP_LIMIT). */
  unplanned: UnplannedRow[];
  /** Insights of importance 2 or more that no requirement cites. */
  unaddressed: InsightRow[];
  /** Every insight, by file and position. */
  insights: InsightRow[];
}
