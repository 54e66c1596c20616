// The files under a folder that appeared in one piece (moved or copied into the workspace): file
// watchers report such a folder as one event, not each file in it. Lists them as the folder walk would
// enter them: no symbolic links, never node_modules/.git/.hg/.svn, nothing a .gitignore excludes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALWAYS_EXCLUDED_DIRS, isInAlwaysExcludedDir } from '../engine/config/globs';
import type { GitignoreRules } from './gitignore';

/** A folder larger than this is listed only this far (the next full index finds the rest). */
const MAX_FILES = 100_000;

/** The files under `dir` (a folder inside `rules.root`), in walk order; [] when it is gone or excluded. */
export async function filesUnder(dir: string, rules: GitignoreRules): Promise<string[]> {
  const rel = path.relative(rules.root, dir);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return [];
  if (isInAlwaysExcludedDir(rel.split(path.sep).join('/'))) return [];
  if (await rules.isIgnored(dir, true)) return [];
  const files: string[] = [];
  const queue = [dir];
  while (queue.length > 0 && files.length < MAX_FILES) {
    const current = queue.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(current, { withFileTypes: true });
    } catch {
      continue; // gone or unreadable since it was reported: its own events say what happened
    }
    await rules.enter(current, entries.some((e) => e.name === '.gitignore' && e.isFile()));
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!ALWAYS_EXCLUDED_DIRS.has(e.name) && !rules.ignores(current, e.name, true)) queue.push(path.join(current, e.name));
      } else if (e.isFile() && !rules.ignores(current, e.name, false)) files.push(path.join(current, e.name));
    }
  }
  return files.slice(0, MAX_FILES);
}
