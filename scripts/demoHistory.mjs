// A git history for the demo: examples/acme-shop replayed as about two dozen dated commits, so the
// burn-up charts (release view, HTML report) have something real to draw. Requirements are added
// release by release, their statuses move draft → … → their status in the example, ACC-9 starts in
// R-2026 and moves to R-2027, PAY-11 joins R-2026 late; the last commit is the example exactly as it
// is. Built in a folder of its own (never a committed .git); the same input gives the same commits.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ORDER = ['draft', 'proposed', 'approved', 'in-progress', 'implemented', 'verified', 'released'];
const STEPS = 24;
/** When each roadmap subtree's requirements appear (commit index). */
const ADDED = { 'R-2026': 0, 'M-1': 1, 'R-2027': 9, 'M-2': 11, 'R-2028': 17 };
const LATE = { 'PAY-11': 6, 'ACC-9': 0 };
const MOVED = { 'ACC-9': { from: 'R-2026', until: 8 } };

function dateOf(step) {
  // Every 13 days from 5 Jan 2026, at 10:00 UTC: the last commit falls on 31 Oct 2026.
  return new Date(Date.UTC(2026, 0, 5) + step * 13 * 86_400_000 + 36_000_000).toISOString().replace('.000Z', 'Z');
}

/** A spec file as its lines before the first requirement, and one block of lines per requirement. */
function splitRequirements(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^requirements:\s*$/.test(l));
  if (start < 0) return undefined;
  const head = lines.slice(0, start + 1);
  const blocks = [];
  let tail = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    const m = /^ {2}- id: (\S+)/.exec(line);
    if (m) blocks.push({ id: m[1], lines: [line] });
    else if (/^\S/.test(line)) {
      tail = lines.slice(i);
      break;
    } else if (blocks.length > 0) blocks[blocks.length - 1].lines.push(line);
    else head.push(line);
  }
  return { head, blocks, tail };
}

function field(block, key) {
  const line = block.lines.find((l) => l.startsWith(`    ${key}: `));
  return line ? line.slice(key.length + 6).trim() : undefined;
}

/** The requirement as of `step`, or undefined before it was written. */
function blockAt(block, index, step) {
  const roadmap = field(block, 'roadmap');
  const added = LATE[block.id] ?? ADDED[roadmap] ?? 0;
  if (step < added) return undefined;
  const final = Math.max(0, ORDER.indexOf(field(block, 'status') ?? 'draft'));
  // Each requirement starts a little later and moves at its own pace, so the done line climbs in steps.
  const pace = 1 + (index % 2);
  const start = added + (index % 5);
  const status = ORDER[Math.min(final, Math.floor(Math.max(0, step - start) / pace))];
  const moved = MOVED[block.id];
  return block.lines.map((l) => {
    if (l.startsWith('    status: ')) return `    status: ${status}`;
    if (moved && step <= moved.until && l.startsWith('    roadmap: ')) return `    roadmap: ${moved.from}`;
    return l;
  });
}

function git(dir, args, date) {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  const identity = ['-c', 'user.name=Acme Product Team', '-c', 'user.email=product@acme.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];
  return execFileSync('git', [...identity, '-C', dir, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Builds `out` (removed first) as a git repository whose history ends in a copy of `example`. */
export function buildDemoHistory(example, out) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  git(out, ['init', '--quiet', '--initial-branch=main']);
  const specDir = path.join(example, 'specs');
  const specs = fs.readdirSync(specDir).filter((f) => f.endsWith('.yaml')).sort();
  const parsed = new Map(specs.map((f) => [f, splitRequirements(fs.readFileSync(path.join(specDir, f), 'utf8'))]));
  for (let step = 0; step < STEPS; step++) {
    if (step === STEPS - 1) fs.cpSync(example, out, { recursive: true });
    else {
      if (step === 0) fs.cpSync(example, out, { recursive: true, filter: (src) => !src.startsWith(specDir + path.sep) });
      fs.mkdirSync(path.join(out, 'specs'), { recursive: true });
      for (const f of specs) {
        const split = parsed.get(f);
        const text = fs.readFileSync(path.join(specDir, f), 'utf8');
        if (!split) {
          fs.writeFileSync(path.join(out, 'specs', f), text);
          continue;
        }
        const blocks = split.blocks.map((b, i) => blockAt(b, i, step)).filter((b) => b !== undefined);
        const body = blocks.length > 0 ? blocks.flat() : [];
        // A requirements list with no item yet is written as an empty list, which is valid YAML.
        const head = blocks.length > 0 ? split.head : [...split.head.slice(0, -1), 'requirements: []'];
        fs.writeFileSync(path.join(out, 'specs', f), [...head, ...body, ...split.tail].join('\n'));
      }
    }
    git(out, ['add', '--all']);
    git(out, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', step === STEPS - 1 ? 'The Acme Shop as it is today' : `Specs, week ${step * 2 + 1}`], dateOf(step));
  }
  return { commits: STEPS, head: git(out, ['rev-parse', 'HEAD']).trim() };
}
