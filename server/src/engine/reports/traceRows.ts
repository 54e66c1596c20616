// The traceability matrix's rows, built once for both readers: the report (`spectrace report`,
// Export Report…) keeps the rows; the `spectrace/matrix` request adds editor locations from the
// spec item and code tags each row was built from.
import type { CodeTag, RequirementTrace, SpecItem } from '../types';
import type { TraceLink, TraceRow } from '../../shared/traceRow';
import { coverageLabel } from './coverageLabel';
import { fieldText } from './fields';
import { compareSpans, toSpan } from './paths';
import type { ReportSource } from './source';
import { citedInsights, distinctCustomers, requirementScore } from '../index/evidence';

export type TraceRowSource = Pick<ReportSource, 'root' | 'requirements' | 'trace' | 'config' | 'definitions' | 'incoming'>;

/** A row with what it was built from; `implementations` and `tests` are in the row's link order. */
export interface BuiltTraceRow {
  row: TraceRow;
  requirement: SpecItem;
  implementations: CodeTag[];
  tests: CodeTag[];
}

/** Each requirement ID once (its first definition) with its trace, in index order. */
export function* requirementTraces(source: Pick<ReportSource, 'requirements' | 'trace'>): Generator<{ id: string; requirement: SpecItem; trace: RequirementTrace }> {
  const seen = new Set<string>();
  for (const requirement of source.requirements()) {
    const id = requirement.id;
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const trace = source.trace(id);
    if (trace !== undefined) yield { id, requirement, trace };
  }
}

/** One row per requirement ID (its first definition), in index order: callers sort with compareTraceRows. */
export function* traceRows(source: TraceRowSource): Generator<BuiltTraceRow> {
  const root = source.root;
  const ordered = (tags: readonly CodeTag[]): { tags: CodeTag[]; links: TraceLink[] } => {
    const spans = tags.map((tag) => ({ tag, span: toSpan(root, tag.file, tag.idRange) })).sort((a, b) => compareSpans(a.span, b.span));
    return { tags: spans.map((s) => s.tag), links: spans.map((s) => ({ file: s.span.file, line: s.span.line })) };
  };
  for (const { id, trace } of requirementTraces(source)) {
    const at = toSpan(root, trace.requirement.file, trace.requirement.idRange ?? trace.requirement.headRange);
    const implementations = ordered(trace.implementations);
    const tests = ordered(trace.tests);
    const item = trace.requirement;
    const score = requirementScore(source, item);
    const insightIds = [...new Set(item.references.filter((r) => r.field === 'insights').map((r) => r.targetId))];
    yield {
      row: {
        id,
        title: fieldText(item, 'title') ?? '',
        type: fieldText(item, 'type') ?? '',
        priority: fieldText(item, 'priority') ?? '',
        status: fieldText(item, 'status') ?? '',
        owner: fieldText(item, 'owner'),
        roadmap: fieldText(item, 'roadmap'),
        roadmapTitle: trace.roadmapItem ? fieldText(trace.roadmapItem, 'title') : undefined,
        parent: fieldText(item, 'parent'),
        file: at.file,
        line: at.line,
        implementations: implementations.links,
        tests: tests.links,
        coverage: coverageLabel(trace.coverage),
        exemptReason: trace.coverage.exemptReason,
        ...(score ? { score: { value: score.value, label: score.label, formula: score.formula } } : {}),
        insights: insightIds,
        customers: insightIds.length ? distinctCustomers(citedInsights(source, item)).length : 0,
      },
      requirement: item,
      implementations: implementations.tags,
      tests: tests.tags,
    };
  }
}

/** Spec file order: requirements of one product stay together, as written. */
export function compareTraceRows(a: TraceRow, b: TraceRow): number {
  return a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line;
}
