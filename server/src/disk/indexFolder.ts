// Index a workspace folder from disk: read spectrace.yaml, discover the spec and code files (discovery.ts:
// .gitignore, symlinks, binary and oversized files), read and index them. Used by the CLI and by the
// language server for its first index of each folder. Per-file problems are skips, never exceptions.
import * as path from 'node:path';
import { discoverFiles, readSpecFile, scanCodeFiles } from './discovery';
import type { CodeIndexCache } from './indexCache';
import { MAX_CACHED_SPEC_CHARS, textHash } from './specResultCache';
import type { SpecResultCache } from './specResultCache';
import { startScanWorker, WORKER_MIN_FILES } from './scanWorkerPool';
import type { ScanWorkerThread } from './scanWorkerPool';
import { readTextSync } from './readText';
import type { SkippedFile, SpecFile } from '../engine/types';
import { WorkspaceIndex } from '../engine/index/workspaceIndex';
import type { WorkspaceIndexOptions } from '../engine/index/workspaceIndex';

export interface IndexFolderOptions extends Partial<WorkspaceIndexOptions> {
  /** Called for each file that was not indexed, with the reason (also returned in `skipped`). */
  onSkip?: (s: SkippedFile) => void;
  /** Called after each spec or code file, read or skipped. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the code scan (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** The folder's persisted code index (indexCache.ts): read before the scan, updated after it (saving is the caller's). */
  codeCache?: CodeIndexCache;
  /** The folder's persisted spec analyses (specResultCache.ts): unchanged spec texts are not parsed; updated after (saving is the caller's). */
  specCache?: SpecResultCache;
  /** Notes worth a log line (the persisted index, the scan's worker thread). */
  log?: (message: string) => void;
}

/**
 * Spec files are read up to this size even when they exceed `maxSpecFileSize`, so the analyzer can put a
 * "file too large" diagnostic on them instead of leaving them out silently; beyond it they are skipped.
 */
const SPEC_READ_LIMIT = 64 * 1024 * 1024;

export async function indexFolder(root: string, options: IndexFolderOptions = {}): Promise<{ index: WorkspaceIndex; skipped: SkippedFile[] }> {
  const base = path.resolve(root);
  const skipped: SkippedFile[] = [];
  const skip = (s: SkippedFile): void => {
    skipped.push(s);
    options.onSkip?.(s);
  };
  const index = new WorkspaceIndex(base, { ...options, readFile: options.readFile ?? readTextSync });

  const configRead = await readSpecFile(index.configFile, { ...index.config, maxFileSize: SPEC_READ_LIMIT });
  if ('text' in configRead) index.setConfig(configRead.text);
  else if (configRead.skipped.reason !== 'vanished') skip(configRead.skipped); // no config file is the normal case
  const config = index.config;
  const specLimits = { ...config, maxFileSize: Math.max(config.maxSpecFileSize, SPEC_READ_LIMIT) };

  // A large folder's code scan gets a worker thread; started as soon as the walk has found that
  // many code files, it is ready when the scan begins.
  let worker: ScanWorkerThread | undefined;
  const onCodeFile = (count: number) => {
    if (count === WORKER_MIN_FILES) worker = startScanWorker(config, { log: options.log });
  };
  // With a persisted index, unchanged files are not read and unchanged folders not listed.
  const known = options.codeCache ? await options.codeCache.prepare(config) : undefined;
  const walkStartedAt = Date.now();
  const found = await discoverFiles(base, config, { signal: options.signal, onCodeFile, listings: options.codeCache?.listings() }).catch((err: unknown) => {
    worker?.stop();
    throw err;
  });
  options.codeCache?.storeListings(found.listings, walkStartedAt);
  for (const s of found.skipped) skip(s);
  const total = found.specFiles.length + found.codeFiles.length;
  let done = 0;

  // The code scan starts now, so that its worker thread scans while the spec files below are read
  // and parsed; its results are applied after them.
  const scanStartedAt = Date.now();
  const scanning = scanCodeFiles(found.codeFiles, config, {
    signal: options.signal,
    onFile: () => options.onProgress?.(++done, total),
    known,
    log: options.log,
    worker,
  });
  scanning.catch(() => undefined); // awaited below; this keeps an abort during the spec files from being an unhandled rejection

  const analysed = options.specCache ? await options.specCache.prepare(index.analysisKey()) : undefined;
  const hashes = new Map<string, string>();
  let restored = 0;
  for (const file of found.specFiles) {
    options.signal?.throwIfAborted();
    const read = await readSpecFile(file, specLimits);
    if ('text' in read) {
      const hash = analysed && read.text.length <= MAX_CACHED_SPEC_CHARS ? textHash(read.text) : undefined;
      const earlier = hash === undefined ? undefined : analysed?.(file, hash);
      if (earlier && index.restoreSpec(file, read.text, earlier)) restored++;
      else index.updateFile(file, read.text);
      if (hash !== undefined) hashes.set(file, hash);
    } else skip(read.skipped);
    options.onProgress?.(++done, total);
  }
  if (options.specCache) {
    const store = new Map<string, { hash: string; spec: SpecFile }>();
    for (const [file, hash] of hashes) {
      const spec = index.specFile(file);
      if (spec) store.set(file, { hash, spec });
    }
    options.specCache.store(store);
    if (restored > 0) options.log?.(`spectrace: ${restored} of ${found.specFiles.length} spec files unchanged since the persisted analyses`);
  }

  const scanned = await scanning;
  options.codeCache?.store(scanned.entries, scanStartedAt);
  if (options.codeCache && scanned.reused > 0) options.log?.(`spectrace: ${scanned.reused} of ${found.codeFiles.length} code files unchanged since the persisted index`);
  index.addWalkedCode(scanned.files);
  for (const s of scanned.skipped) skip(s);
  return { index, skipped };
}
