// The whole of a linked trace read as one workspace, for the reports: every member's files, items
// and diagnostics together under one root (so a path names its folder or repository), each
// requirement's trace and coverage answered by the member that defines it.
import type { CodeFile, CoverageTotals, RequirementTrace, RoadmapProgress, SpecDiagnostic, SpecFile, SpecItem, SpectraceConfig } from '../types';
import type { IncomingRef, WorkspaceIndexReader } from './indexReader';
import * as path from 'node:path';
import { compareItems, sortProgress } from './queries';

/** The deepest folder holding every one of `roots` (where a report's paths start). */
export function commonRoot(roots: readonly string[]): string {
  let common = roots[0] ?? path.sep;
  for (const r of roots.slice(1)) {
    while (common !== path.dirname(common) && r !== common && !r.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) common = path.dirname(common);
  }
  return common;
}

/** What a trace view reads of each member (linked into one trace, so `trace(id)` answers across them). */
export type TraceViewMember = Pick<
  WorkspaceIndexReader,
  'root' | 'config' | 'diagnostics' | 'specFiles' | 'codeFiles' | 'requirements' | 'roadmapItems' | 'insights' | 'definitions' | 'incoming' | 'trace' | 'roadmapProgress'
>;

export class TraceView {
  constructor(
    /** The folder the report's paths are relative to (the members' common parent). */
    readonly root: string,
    private readonly members: readonly TraceViewMember[],
    /** The coverage policy and settings the report names: the primary member's. */
    readonly config: SpectraceConfig,
  ) {}

  diagnostics(): Map<string, SpecDiagnostic[]> {
    const out = new Map<string, SpecDiagnostic[]>();
    for (const m of this.members) for (const [file, list] of m.diagnostics()) out.set(file, list);
    return out;
  }

  specFiles(): SpecFile[] {
    return this.members.flatMap((m) => [...m.specFiles()]).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  codeFiles(): CodeFile[] {
    return this.members.flatMap((m) => [...m.codeFiles()]).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  requirements(): SpecItem[] {
    return this.members.flatMap((m) => m.requirements()).sort(compareItems);
  }

  roadmapItems(): SpecItem[] {
    return this.members.flatMap((m) => m.roadmapItems()).sort(compareItems);
  }

  insights(): SpecItem[] {
    return this.members.flatMap((m) => m.insights()).sort(compareItems);
  }

  /** Every member's definitions of `id`, each once (linked members answer for one another). */
  definitions(id: string): readonly SpecItem[] {
    return uniqueOf(this.members.flatMap((m) => m.definitions(id)));
  }

  incoming(id: string): readonly IncomingRef[] {
    return uniqueOf(this.members.flatMap((m) => m.incoming(id)));
  }

  trace(id: string): RequirementTrace | undefined {
    for (const m of this.members) {
      const t = m.trace(id);
      if (t) return t;
    }
    return undefined;
  }

  roadmapProgress(): RoadmapProgress[] {
    return sortProgress(this.members.flatMap((m) => m.roadmapProgress()));
  }

  /** Totals over every member's requirements with an ID, each ID counted once. */
  coverageTotals(): CoverageTotals {
    const t: CoverageTotals = { requirements: 0, underPolicy: 0, satisfied: 0, implemented: 0, tested: 0 };
    const seen = new Set<string>();
    for (const r of this.requirements()) {
      if (!r.id || seen.has(r.id)) continue;
      seen.add(r.id);
      const c = this.trace(r.id)?.coverage;
      if (!c) continue;
      t.requirements++;
      if (c.underPolicy) t.underPolicy++;
      if (c.underPolicy && c.satisfied) t.satisfied++;
      if (c.implementations > 0) t.implemented++;
      if (c.tests > 0) t.tested++;
    }
    return t;
  }
}

function uniqueOf<T>(list: readonly T[]): T[] {
  return list.length <= 1 ? [...list] : [...new Set(list)];
}
