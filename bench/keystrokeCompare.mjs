// What the off/on keystroke benches (bench/reviewKeystroke.mjs, bench/scoringKeystroke.mjs) share: their
// command line, opening up the bench schema for Spectrace's own requirement keys, one run of the stdio
// driver (one letter inside a `description:` per edit), and the alternating off/on rounds with their
// summary, so drift in the machine's load falls on both sides.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WORK = join(ROOT, 'bench', 'work');
export const DRIVER = join(ROOT, 'bench', 'driver');

/** `[N=20000] [--edits 100] [--rounds 2]` */
export function keystrokeArgs(argv = process.argv.slice(2)) {
  const value = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
  return { n: Number(argv.find((a) => /^\d+$/.test(a)) ?? 20000), edits: Number(value('--edits', 100)), rounds: Number(value('--rounds', 2)) };
}

/** The bench's extra schema closes the requirement's keys: allow the given ones. */
export function allowRequirementKeys(dir, properties) {
  const schemaFile = join(dir, 'schema', 'product-spec.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  Object.assign(schema.definitions.requirement.properties, properties);
  writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
}

function drive(label, ws, edits) {
  const r = spawnSync(process.execPath, [
    join(DRIVER, 'bench.mjs'), '--file', ws.file, '--root', ws.dir, '--edits', String(edits),
    '--edit-regex', '^\\s*description:\\s', '--label', label, '--settings-json', '{}', '--',
    process.execPath, join(ROOT, 'dist', 'server.js'), '--stdio',
  ], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr.slice(-1000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `rounds` alternating off/on rounds of the two workspaces ({ dir, file }) and prints the summary. */
export function compareOffOn({ feature, n, edits, rounds, off, on }) {
  const runs = { off: [], on: [] };
  for (let i = 0; i < rounds; i++) {
    for (const [mode, ws] of [['off', off], ['on', on]]) {
      const res = drive(`${feature}-${mode}-${n}`, ws, edits);
      runs[mode].push(res);
      console.log(`[${feature} bench] ${n} requirements, ${feature} ${mode}, round ${i + 1}: ${JSON.stringify({ editMedianMs: res.edit_median_ms, editP95Ms: res.edit_p95_ms, openMs: res.open_last_diag_ms, diagnostics: res.open_final_count })}`);
    }
  }
  const summary = {};
  for (const mode of ['off', 'on']) {
    const medians = runs[mode].map((r) => r.edit_median_ms).filter((x) => typeof x === 'number');
    summary[mode] = { editMedianMs: median(medians), rounds: medians };
  }
  summary.ratio = summary.off.editMedianMs ? Number((summary.on.editMedianMs / summary.off.editMedianMs).toFixed(3)) : null;
  console.log(JSON.stringify({ requirements: n, edits, ...summary }));
}
