#!/usr/bin/env node
// bench/interchange.mjs — `node bench/interchange.mjs [--n 20000] [--runs 3]`: times the interchange
// commands against `spectrace check` on the same generated workspace, in the same run, with the
// built CLI (run `npm run build` first):
//   check   spectrace check <workspace>                       (the reference)
//   export  spectrace export reqif <workspace> --date ... --out <file>
//   import  spectrace import reqif <file> --out <fresh folder>/specs/imported.yaml
//   csv     spectrace import csv <file> --out <fresh folder>/specs/imported.yaml (a CSV of the same items)
// The workspace is gen.mjs N 0 (no injected errors). Each command runs --runs times; the median wall
// time is reported with its ratio to check's (target: within 3x). Prints a table and a JSON line.
// Runnable alone; not part of bench/run.mjs (it adds half a minute at 20,000 requirements).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', 'work', 'interchange');
const CLI = join(ROOT, 'dist', 'cli.js');

const argv = process.argv.slice(2);
const value = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const n = Number(value('--n', '20000'));
const runs = Number(value('--runs', '3'));
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function run(args, cwd = ROOT) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  // check exits 1 when it finds errors; anything else is a failed run.
  if (r.status !== 0 && !(args[0] === 'check' && r.status === 1)) throw new Error(`spectrace ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function csvOf(yamlText) {
  // A Jira-like CSV of the same requirements: Summary, Issue key, Priority, Status, Description.
  const rows = [['Summary', 'Issue key', 'Priority', 'Status', 'Description']];
  for (const block of yamlText.split('\n  - id: ').slice(1)) {
    const get = (key) => (new RegExp(`\\n    ${key}: (.*)`).exec(block)?.[1] ?? '').trim();
    rows.push([get('title'), block.split('\n')[0].trim(), get('priority'), get('status'), get('description')]);
  }
  return rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
}

try {
  statSync(CLI);
} catch {
  process.stderr.write('bench/interchange.mjs: dist/cli.js is missing; run `npm run build` first\n');
  process.exit(2);
}
rmSync(WORK, { recursive: true, force: true });
const workspace = join(WORK, 'workspace');
mkdirSync(join(workspace, 'specs'), { recursive: true });
const spec = join(workspace, 'specs', 'product.yaml');
// 20,000 requirements are ~11 MB in one file: over the default 1 MiB limit of a checked file.
writeFileSync(join(workspace, 'spectrace.yaml'), 'specs: ["specs/**/*.yaml"]\nmaxFileSize: 268435456\n');
const gen = spawnSync(process.execPath, [join(ROOT, 'bench', 'driver', 'gen.mjs'), String(n), '0', '--seed', '1', '--out', spec], { encoding: 'utf8' });
if (gen.status !== 0) throw new Error(gen.stderr);
const reqif = join(WORK, 'specs.reqif');
const csv = join(WORK, 'specs.csv');
writeFileSync(csv, csvOf(readFileSync(spec, 'utf8')));

const times = { check: [], export: [], import: [], csv: [] };
for (let i = 0; i < runs; i++) {
  times.check.push(run(['check', workspace, '--quiet']));
  times.export.push(run(['export', 'reqif', workspace, '--date', '2026-01-01', '--out', reqif]));
  const target = join(WORK, `import-${i}`);
  mkdirSync(target, { recursive: true });
  times.import.push(run(['import', 'reqif', reqif, '--out', 'specs/imported.yaml'], target));
  const csvTarget = join(WORK, `csv-${i}`);
  mkdirSync(csvTarget, { recursive: true });
  times.csv.push(run(['import', 'csv', csv, '--out', 'specs/imported.yaml'], csvTarget));
}
const check = median(times.check);
const result = { n, runs, reqifBytes: statSync(reqif).size, ms: {}, ratio: {} };
process.stdout.write(`${n} requirements, median of ${runs} runs (wall time, one CLI process each)\n`);
for (const [name, list] of Object.entries(times)) {
  const ms = median(list);
  result.ms[name] = Math.round(ms);
  result.ratio[name] = Math.round((ms / check) * 100) / 100;
  process.stdout.write(`  ${name.padEnd(7)} ${String(Math.round(ms)).padStart(6)} ms  ${result.ratio[name].toFixed(2)}x check\n`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
