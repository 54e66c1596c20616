// Index a workspace folder from disk: read spectrace.yaml, discover spec and code files, read and index them.
// SKELETON: the public API is fixed; the implementation lands in the following commits.
import type { SkippedFile } from './types';
import { WorkspaceIndex } from './workspaceIndex';
import type { WorkspaceIndexOptions } from './workspaceIndex';

export interface IndexFolderOptions extends WorkspaceIndexOptions {
  onSkip?: (s: SkippedFile) => void;
  onProgress?: (done: number, total: number) => void;
}

export async function indexFolder(root: string, options: IndexFolderOptions = {}): Promise<{ index: WorkspaceIndex; skipped: SkippedFile[] }> {
  const index = new WorkspaceIndex(root, options);
  await Promise.resolve();
  return { index, skipped: [] };
}
