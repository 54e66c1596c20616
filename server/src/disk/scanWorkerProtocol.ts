// The messages between the code scan's main side (scanWorkerPool.ts) and its worker thread
// (scanWorker.ts). Plain data only: everything crosses the thread boundary by structured clone,
// except the shared slice counter both threads claim work from.
import type { CodeTag, SkippedFile, SpectraceConfig } from '../engine/types';

/** The worker's `workerData`: it may start before the file list is known (while the folder is walked). */
export interface ScanWorkerData {
  config: SpectraceConfig;
}

/** Main -> worker, once: the whole list, so the worker never waits for the main thread to hand out work. */
export interface ScanJob {
  files: string[];
  /**
   * The persisted index's stamps: size and modification time of file i at 2i and 2i+1; NaN where
   * the file is not in it. Undefined without a persisted index.
   */
  known: Float64Array | undefined;
  /**
   * Two Int32: [0] the index of the next file to scan (each thread claims `slice` files with
   * Atomics.add); [1] set to 1 by the worker before its first claim, so the main thread, having
   * found nothing left, knows whether to wait for the worker's replies or not (a worker still
   * starting up will find nothing left either).
   */
  next: SharedArrayBuffer;
  slice: number;
}

/**
 * Worker -> main: the outcome of one claimed slice, compactly (most files have no tag, and cloning
 * four objects per file cost the main thread more than rebuilding them): per file a kind, the
 * stamp at 2k and 2k+1 (NaN: none), and for kinds TAGS and SKIPPED the next item of `items`.
 */
export interface ScanReply {
  start: number;
  kinds: Uint8Array;
  stamps: Float64Array;
  items: (CodeTag[] | SkippedFile)[];
}
export const REPLY_NO_TAGS = 0;
export const REPLY_TAGS = 1;
export const REPLY_SKIPPED = 2;
/** The persisted index's stamp matched: the file was not read. */
export const REPLY_UNCHANGED = 3;

/** Worker -> main: no slice left to claim; every reply was sent before this. */
export interface ScanDone {
  done: true;
}
