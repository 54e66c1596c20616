// Tells the release view when a workspace folder's git HEAD moves (a commit, checkout, reset, merge or
// rebase): its burn-up is read from the history, and a commit changes no spec file to announce it.
//
// Decisions:
// - Flat watchers on the HEAD file and its reflog (`logs/HEAD`): VS Code's recursive watcher filters
//   `.git` paths out by default, flat ones are not filtered (and watch one folder each, cheaply).
// - No git is run: the git folder is found by walking up from the workspace folder, following a `.git`
//   file's `gitdir:` line (linked worktrees and submodules keep their HEAD there).
// - Only folders on disk (`file:`): the browser build has no git history to refresh.
import * as vscode from 'vscode';
import { errorText } from '../../../server/src/shared/errorText';

/** Moves come in bursts (a rebase writes HEAD many times); one reload after the last. */
const SETTLE_MS = 300;
/** A `.git` file is one line; anything larger is not one. */
const MAX_GITFILE_BYTES = 4096;
const MAX_LEVELS = 64;

/** The git folder of the repository holding `folder`, or undefined outside one. */
export async function findGitDir(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = folder;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const dotGit = vscode.Uri.joinPath(dir, '.git');
    const stat = await statOrUndefined(dotGit);
    if (stat && stat.type & vscode.FileType.Directory) return dotGit;
    if (stat && stat.type & vscode.FileType.File) return stat.size <= MAX_GITFILE_BYTES ? gitDirOfFile(dotGit, dir) : undefined;
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Calls `onMove` (once per burst) when HEAD moves in the repository of any of `folders`. */
export function watchGitHeads(folders: readonly vscode.Uri[], onMove: () => void, log: vscode.LogOutputChannel): vscode.Disposable {
  const watchers: vscode.Disposable[] = [];
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const moved = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!disposed) onMove();
    }, SETTLE_MS);
  };
  const watch = async (folder: vscode.Uri): Promise<void> => {
    const gitDir = await findGitDir(folder);
    if (!gitDir || disposed) return;
    for (const base of [gitDir, vscode.Uri.joinPath(gitDir, 'logs')]) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, 'HEAD'));
      watcher.onDidChange(moved);
      watcher.onDidCreate(moved);
      watcher.onDidDelete(moved);
      watchers.push(watcher);
    }
  };
  for (const folder of folders) {
    if (folder.scheme !== 'file') continue;
    watch(folder).catch((err: unknown) => log.warn(`release: not watching git HEAD for ${folder.fsPath}: ${errorText(err)}`));
  }
  return new vscode.Disposable(() => {
    disposed = true;
    if (timer !== undefined) clearTimeout(timer);
    for (const w of watchers.splice(0)) w.dispose();
  });
}

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined; // not there (or unreadable): look further up
  }
}

/** The folder a `.git` file names with `gitdir: <path>` (relative to the folder holding the file). */
async function gitDirOfFile(dotGit: vscode.Uri, dir: vscode.Uri): Promise<vscode.Uri | undefined> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(dotGit));
  const target = /^gitdir:(.*)$/m.exec(text)?.[1].trim();
  if (!target) return undefined;
  const absolute = target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target);
  return absolute ? vscode.Uri.file(target) : vscode.Uri.joinPath(dir, target);
}
