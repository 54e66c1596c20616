// One workspace folder as the server holds it: its index (once built), the promise of the indexing
// in progress, its .gitignore rules for later file events and its persisted caches.
import * as path from 'node:path';
import type { CodeIndexCache } from '../disk/indexCache';
import { GitHistory } from '../disk/gitHistory';
import { SpecHistory } from '../disk/specHistory';
import type { GitignoreRules } from '../disk/gitignore';
import type { SpecResultCache } from '../disk/specResultCache';
import { CONFIG_FILE_NAME } from '../engine/config/config';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';

/** File events -> writing the persisted code index: a burst of saves (a branch switch) is one write. */
const CACHE_SAVE_DEBOUNCE_MS = 2000;

export class Folder {
  index: WorkspaceIndex | undefined;
  ready: Promise<void> = Promise.resolve();
  /** Bumped by every (re)index so an older indexing run that finishes late is dropped. */
  generation = 0;
  /** The folder's .gitignore rules for files that change after the index (made on first use, dropped on re-index). */
  gitignore: Promise<GitignoreRules> | undefined;
  /** The folder's persisted code index, when the client gave a storage folder. */
  cache: CodeIndexCache | undefined;
  /** The folder's persisted spec analyses, likewise (keyed by content: edits never make them stale). */
  specCache: SpecResultCache | undefined;
  /**
   * The folders its spectrace.yaml includes, each with its index linked into the window's trace: read
   * only (never published, never edited), listed in the views after the folder.
   */
  included: Folder[] = [];
  /** Open documents applied before every folder had its index: published, with their versions, once all have. */
  readonly unpublished = new Set<string>();
  /**
   * While the folder is (re)indexed: the paths file events named meanwhile, each with whether its
   * latest event was a deletion. The walk may have read a file before its last write, and the events
   * were applied to the index being replaced (or to none): they are read again into the new index.
   */
  eventsWhileIndexing: Map<string, boolean> | undefined;
  /** Pending debounced write of `cache` after file events. */
  cacheTimer: NodeJS.Timeout | undefined;
  /** The folder's git history reader (change review's diffs), made on first use, per trust state. */
  private gitHistory: { trusted: boolean; reader: GitHistory } | undefined;
  /** The folder's spec history (burn-up charts), made on first use, per trust state; its caches live as long as the folder. */
  private specHistories: { trusted: boolean; reader: SpecHistory } | undefined;
  /** Where the spec history persists its caches (the client's storage folder), when there is one. */
  storageDir: string | undefined;
  /** Logs the spec history's persistence problems. */
  storageLog: ((message: string) => void) | undefined;

  constructor(
    readonly uri: string,
    readonly name: string,
    readonly root: string,
  ) {}

  /** The history reader; it runs git only when asked, and never while the workspace is untrusted. */
  history(trusted: boolean): GitHistory {
    if (this.gitHistory?.trusted !== trusted) this.gitHistory = { trusted, reader: new GitHistory(this.root, { trusted, env: process.env }) };
    return this.gitHistory.reader;
  }

  /** The spec history reader; it runs git only when asked, and never while the workspace is untrusted. */
  specHistory(trusted: boolean): SpecHistory {
    if (this.specHistories?.trusted !== trusted) this.specHistories = { trusted, reader: new SpecHistory(this.root, { trusted, env: process.env, storageDir: this.storageDir, log: this.storageLog }) };
    return this.specHistories.reader;
  }

  get configFile(): string {
    return this.index?.configFile ?? path.join(this.root, CONFIG_FILE_NAME);
  }

  /** A file event for `file` while the folder is indexed; the latest event per path is kept, in the order of the latest. */
  noteEventWhileIndexing(file: string, deleted: boolean): void {
    const events = this.eventsWhileIndexing;
    if (!events) return;
    events.delete(file);
    events.set(file, deleted);
  }

  /** A code file changed or went after the index: the persisted index forgets it, and is written a little later. */
  cacheChanged(file: string): void {
    const cache = this.cache;
    if (!cache) return;
    cache.forget(file);
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = undefined;
      void cache.save();
    }, CACHE_SAVE_DEBOUNCE_MS);
  }
}
