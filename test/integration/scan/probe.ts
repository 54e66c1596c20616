// Run in a child process by hostile.test.ts, as an unprivileged user when the tests run as root (root
// reads a chmod-000 file, so permission errors can only be seen from another user). Prints, as JSON,
// what discovery makes of a folder and what reading makes of one file.
import { DEFAULT_CONFIG } from '../../../server/src/engine/config/config';
import { discoverFiles, readCodeFile } from '../../../server/src/disk/discovery';

async function main(): Promise<void> {
  const [root, file] = process.argv.slice(2);
  if (!root || !file) throw new Error('usage: probe.ts <folder> <file>');
  const discovered = await discoverFiles(root, DEFAULT_CONFIG);
  const read = await readCodeFile(file, DEFAULT_CONFIG);
  process.stdout.write(JSON.stringify({ discovered, read }));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
