#!/usr/bin/env node
// bench/burnup.mjs — the burn-up from git history against git itself, in one run. A generated
// repository (bench/work/burnup-<commits>): 2,000 requirements in 20 spec files under specs/, a
// roadmap of 4 releases with 2 milestones each, and 1,000 dated commits on main (every tenth a merge
// of a one-commit branch), each changing 1-3 requirements' status or moving one to another release.
// Measures, in process (the server's path): cold (a new SpecHistory: walk + every blob read and
// parsed) against `git log -p --format= -- specs/` (git printing every version of the spec files),
// warm (the same SpecHistory after one new commit: the new commits walked and the new blob read), and
// a reopen from the persisted cache. Medians of --runs runs.
// usage: node bench/burnup.mjs [--commits 1000] [--requirements 2000] [--runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
const ROOT = join(dirname(HERE), '..');
if (!process.env.SPECTRACE_BENCH_TSX) {
  // The bench imports the server's TypeScript sources: run again with tsx.
  const r = spawnSync(process.execPath, ['--import', 'tsx', HERE, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, SPECTRACE_BENCH_TSX: '1' }, cwd: ROOT });
  process.exit(r.status ?? 1);
}

const argv = process.argv.slice(2);
const value = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const COMMITS = value('--commits', 1000);
const REQUIREMENTS = value('--requirements', 2000);
const RUNS = value('--runs', 3);
const FILES = 20;
const PER_FILE = REQUIREMENTS / FILES;
const RELEASES = ['R-1', 'R-2', 'R-3', 'R-4'];
const ITEMS = RELEASES.flatMap((r, i) => [r, `M-${i * 2 + 1}`, `M-${i * 2 + 2}`]);
const STATUSES = ['draft', 'approved', 'in-progress', 'implemented', 'verified', 'released'];

const { SpecHistory } = await import(pathToFileURL(join(ROOT, 'server/src/disk/specHistory.ts')).href);
const { parseConfig } = await import(pathToFileURL(join(ROOT, 'server/src/engine/config/config.ts')).href);
const config = parseConfig('spectrace.yaml', 'specs: ["specs/**/*.yaml"]\n').config;

/** A small deterministic generator, so every run builds the same history. */
let seed = 42;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n); // the high bits: an LCG's low bits repeat with a short period
};

function roadmapText() {
  const lines = ['roadmap:'];
  RELEASES.forEach((r, i) => {
    lines.push(`  - id: ${r}`, `    title: Release ${i + 1}`, '    type: release', `    due: 202${6 + i}-06-30`);
    for (const m of [i * 2 + 1, i * 2 + 2]) lines.push(`  - id: M-${m}`, `    title: Milestone ${m}`, '    type: milestone', `    parent: ${r}`);
  });
  return `${lines.join('\n')}\n`;
}

function fileText(reqs) {
  return `requirements:\n${reqs.map((r) => `  - id: ${r.id}\n    title: Requirement ${r.id} of the generated product\n    type: story\n    priority: must\n    status: ${r.status}\n    roadmap: ${r.roadmap}\n    description: What requirement ${r.id} asks for, in one line.\n`).join('')}`;
}

