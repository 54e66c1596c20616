// A quick timing of discovery + tag scanning on a generated tree of ~20,000 files, next to ripgrep on
// the same tree. Not a test (no thresholds; machines differ): run it by hand and read the figures.
//
//   npx tsx test/unit/scan/timing.ts [files=20000]
//
// The tree: 200 folders of source files of ~2 KB, one in ten with a tag line, plus a gitignored
// node_modules-like folder that must not be walked. Each measurement runs twice; the second run has a
// warm file system cache, which is what an editor session sees after the first index.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config/config';
import { discoverFiles, scanCodeFiles } from '../../../server/src/disk/discovery';
import { removeTree, tempRoot } from '../../support/tempTree';

const BODY = Array.from({ length: 60 }, (_, i) => `  const value${i} = compute(${i}, "some text for line ${i}"); // a comment`).join('\n');

function generate(root: string, count: number): number {
  const folders = 200;
  let tagged = 0;
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, 'src', `module${i % folders}`);
    if (i < folders) fs.mkdirSync(dir, { recursive: true });
    const tag = i % 10 === 0 ? `// @implements PAY-${i % 97}, ORD-${i % 13}\n` : '';
    if (tag) tagged++;
    fs.writeFileSync(path.join(dir, `file${i}.ts`), `${tag}export function f${i}() {\n${BODY}\n}\n`);
  }
  fs.writeFileSync(path.join(root, '.gitignore'), 'vendor/\n');
  fs.mkdirSync(path.join(root, 'vendor'), { recursive: true });
  for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(root, 'vendor', `dep${i}.js`), '// @implements PAY-1\n');
  return tagged;
}

async function measure(root: string): Promise<{ discoverMs: number; scanMs: number; files: number; tags: number; skipped: number }> {
  const t0 = performance.now();
  const found = await discoverFiles(root, DEFAULT_CONFIG);
  const t1 = performance.now();
  const scan = await scanCodeFiles(found.codeFiles, DEFAULT_CONFIG);
  const t2 = performance.now();
  const tags = scan.files.reduce((n, f) => n + f.tags.length, 0);
  return { discoverMs: t1 - t0, scanMs: t2 - t1, files: found.codeFiles.length, tags, skipped: scan.skipped.length };
}

function ripgrep(root: string): { ms: number; lines: number } | string {
  const t0 = performance.now();
  const rg = spawnSync('rg', ['-n', '@implements|@verifies', root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (rg.error) return `ripgrep not available (${rg.error.message}); install it with apt-get install -y ripgrep`;
  return { ms, lines: rg.stdout.split('\n').filter(Boolean).length };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20000);
  const root = tempRoot('spectrace-timing-');
  try {
    const tagged = generate(root, count);
    console.log(`tree: ${count} source files (${tagged} with a tag line, 2 IDs each), 2000 gitignored vendor files, in ${root}`);
    for (const run of ['cold-ish', 'warm']) {
      const m = await measure(root);
      console.log(
        `spectrace (${run}): discover ${m.discoverMs.toFixed(0)} ms + read & scan ${m.scanMs.toFixed(0)} ms = ${(m.discoverMs + m.scanMs).toFixed(0)} ms; ${m.files} files, ${m.tags} tags, ${m.skipped} skipped`,
      );
      const rg = ripgrep(root);
      console.log(typeof rg === 'string' ? rg : `ripgrep   (${run}): ${rg.ms.toFixed(0)} ms; ${rg.lines} matching lines (rg honours .gitignore too)`);
    }
  } finally {
    removeTree(root);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
