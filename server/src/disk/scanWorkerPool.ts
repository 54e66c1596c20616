// The code scan on both cores: the main thread and one worker thread (scanWorker.ts, bundled as
// dist/scanWorker.js next to the bundle that runs this) claim slices of the file list from one
// shared counter until none is left, so a thread that is busy elsewhere (the main thread parsing a
// large spec, answering the editor) simply takes fewer, and the worker never waits for it. Both run
// the same function (scanFile.ts), so the result does not depend on who scanned what.
//
// - No worker below WORKER_MIN_FILES files (starting one costs more than it saves), when the
//   worker script is not there (the TypeScript sources run through tsx), or when it cannot start.
// - A worker that dies leaves holes in the result: the main thread scans them at the end.
// - Aborting terminates the worker at once; the main thread stops after its current slice.
// - The main thread yields to the event loop after each slice (about a millisecond of reading):
//   the worker's replies arrive and the server stays responsive meanwhile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { scanCodeFileSync } from './scanFile';
import type { FileStamp, ScanEntry } from './scanFile';
import { REPLY_NO_TAGS, REPLY_TAGS, REPLY_UNCHANGED } from './scanWorkerProtocol';
import type { ScanDone, ScanJob, ScanReply, ScanWorkerData } from './scanWorkerProtocol';
import type { CodeFile, CodeTag, SkippedFile, SpectraceConfig } from '../engine/types';
import { errorText } from '../shared/errorText';

/**
 * Below this many files the scan stays on the main thread: a smaller tree is read before a worker
 * thread has started (the measurements are in bench/HISTORY.md). Parallel file reads scale poorly
 * on a 2-core machine; the worker pays most when the main thread is busy with something else, e.g.
 * parsing a large spec (indexFolder).
 */
export const WORKER_MIN_FILES = 2000;
/** Files per slice: about a millisecond of reading on the main thread. */
const SLICE = 64;

/** What the persisted index (indexCache.ts) knows about a file: its stamp and its result then. */
export interface KnownFile {
  stamp: FileStamp;
  result: CodeFile | SkippedFile;
}

export interface ParallelScanOptions {
  signal?: AbortSignal;
  /** Called for each file scanned (after its slice), with the number done so far. */
  onProgress?: (done: number, total: number) => void;
  /** 0: main thread only; 1: a worker whatever the number of files; default: a worker above WORKER_MIN_FILES. */
  workers?: 0 | 1;
  /** The worker's script; default `scanWorker.js` next to the running bundle. */
  workerScript?: string;
  /** The persisted index: a file whose size and modification time match is not read. */
  known?: (file: string) => KnownFile | undefined;
  /** Why the worker was not used or stopped (logged by the caller; the scan completes anyway). */
  log?: (message: string) => void;
  /** false: the main thread only waits while the worker scans (tests; it still scans what a dead worker left). */
  mainThread?: boolean;
  /** Called with the worker thread once started (tests watch it exit). */
  onWorker?: (worker: Worker) => void;
  /** A worker started ahead (startScanWorker, with the same config) while the files were listed; stopped if not needed. */
  worker?: ScanWorkerThread;
}

export interface ParallelScanResult {
  /** One entry per file, in the order given. */
  entries: ScanEntry[];
  /** Files whose result came from the persisted index. */
  reused: number;
  /** Files the worker thread scanned. */
  byWorker: number;
}

