// The code scan's worker thread (bundled to dist/scanWorker.js): started with the config (possibly
// while the folder is still being walked), it gets the file list once, then claims slices of it
// from the counter it shares with the main thread, scans them with the same function the main
// thread uses, and sends the entries back, until no slice is left. It never waits for the main
// thread, which may be busy parsing a large spec for a while.
import { parentPort, workerData } from 'node:worker_threads';
import { scanCodeFileSync } from './scanFile';
import type { FileStamp } from './scanFile';
import { REPLY_NO_TAGS, REPLY_SKIPPED, REPLY_TAGS, REPLY_UNCHANGED } from './scanWorkerProtocol';
import type { ScanDone, ScanJob, ScanReply, ScanWorkerData } from './scanWorkerProtocol';

const port = parentPort;
if (!port) throw new Error('scanWorker.js runs as a worker thread only');
const { config } = workerData as ScanWorkerData;

port.once('message', (job: ScanJob) => {
  const { files, known, slice } = job;
  const counter = new Int32Array(job.next);
  Atomics.store(counter, 1, 1);
  const stampOf = (i: number): FileStamp | undefined =>
    !known || Number.isNaN(known[2 * i]) ? undefined : { size: known[2 * i], mtimeMs: known[2 * i + 1] };
  for (;;) {
    const start = Atomics.add(counter, 0, slice);
    if (start >= files.length) break;
    const end = Math.min(files.length, start + slice);
    const reply: ScanReply = { start, kinds: new Uint8Array(end - start), stamps: new Float64Array(2 * (end - start)).fill(Number.NaN), items: [] };
    for (let i = start; i < end; i++) {
      const k = i - start;
      const entry = scanCodeFileSync(files[i], config, stampOf(i));
      if (entry === 'unchanged') {
        reply.kinds[k] = REPLY_UNCHANGED;
        continue;
      }
      if (entry.stamp) {
        reply.stamps[2 * k] = entry.stamp.size;
        reply.stamps[2 * k + 1] = entry.stamp.mtimeMs;
      }
      const { result } = entry;
      if (!('tags' in result)) {
        reply.kinds[k] = REPLY_SKIPPED;
        reply.items.push(result);
      } else if (result.tags.length > 0) {
        reply.kinds[k] = REPLY_TAGS;
        reply.items.push(result.tags);
      } else reply.kinds[k] = REPLY_NO_TAGS;
    }
    port.postMessage(reply);
  }
  const done: ScanDone = { done: true };
  port.postMessage(done);
});
