// The floor for the code-scan figures: the least a Node process must do to find the tags that
// ripgrep finds: list the tree (skipping .git and node_modules, as the tree's .gitignore says), read
// every file as UTF-8 and search it for the two tag words, on both cores (the main thread and one
// worker take files from a shared counter, as Spectrace's scan does). No config, no .gitignore
// parsing, no spec, no index: whatever Spectrace does beyond this is its own cost; this much is Node's.
// usage: node bench/floors/nodeGrep.mjs <folder>   (prints the number of matching lines)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const TAG = /@implements|@verifies/g;
const SLICE = 64;

/** Matching lines in the files from the shared counter until none is left. */
function grepShare(files, counter) {
  let lines = 0;
  for (;;) {
    const start = Atomics.add(counter, 0, SLICE);
    if (start >= files.length) return lines;
    for (let i = start; i < Math.min(files.length, start + SLICE); i++) {
      const text = readFileSync(files[i], 'utf8');
      let lastLineStart = -1;
      for (const m of text.matchAll(TAG)) {
        const lineStart = text.lastIndexOf('\n', m.index) + 1;
        if (lineStart !== lastLineStart) lines++;
        lastLineStart = lineStart;
      }
    }
  }
}

if (isMainThread) {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  // The worker starts first so that its start-up overlaps the listing.
  const worker = new Worker(new URL(import.meta.url), { workerData: { counter } });
  const files = [];
  const stack = [process.argv[2]];
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') stack.push(join(dir, entry.name));
      } else if (entry.isFile()) files.push(join(dir, entry.name));
    }
  }
  const fromWorker = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  worker.postMessage(files);
  const here = grepShare(files, counter);
  console.log(here + (await fromWorker));
} else {
  parentPort.once('message', (files) => {
    parentPort.postMessage(grepShare(files, workerData.counter));
    parentPort.close();
  });
}
