// The floor for the code-scan figures: the least a Node process must do to find the tags that
// ripgrep finds: list the tree (skipping .git and node_modules, as the tree's .gitignore says), read
// every file as UTF-8 and search it for the two tag words, on both cores (the main thread and one
// worker take files from a shared counter, as Spectrace's scan does). No config, no .gitignore
// parsing, no spec, no index: whatever Spectrace does beyond this is its own cost; this much is Node's.
// usage: node bench/floors/nodeGrep.mjs <folder>   (prints the number of matching lines)
import { readFileSync } from 'node:fs';
import { onBothCores } from './bothCores.mjs';
import { listTree } from './listTree.mjs';

const TAG = /@implements|@verifies/g;

/** Lines of the file with a tag word. */
function matchingLines(file) {
  const text = readFileSync(file, 'utf8');
  let lines = 0;
  let lastLineStart = -1;
  for (const m of text.matchAll(TAG)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (lineStart !== lastLineStart) lines++;
    lastLineStart = lineStart;
  }
  return lines;
}

await onBothCores(import.meta.url, () => listTree(process.argv[2]), matchingLines);
