// The browser build's view of the workspace: the WorkspaceFiles it reads through (set once by the
// worker's entry, or by a test) and the text of every file read so far. The server reads some files
// synchronously (the config, custom schemas, a closed file a rename edits); in the browser those
// reads are answered from these texts, which every read through WorkspaceFiles keeps current.
import type { FileReadResult, WorkspaceFiles } from './workspaceFiles';

let current: WorkspaceFiles | undefined;
const texts = new Map<string, string>();

/** Reads go through `files` from now on; what was read before is forgotten. */
export function useWorkspaceFiles(files: WorkspaceFiles): void {
  current = files;
  texts.clear();
}

export function workspaceFiles(): WorkspaceFiles {
  if (!current) throw new Error('the workspace files are not set: the browser server reads the workspace through its client');
  return current;
}

/** Reads `files` (in batches, one request each) and remembers their texts. */
export async function readFiles(files: readonly string[], maxBytes: number, checkBinary: boolean, onBatch?: (done: number) => void): Promise<FileReadResult[]> {
  const out: FileReadResult[] = [];
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = files.slice(i, i + READ_BATCH);
    const results = await workspaceFiles().read(batch, maxBytes, checkBinary);
    batch.forEach((file, j) => {
      const r: FileReadResult = results[j] ?? { kind: 'missing' };
      if (r.kind === 'text') texts.set(file, r.text);
      else texts.delete(file);
      out.push(r);
    });
    onBatch?.(out.length);
  }
  return out;
}

/** Files per read request: large enough that a big folder is a few hundred requests, small enough to report progress. */
const READ_BATCH = 200;

/** The last text read of `file`; undefined when it was not read or is not text. */
export function knownText(file: string): string | undefined {
  return texts.get(file);
}

/** A file was deleted: a synchronous read no longer finds its old text. */
export function forgetText(file: string): void {
  texts.delete(file);
}
