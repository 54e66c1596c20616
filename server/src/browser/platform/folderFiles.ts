// disk/folderFiles.ts for the browser build: the workspace's file system reports each file it changes,
// so a folder's own event needs no listing here.
import type { GitignoreRules } from './gitignore';

export async function filesUnder(_dir: string, _rules: GitignoreRules): Promise<string[]> {
  return [];
}
