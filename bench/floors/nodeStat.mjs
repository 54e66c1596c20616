// The floor for a restart with the persisted index: the least a Node process must do to know that an
// index keyed by path, size and modification time still holds — read the list of files (as the
// persisted index holds it) and stat every one, on both cores. No listing, no reading, no index, no server.
// usage: node bench/floors/nodeStat.mjs <files.json>   (a JSON array of paths; prints how many are files)
import { readFileSync, statSync } from 'node:fs';
import { onBothCores } from './bothCores.mjs';

await onBothCores(import.meta.url, () => JSON.parse(readFileSync(process.argv[2], 'utf8')), (file) => {
  const st = statSync(file, { throwIfNoEntry: false });
  return st?.isFile() && st.mtimeMs > 0 ? 1 : 0;
});
