// Reading a file again after a file event: .gitignore first (an ignored file is not part of the
// trace, as in the first index), then the read; and which event for a file is the latest, so a slow
// read that finishes after a newer event is dropped.
import type { Folder } from './folder';
import { GitignoreRules } from '../disk/gitignore';
import { readTextFile } from '../disk/readText';
import type { ReadResult } from '../disk/readText';

export class LatestDiskEvent {
  private seq = 0;
  private readonly latest = new Map<string, number>();

  /** A new event for `file`: its sequence number. */
  next(file: string): number {
    const seq = ++this.seq;
    this.latest.set(file, seq);
    return seq;
  }

  isLatest(file: string, seq: number): boolean {
    return this.latest.get(file) === seq;
  }
}

/** A changed file's text, unless .gitignore excludes it; `limit` and `checkBinary` as readTextFile's. */
export async function readChangedFile(folder: Folder, file: string, limit: number, checkBinary: boolean): Promise<ReadResult | { kind: 'ignored' }> {
  folder.gitignore ??= GitignoreRules.forRoot(folder.root);
  if (await (await folder.gitignore)?.isIgnored(file)) return { kind: 'ignored' };
  return readTextFile(file, limit, checkBinary);
}
