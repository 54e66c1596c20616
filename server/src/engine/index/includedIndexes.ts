// Included folders (`include:` in spectrace.yaml) once they are indexed: their code dropped unless
// asked for, and linked with the including folder into one trace. No disk here: the server's disk and
// browser builds both use it.
import { LinkedTrace } from './linkedTrace';
import type { WorkspaceIndex } from './workspaceIndex';

export interface IncludedFolder {
  /** The folder's real absolute path. */
  root: string;
  /** Whether its code is scanned for tags too. */
  code: boolean;
  /** The entry as written in spectrace.yaml. */
  written: string;
}

/** Index the included folders with `build` (their own config each); their code is dropped unless asked for. */
export async function indexIncludes(folders: readonly IncludedFolder[], build: (root: string) => Promise<WorkspaceIndex>): Promise<WorkspaceIndex[]> {
  const out: WorkspaceIndex[] = [];
  for (const f of folders) {
    const included = await build(f.root);
    if (!f.code) for (const c of [...included.codeFiles()]) included.removeFile(c.file);
    out.push(included);
  }
  return out;
}

/** Index the included folders and link them and `index` into one trace (the index's own, if it is linked already). */
export async function linkIncludes(
  index: WorkspaceIndex,
  folders: readonly IncludedFolder[],
  build: (root: string) => Promise<WorkspaceIndex>,
): Promise<WorkspaceIndex[]> {
  const out = await indexIncludes(folders, build);
  if (out.length === 0) return out;
  const trace = index.linkedTrace ?? new LinkedTrace<WorkspaceIndex>();
  if (!index.linkedTrace) index.joinTrace(trace);
  for (const included of out) included.joinTrace(trace);
  return out;
}
