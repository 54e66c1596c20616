// What the burn-up needs from one version of one spec file: its requirements' IDs, roadmap items and
// statuses, and its roadmap items' parents; or the YAML error that makes the version unusable. A
// version is read with the same SpecAnalyzer the editor uses (chunked, fast reader), so history and
// the open workspace agree on what a file says. Pure.
import type { SpecAnalyzer } from '../spec/specAnalyzer';
import type { SpecItem } from '../types';

export interface VersionRequirement {
  id: string;
  roadmap: string | undefined;
  status: string | undefined;
}

export interface VersionRoadmapItem {
  id: string;
  parent: string | undefined;
}

export interface SpecVersion {
  requirements: VersionRequirement[];
  roadmap: VersionRoadmapItem[];
  /** The version does not parse as YAML: the first error, as "line N: message". */
  error?: string;
}

function text(it: SpecItem, key: string): string | undefined {
  const value = (it.value as Record<string, unknown> | null | undefined)?.[key];
  if (typeof value === 'string') return value.replace(/@\d+$/, '') || undefined; // `R-1@2`: a reviewed link names the item R-1
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The burn-up's view of `content`, read as `file` by `analyzer` (one analyzer per path reuses unchanged items). */
export function readSpecVersion(analyzer: SpecAnalyzer, file: string, content: string): SpecVersion {
  const { spec } = analyzer.analyze(file, content);
  const syntax = spec.diagnostics.find((d) => d.code === 'yaml-syntax' || d.code === 'file-too-large');
  if (syntax) return { requirements: [], roadmap: [], error: `line ${syntax.range.start.line + 1}: ${syntax.message}` };
  const requirements: VersionRequirement[] = [];
  for (const it of spec.requirements) if (it.id !== undefined) requirements.push({ id: it.id, roadmap: text(it, 'roadmap'), status: text(it, 'status') });
  const roadmap: VersionRoadmapItem[] = [];
  for (const it of spec.roadmap) if (it.id !== undefined) roadmap.push({ id: it.id, parent: text(it, 'parent') });
  return { requirements, roadmap };
}
