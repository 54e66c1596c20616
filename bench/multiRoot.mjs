#!/usr/bin/env node
// bench/multiRoot.mjs — the keystroke bench on a multi-root workspace against the same files opened as
// one folder, in one run. The workload: FOLDERS folders (default 10) holding REQUIREMENTS requirements
// and FILES code files in total (default 20,000 each), a tenth of the code files tagging requirements
// of any folder (so most links cross folders). The single-folder workspace is the same folders under
// one root with one spectrace.yaml. Both are driven by bench/driver/bench.mjs (the multi-root one with
// --folders), editing one letter inside a `description:` of the first folder's spec file; runs
// alternate single/multi so drift in the machine's load falls on both.
// usage: node bench/multiRoot.mjs [--folders 10] [--requirements 20000] [--files 20000] [--edits 50] [--rounds 2]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', 'work', 'multi-root');
const argv = process.argv.slice(2);
const value = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : dflt; };
const folders = value('--folders', 10);
const requirements = value('--requirements', 20000);
const files = value('--files', 20000);
const edits = value('--edits', 50);
const rounds = value('--rounds', 2);

let seed = 7;
const rand = () => { seed = (seed + 0x6d2b79f5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const ri = (n) => Math.floor(rand() * n);

const perFolderReqs = Math.ceil(requirements / folders);
const perFolderFiles = Math.ceil(files / folders);
const prefix = (k) => `F${k}`;

/** The folders' files, written once under `tree/`; both workspaces read the same files. */
function generate() {
  const tree = join(WORK, 'tree');
  rmSync(WORK, { recursive: true, force: true });
  for (let k = 0; k < folders; k++) {
    const dir = join(tree, `folder-${k}`);
    mkdirSync(join(dir, 'specs'), { recursive: true });
    const reqs = [];
    for (let i = 1; i <= perFolderReqs; i++) {
      reqs.push(`  - id: ${prefix(k)}-${i}\n    title: Requirement ${i} of folder ${k}\n    description: What folder ${k} needs from requirement number ${i}, in a sentence.\n    priority: should\n    status: approved\n`);
    }
    writeFileSync(join(dir, 'specs', 'product.yaml'), `product: Folder ${k}\nrequirements:\n${reqs.join('')}`);
    writeFileSync(join(dir, 'spectrace.yaml'), 'specs: ["specs/**/*.yaml"]\ncode:\n  include: ["src/**"]\ncoverage: []\n');
    for (let f = 0; f < perFolderFiles; f++) {
      const sub = join(dir, 'src', `pkg${f % 20}`);
      if (f < 20) mkdirSync(sub, { recursive: true });
      const tag = f % 10 === 0 ? `// @implements ${prefix(ri(folders))}-${1 + ri(perFolderReqs)}\n` : '';
      const body = `export function handler${f}(input: string): string {\n  const value = input.trim();\n  if (value.length === 0) {\n    return 'empty';\n  }\n  return value.toUpperCase() + ${f};\n}\n`;
      writeFileSync(join(sub, `mod${f}.ts`), `// Module ${f} of folder ${k}.\n${tag}${body.repeat(8)}`);
    }
  }
  // The single-folder workspace: one spectrace.yaml over every folder's specs and code.
  writeFileSync(join(tree, 'spectrace.yaml'), 'specs: ["folder-*/specs/**/*.yaml"]\ncode:\n  include: ["folder-*/src/**"]\ncoverage: []\n');
  return tree;
}

function drive(label, tree, multi) {
  const file = join(tree, 'folder-0', 'specs', 'product.yaml');
  const where = multi
    ? ['--root', join(tree, 'folder-0'), '--folders', Array.from({ length: folders }, (_, k) => join(tree, `folder-${k}`)).join(',')]
    : ['--root', tree];
  const r = spawnSync(process.execPath, [
    join(ROOT, 'bench', 'driver', 'bench.mjs'), '--file', file, ...where, '--edits', String(edits),
    '--edit-regex', '^\\s*description:\\s', '--label', label, '--settings-json', '{}', '--open-timeout-ms', '600000', '--',
    process.execPath, join(ROOT, 'dist', 'server.js'), '--stdio',
  ], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr.slice(-1000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tree = generate();
const runs = { single: [], multi: [] };
for (let i = 0; i < rounds; i++) {
  for (const kind of ['single', 'multi']) {
    const r = drive(`${kind}-${i + 1}`, tree, kind === 'multi');
    runs[kind].push(r);
    console.error(`${kind} round ${i + 1}: open ${r.open_first_diag_ms} ms, edit median ${r.edit_median_ms} ms, p95 ${r.edit_p95_ms} ms, peak RSS ${r.peak_rss_mb} MB`);
  }
}
const summary = (list) => ({
  open_ms: median(list.map((r) => r.open_first_diag_ms)),
  edit_median_ms: median(list.map((r) => r.edit_median_ms)),
  edit_p95_ms: median(list.map((r) => r.edit_p95_ms)),
  peak_rss_mb: median(list.map((r) => r.peak_rss_mb)),
});
const single = summary(runs.single);
const multi = summary(runs.multi);
const result = {
  workload: { folders, requirements: perFolderReqs * folders, codeFiles: perFolderFiles * folders, edits, rounds },
  single,
  multi,
  keystroke_ratio: Number((multi.edit_median_ms / single.edit_median_ms).toFixed(2)),
};
console.log(JSON.stringify(result));
