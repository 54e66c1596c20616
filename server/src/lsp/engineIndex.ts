// The one place the server touches the engine's workspace index classes. Everything else codes
// against `SpecIndex` (what features read) and `EngineIndex` (what the workspace manager writes).
import type { CodeIndexCache } from '../disk/indexCache';
import type { SpecResultCache } from '../disk/specResultCache';
import { indexFolder } from '../disk/indexFolder';
import { WorkspaceIndex } from '../engine/index/workspaceIndex';
import type { FileClass } from '../engine/index/workspaceIndex';
import type { SkippedFile } from '../engine/types';
import type { SpecInput } from '../engine/spec/specSource';
import type { SpecIndex } from '../features/specIndex';

/** What the language server needs to keep an index current. */
export interface EngineIndex extends SpecIndex {
  setConfig(text: string | undefined): void;
  /** A file's text: a string, or an open document the index may keep and re-read around its edits. */
  updateFile(file: string, input: SpecInput): void;
  removeFile(file: string): void;
  isSchemaFile(file: string): boolean;
  classify(file: string): FileClass;
}

// Compile-time proof that the engine's class is what the server codes against.
const _fits: (i: WorkspaceIndex) => EngineIndex = (i) => i;
void _fits;

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
export async function buildIndex(root: string, opts: BuildOptions): Promise<EngineIndex> {
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
export function emptyIndex(root: string, trusted: boolean): EngineIndex {
  return new WorkspaceIndex(root, { trusted });
}
