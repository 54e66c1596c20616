// Absolute engine paths and 0-based LSP ranges -> what reports show: folder-relative `/` paths and
// 1-based lines and columns.
import * as path from 'node:path';
import type { Range } from '../types';
import type { ReportSpan } from './reportModel';

export function relativePath(root: string, file: string): string {
  const rel = path.relative(root, file);
  // A file outside the folder (never expected) keeps its absolute path rather than a confusing ../../
  if (rel === '' || path.isAbsolute(rel)) return file.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

export function toSpan(root: string, file: string, range: Range): ReportSpan {
  return {
    file: relativePath(root, file),
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Order by file, then line, then column: the order every listing uses. */
export function compareSpans(a: ReportSpan, b: ReportSpan): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
