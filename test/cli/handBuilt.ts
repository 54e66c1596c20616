// A small workspace written out by hand as the index would describe it, so the report builders and
// renderers can be tested on exact data without reading files.
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/config';
import type { ReportSource } from '../../server/src/engine/reports/source';
import type {
  CodeTag,
  CoverageState,
  Range,
  RequirementTrace,
  RoadmapProgress,
  SpecDiagnostic,
  SpecFile,
  SpecItem,
} from '../../server/src/engine/types';

export const ROOT = path.resolve('/work/hand-built');

function range(line: number, character: number, length: number): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}

function item(kind: SpecItem['kind'], file: string, line: number, value: Record<string, unknown>): SpecItem {
  const fields = new Map(
    Object.entries(value).map(([key, v], i) => [key, { key, keyRange: range(line + i, 4, key.length), valueRange: range(line + i, 6 + key.length, 5), value: v }]),
  );
  const id = typeof value.id === 'string' ? value.id : undefined;
  return {
    kind,
    file: path.join(ROOT, file),
    id,
    idRange: id ? range(line, 8, id.length) : undefined,
    headRange: range(line, 4, 2),
    range: range(line, 2, 10),
    fields,
    value,
    references: [],
  };
}

function tag(kind: CodeTag['kind'], file: string, line: number, id: string): CodeTag {
  return { file: path.join(ROOT, file), kind, word: `@${kind}`, id, idRange: range(line, 15, id.length), wordRange: range(line, 3, 11) };
}

export interface HandBuilt {
  requirements: SpecItem[];
  roadmap: SpecItem[];
  tags: CodeTag[];
  coverage: Map<string, CoverageState>;
  diagnostics: SpecDiagnostic[];
}

export function handBuiltSource(data: HandBuilt, progress: (items: SpecItem[], reqs: SpecItem[]) => RoadmapProgress[]): ReportSource {
  const byId = new Map(data.requirements.map((r) => [r.id ?? '', r]));
  const roadmapById = new Map(data.roadmap.map((r) => [r.id ?? '', r]));
  const specFiles: SpecFile[] = [...new Set([...data.requirements, ...data.roadmap].map((i) => i.file))].map((file) => ({
    file,
    hasSpecLists: true,
    product: { name: 'Hand <built>', range: range(0, 0, 1) },
    requirements: data.requirements.filter((r) => r.file === file),
    roadmap: data.roadmap.filter((r) => r.file === file),
    insights: [],
    diagnostics: [],
  }));
  return {
    root: ROOT,
    config: DEFAULT_CONFIG,
    diagnostics: () => {
      const map = new Map<string, SpecDiagnostic[]>();
      for (const d of data.diagnostics) map.set(d.file, [...(map.get(d.file) ?? []), d]);
      return map;
    },
    specFiles: () => specFiles,
    codeFiles: () => [...new Set(data.tags.map((t) => t.file))].map((file) => ({ file, tags: data.tags.filter((t) => t.file === file) })),
    requirements: () => data.requirements,
    roadmapItems: () => data.roadmap,
    insights: () => [],
    definitions: (id: string) => [...(byId.has(id) ? [byId.get(id) as SpecItem] : []), ...(roadmapById.has(id) ? [roadmapById.get(id) as SpecItem] : [])],
    incoming: () => [],
    trace: (id: string): RequirementTrace | undefined => {
      const requirement = byId.get(id);
      if (!requirement) return undefined;
      const roadmapId = requirement.fields.get('roadmap')?.value;
      return {
        requirement,
        roadmapItem: typeof roadmapId === 'string' ? roadmapById.get(roadmapId) : undefined,
        parent: undefined,
        children: [],
        dependencies: [],
        dependents: [],
        implementations: data.tags.filter((t) => t.id === id && t.kind === 'implements'),
        tests: data.tags.filter((t) => t.id === id && t.kind === 'verifies'),
        coverage: data.coverage.get(id) ?? { implementations: 0, tests: 0, underPolicy: false, satisfied: false, exemptReason: undefined },
      };
    },
    coverageTotals: () => ({
      requirements: data.requirements.length,
      underPolicy: [...data.coverage.values()].filter((c) => c.underPolicy).length,
      satisfied: [...data.coverage.values()].filter((c) => c.underPolicy && c.satisfied).length,
      implemented: [...data.coverage.values()].filter((c) => c.implementations > 0).length,
      tested: [...data.coverage.values()].filter((c) => c.tests > 0).length,
    }),
    roadmapProgress: () => progress(data.roadmap, data.requirements),
  };
}

/** Two spec files, three requirements (covered, uncovered, exempt), one roadmap item, code tags, diagnostics. */
export function sampleSource(overrides: { title?: string } = {}): ReportSource {
  const requirements = [
    item('requirement', 'specs/pay.yaml', 3, { id: 'PAY-2', title: 'Pay by invoice', priority: 'must', status: 'approved', roadmap: 'R-1' }),
    item('requirement', 'specs/pay.yaml', 1, { id: 'PAY-1', title: overrides.title ?? 'Pay with a saved card', priority: 'must', status: 'implemented', roadmap: 'R-1' }),
    item('requirement', 'specs/accounts.yaml', 1, { id: 'ACC-1', title: 'Accounts', priority: 'must', status: 'approved', coverage_exempt: 'An epic' }),
  ];
  const roadmap = [item('roadmap', 'specs/roadmap.yaml', 1, { id: 'R-1', title: 'First release', type: 'release', due: '2026-03-31', status: 'active' })];
  const tags = [
    tag('implements', 'src/pay.ts', 9, 'PAY-1'),
    tag('implements', 'src/cards.ts', 2, 'PAY-1'),
    tag('verifies', 'test/pay.test.ts', 4, 'PAY-1'),
    tag('implements', 'src/pay.ts', 20, 'PAY-2'),
  ];
  const coverage = new Map<string, CoverageState>([
    ['PAY-1', { implementations: 2, tests: 1, underPolicy: true, satisfied: true, exemptReason: undefined }],
    ['PAY-2', { implementations: 1, tests: 0, underPolicy: true, satisfied: false, exemptReason: undefined }],
    ['ACC-1', { implementations: 0, tests: 0, underPolicy: true, satisfied: true, exemptReason: 'An epic' }],
  ]);
  const file = (f: string) => path.join(ROOT, f);
  const diagnostics: SpecDiagnostic[] = [
    { file: file('specs/pay.yaml'), range: range(3, 8, 5), severity: 'warning', code: 'uncovered-requirement', message: 'PAY-2 has no test', source: 'spectrace' },
    { file: file('src/pay.ts'), range: range(30, 15, 6), severity: 'warning', code: 'unknown-code-reference', message: 'unknown requirement `PAY-9`', source: 'spectrace' },
    {
      file: file('specs/accounts.yaml'),
      range: range(5, 14, 4),
      severity: 'error',
      code: 'schema',
      message: 'a <b>bad</b> value & "quotes"\u0001',
      source: 'spectrace',
      related: [{ file: file('specs/pay.yaml'), range: range(1, 8, 5), message: 'defined here' }],
    },
    { file: file('specs/accounts.yaml'), range: range(1, 4, 2), severity: 'error', code: 'schema', message: 'missing required field “title”', source: 'spectrace' },
  ];
  return handBuiltSource({ requirements, roadmap, tags, coverage, diagnostics }, (items, reqs) =>
    items.map((i) => ({
      item: i,
      requirements: reqs.filter((r) => r.fields.get('roadmap')?.value === i.id),
      done: 1,
      total: 2,
      overdue: true,
    })),
  );
}
