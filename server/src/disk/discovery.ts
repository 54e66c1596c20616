// Finding the files of a workspace folder on disk, and scanning the code files for tags, for the CLI
// and the server's first index. Code trees hold anything, so nothing here throws for a per-file
// problem: each file that is not read comes back as a SkippedFile with a reason the caller logs.
//
// Decisions (see also globs.ts for which paths are specs and code, scanFile.ts for reading):
// - The walk honours .gitignore files (gitignore.ts) and never enters node_modules/.git/.hg/.svn:
//   ignored folders are pruned while listing, not filtered afterwards. It only enters folders on
//   the way to, or below, the literal base folder of a spec or code glob (walkGlobs).
// - Folders are listed synchronously, yielding to the event loop every few milliseconds: twice as fast
//   as listing through the thread pool (bench/HISTORY.md), and the
//   walk's own bookkeeping per entry is what dominates a large tree.
// - Symbolic links are not followed, neither to folders nor to files: a linked folder would list
//   the same files twice (double-counted tags) or leave the workspace, and a link can loop. A link
//   that loops (resolves to itself, or to a folder containing it) is reported as `symlink-loop`;
//   other links are silently not followed. FIFOs, sockets and devices are not listed.
// - The code scan (scanCodeFiles) runs on the main thread and a worker thread (scanWorkerPool.ts)
//   and can take unchanged files' results from the persisted index (indexCache.ts).
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { GitignoreRules } from './gitignore';
import { ALWAYS_EXCLUDED_DIRS, createPathClassifier, walkGlobs } from '../engine/config/globs';
import { skipFromError } from './scanFile';
import type { ScanEntry } from './scanFile';
import { scanInParallel } from './scanWorkerPool';
import type { KnownFile, ScanWorkerThread } from './scanWorkerPool';
import type { CodeFile, SkippedFile, SpectraceConfig } from '../engine/types';

// Reading lives in scanFile.ts (the worker imports it without the walk); re-exported for callers.
export { decodeText, readCodeFile, readSpecFile } from './scanFile';
export { minifiedSkip, MINIFIED_LINE_LENGTH } from '../engine/code/minified';
export type { FileStamp, ReadResult, ScanEntry } from './scanFile';
export type { KnownFile } from './scanWorkerPool';

export interface DiscoveryResult {
  /** Absolute paths, sorted. */
  specFiles: string[];
  codeFiles: string[];
  /** Folders that could not be listed, symlink loops, .gitignore files that could not be applied. */
  skipped: SkippedFile[];
  /** Each folder walked, by absolute path, as listed or reused (for the persisted index to keep). */
  listings: Map<string, FolderListing>;
}

/**
 * One folder as the walk classified its entries. Adding, removing or renaming an entry changes a
 * folder's modification time, so a listing kept from an earlier walk stands for the folder while its
 * time is the same and the rules above it are too (the persisted index keeps them; see indexCache.ts
 * for the "racily clean" rule). Names only, sorted by kind.
 */
export interface FolderListing {
  /** The folder's modification time when listed (NaN when the walk had no kept listings to check). */
  mtimeMs: number;
  /** The folder's own ignore rules when listed (gitignore.ts RulesStamp.stamp). */
  rules: string;
  /** The latest modification time of those rule files (the racy rule applies to them too). */
  rulesMs: number;
  /** false when the listing cannot stand for the folder later: it held a symbolic link or a problem. */
  reusable: boolean;
  dirs: string[];
  specs: string[];
  code: string[];
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Called for each file, scanned or skipped, with the number done (for progress). */
  onFile?: (done: number, total: number) => void;
  /** 0: main thread only; 1: a worker thread whatever the number of files; default: a worker for large lists. */
  workers?: 0 | 1;
  /** The worker's script (tests); default dist/scanWorker.js next to the running bundle. */
  workerScript?: string;
  /** The persisted index: files whose size and modification time match are not read. */
  known?: (file: string) => KnownFile | undefined;
  /** Notes about the worker thread (not started, stopped); the scan completes anyway. */
  log?: (message: string) => void;
  /** A worker started ahead with the same config (startScanWorker); stopped if the list is too short for it. */
  worker?: ScanWorkerThread;
}

