#!/usr/bin/env node
// bench/reviewKeystroke.mjs — the keystroke bench with change review on against the same bench with it
// off, in one run: the same generated spec (bench/work/lsp-N from `npm run bench`; 20,000 needs
// `npm run bench -- --full`), the same stdio driver and edits (one letter inside a `description:`,
// a review field, so every edit with review on recomputes a fingerprint and reports an unrecorded
// change). The review-on copy is baselined first (`spectrace baseline`), as a team's specs would be.
// Runs alternate off/on so drift in the machine's load falls on both.
// usage: node bench/reviewKeystroke.mjs [N=20000] [--edits 100] [--rounds 2]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latencyConfig } from './latencyConfig.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', 'work');
const argv = process.argv.slice(2);
const value = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const n = Number(argv.find((a) => /^\d+$/.test(a)) ?? 20000);
const edits = Number(value('--edits', 100));
const rounds = Number(value('--rounds', 2));
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
  // The bench's extra schema closes the requirement's keys; `rev` and `fingerprint` are Spectrace's own.
  const schemaFile = join(dir, 'schema', 'product-spec.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  Object.assign(schema.definitions.requirement.properties, { rev: { type: 'integer', minimum: 1 }, fingerprint: { type: 'string' } });
  writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
  if (review) {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'baseline', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`baseline failed: ${r.stderr}`);
  }
  return { dir, file: join(dir, `product-${n}.spec.yaml`) };
}

function drive(label, ws) {
  const r = spawnSync(process.execPath, [
    join(ROOT, 'bench', 'driver', 'bench.mjs'), '--file', ws.file, '--root', ws.dir, '--edits', String(edits),
    '--edit-regex', '^\\s*description:\\s', '--label', label, '--settings-json', '{}', '--',
    process.execPath, join(ROOT, 'dist', 'server.js'), '--stdio',
  ], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr.slice(-1000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const off = workspace(false);
const on = workspace(true);
const runs = { off: [], on: [] };
for (let i = 0; i < rounds; i++) {
  for (const [mode, ws] of [['off', off], ['on', on]]) {
    const res = drive(`review-${mode}-${n}`, ws);
    runs[mode].push(res);
    console.log(`[review bench] ${n} requirements, review ${mode}, round ${i + 1}: ${JSON.stringify({ editMedianMs: res.edit_median_ms, editP95Ms: res.edit_p95_ms, openMs: res.open_last_diag_ms, diagnostics: res.open_final_count })}`);
  }
}
const summary = {};
for (const mode of ['off', 'on']) {
  const medians = runs[mode].map((r) => r.edit_median_ms).filter((x) => typeof x === 'number');
  summary[mode] = { editMedianMs: median(medians), rounds: medians };
}
summary.ratio = summary.off.editMedianMs ? Number((summary.on.editMedianMs / summary.off.editMedianMs).toFixed(3)) : null;
console.log(JSON.stringify({ requirements: n, edits, ...summary }));
