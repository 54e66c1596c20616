#!/usr/bin/env node
// bench/run.mjs — `npm run bench`: Spectrace against the tools a user would pick instead, in one run.
//  1. Keystroke latency: the vendored stdio driver (bench/driver, from shared/bench) runs Spectrace's
//     server and yaml-language-server on the same generated spec (gen.mjs N 0.02) with the bench's
//     requirement schema as the workspace's extra schema, at 100, 1,000 and 5,000 requirements
//     (20,000 with --full), in both of the generator's layouts: plain, and hand-written (comments,
//     blank lines, quoted titles, block scalars). The workspace's spectrace.yaml keeps the default
//     limits. Each run's diagnostics are checked against the generator's manifest.
//  2. Code scan: a generated tree of --tree-files source files, outside a git work tree and as a
//     git work tree (the same files, committed); ripgrep's tag search against `spectrace check`
//     (cold) and the server's start with a persisted index (warm).
//  3. Floors (bench/floors): what a Node process pays before Spectrace does anything — an empty
//     server on the same LSP library through the same driver (and the same server parsing the file
//     once with `yaml`), `node -e 0`, a two-thread tag search in Node — so that a target missed says
//     how much of the gap is Node's and how much is ours. Each size also runs with the driver given
//     a larger young generation, to show the latency without the driver's own GC (informational).
// Writes bench/RESULTS.md and bench/results.json. Ratios are computed from figures of the same run.
// Figures of the previous run (bench/results.json before it is rewritten) are compared with this run's.
// usage: node bench/run.mjs [--full] [--skip-anchor] [--cpu-prof] [--sizes 100,1000,5000] [--layouts plain,hand] [--edits 20] [--spectrace-edits 100] [--skip-lsp] [--skip-scan] [--tree-files 20000]
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { measureInitialize, measureServerStart } from './serverStart.mjs';
import { listTree } from './floors/listTree.mjs';
import { latencyConfig } from './latencyConfig.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const WORK = join(BENCH, 'work');
const DRIVER = join(BENCH, 'driver');
const FLOORS = join(BENCH, 'floors');

// Some sandboxes set NODE_EXTRA_CA_CERTS for their network proxy: every Node process then reads a CA
// bundle as it starts (+30–60 ms per start on the bench machine). No TLS is involved here and a
// user's editor does not set it, so the processes timed here run without it (noted in RESULTS.md).
const removedEnv = ['NODE_EXTRA_CA_CERTS'].filter((name) => name in process.env);
for (const name of removedEnv) delete process.env[name];

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const sizes = value('--sizes', flag('--full') ? '100,1000,5000,20000' : '100,1000,5000').split(',').map(Number);
// Edits per run: yaml-language-server's take up to 8 s each at 20,000 requirements, so it gets 20;
// Spectrace and the floors get 100. The driver's own garbage collection lands in some timed windows
// (tens of ms at 20,000; see the quiet-driver run below), and with 20 samples the median depended on
// how many it hit; 100 estimate the same median with less of that noise.
const edits = Number(value('--edits', '20'));
const fastEdits = Number(value('--spectrace-edits', '100'));
const treeFiles = Number(value('--tree-files', '20000'));
const layouts = value('--layouts', 'plain,hand').split(',');
// Edits land inside description text: a `description:` line in the plain layout, a line of the
// `description: |` block in the hand-written one.
const EDIT_REGEX = { plain: '^\\s*description:\\s', hand: '^ {6}The system shall' };

function log(msg) { process.stderr.write(`[bench] ${msg}\n`); }
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

