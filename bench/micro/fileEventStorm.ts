// What a build costs the running server: files written to an output folder outside the specs and
// code globs, announced as the editor's watcher announces them (created, then changed again and
// again), to the real server over stdio holding the example workspace. Prints how many times the
// server re-checked the folder and announced an index change (each announcement makes every view,
// lens and open panel ask again). SPECTRACE_SERVER_JS=<other build>/dist/server.js compares builds.
// usage: node --import tsx bench/micro/fileEventStorm.ts [files] [rounds]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, copyExample, removeCopy } from '../../test/lsp/lspClient';

const FILES = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 5);
const INDEX_CHANGED = 'spectrace/indexChanged';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const root = copyExample('acme-shop');
  const client = await LspClient.start({ root });
  try {
    await client.request('spectrace/board', {});
    const announced = () => client.notifications.filter((n) => n.method === INDEX_CHANGED);
    // The first index's own announcement is not the build's.
    await client.waitFor('the first index announced', () => announced().length > 0);
    await sleep(500);
    const output = Array.from({ length: FILES }, (_, i) => path.join(root, 'dist', `chunk-${i}.js`));
    fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
    for (const [i, file] of output.entries()) fs.writeFileSync(file, `export const chunk${i} = ${i};\n`.repeat(50));
    const before = announced().length;
    for (let round = 0; round < ROUNDS; round++) {
      await client.fileEvents(output.map((file) => ({ file, type: round === 0 ? ('created' as const) : ('changed' as const) })));
      await sleep(100);
    }
    // The server announces at most every 150 ms: well after the last batch, every announcement is in.
    await sleep(1500);
    const during = announced().slice(before);
    const versions = during.map((n) => (n.params as { version: number }).version);
    const rechecks = versions.length === 0 ? 0 : versions[versions.length - 1] - (versions[0] - 1);
    process.stdout.write(`${JSON.stringify({ server: process.env.SPECTRACE_SERVER_JS ?? 'dist/server.js', events: FILES * ROUNDS, rechecks, indexChanged: during.length })}\n`);
  } finally {
    await client.stop();
    removeCopy(root);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
