// In-memory workspaces for the rule and index tests: files are given as strings and fed to a
// WorkspaceIndex with updateFile(), the way the language server feeds open documents.
import * as path from 'node:path';
import { WorkspaceIndex } from '../../../server/src/engine/index/workspaceIndex';
import type { WorkspaceIndexOptions } from '../../../server/src/engine/index/workspaceIndex';
import type { DiagnosticCode, Range, SpecDiagnostic } from '../../../server/src/engine/types';

/** A root that does not exist on disk: nothing is read from it. */
export const ROOT = path.resolve('/spectrace-test-workspace');

export const FIXED_NOW = (): Date => new Date('2026-11-28');

export function abs(rel: string): string {
  return path.join(ROOT, ...rel.split('/'));
}

/** An index over the given files (relative paths -> text); `spectrace.yaml` is the config. */
export function workspace(files: Record<string, string>, options: Partial<WorkspaceIndexOptions> = {}): WorkspaceIndex {
  const index = new WorkspaceIndex(ROOT, { now: FIXED_NOW, readFile: () => undefined, ...options });
  if (files['spectrace.yaml'] !== undefined) index.setConfig(files['spectrace.yaml']);
  for (const [rel, text] of Object.entries(files)) if (rel !== 'spectrace.yaml') index.updateFile(abs(rel), text);
  return index;
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

export function rel(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
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
