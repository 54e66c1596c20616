// One row of the traceability matrix: a requirement with its roadmap item, code, tests and coverage,
// exactly as `spectrace report`, Export Report… and the matrix webview show it. Plain data (paths
// relative to the workspace folder with `/`, 1-based lines) and no imports, so the extension can
// use it as well as the engine.

/**
 * The coverage state of a requirement.
 * covered: under the policy and satisfied; partial: under the policy, not satisfied, with some code
 * or tests; uncovered: under the policy with no code and no tests; exempt: written `coverage_exempt`;
 * not-required: no policy rule applies.
 */
export type CoverageLabel = 'covered' | 'partial' | 'uncovered' | 'exempt' | 'not-required';

/** The words every report and export uses for a coverage label. */
export const COVERAGE_TEXT: Record<CoverageLabel, string> = {
  covered: 'covered',
  partial: 'partial',
  uncovered: 'uncovered',
  exempt: 'exempt',
  'not-required': 'not required',
};

export interface TraceLink {
  file: string;
  line: number;
}

export interface TraceRow {
  id: string;
  title: string;
  type: string;
  priority: string;
  status: string;
  /** Who owns the requirement, as written (a person or a team). */
  owner: string | undefined;
  /** The roadmap item ID as written (may name nothing: then roadmapTitle is undefined). */
  roadmap: string | undefined;
  roadmapTitle: string | undefined;
  parent: string | undefined;
  file: string;
  line: number;
  implementations: TraceLink[];
  tests: TraceLink[];
  coverage: CoverageLabel;
  exemptReason: string | undefined;
  /** The requirement's prioritisation score, when a scoring model is on and its inputs are usable. */
  score?: TraceScore;
  /** The insight IDs the requirement cites, as written (defined or not); absent in rows built elsewhere means none. */
  insights?: string[];
  /** Distinct customers of the cited insights (0 without insights). */
  customers?: number;
}

/** A computed score: `value` for sorting, `label` (`RICE 320`) and `formula` (`1200 × 2 × 0.8 ÷ 6 = 320`) for people. */
export interface TraceScore {
  value: number;
  label: string;
  formula: string;
}
