#!/usr/bin/env node
// bench/reviewKeystroke.mjs — the keystroke bench with change review on against the same bench with it
// off, in one run: the same generated spec (bench/work/lsp-N from `npm run bench`; 20,000 needs
// `npm run bench -- --full`), the same stdio driver and edits (one letter inside a `description:`,
// a review field, so every edit with review on recomputes a fingerprint and reports an unrecorded
// change). The review-on copy is baselined first (`spectrace baseline`), as a team's specs would be.
// Runs alternate off/on so drift in the machine's load falls on both.
// usage: node bench/reviewKeystroke.mjs [N=20000] [--edits 100] [--rounds 2]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latencyConfig } from './latencyConfig.mjs';
import { allowRequirementKeys, compareOffOn, keystrokeArgs, ROOT, WORK } from './keystrokeCompare.mjs';

const { n, edits, rounds } = keystrokeArgs();
const source = join(WORK, `lsp-${n}`);
if (!existsSync(source)) {
  console.error(`bench/work/lsp-${n} is missing: run npm run bench${n > 5000 ? ' -- --full' : ''} first`);
  process.exit(2);
}

function workspace(review) {
  const dir = join(WORK, `review-${review ? 'on' : 'off'}-${n}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
  writeFileSync(join(dir, 'spectrace.yaml'), latencyConfig({ review }));
  allowRequirementKeys(dir, { rev: { type: 'integer', minimum: 1 }, fingerprint: { type: 'string' } });
  if (review) {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'baseline', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`baseline failed: ${r.stderr}`);
  }
  return { dir, file: join(dir, `product-${n}.spec.yaml`) };
}

compareOffOn({ feature: 'review', n, edits, rounds, off: workspace(false), on: workspace(true) });