export interface ScanResult {
  files: CodeFile[];
  skipped: SkippedFile[];
  /** Every file's outcome with its stamp, in the order given (what the persisted index stores). */
  entries: ScanEntry[];
  /** Files whose result came from the persisted index. */
  reused: number;
}

/** Time the walk may hold the event loop before it yields. */
const WALK_SLICE_MS = 4;

// ---------------------------------------------------------------------------------------------
// Discovery

export interface DiscoverOptions {
  signal?: AbortSignal;
  /** Called as each code file is found, with the count so far (to start the scan's worker early). */
  onCodeFile?: (count: number) => void;
  /** Listings kept from an earlier walk (same config): an unchanged folder is not listed again. */
  listings?: (dir: string) => FolderListing | undefined;
}

export async function discoverFiles(root: string, config: SpectraceConfig, opts: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const base = path.resolve(root);
  const classifier = createPathClassifier(config);
  const rules = await GitignoreRules.forRoot(base);
  const scope = walkScope(walkGlobs(config));
  const skipped: SkippedFile[] = [];
  const specFiles: string[] = [];
  const codeFiles: string[] = [];
  const listings = new Map<string, FolderListing>();
  if (scope.empty) return { specFiles, codeFiles, skipped: [...rules.problems], listings };
  const addCode = (file: string) => {
    const count = codeFiles.push(file);
    opts.onCodeFile?.(count);
  };

  // Depth first; `rel` is the folder's path below the root with `/` separators ('' for the root).
  // `trusted`: the rules above the folder are those its kept listing was made under.
  const stack: { abs: string; rel: string; trusted: boolean }[] = [{ abs: base, rel: '', trusted: opts.listings !== undefined }];
  let sliceStart = performance.now();
  while (stack.length > 0) {
    if (performance.now() - sliceStart > WALK_SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    opts.signal?.throwIfAborted();
    const { abs: dir, rel: dirRel, trusted } = stack.pop() as { abs: string; rel: string; trusted: boolean };
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    // A folder's time is only worth a system call when listings are kept (a persisted index).
    let mtimeMs = Number.NaN;
    if (opts.listings) {
      try {
        mtimeMs = fs.statSync(dir).mtimeMs;
      } catch (err) {
        skipped.push(skipFromError(dir, err));
        continue;
      }
    }
    const kept = trusted ? opts.listings?.(dir) : undefined;
    if (kept && kept.mtimeMs === mtimeMs) {
      // The same entries as then; the folder's own rules decide whether their verdicts still hold.
      const own = await rules.enter(dir, kept.rules !== '');
      if (kept.reusable && own.stamp === kept.rules) {
        listings.set(dir, kept);
        for (const name of kept.dirs) stack.push({ abs: prefix + name, rel: dirRel ? `${dirRel}/${name}` : name, trusted: true });
        for (const name of kept.specs) specFiles.push(prefix + name);
        for (const name of kept.code) addCode(prefix + name);
        continue;
      }
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push(skipFromError(dir, err));
      continue;
    }
    let hasGitignore = false;
    for (const e of entries) if (e.name === '.gitignore' && !e.isDirectory()) hasGitignore = true;
    const own = await rules.enter(dir, hasGitignore);
    // Below changed rules, kept listings of subfolders were classified under other rules.
    const childrenTrusted = kept !== undefined && own.stamp === kept.rules;
    const listing: FolderListing = { mtimeMs, rules: own.stamp, rulesMs: own.newestMs, reusable: true, dirs: [], specs: [], code: [] };
    const skippedBefore = skipped.length;
    for (const e of entries) {
      const name = e.name;
      const rel = dirRel ? `${dirRel}/${name}` : name;
      if (e.isDirectory()) {
        if (ALWAYS_EXCLUDED_DIRS.has(name) || !scope.enters(rel) || rules.ignores(dir, name, true)) continue;
        listing.dirs.push(name);
        stack.push({ abs: prefix + name, rel, trusted: childrenTrusted });
      } else if (e.isFile()) {
        if (!scope.lists(rel) || rules.ignores(dir, name, false)) continue;
        if (classifier.isSpecPath(rel)) {
          listing.specs.push(name);
          specFiles.push(prefix + name);
        } else if (classifier.isCodePath(rel)) {
          listing.code.push(name);
          addCode(prefix + name);
        }
      } else if (e.isSymbolicLink()) {
        // A link's target can change without the folder changing: a folder holding one is listed every time.
        listing.reusable = false;
        // git stores a link as a file, so `dir/` rules do not match it.
        if (rules.ignores(dir, name, false)) continue;
        const loop = await symlinkLoop(prefix + name, dir);
        if (loop) skipped.push(loop);
      }
      // FIFOs, sockets and devices are not source files: not listed.
    }
    if (skipped.length > skippedBefore) listing.reusable = false;
    listings.set(dir, listing);
  }
  opts.signal?.throwIfAborted();
  specFiles.sort();
  codeFiles.sort();
  return { specFiles, codeFiles, skipped: [...rules.problems, ...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), listings };
}

/**
 * Which folders the walk enters and which files it lists, from walkGlobs' patterns: `base/**`
 * (everything below base; `**` is the whole tree) or a literal path (that file only).
 */
function walkScope(patterns: readonly string[]): { empty: boolean; enters(rel: string): boolean; lists(rel: string): boolean } {
  const bases: string[] = [];
  const literals: string[] = [];
  for (const p of patterns) {
    if (p === '**') bases.push('');
    else if (p.endsWith('/**')) bases.push(p.slice(0, -3));
    else literals.push(p);
  }
  const all = bases.includes('');
  const under = (rel: string, b: string) => rel === b || rel.startsWith(`${b}/`);
  return {
    empty: patterns.length === 0,
    enters: (rel) =>
      all || bases.some((b) => under(rel, b) || b.startsWith(`${rel}/`)) || literals.some((l) => l.startsWith(`${rel}/`)),
    lists: (rel) => all || bases.some((b) => rel.startsWith(`${b}/`)) || literals.includes(rel),
  };
}

/** A `symlink-loop` skip when the link at `link` (in folder `dir`) cannot resolve or resolves to a folder containing it. */
async function symlinkLoop(link: string, dir: string): Promise<SkippedFile | undefined> {
  let target: string;
  try {
    target = await fsp.realpath(link);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return { file: link, reason: 'symlink-loop', detail: 'the link resolves to itself' };
    return undefined; // a dangling link: nothing to follow, nothing to report
  }
  let realDir: string;
  try {
    realDir = await fsp.realpath(dir);
  } catch {
    return undefined; // the folder vanished while listing it
  }
  if (realDir === target || realDir.startsWith(target + path.sep)) {
    return { file: link, reason: 'symlink-loop', detail: `the link points to ${target}, a folder that contains it` };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Scanning

/**
 * Read and scan code files, on the main thread and (for many files) a worker thread. The result
 * lists every scanned file (with or without tags) in the order given, and every skipped one.
 * Throws only when `signal` aborts.
 */
export async function scanCodeFiles(files: string[], config: SpectraceConfig, opts: ScanOptions = {}): Promise<ScanResult> {
  const { entries, reused } = await scanInParallel(files, config, {
    signal: opts.signal,
    onProgress: opts.onFile,
    workers: opts.workers,
    workerScript: opts.workerScript,
    known: opts.known,
    log: opts.log,
    worker: opts.worker,
  });
  const scanned: CodeFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const { result } of entries) {
    if ('tags' in result) scanned.push(result);
    else skipped.push(result);
  }
  return { files: scanned, skipped, entries, reused };
}
