// What the report builders read from the workspace index: the queries they call and nothing more
// (so they can be fed hand-built data in tests).
import type { WorkspaceIndexReader } from '../index/indexReader';

export type ReportSource = Pick<
  WorkspaceIndexReader,
  | 'root'
  | 'config'
  | 'diagnostics'
  | 'specFiles'
  | 'codeFiles'
  | 'requirements'
  | 'roadmapItems'
  | 'insights'
  | 'definitions'
  | 'incoming'
  | 'trace'
  | 'coverageTotals'
  | 'roadmapProgress'
>;
