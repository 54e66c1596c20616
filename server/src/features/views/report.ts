// spectrace/report: the traceability report rendered by the same renderers as `spectrace report`.
import type { ReportParams, ReportResult } from '../../shared/protocol';
import { UserFacingError } from '../../lsp/boundary';
import type { FolderView } from './nodes';

export function renderReport(folders: FolderView[], format: ReportParams['format'], _now: Date): ReportResult {
  if (!folders.length) throw new UserFacingError('No workspace folder is indexed yet.');
  throw new UserFacingError(`Report format ${format} is not available yet.`);
}