// --render-only: write RESULTS.md again from bench/results.json (after a change to its wording only;
// the figures stay those of the run that wrote results.json).
if (flag('--render-only')) {
  writeFileSync(join(BENCH, 'RESULTS.md'), renderMarkdown(JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8'))));
  log('wrote bench/RESULTS.md from bench/results.json');
  process.exit(0);
}

// Measure what ships: the production bundles (minified, as in the VSIX).
log('building dist/ for production');
run('npm', ['run', 'build:production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
mkdirSync(WORK, { recursive: true });
// The floor server is bundled and minified as Spectrace's server is, so that both load one file.
const emptyServer = join(WORK, 'floor-server.js');
const parseOnceServer = join(WORK, 'floor-parse-once-server.js');
for (const [entry, outfile] of [['emptyServer.js', emptyServer], ['parseOnceServer.js', parseOnceServer]]) {
  (await import('esbuild')).buildSync({ entryPoints: [join(FLOORS, entry)], bundle: true, minify: true, platform: 'node', target: 'node20', outfile, logLevel: 'error' });
}

const versions = {
  node: process.version,
  spectrace: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
  yamlLanguageServer: JSON.parse(readFileSync(join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version,
  ripgrep: (() => { try { return execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0]; } catch { return null; } })(),
};
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` };

/** A workspace with the generated spec, the bench schema as extra requirement schema, and a roadmap. */
function makeLspWorkspace(n, layout) {
  const dir = join(WORK, `lsp-${n}${layout === 'plain' ? '' : `-${layout}`}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'schema'), { recursive: true });
  mkdirSync(join(dir, 'specs'), { recursive: true });
  copyFileSync(join(DRIVER, 'schema', 'product-spec.schema.json'), join(dir, 'schema', 'product-spec.schema.json'));
  const file = join(dir, `product-${n}.spec.yaml`);
  run(process.execPath, [join(DRIVER, 'gen.mjs'), String(n), '0.02', '--seed', '1', '--layout', layout, '--out', file]);
  // gen.mjs schedules requirements on R-2025-Q1 … R-2027-Q4; past quarters are done.
  const items = [];
  for (const year of [2025, 2026, 2027]) {
    for (const q of [1, 2, 3, 4]) {
      const due = `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? 31 : 30}`;
      items.push(`  - id: R-${year}-Q${q}\n    title: ${year} Q${q} release\n    type: release\n    due: ${due}\n    status: ${year < 2027 ? 'done' : 'planned'}\n`);
    }
  }
  writeFileSync(join(dir, 'specs', 'roadmap.yaml'), `roadmap:\n${items.join('')}`);
  writeFileSync(join(dir, 'spectrace.yaml'), latencyConfig());
  return { dir, file, layout, manifest: file.replace(/\.ya?ml$/, '') + '.manifest.json' };
}

/**
 * The server's own time for each edit (spectrace-timing lines in its stderr): the batches of
 * document versions 2 and up (version 1 is the open).
 */
function serverEditTimes(label) {
  let text = '';
  try { text = readFileSync(join(WORK, `${label}.stderr.log`), 'utf8'); } catch { return []; }
  const out = [];
  for (const m of text.matchAll(/^spectrace-timing flush ([0-9.]+) ms .*@(\d+)$/gm)) if (Number(m[2]) >= 2) out.push(Number(m[1]));
  return out;
}

/**
 * `check: false` for servers that report nothing (the floor): no manifest comparison.
 * `driverNodeArgs`: Node options for the driver process itself (not the server).
 */
function driverRun(label, ws, settingsArgs, serverCmd, { check = true, driverNodeArgs = [], editCount = fastEdits } = {}) {
  const dump = join(WORK, `${label}.diags.json`);
  const r = run(process.execPath, [...driverNodeArgs,
    join(DRIVER, 'bench.mjs'), '--file', ws.file, '--root', ws.dir, '--edits', String(editCount),
    '--edit-regex', EDIT_REGEX[ws.layout], '--dump-diags', dump, '--label', label,
    '--stderr-log', join(WORK, `${label}.stderr.log`), ...settingsArgs, '--', ...serverCmd,
  ], { cwd: ROOT, allowFail: true });
  if (r.status !== 0) { log(`${label} failed: ${r.stderr.slice(-2000)}`); return { label, error: r.stderr.slice(-500) }; }
  const res = JSON.parse(r.stdout.trim().split('\n').pop());
  if (!check) return res;
  const chk = run(process.execPath, [join(DRIVER, 'check.mjs'), dump, ws.manifest, ws.file, '--spot', '0'], { allowFail: true });
  if (chk.status === 0) {
    const c = JSON.parse(chk.stdout.trim().split('\n').pop());
    res.injected = c.injected; res.matched = c.matched;
  }
  return res;
}

const loadAtStart = os.loadavg().map((x) => round(x, 1));
let previous = null;
try { previous = JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8')); } catch { /* first run */ }
const results = { date: new Date().toISOString(), args: argv, machine, versions, removedEnv, lsp: [], scan: null, scanGit: null, previous: previousFigures(previous) };

if (!flag('--skip-lsp')) {
  for (const n of sizes) for (const layout of layouts) {
    const ws = makeLspWorkspace(n, layout);
    const tag = layout === 'plain' ? `${n}` : `${n}-${layout}`;
    log(`spectrace, ${n} requirements, ${layout} layout`);
    // --cpu-prof: a V8 profile of Spectrace's server per size in bench/work/prof (for finding where time goes).
    const profArgs = flag('--cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', join(WORK, 'prof'), '--cpu-prof-name', `spectrace-${tag}.cpuprofile`, '--cpu-prof-interval', '100'] : [];
    // SPECTRACE_TIMING: the server logs its own time per applied edit to stderr (the driver keeps it in a file).
    process.env.SPECTRACE_TIMING = '1';
    const ours = driverRun(`spectrace-${tag}`, ws, ['--settings-json', '{}'], [process.execPath, ...profArgs, join(ROOT, 'dist', 'server.js'), '--stdio']);
    // The same run with the driver given a 64 MB young generation: the driver splits the whole text
    // into lines before every edit, and its own garbage collection of that can fall inside the timed
    // window (tens of ms at 20,000 requirements). This run shows Spectrace's latency without it.
    const quietDriver = driverRun(`spectrace-quiet-driver-${tag}`, ws, ['--settings-json', '{}'], [process.execPath, join(ROOT, 'dist', 'server.js'), '--stdio'], { check: false, driverNodeArgs: ['--max-semi-space-size=64'] });
    delete process.env.SPECTRACE_TIMING;
    ours.quiet_driver = { edit_median_ms: quietDriver.edit_median_ms ?? null, edit_p95_ms: quietDriver.edit_p95_ms ?? null };
    ours.server_edit_ms = serverEditTimes(`spectrace-${tag}`);
    ours.server_edit_median_ms = ours.server_edit_ms.length ? round(median(ours.server_edit_ms), 2) : null;
    log(`floors: an empty server, and one parsing the file once, ${n} requirements`);
    const floor = driverRun(`floor-${tag}`, ws, ['--settings-json', '{}'], [process.execPath, emptyServer, '--stdio'], { check: false });
    const parseOnce = driverRun(`floor-parse-once-${tag}`, ws, ['--settings-json', '{}'], [process.execPath, parseOnceServer, '--stdio'], { check: false });
    if (flag('--skip-anchor')) { results.lsp.push({ requirements: n, layout, bytes: ours.bytes, spectrace: ours, floor, parseOnce, yamlLanguageServer: { error: 'skipped' }, ratios: {} }); log(JSON.stringify(ours)); continue; }
    log(`yaml-language-server, ${n} requirements, ${layout} layout`);
    const anchor = driverRun(`yamlls-${tag}`, ws, ['--settings', join(DRIVER, 'settings', 'yaml-language-server.json')],
      [process.execPath, join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], { editCount: edits });
    const ratio = (a, b) => (a && b ? round(b / a, 1) : null);
    const row = {
      requirements: n, layout, bytes: ours.bytes, spectrace: ours, floor, parseOnce, yamlLanguageServer: anchor,
      ratios: {
        floorMemoryFraction: floor.peak_rss_mb && anchor.peak_rss_mb ? round(floor.peak_rss_mb / anchor.peak_rss_mb, 2) : null,
        parseOnceMemoryFraction: parseOnce.peak_rss_mb && anchor.peak_rss_mb ? round(parseOnce.peak_rss_mb / anchor.peak_rss_mb, 2) : null,
        editMedianSpeedup: ratio(ours.edit_median_ms, anchor.edit_median_ms),
        editP95Speedup: ratio(ours.edit_p95_ms, anchor.edit_p95_ms),
        openSpeedup: ratio(ours.open_first_diag_ms, anchor.open_first_diag_ms),
        memoryFraction: ours.peak_rss_mb && anchor.peak_rss_mb ? round(ours.peak_rss_mb / anchor.peak_rss_mb, 2) : null,
      },
    };
    results.lsp.push(row);
    log(JSON.stringify(row.ratios));
  }
}

/**
 * The code scan figures on `tree`: ripgrep, `spectrace check` cold, the server's cold and warm start,
 * and the floors (Node's own start, an empty server, a tag search and a stat of every file in Node;
 * `git`: the tree is a git work tree (makeGitTree), so git's own commands are timed too).
 */
async function scanBench(tree, { git = false } = {}) {
  const time = (fn) => { const t = performance.now(); fn(); return performance.now() - t; };
  const rg = () => run('rg', ['-n', '--no-messages', '-e', '@implements', '-e', '@verifies', tree], { allowFail: true });
  const check = () => run(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', tree, '--format', 'json'], { allowFail: true });
  rg(); check(); // warm the page cache for both
  const rgMs = median([0, 1, 2, 3, 4].map(() => time(rg)));
  const checkMs = median([0, 1, 2].map(() => time(check)));
  const start = await measureServerStart(ROOT, tree, join(WORK, `server-storage-${basename(tree)}`));
  // Floors: Node's own start; an empty LSP server's spawn → initialize answered; a tag search in Node
  // on both cores that lists and reads what ripgrep does (bench/floors/nodeGrep.mjs).
  const nodeGrep = () => run(process.execPath, [join(FLOORS, 'nodeGrep.mjs'), tree]);
  const nodeStartMs = median([0, 1, 2, 3, 4].map(() => time(() => run(process.execPath, ['-e', '0']))));
  nodeGrep();
  const nodeGrepMs = median([0, 1, 2].map(() => time(nodeGrep)));
  const emptyInitMs = await measureInitialize(emptyServer, tree);
  // The restart floor: stat every file of the tree from a list, as a persisted index keyed by path,
  // size and time must (bench/floors/nodeStat.mjs).
  const fileList = join(WORK, `${basename(tree)}-files.json`);
  writeFileSync(fileList, JSON.stringify(listTree(tree)));
  const nodeStat = () => run(process.execPath, [join(FLOORS, 'nodeStat.mjs'), fileList]);
  nodeStat();
  const nodeStatMs = median([0, 1, 2].map(() => time(nodeStat)));
  // What the code scan cannot go below: the same check and restart on a folder holding only the
  // tree's spec and config (no code file), and, in a git work tree, git's own commands for what a scan
  // through git would ask it (a multi-threaded tag search of the tracked files; a status refresh).
  const specOnly = makeSpecOnlyCopy(tree, git);
  const specCheck = () => run(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', specOnly, '--format', 'json'], { allowFail: true });
  specCheck();
  const specOnlyCheckMs = median([0, 1, 2].map(() => time(specCheck)));
  const specStart = await measureServerStart(ROOT, specOnly, join(WORK, `server-storage-${basename(specOnly)}`));
  let gitGrepMs = null;
  let gitStatusMs = null;
  if (git) {
    const git = (...args) => run('git', ['-c', 'core.fsmonitor=false', '-C', tree, ...args], { allowFail: true });
    const gitGrep = () => git('grep', '-l', '--no-textconv', '-F', '-e', '@implements', '-e', '@verifies');
    const gitStatus = () => git('--no-optional-locks', 'status', '--porcelain=v2', '-z', '--untracked-files=all');
    gitGrep();
    gitGrepMs = median([0, 1, 2, 3, 4].map(() => time(gitGrep)));
    gitStatus();
    gitStatusMs = median([0, 1, 2, 3, 4].map(() => time(gitStatus)));
  }
  const vsRg = (ms) => (ms == null ? null : round(ms / rgMs, 2));
  return {
    files: treeFiles, tagLines: rg().stdout.split('\n').filter(Boolean).length,
    nodeGrepLines: Number(nodeGrep().stdout.trim()),
    ripgrepMs: round(rgMs), checkColdMs: round(checkMs), serverColdIndexMs: start.coldMs, serverWarmIndexMs: start.warmMs,
    floors: {
      nodeStartMs: round(nodeStartMs), nodeGrepMs: round(nodeGrepMs), emptyServerInitializeMs: emptyInitMs, nodeStatMs: round(nodeStatMs),
      specOnlyCheckMs: round(specOnlyCheckMs), specOnlyRestartMs: specStart.warmMs,
      gitGrepMs: gitGrepMs == null ? null : round(gitGrepMs), gitStatusMs: gitStatusMs == null ? null : round(gitStatusMs),
    },
    ratios: {
      specOnlyCheckVsRipgrep: vsRg(specOnlyCheckMs),
      specOnlyRestartVsRipgrep: vsRg(specStart.warmMs),
      gitGrepVsRipgrep: vsRg(gitGrepMs),
      gitStatusVsRipgrep: vsRg(gitStatusMs),
      nodeStatVsRipgrep: round(nodeStatMs / rgMs, 2),
      nodeStartVsRipgrep: round(nodeStartMs / rgMs, 2),
      nodeGrepVsRipgrep: round(nodeGrepMs / rgMs, 2),
      emptyServerInitializeVsRipgrep: emptyInitMs ? round(emptyInitMs / rgMs, 2) : null,
      checkColdVsRipgrep: round(checkMs / rgMs, 2),
      serverColdVsRipgrep: start.coldMs ? round(start.coldMs / rgMs, 2) : null,
      serverWarmVsRipgrep: start.warmMs ? round(start.warmMs / rgMs, 2) : null,
    },
  };
}

/** A folder beside `tree` with only its config, .gitignore and spec files (a git work tree when `git`). */
function makeSpecOnlyCopy(tree, git) {
  const out = `${tree}-specs-only`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'specs'), { recursive: true });
  for (const name of ['spectrace.yaml', '.gitignore']) copyFileSync(join(tree, name), join(out, name));
  for (const name of readdirSync(join(tree, 'specs'))) copyFileSync(join(tree, 'specs', name), join(out, 'specs', name));
  if (git) makeGitTree(out);
  return out;
}

/** The same generated tree as a git work tree: every file committed (fixed dates), the index fresh. */
function makeGitTree(tree) {
  const env = { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  const git = (...args) => run('git', ['-c', 'core.fsmonitor=false', '-C', tree, ...args], { env });
  git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '--no-verify', '-m', 'bench tree');
  git('status', '--porcelain'); // refreshes the index's stat data, as any git command a user runs would
}

if (!flag('--skip-scan')) {
  // The trees live outside this repository's work tree: inside it, the "outside git" tree would be in one.
  const trees = join(os.tmpdir(), 'spectrace-bench-trees');
  mkdirSync(trees, { recursive: true });
  const tree = join(trees, `tree-${treeFiles}`);
  run(process.execPath, [join(BENCH, 'genTree.mjs'), tree, '--files', String(treeFiles)]);
  log('code scan outside a git work tree');
  results.scan = await scanBench(tree);
  log(JSON.stringify(results.scan));
  const gitTree = join(trees, `tree-${treeFiles}-git`);
  run(process.execPath, [join(BENCH, 'genTree.mjs'), gitTree, '--files', String(treeFiles)]);
  makeGitTree(gitTree);
  log('code scan in a git work tree');
  results.scanGit = await scanBench(gitTree, { git: true });
  log(JSON.stringify(results.scanGit));
}

// The machine's load before and after: figures from a loaded machine (other work on the same cores) vary.
results.loadAverage = { start: loadAtStart, end: os.loadavg().map((x) => round(x, 1)) };
writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(BENCH, 'RESULTS.md'), renderMarkdown(results));
log('wrote bench/RESULTS.md and bench/results.json');

/** The figures of a run that later runs compare with (key → ms or MB), from its results.json. */
function previousFigures(prev) {
  if (!prev) return null;
  const out = {};
  for (const row of prev.lsp ?? []) {
    const key = `${row.requirements}${(row.layout ?? 'plain') === 'plain' ? '' : ` ${row.layout}`}`;
    const m = row.spectrace;
    if (!m || m.error) continue;
    out[`open ${key}`] = m.open_first_diag_ms;
    out[`edit median ${key}`] = m.edit_median_ms;
    out[`edit p95 ${key}`] = m.edit_p95_ms;
    out[`peak RSS ${key}`] = m.peak_rss_mb;
  }
  const scan = prev.scan;
  if (scan && scan.files === treeFiles) {
    out['check cold'] = scan.checkColdMs;
    out['server start cold'] = scan.serverColdIndexMs;
    out['server restart'] = scan.serverWarmIndexMs;
  }
  return { date: prev.date, figures: out };
}

function layoutOf(row) { return row.layout ?? 'plain'; }
function sizeLabel(row) { return `${row.requirements.toLocaleString('en')}${layoutOf(row) === 'plain' ? '' : ` (${layoutOf(row)})`}`; }

function renderMarkdown(r) {
  const L = [];
  L.push('# Benchmark results', '');
  const args = r.args ?? argv.filter((a) => a !== '--render-only');
  L.push(`Run ${r.date} with \`npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}\` on ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, ${r.machine.platform}.`);
  L.push(`Node ${r.versions.node}; Spectrace ${r.versions.spectrace}; yaml-language-server ${r.versions.yamlLanguageServer}; ${r.versions.ripgrep ?? 'ripgrep not installed'}.`);
  L.push('Spectrace\'s server and CLI start their bundles with V8\'s code cache (`server/src/startup/compileCache.ts`), which the first start of each bundle writes: every Spectrace process after the first in a run has it, as on a user\'s machine after a first run.');
  if (r.loadAverage) L.push(`Load average (1, 5, 15 min) at the start: ${r.loadAverage.start.join(', ')}; at the end: ${r.loadAverage.end.join(', ')} (${r.machine.cpus} cores; other work on the machine makes figures vary).`);
  if (r.removedEnv?.length) L.push(`Timed processes ran without ${r.removedEnv.map((n) => `\`${n}\``).join(', ')}, which this machine's environment sets (a CA bundle read by every Node start; no TLS here, and editors do not set it).`);
  L.push('');
  if (r.lsp.length) {
    L.push('## Keystroke → diagnostics (same workload, same driver, same run)', '');
    const count = (tool) => r.lsp[0]?.[tool]?.edits ?? '?';
    L.push(`Workload: \`bench/driver/gen.mjs N 0.02 --seed 1 --layout plain|hand\` with the bench requirement schema as the workspace's extra schema and otherwise the default configuration (no raised size limit), except what the randomly drawn workload would trip on for a sixth of its requirements or more (no coverage policy; \`status-mismatch\`, \`contradictory-status\` and \`roadmap-order\` off: [latencyConfig.mjs](latencyConfig.mjs) says why). The plain layout has one plain scalar per line, as a tool writes it; the hand-written one (\`hand\`) the same requirements as people write them: a blank line and a comment before each item, double-quoted titles, \`description: |\` block scalars, a trailing comment after \`status\`. One-letter edits inside the description text (${count('spectrace')} per run for Spectrace and the floors, ${count('yamlLanguageServer')} for yaml-language-server, whose edits take seconds each at the larger sizes), each timed didChange → publishDiagnostics for that version (debounce included).`, '');
    L.push('| requirements | file | tool | open → diagnostics | edit median / p95 | peak RSS | errors found |');
    L.push('|---:|---:|---|---:|---:|---:|---:|');
    for (const row of r.lsp) {
      for (const [name, m] of [['Spectrace', row.spectrace], ['yaml-language-server', row.yamlLanguageServer], ['floor: empty server', row.floor], ['floor: empty server + one `yaml` parse', row.parseOnce]]) {
        if (!m) continue;
        if (m.error) { L.push(`| ${sizeLabel(row)} | | ${name} | ${m.error === 'skipped' ? 'skipped' : 'failed'} | | | |`); continue; }
        const found = name.startsWith('floor') ? 'reports nothing' : `${m.matched ?? '?'}/${m.injected ?? '?'}`;
        L.push(`| ${sizeLabel(row)} | ${Math.round(m.bytes / 1024)} KiB | ${name} | ${round(m.open_first_diag_ms)} ms | ${round(m.edit_median_ms)} / ${round(m.edit_p95_ms)} ms | ${round(m.peak_rss_mb)} MB | ${found} |`);
      }
    }
    if (r.lsp.some((row) => row.floor)) L.push('', 'The floor (`bench/floors/emptyServer.js`, bundled and minified like Spectrace\'s server): a server on the same library (vscode-languageserver, stdio, incremental sync) that keeps the documents and answers every version with no diagnostics, through the same driver — what any Node server on that library pays before it parses or checks anything. The second floor (`bench/floors/parseOnceServer.js`) also parses each document once, on open, with the `yaml` package and drops the result.');
    L.push('', '| requirements | edit median: × faster | edit p95: × faster | open: × faster | memory: fraction of anchor | floors\' memory: empty / parse once |');
    L.push('|---:|---:|---:|---:|---:|---:|');
    for (const row of r.lsp) L.push(`| ${sizeLabel(row)} | ${row.ratios.editMedianSpeedup ?? '–'} | ${row.ratios.editP95Speedup ?? '–'} | ${row.ratios.openSpeedup ?? '–'} | ${row.ratios.memoryFraction ?? '–'} | ${row.ratios.floorMemoryFraction ?? '–'} / ${row.ratios.parseOnceMemoryFraction ?? '–'} |`);
    const pairs = handPlainPairs(r);
    if (pairs.length) L.push('', `Hand-written against plain layout, Spectrace, same size: open ${pairs.map(([p, h]) => `${p.requirements.toLocaleString('en')}: ${round(h.spectrace.open_first_diag_ms / p.spectrace.open_first_diag_ms, 2)}×`).join(', ')}; edit median ${pairs.map(([p, h]) => `${p.requirements.toLocaleString('en')}: ${round(h.spectrace.edit_median_ms / p.spectrace.edit_median_ms, 2)}×`).join(', ')}.`);
    for (const layout of [...new Set(r.lsp.map(layoutOf))]) {
      const rows = r.lsp.filter((row) => layoutOf(row) === layout);
      // The flatness target: the largest size's edit median within 2x of the 1,000 one.
      const first = rows.find((row) => row.requirements === 1000) ?? rows[0], last = rows[rows.length - 1];
      const which = layout === 'plain' ? '' : ` (${layout} layout)`;
      if (first && last && first !== last && first.spectrace.edit_median_ms && last.spectrace.edit_median_ms) {
        L.push('', `Flatness${which}: Spectrace's edit median at ${last.requirements.toLocaleString('en')} requirements is ${round(last.spectrace.edit_median_ms / first.spectrace.edit_median_ms, 2)}× its median at ${first.requirements.toLocaleString('en')}.`);
        if (first.spectrace.server_edit_median_ms && last.spectrace.server_edit_median_ms) {
          L.push('', `The server's own time per edit${which} (SPECTRACE_TIMING: apply the change, re-check, publish; median): ${rows.map((row) => `${row.requirements.toLocaleString('en')}: ${row.spectrace.server_edit_median_ms ?? '–'} ms`).join(', ')} — ${round(last.spectrace.server_edit_median_ms / first.spectrace.server_edit_median_ms, 2)}× from ${first.requirements.toLocaleString('en')} to ${last.requirements.toLocaleString('en')}. The rest of the latency above is the 3 ms debounce, the transport and the driver itself.`);
        }
      }
      if (rows.every((row) => row.spectrace.quiet_driver?.edit_median_ms)) {
        const q = (row) => row.spectrace.quiet_driver.edit_median_ms;
        const flat = first && last && first !== last ? ` — ${last.requirements.toLocaleString('en')} is ${round(q(last) / q(first), 2)}× ${first.requirements.toLocaleString('en')}` : '';
        L.push('', `The same edits${which} with the driver's own garbage collection out of the timed window (\`node --max-semi-space-size=64 bench/driver/bench.mjs\`; the driver splits the whole text into lines before every edit): Spectrace's edit median ${rows.map((row) => `${row.requirements.toLocaleString('en')}: ${q(row)} ms`).join(', ')}${flat}. Informational: the targets are measured with the driver as it is.`);
      }
    }
    L.push('');
  }
  const scans = [['in a git work tree', r.scanGit], ['outside a git work tree', r.scan]].filter(([, s]) => s);
  if (scans.length) {
    const s0 = scans[0][1];
    L.push('## Code scan (warm page cache)', '');
    L.push(`Tree: \`bench/genTree.mjs\` — ${s0.files.toLocaleString('en')} source files (TypeScript, Python, Go, Java, Markdown), ${s0.tagLines} tag lines, 2,000 requirements; once as a plain folder, once as a git work tree with every file committed (under the system's temporary folder, outside any other work tree).`, '');
    L.push(`| what | ${scans.map(([name]) => `${name}: time | × ripgrep`).join(' | ')} |`, `|---|${scans.map(() => '---:|---:').join('|')}|`);
    const line = (what, pick) => L.push(`| ${what} | ${scans.map(([, s]) => { const [ms, x] = pick(s); return `${ms ?? '–'} ms | ${x ?? '–'}`; }).join(' | ')} |`);
    line('ripgrep `rg -n -e @implements -e @verifies` (median of 5)', (s) => [s.ripgrepMs, 1]);
    line('`spectrace check` cold, whole process (median of 3)', (s) => [s.checkColdMs, s.ratios.checkColdVsRipgrep]);
    line('server start, cold index (initialize → index ready)', (s) => [s.serverColdIndexMs, s.ratios.serverColdVsRipgrep]);
    line('server restart with persisted index', (s) => [s.serverWarmIndexMs, s.ratios.serverWarmVsRipgrep]);
    if (s0.floors) {
      line('floor: `node -e 0` (median of 5)', (s) => [s.floors.nodeStartMs, s.ratios.nodeStartVsRipgrep]);
      line('floor: empty server, spawn → initialize answered (median of 3)', (s) => [s.floors.emptyServerInitializeMs, s.ratios.emptyServerInitializeVsRipgrep]);
      line(`floor: \`bench/floors/nodeGrep.mjs\` — list, read and search the tree in Node on both cores (median of 3; ${s0.nodeGrepLines} lines)`, (s) => [s.floors.nodeGrepMs, s.ratios.nodeGrepVsRipgrep]);
      if (s0.floors.nodeStatMs != null) line('floor: `bench/floors/nodeStat.mjs` — stat every file of the tree from a list, in Node on both cores (median of 3)', (s) => [s.floors.nodeStatMs, s.ratios.nodeStatVsRipgrep]);
      if (s0.floors.specOnlyCheckMs != null) {
        line('floor: `spectrace check` cold on the spec files alone (the tree without its code files; median of 3)', (s) => [s.floors.specOnlyCheckMs, s.ratios.specOnlyCheckVsRipgrep]);
        line('floor: server restart with persisted index on the spec files alone', (s) => [s.floors.specOnlyRestartMs, s.ratios.specOnlyRestartVsRipgrep]);
      }
      if (scans.some(([, s]) => s.floors?.gitGrepMs != null)) {
        line('floor: `git grep -l -F -e @implements -e @verifies`, git\'s multi-threaded search of the tracked files (median of 5)', (s) => [s.floors.gitGrepMs, s.ratios.gitGrepVsRipgrep]);
        line('floor: `git status --porcelain=v2 -z --untracked-files=all` (median of 5)', (s) => [s.floors.gitStatusMs, s.ratios.gitStatusVsRipgrep]);
      }
    }
    L.push('');
  }
  const targets = targetLines(r);
  if (targets.length) {
    L.push('## Targets in this run', '', ...targets.map((t) => `- ${t}`), '');
    L.push('What limits the ones not met, with the profiles behind it, and what each change measured: [HISTORY.md](HISTORY.md) (hand-written; this file is rewritten by every run). How the server stays fast: [docs/performance.md](../docs/performance.md).', '');
  }
  return L.join('\n') + '\n';
}

/** [plain row, hand row] per size where both layouts ran. */
function handPlainPairs(r) {
  const out = [];
  for (const p of r.lsp.filter((row) => layoutOf(row) === 'plain' && !row.spectrace.error)) {
    const h = r.lsp.find((row) => layoutOf(row) === 'hand' && row.requirements === p.requirements && !row.spectrace.error);
    if (h) out.push([p, h]);
  }
  return out;
}

/** This run's figure for a key of previousFigures. */
function currentFigure(r, key) {
  const scanKeys = { 'check cold': 'checkColdMs', 'server start cold': 'serverColdIndexMs', 'server restart': 'serverWarmIndexMs' };
  if (scanKeys[key]) return r.scan?.[scanKeys[key]];
  const m = /^(open|edit median|edit p95|peak RSS) (\d+)(?: (\w+))?$/.exec(key);
  if (!m) return undefined;
  const row = r.lsp.find((x) => x.requirements === Number(m[2]) && layoutOf(x) === (m[3] ?? 'plain'));
  const s = row?.spectrace;
  return s && { open: s.open_first_diag_ms, 'edit median': s.edit_median_ms, 'edit p95': s.edit_p95_ms, 'peak RSS': s.peak_rss_mb }[m[1]];
}

/** Each performance target this run measured, met or not, with the figure. */
function targetLines(r) {
  const out = [];
  const verdict = (ok) => (ok ? 'met' : '**not met**');
  const rows = r.lsp.filter((row) => !row.yamlLanguageServer.error);
  const layouts = [...new Set(rows.map(layoutOf))];
  if (rows.length) {
    const open = rows.map((row) => `${sizeLabel(row)}: ${row.ratios.openSpeedup}×`).join(', ');
    out.push(`open → first diagnostics at least 2× faster than yaml-language-server at every size, in ${layouts.length > 1 ? 'both layouts' : 'the plain layout'}, with the default configuration: ${verdict(rows.every((row) => row.ratios.openSpeedup >= 2))} (${open})`);
  }
  const pairs = handPlainPairs(r);
  if (pairs.length) {
    const f = pairs.map(([p, h]) => h.spectrace.open_first_diag_ms / p.spectrace.open_first_diag_ms);
    out.push(`hand-written layout's open within 1.3× of the plain one: ${verdict(f.every((x) => x <= 1.3))} (${pairs.map(([p], i) => `${p.requirements.toLocaleString('en')}: ${round(f[i], 2)}×`).join(', ')})`);
  }
  for (const layout of layouts) {
    const at5k = rows.find((row) => row.requirements === 5000 && layoutOf(row) === layout);
    if (at5k) out.push(`keystroke → diagnostics at 5,000 requirements (${layout}) at least 100× faster than yaml-language-server: ${verdict(at5k.ratios.editMedianSpeedup >= 100)} (${at5k.ratios.editMedianSpeedup}×)`);
    const first = r.lsp.find((row) => row.requirements === 1000 && layoutOf(row) === layout), last = r.lsp.find((row) => row.requirements === 20000 && layoutOf(row) === layout);
    if (first && last && first.spectrace.edit_median_ms && last.spectrace.edit_median_ms) {
      const f = last.spectrace.edit_median_ms / first.spectrace.edit_median_ms;
      out.push(`keystroke at 20,000 (${layout}) within 2× of the 1,000 median: ${verdict(f <= 2)} (${round(f, 2)}×)`);
    }
  }
  if (rows.length) {
    const mem = rows.map((row) => `${sizeLabel(row)}: ${row.ratios.memoryFraction}`).join(', ');
    out.push(`peak memory at most half of yaml-language-server's: ${verdict(rows.every((row) => row.ratios.memoryFraction <= 0.5))} (${mem})`);
  }
  if (r.scanGit) {
    const q = r.scanGit.ratios;
    const checkFloor = q.specOnlyCheckVsRipgrep == null ? '' : `; the same check on the spec files alone, with no code to scan: ${q.specOnlyCheckVsRipgrep}×; git's own tag search: ${q.gitGrepVsRipgrep ?? '–'}×`;
    out.push(`code scan in a git work tree, \`spectrace check\` cold at most 1.5× ripgrep: ${verdict(q.checkColdVsRipgrep <= 1.5)} (${q.checkColdVsRipgrep}×${checkFloor})`);
    const restartFloor = q.specOnlyRestartVsRipgrep == null ? '' : `; a restart on the spec files alone: ${q.specOnlyRestartVsRipgrep}×; an empty server's initialize: ${q.emptyServerInitializeVsRipgrep ?? '–'}×; \`git status\`: ${q.gitStatusVsRipgrep ?? '–'}×`;
    if (q.serverWarmVsRipgrep != null) out.push(`code scan in a git work tree, server restart with the persisted index at most ½ of ripgrep: ${verdict(q.serverWarmVsRipgrep <= 0.5)} (${q.serverWarmVsRipgrep}×${restartFloor})`);
  }
  if (r.scan) {
    const q = r.scan.ratios;
    out.push(`outside a git work tree (reported, no target): \`spectrace check\` cold ${q.checkColdVsRipgrep}× ripgrep, server restart ${q.serverWarmVsRipgrep ?? '–'}× (a bare tag search in Node on both cores: ${q.nodeGrepVsRipgrep}×; stat of every file in Node: ${q.nodeStatVsRipgrep}×)`);
  }
  const prev = r.previous;
  if (prev && Object.keys(prev.figures).length) {
    const compared = Object.entries(prev.figures).map(([key, before]) => [key, before, currentFigure(r, key)]).filter(([, b, a]) => b && a);
    const slower = compared.filter(([, b, a]) => a > b * 1.1);
    out.push(`nothing slower than the previous run (${prev.date}), every figure within 10%: ${verdict(slower.length === 0)} (${compared.length} figures compared${slower.length ? `; over: ${slower.map(([k, b, a]) => `${k} ${round(b)} → ${round(a)}`).join(', ')}` : ''})`);
  }
  return out;
}