export async function scanInParallel(files: readonly string[], config: SpectraceConfig, opts: ParallelScanOptions = {}): Promise<ParallelScanResult> {
  const total = files.length;
  const entries = new Array<ScanEntry | undefined>(total);
  let reused = 0;
  let byWorker = 0;
  let done = 0;
  const settle = (i: number, e: ScanEntry | 'unchanged'): void => {
    if (e !== 'unchanged') {
      entries[i] = e;
      return;
    }
    const known = opts.known?.(files[i]);
    if (known) {
      entries[i] = { result: known.result, stamp: known.stamp };
      reused++;
      return;
    }
    // Not reachable ('unchanged' answers a known stamp), but a result must be there: read the file.
    const fresh = scanCodeFileSync(files[i], config);
    entries[i] = fresh === 'unchanged' ? { result: { file: files[i], reason: 'vanished' } } : fresh;
  };
  // Per file, as the callers' progress contract says (the server throttles what it reports).
  const progress = (n: number): void => {
    const onProgress = opts.onProgress;
    if (!onProgress) return;
    for (let k = 0; k < n; k++) onProgress(++done, total);
  };
  const scanHere = (i: number): void => settle(i, scanCodeFileSync(files[i], config, opts.known?.(files[i])?.stamp));

  const next = new SharedArrayBuffer(8);
  const counter = new Int32Array(next);
  const useWorker = opts.workers === 1 || (opts.workers === undefined && total >= WORKER_MIN_FILES);
  let worker = opts.worker;
  if (worker && !useWorker) {
    worker.stop();
    worker = undefined;
  }
  if (useWorker) worker ??= startScanWorker(config, opts);
  worker?.run({ files: [...files], known: opts.known ? stampArray(files, opts.known) : undefined, next, slice: SLICE }, (reply) => {
    const n = unpackReply(reply, files, settle);
    byWorker += n;
    progress(n);
  });
  const onAbort = () => worker?.stop();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    for (;;) {
      if (opts.signal?.aborted || (worker && opts.mainThread === false)) break;
      const start = Atomics.add(counter, 0, SLICE);
      if (start >= total) break;
      const end = Math.min(total, start + SLICE);
      for (let i = start; i < end; i++) scanHere(i);
      progress(end - start);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Wait for the worker only if it has begun claiming: one still starting up finds nothing left.
    if (worker && !opts.signal?.aborted && (opts.mainThread === false || Atomics.load(counter, 1) === 1)) await worker.finished;
    if (!opts.signal?.aborted) {
      // Slices the worker claimed and never answered (it died): scanned here.
      let holes = 0;
      for (let i = 0; i < total; i++) {
        if (entries[i]) continue;
        scanHere(i);
        holes++;
      }
      progress(holes);
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    worker?.stop();
  }
  opts.signal?.throwIfAborted();
  return { entries: entries as ScanEntry[], reused, byWorker };
}

/** Settle each file of a worker's reply; the number of files in it. */
function unpackReply(reply: ScanReply, files: readonly string[], settle: (i: number, e: ScanEntry | 'unchanged') => void): number {
  const { start, kinds, stamps, items } = reply;
  let item = 0;
  for (let k = 0; k < kinds.length; k++) {
    const i = start + k;
    const kind = kinds[k];
    if (kind === REPLY_UNCHANGED) {
      settle(i, 'unchanged');
      continue;
    }
    const stamp: FileStamp | undefined = Number.isNaN(stamps[2 * k]) ? undefined : { size: stamps[2 * k], mtimeMs: stamps[2 * k + 1] };
    let result: CodeFile | SkippedFile;
    if (kind === REPLY_NO_TAGS) result = { file: files[i], tags: [] };
    else if (kind === REPLY_TAGS) result = { file: files[i], tags: items[item++] as CodeTag[] };
    else result = items[item++] as SkippedFile;
    settle(i, stamp ? { result, stamp } : { result });
  }
  return kinds.length;
}

/** The persisted stamps as the worker takes them: size and time of file i at 2i and 2i+1, NaN when unknown. */
function stampArray(files: readonly string[], known: (file: string) => KnownFile | undefined): Float64Array {
  const out = new Float64Array(files.length * 2).fill(Number.NaN);
  for (let i = 0; i < files.length; i++) {
    const stamp = known(files[i])?.stamp;
    if (!stamp) continue;
    out[2 * i] = stamp.size;
    out[2 * i + 1] = stamp.mtimeMs;
  }
  return out;
}

function defaultWorkerScript(): string {
  // The bundles (dist/server.js, dist/cli.js) sit next to dist/scanWorker.js. Under tsx this is
  // server/src/engine, where no .js exists: the scan then stays on the main thread.
  return path.join(__dirname, 'scanWorker.js');
}

/** The main thread's handle on a scan worker: started with the config, given one job. */
export interface ScanWorkerThread {
  /** Send the job; replies go to `onReply` until the worker is done. */
  run(job: ScanJob, onReply: (reply: ScanReply) => void): void;
  /** Resolves when the worker has sent its last reply, or died (then its unanswered slices are holes). */
  readonly finished: Promise<void>;
  stop(): void;
}

/**
 * Start a scan worker for `config` (undefined when the script is missing or the thread cannot
 * start). Starting it while the folder is walked hides its start-up time behind the walk.
 */
export function startScanWorker(
  config: SpectraceConfig,
  opts: Pick<ParallelScanOptions, 'workerScript' | 'log' | 'onWorker'> = {},
): ScanWorkerThread | undefined {
  const script = opts.workerScript ?? defaultWorkerScript();
  if (!fs.existsSync(script)) return undefined;
  let thread: Worker;
  try {
    const data: ScanWorkerData = { config };
    thread = new Worker(script, { workerData: data });
    opts.onWorker?.(thread);
  } catch (err) {
    opts.log?.(`code scan: no worker thread (${errorText(err)}); scanning on the main thread`);
    return undefined;
  }
  let over = false;
  let onReply: ((reply: ScanReply) => void) | undefined;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const end = (why: string | undefined) => {
    if (over) return;
    over = true;
    if (why !== undefined) opts.log?.(`code scan: the worker thread stopped (${why}); the main thread scans its share`);
    finish();
  };
  thread.on('message', (msg: ScanReply | ScanDone) => {
    if (over) return;
    if ('done' in msg) end(undefined);
    else onReply?.(msg);
  });
  thread.on('error', (err) => end(errorText(err)));
  thread.on('exit', (code) => end(`exit code ${code}`));
  return {
    run(job, replies) {
      onReply = replies;
      if (!over) thread.postMessage(job);
    },
    finished,
    stop() {
      end(undefined);
      void thread.terminate();
    },
  };
}
