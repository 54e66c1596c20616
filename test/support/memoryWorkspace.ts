// The in-memory workspace every unit test builds its index on: a real engine WorkspaceIndex fed with
// strings (`updateFile(path, text)`, the way the language server feeds open documents), one root that
// does not exist on disk (nothing is read from it), files kept by workspace-relative path (what the
// index reads back when it re-reads one) and one clock the test holds and can move.
import * as path from 'node:path';
import { WorkspaceIndex } from '../../server/src/engine/index/workspaceIndex';
import type { WorkspaceIndexOptions } from '../../server/src/engine/index/workspaceIndex';

/** A root that does not exist on disk: nothing is read from it. */
export const ROOT = path.resolve('/ws');

/** The tests' "now": midday UTC, so the date is 2026-11-28 in every time zone the tests run in. */
export const NOW = new Date('2026-11-28T12:00:00Z');

/** The clock injected into the index (`now`); a test moves it to see date-dependent rules follow. */
export class TestClock {
  private at: Date;

  constructor(at: Date | string = NOW) {
    this.at = new Date(at);
  }

  readonly now = (): Date => this.at;

  set(at: Date | string): void {
    this.at = new Date(at);
  }
}

/** The absolute path of a workspace-relative one (forward slashes). */
export function abs(rel: string): string {
  return path.join(ROOT, ...rel.split('/'));
}

/** The workspace-relative path (forward slashes) of an absolute one. */
export function rel(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

export interface MemoryIndexOptions {
  clock?: TestClock;
  trusted?: boolean;
}

export interface MemoryIndex {
  readonly index: WorkspaceIndex;
  readonly clock: TestClock;
  /** The files by workspace-relative path, as the index reads them back. */
  readonly files: Map<string, string>;
  /** Writes a file and gives its text to the index; `spectrace.yaml` is the config. */
  set(relPath: string, text: string): void;
  remove(relPath: string): void;
}

/** The index options of an in-memory workspace: its clock, and reads answered from `files`. */
export function memoryIndexOptions(files: ReadonlyMap<string, string>, options: MemoryIndexOptions = {}): WorkspaceIndexOptions & { now: () => Date } {
  return { now: (options.clock ?? new TestClock()).now, trusted: options.trusted ?? true, readFile: (file) => files.get(rel(file)) };
}

/** An index over the given files (workspace-relative path -> text), the config first, the rest in the given order. */
export function memoryIndex(initial: Record<string, string> = {}, options: MemoryIndexOptions = {}): MemoryIndex {
  const clock = options.clock ?? new TestClock();
  const files = new Map<string, string>();
  const index = new WorkspaceIndex(ROOT, memoryIndexOptions(files, { ...options, clock }));
  const set = (relPath: string, text: string) => {
    files.set(relPath, text);
    if (relPath === 'spectrace.yaml') index.setConfig(text);
    else index.updateFile(abs(relPath), text);
  };
  const remove = (relPath: string) => {
    files.delete(relPath);
    if (relPath === 'spectrace.yaml') index.setConfig(undefined);
    else index.removeFile(abs(relPath));
  };
  if (initial['spectrace.yaml'] !== undefined) set('spectrace.yaml', initial['spectrace.yaml']);
  for (const [relPath, text] of Object.entries(initial)) if (relPath !== 'spectrace.yaml') set(relPath, text);
  return { index, clock, files, set, remove };
}
