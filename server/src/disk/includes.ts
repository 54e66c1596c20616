// The folders a spectrace.yaml names under `include:`: resolved relative to the file, checked to be
// readable folders (each one that is not gets an invalid-config diagnostic on its line), indexed
// with their own spectrace.yaml and linked into the including folder's trace. Their code is kept only
// with `code: true`. One level: an included folder's own `include:` is not followed.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { configKeyRange } from '../engine/config/config';
import type { IncludedFolder } from '../engine/index/includedIndexes';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import { zeroRange } from '../engine/text/positions';
import type { IncludeEntry, SpecDiagnostic } from '../engine/types';
import { readTextSync } from './readText';
import { fsErrorText } from './fsErrorText';

export type { IncludedFolder } from '../engine/index/includedIndexes';

export interface ResolvedIncludes {
  folders: IncludedFolder[];
  /** One invalid-config diagnostic per entry that is not a readable folder, in spectrace.yaml. */
  problems: SpecDiagnostic[];
}

/** Check each `include:` entry of `index`'s config: the readable folders, and a diagnostic for each other one. */
export async function resolveIncludes(index: WorkspaceIndex): Promise<ResolvedIncludes> {
  const entries = index.config.include ?? [];
  const folders: IncludedFolder[] = [];
  const problems: SpecDiagnostic[] = [];
  if (entries.length === 0) return { folders, problems };
  const configText = readTextSync(index.configFile) ?? '';
  const base = path.dirname(index.configFile);
  const self = await fs.realpath(index.root).catch(() => index.root);
  const problem = (e: IncludeEntry, message: string) =>
    problems.push({
      file: index.configFile,
      range: configKeyRange(configText, ['include', e.entry, 'path']) ?? configKeyRange(configText, ['include', e.entry]) ?? zeroRange(),
      severity: 'error',
      code: 'invalid-config',
      message,
      source: 'spectrace',
    });
  for (const e of entries) {
    const absolute = path.resolve(base, e.path);
    let root: string;
    try {
      const stat = await fs.stat(absolute);
      if (!stat.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      await fs.readdir(absolute);
      root = await fs.realpath(absolute);
    } catch (err) {
      problem(e, `include: cannot read folder '${e.path}' (${fsErrorText(err, 'folder')}); its specs are not part of this trace`);
      continue;
    }
    if (root === self) {
      problem(e, `include: '${e.path}' is this folder itself`);
      continue;
    }
    // A folder above this one holds it: its specs would be read twice, with everything beside them
    // (for '/', the whole disk).
    if (self.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`)) {
      problem(e, `include: '${e.path}' holds this folder; name the folders beside it instead`);
      continue;
    }
    if (folders.some((f) => f.root === root)) continue;
    folders.push({ root, code: e.code, written: e.path });
  }
  return { folders, problems };
}

export { indexIncludes, linkIncludes } from '../engine/index/includedIndexes';
