// How the server makes a folder's index: read from disk (indexFolder), or empty for a folder that
// could not be read. The server owns the WorkspaceIndex it writes to; features read it through
// WorkspaceIndexReader.
import type { CodeIndexCache } from '../disk/indexCache';
import type { SpecResultCache } from '../disk/specResultCache';
import { indexFolder } from '../disk/indexFolder';
import { readTextSync } from '../disk/readText';
import { WorkspaceIndex } from '../engine/index/workspaceIndex';
import type { SkippedFile } from '../engine/types';

export interface BuildOptions {
  trusted: boolean;
  now?: () => Date;
  onProgress?: (message: string, percentage: number | undefined) => void;
  onSkip?: (skipped: SkippedFile) => void;
  /** Reads custom schema files: the server passes one that prefers open documents over the disk. */
  readFile?: (absPath: string) => string | undefined;
  /** The folder's persisted code index (read before the code scan, updated after it). */
  codeCache?: CodeIndexCache;
  /** The folder's persisted spec analyses (read before the spec files are parsed, updated after). */
  specCache?: SpecResultCache;
  /** Notes worth a log line (the persisted index, the code scan's worker thread). */
  log?: (message: string) => void;
}

/** Index a folder from disk. */
export async function buildIndex(root: string, opts: BuildOptions): Promise<WorkspaceIndex> {
  // One progress report per percent, not per file: each is a JSON-RPC message to the client, and a
  // large folder has tens of thousands of files.
  let lastPercent = -1;
  const onProgress = opts.onProgress;
  const { index } = await indexFolder(root, {
    trusted: opts.trusted,
    now: opts.now,
    onSkip: opts.onSkip,
    readFile: opts.readFile,
    codeCache: opts.codeCache,
    specCache: opts.specCache,
    log: opts.log,
    onProgress: onProgress
      ? (done, total) => {
          const percent = total ? Math.min(100, Math.round((done / total) * 100)) : undefined;
          if (percent !== undefined && percent === lastPercent && done !== total) return;
          lastPercent = percent ?? -1;
          onProgress(`${done}/${total} files`, percent);
        }
      : undefined,
  });
  return index;
}

/** An empty index for a folder that could not be read. */
export function emptyIndex(root: string, trusted: boolean): WorkspaceIndex {
  return new WorkspaceIndex(root, { trusted, readFile: readTextSync });
}
