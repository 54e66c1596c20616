#!/usr/bin/env node
// bench/scoringKeystroke.mjs — the keystroke bench with a scoring model on against the same bench with
// scoring off, in one run. Both workspaces hold the same text: the generated spec (bench/work/lsp-N,
// written by `npm run bench`, or generated here with the same generator and seed when missing) with
// RICE inputs on every requirement and an insight cited by every tenth, plus a specs/insights.yaml of
// 240 insights (the last 40 cited by nobody; half of those at importance 2 or 3). Only spectrace.yaml differs:
// `scoring: { model: rice }` and `unscored-requirement: info` on one side. The same stdio driver and
// edits as bench/reviewKeystroke.mjs (one letter inside a `description:`); runs alternate off/on so
// drift in the machine's load falls on both.
// usage: node bench/scoringKeystroke.mjs [N=20000] [--edits 100] [--rounds 2]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latencyConfig } from './latencyConfig.mjs';
import { allowRequirementKeys, compareOffOn, DRIVER, keystrokeArgs, WORK } from './keystrokeCompare.mjs';

const { n, edits, rounds } = keystrokeArgs();
/** Insights cited in turn by every tenth requirement; the file has `UNCITED` more. */
const INSIGHTS = 200;
const UNCITED = 40;

/** bench/work/lsp-N as `npm run bench` writes it (spec and roadmap), generated here when missing. */
function source() {
  const dir = join(WORK, `lsp-${n}`);
  if (existsSync(join(dir, `product-${n}.spec.yaml`))) return dir;
  const own = join(WORK, `scoring-source-${n}`);
  if (existsSync(join(own, `product-${n}.spec.yaml`))) return own;
  mkdirSync(join(own, 'schema'), { recursive: true });
  mkdirSync(join(own, 'specs'), { recursive: true });
  copyFileSync(join(DRIVER, 'schema', 'product-spec.schema.json'), join(own, 'schema', 'product-spec.schema.json'));
  const r = spawnSync(process.execPath, [join(DRIVER, 'gen.mjs'), String(n), '0.02', '--seed', '1', '--out', join(own, `product-${n}.spec.yaml`)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gen.mjs failed: ${r.stderr}`);
  const items = [];
  for (const year of [2025, 2026, 2027]) {
    for (const q of [1, 2, 3, 4]) {
      const due = `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? 31 : 30}`;
      items.push(`  - id: R-${year}-Q${q}\n    title: ${year} Q${q} release\n    type: release\n    due: ${due}\n    status: ${year < 2027 ? 'done' : 'planned'}\n`);
    }
  }
  writeFileSync(join(own, 'specs', 'roadmap.yaml'), `roadmap:\n${items.join('')}`);
  return own;
}

/** The spec with RICE inputs after each requirement's ID line, and an insight cited by every tenth. */
function withScoringInputs(text) {
  let k = 0;
  return text.replace(/^( {2}- id: [A-Z]+-\d+)$/gm, (line) => {
    k++;
    const rice = `    rice: { reach: ${(k * 37) % 5000}, impact: ${[0.25, 0.5, 1, 2, 3][k % 5]}, confidence: ${50 + (k % 5) * 10}%, effort: ${1 + (k % 13)} }`;
    return k % 10 === 0 ? `${line}\n${rice}\n    insights: [INS-${1 + ((k / 10) % INSIGHTS)}]` : `${line}\n${rice}`;
  });
}

function insightsFile() {
  const out = ['insights:'];
  for (let i = 1; i <= INSIGHTS + UNCITED; i++) {
    out.push(`  - id: INS-${i}`, `    title: Customer problem ${i}`, `    customer: Customer ${i % 37}`, `    segment: ${['enterprise', 'smb', 'consumer'][i % 3]}`, `    importance: ${i % 4}`);
  }
  return `${out.join('\n')}\n`;
}

const base = source();
const specText = withScoringInputs(readFileSync(join(base, `product-${n}.spec.yaml`), 'utf8'));

function workspace(scoring) {
  const dir = join(WORK, `scoring-${scoring ? 'on' : 'off'}-${n}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(base, dir, { recursive: true });
  const file = join(dir, `product-${n}.spec.yaml`);
  writeFileSync(file, specText);
  writeFileSync(join(dir, 'specs', 'insights.yaml'), insightsFile());
  const config = scoring ? `${latencyConfig().replace('rules:\n', 'rules:\n  unscored-requirement: info\n')}scoring:\n  model: rice\n` : latencyConfig();
  writeFileSync(join(dir, 'spectrace.yaml'), config);
  allowRequirementKeys(dir, { rice: { type: 'object' }, insights: { type: 'array' } });
  return { dir, file };
}

compareOffOn({ feature: 'scoring', n, edits, rounds, off: workspace(false), on: workspace(true) });