function generate(dir) {
  const files = Array.from({ length: FILES }, (_, f) => Array.from({ length: PER_FILE }, (_, i) => ({ id: `GEN-${f * PER_FILE + i + 1}`, status: 'draft', roadmap: ITEMS[random(ITEMS.length)] })));
  const out = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let mark = 0;
  let time = Date.UTC(2025, 0, 1) / 1000;
  const commit = (branch, message, changed, merge) => {
    time += 43200 + random(3600);
    mark++;
    out.push(`commit refs/heads/${branch}`, `mark :${mark}`, `committer Bench <bench@spectrace.invalid> ${time} +0000`, data(message).trimEnd());
    if (merge) out.push(`merge :${merge}`);
    for (const [path, text] of changed) out.push(`M 100644 inline ${path}`, data(text).trimEnd());
    out.push('');
    return mark;
  };
  commit('main', 'the generated specs', [['specs/roadmap.yaml', roadmapText()], ...files.map((reqs, f) => [`specs/area-${f + 1}.yaml`, fileText(reqs)])]);
  let head = mark;
  for (let c = 1; c < COMMITS; c++) {
    const f = random(FILES);
    const reqs = files[f];
    for (let k = 0; k < 1 + random(3); k++) {
      const r = reqs[random(reqs.length)];
      if (random(8) === 0) r.roadmap = ITEMS[random(ITEMS.length)];
      else r.status = STATUSES[Math.min(STATUSES.length - 1, STATUSES.indexOf(r.status) + 1)];
    }
    const change = [[`specs/area-${f + 1}.yaml`, fileText(reqs)]];
    if (c % 10 === 0) {
      // A branch off main with the change, merged back: the merge is on main's first-parent history.
      out.push(`reset refs/heads/topic-${c}`, `from :${head}`, '');
      const topic = commit(`topic-${c}`, `topic ${c}`, change);
      out.push(`reset refs/heads/main`, `from :${head}`, '');
      head = commit('main', `merge topic ${c}`, [], topic);
      c++;
    } else head = commit('main', `change ${c}`, change);
  }
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', dir]);
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: `${out.join('\n')}\n`, maxBuffer: 1 << 30 });
  execFileSync('git', ['-C', dir, 'checkout', '--quiet', '-f', 'main']);
  writeFileSync(join(dir, 'spectrace.yaml'), 'specs: ["specs/**/*.yaml"]\n');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function timeGit(dir) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('git', ['-C', dir, 'log', '-p', '--format=', '--', 'specs/'], { maxBuffer: 1 << 30 });
  const t = ms(t0);
  return { t, bytes: r.stdout.length };
}

async function timeBurnup(history) {
  const t0 = process.hrtime.bigint();
  const r = await history.burnup('R-1', config);
  const t = ms(t0);
  if (!r.ok) throw new Error(r.reason);
  return { t, points: r.series.points.length, last: r.series.points.at(-1) };
}

const dir = join(ROOT, 'bench', 'work', `burnup-${COMMITS}-${REQUIREMENTS}`);
if (!existsSync(join(dir, '.git'))) {
  console.log(`generating ${dir} …`);
  generate(dir);
}
// The "one new commit" of the warm runs goes on a copy, so the generated history stays as it is.
const env = { ...process.env };
const gitTimes = [];
const cold = [];
const warm = [];
const reopen = [];
let info;
for (let run = 0; run < RUNS; run++) {
  const work = mkdtempSync(join(tmpdir(), 'spectrace-bench-burnup-'));
  const storageDir = join(work, 'storage');
  execFileSync('git', ['clone', '--quiet', '--no-local', dir, join(work, 'repo')]);
  const repo = join(work, 'repo');
  gitTimes.push(timeGit(repo).t);
  const history = new SpecHistory(repo, { trusted: true, env, storageDir });
  const c = await timeBurnup(history);
  cold.push(c.t);
  info = c;
  await history.idle(); // the cold reading's cache write, long done before a user's next commit
  appendFileSync(join(repo, 'specs/area-1.yaml'), fileText([{ id: 'GEN-NEW', status: 'approved', roadmap: 'R-1' }]).replace('requirements:\n', ''));
  execFileSync('git', ['-C', repo, '-c', 'user.name=Bench', '-c', 'user.email=bench@spectrace.invalid', 'commit', '--quiet', '-am', 'one more'], { env: { ...env, GIT_AUTHOR_DATE: '2030-01-01T10:00:00Z', GIT_COMMITTER_DATE: '2030-01-01T10:00:00Z' } });
  const w = await timeBurnup(history);
  warm.push(w.t);
  await history.idle();
  const again = new SpecHistory(repo, { trusted: true, env, storageDir });
  reopen.push((await timeBurnup(again)).t);
  rmSync(work, { recursive: true, force: true });
}
const g = median(gitTimes);
const cm = median(cold);
const wm = median(warm);
console.log(`history: ${COMMITS} commits, ${REQUIREMENTS} requirements in ${FILES} files; R-1's burn-up: ${info.points} points, last ${JSON.stringify({ scope: info.last.scope, done: info.last.done })}`);
console.log(`git log -p --format= -- specs/   ${g.toFixed(0)} ms (median of ${RUNS})`);
console.log(`burn-up cold                     ${cm.toFixed(0)} ms  = ${(cm / g).toFixed(2)}x git (target <= 3x)`);
console.log(`burn-up warm (one new commit)    ${wm.toFixed(1)} ms  = 1/${(cm / wm).toFixed(0)} of cold (target <= 1/20)`);
console.log(`burn-up reopened from the persisted cache  ${median(reopen).toFixed(0)} ms`);
