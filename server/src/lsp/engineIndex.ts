// The one place the server touches the engine's workspace index classes. Everything else codes
// against `SpecIndex` (what features read) and `EngineIndex` (what the workspace manager writes).
import { indexFolder } from '../engine/indexFolder';
import { WorkspaceIndex } from '../engine/workspaceIndex';
import type { FileClass } from '../engine/workspaceIndex';
import type { SkippedFile } from '../engine/types';
import type { SpecIndex } from '../features/specIndex';

/** What the language server needs to keep an index current. */
export interface EngineIndex extends SpecIndex {
  setConfig(text: string | undefined): void;
  updateFile(file: string, text: string): void;
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
}

/** Index a folder from disk. */
export async function buildIndex(root: string, opts: BuildOptions): Promise<EngineIndex> {
  const { index } = await indexFolder(root, {
    trusted: opts.trusted,
    now: opts.now,
    onSkip: opts.onSkip,
    readFile: opts.readFile,
    onProgress: opts.onProgress ? (done, total) => opts.onProgress?.(`${done}/${total} files`, total ? Math.min(100, Math.round((done / total) * 100)) : undefined) : undefined,
  });
  return index;
}

/** An empty index for a folder that could not be read. */
export function emptyIndex(root: string, trusted: boolean): EngineIndex {
  return new WorkspaceIndex(root, { trusted });
}
