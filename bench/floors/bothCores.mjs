// The two-thread skeleton the Node floors share: the main thread and one worker (the same script)
// take slices of a list from a shared counter, as Spectrace's scan does, and their counts are added.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const SLICE = 64;

/** Calls `each` on the items from the shared counter until none is left; the sum of what it returns. */
function share(items, counter, each) {
  let total = 0;
  for (;;) {
    const start = Atomics.add(counter, 0, SLICE);
    if (start >= items.length) return total;
    for (let i = start; i < Math.min(items.length, start + SLICE); i++) total += each(items[i]);
  }
}

/**
 * In the main thread: start the worker from `scriptUrl` at once (its start-up overlaps `list()`), then
 * count over the list on both threads and print the total. In the worker: count its share.
 */
export async function onBothCores(scriptUrl, list, each) {
  if (!isMainThread) {
    parentPort.once('message', (items) => {
      parentPort.postMessage(share(items, workerData.counter, each));
      parentPort.close();
    });
    return;
  }
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(scriptUrl), { workerData: { counter } });
  const fromWorker = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const items = list();
  worker.postMessage(items);
  const here = share(items, counter, each);
  console.log(here + (await fromWorker));
}
