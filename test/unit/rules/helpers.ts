// Rule and index tests: in-memory workspaces (test/support/memoryWorkspace.ts) given as strings, and
// diagnostics shown the way an editor lists them.
import type { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import type { DiagnosticCode, Range, SpecDiagnostic } from '../../../server/src/engine/types';
import { ROOT, abs, memoryIndex, rel } from '../../support/memoryWorkspace';
import type { MemoryIndexOptions } from '../../support/memoryWorkspace';

export { ROOT, abs, rel };

/** An index over the given files (relative paths -> text); `spectrace.yaml` is the config. */
export function workspace(files: Record<string, string>, options: MemoryIndexOptions = {}): WorkspaceIndex {
  return memoryIndex(files, options).index;
}

/** Every diagnostic of the index, optionally only those with the given codes. */
export function all(index: WorkspaceIndex, codes?: DiagnosticCode[]): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const list of index.diagnostics().values()) for (const d of list) if (!codes || codes.includes(d.code)) out.push(d);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

/** `file:line:col severity code message` with 1-based positions. */
export function show(d: SpecDiagnostic): string {
  return `${rel(d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
}

/** A range on one line, 1-based line and column like an editor shows them. */
export function at(line: number, column: number, length: number): Range {
  return { start: { line: line - 1, character: column - 1 }, end: { line: line - 1, character: column - 1 + length } };
}

/** Spec file text from lines (keeps the fixtures readable). */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** A requirement as YAML lines, with the fields given (id and title always). */
export function req(id: string, fields: Record<string, string> = {}): string[] {
  const { title, ...rest } = fields;
  const f = { type: 'story', priority: 'should', status: 'draft', ...rest };
  return [`  - id: ${id}`, `    title: ${title ?? `Requirement ${id}`}`, ...Object.entries(f).map(([k, v]) => `    ${k}: ${v}`)];
}
