// The floor for a restart with the persisted index: the least a Node process must do to know that an
// index keyed by path, size and modification time still holds — read the list of files (as the
// persisted index holds it) and stat every one, on both cores (the main thread and one worker take
// files from a shared counter, as Spectrace's scan does). No listing, no reading, no index, no server.
// usage: node bench/floors/nodeStat.mjs <files.json>   (a JSON array of paths; prints how many are files)
import { readFileSync, statSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const SLICE = 64;

/** Files among the paths from the shared counter until none is left. */
function statShare(files, counter) {
  let found = 0;
  for (;;) {
    const start = Atomics.add(counter, 0, SLICE);
    if (start >= files.length) return found;
    for (let i = start; i < Math.min(files.length, start + SLICE); i++) {
      const st = statSync(files[i], { throwIfNoEntry: false });
      if (st?.isFile() && st.mtimeMs > 0) found++;
    }
  }
}

if (isMainThread) {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(import.meta.url), { workerData: { counter } });
  const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const fromWorker = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  worker.postMessage(files);
  const here = statShare(files, counter);
  console.log(here + (await fromWorker));
} else {
  parentPort.once('message', (files) => {
    parentPort.postMessage(statShare(files, workerData.counter));
    parentPort.close();
  });
}
