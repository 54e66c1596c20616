// Reading a file again after a file event: .gitignore first (an ignored file is not part of the
// trace, as in the first index), then the read; and which event for a file is the latest, so a slow
// read that finishes after a newer event (or after the file's, or its folder's, deletion) is dropped.
import type { Folder } from './folder';
import { filesUnder } from '../disk/folderFiles';
import { GitignoreRules } from '../disk/gitignore';
import { readTextFile } from '../disk/readText';
import type { ReadResult } from '../disk/readText';
import { isInside } from './uris';

export class LatestDiskEvent {
  private seq = 0;
  /** Per file, the number of its latest read still running (only running reads are held). */
  private readonly running = new Map<string, number>();

  /** A read of `file` starts after an event: its number (a read of the file still running is superseded). */
  next(file: string): number {
    const seq = ++this.seq;
    this.running.set(file, seq);
    return seq;
  }

  /** The read numbered `seq` ended: whether it is the latest for its file (only then is its result applied). */
  finish(file: string, seq: number): boolean {
    if (this.running.get(file) !== seq) return false;
    this.running.delete(file);
    return true;
  }

  /** Whether a read of `file` is running (its result is still to come). */
  isReading(file: string): boolean {
    return this.running.has(file);
  }

  /**
   * `file` was deleted: a read of it, or (a folder) of any file under it, still running is dropped.
   * A watcher reports a deleted folder alone, not each file in it.
   */
  deleted(file: string): void {
    for (const f of [...this.running.keys()]) if (isInside(f, file)) this.running.delete(f);
  }
}

/** A changed file's text, unless .gitignore excludes it; `limit` and `checkBinary` as readTextFile's. */
export async function readChangedFile(folder: Folder, file: string, limit: number, checkBinary: boolean): Promise<ReadResult | { kind: 'ignored' }> {
  folder.gitignore ??= GitignoreRules.forRoot(folder.root);
  if (await (await folder.gitignore)?.isIgnored(file)) return { kind: 'ignored' };
  return readTextFile(file, limit, checkBinary);
}

/** The files under a folder created in the workspace, unless .gitignore excludes them (see folderFiles.ts). */
export async function filesOfNewFolder(folder: Folder, dir: string): Promise<string[]> {
  folder.gitignore ??= GitignoreRules.forRoot(folder.root);
  return filesUnder(dir, await folder.gitignore);
}
