// Builds the `spectrace check` report from the index: sorted diagnostics, the summary line's counts,
// and the requirements under the coverage policy (JUnit's test cases, `--strict`'s verdict).
import type { SpecDiagnostic } from '../types';
import type { CheckReport, CheckSummary, PolicyCase, ReportDiagnostic, ToolInfo } from './reportModel';
import { compareSpans, relativePath, toSpan } from './paths';
import { requiredCoverage } from './policy';
import type { ReportSource } from './source';
import { fieldText } from './fields';
import { requirementTraces } from './traceRows';

export interface CheckInput {
  tool: ToolInfo;
  /** The folder as the user wrote it. */
  folder: string;
  /** The config file's absolute path, when there is one (JUnit lists it with the spec files). */
  configFile?: string;
}

export function toReportDiagnostic(root: string, d: SpecDiagnostic): ReportDiagnostic {
  return {
    ...toSpan(root, d.file, d.range),
    severity: d.severity,
    code: d.code,
    message: d.message,
    related: (d.related ?? []).map((r) => ({ ...toSpan(root, r.file, r.range), message: r.message })),
  };
}

export function compareDiagnostics(a: ReportDiagnostic, b: ReportDiagnostic): number {
  const bySpan = compareSpans(a, b);
  if (bySpan !== 0) return bySpan;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function buildCheckReport(source: ReportSource, input: CheckInput): CheckReport {
  const root = source.root;
  const diagnostics: ReportDiagnostic[] = [];
  for (const list of source.diagnostics().values()) {
    for (const d of list) diagnostics.push(toReportDiagnostic(root, d));
  }
  diagnostics.sort(compareDiagnostics);

  const specFiles = new Set<string>();
  let scanned = 0;
  for (const spec of source.specFiles()) {
    scanned++;
    if (spec.hasSpecLists) specFiles.add(relativePath(root, spec.file));
  }
  for (const _code of source.codeFiles()) scanned++;
  if (input.configFile !== undefined) {
    scanned++;
    specFiles.add(relativePath(root, input.configFile));
  }

  return {
    tool: input.tool,
    folder: input.folder,
    folderAbsolute: root,
    diagnostics,
    summary: summarize(diagnostics, countRequirements(source), scanned),
    policy: policyCases(source),
    specFiles: [...specFiles].sort(),
  };
}

function countRequirements(source: ReportSource): number {
  return new Set(source.requirements().map((r) => r.id).filter((id) => id !== undefined)).size;
}

export function summarize(diagnostics: readonly ReportDiagnostic[], requirements: number, scanned: number): CheckSummary {
  const summary: CheckSummary = { errors: 0, warnings: 0, infos: 0, hints: 0, files: 0, requirements, scanned };
  const files = new Set<string>();
  for (const d of diagnostics) {
    files.add(d.file);
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else if (d.severity === 'info') summary.infos++;
    else summary.hints++;
  }
  summary.files = files.size;
  return summary;
}

function policyCases(source: ReportSource): PolicyCase[] {
  const cases: PolicyCase[] = [];
  for (const { id, requirement, trace } of requirementTraces(source)) {
    if (!trace.coverage.underPolicy) continue;
    const required = requiredCoverage(source.config.coverage, requirement);
    const span = toSpan(source.root, requirement.file, requirement.idRange ?? requirement.headRange);
    cases.push({
      id,
      title: fieldText(requirement, 'title') ?? '',
      file: span.file,
      line: span.line,
      implementations: trace.coverage.implementations,
      tests: trace.coverage.tests,
      requiredImplementations: required.implementations,
      requiredTests: required.tests,
      satisfied: trace.coverage.satisfied,
      exemptReason: trace.coverage.exemptReason,
    });
  }
  return cases.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line));
}
