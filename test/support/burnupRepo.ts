// A git history of spec files for the burn-up tests, built in a temp folder at fixed dates, with the
// series of R-1 computed by hand: a same-day pair of commits, a requirement moved between releases, a
// file renamed, a YAML error, a file deleted, a branch merged (only the first parent counts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commitAll, gitAt, initRepo } from './gitRepo';

export interface BurnupRepo {
  dir: string;
  /** Commits by name: c1 … c6, m1 (main), f1 (the branch), merge. */
  commits: Record<string, string>;
  /** R-1's burn-up as computed by hand (commit names, not hashes). */
  expected: { date: string; commit: string; scope: number; done: number; entered: string[]; left: string[]; notes: number }[];
}

const ROADMAP = `roadmap:
  - id: R-1
    title: First release
    type: release
    due: 2026-03-31
  - id: M-1
    title: First milestone
    type: milestone
    parent: R-1
  - id: R-2
    title: Second release
    type: release
`;

function reqs(items: [string, string, string][]): string {
  return `requirements:\n${items.map(([id, roadmap, status]) => `  - id: ${id}\n    title: Requirement ${id}\n    type: story\n    priority: must\n    status: ${status}\n    roadmap: ${roadmap}\n`).join('')}`;
}

function write(dir: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

export function buildBurnupRepo(): BurnupRepo {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-burnup-')));
  initRepo(dir);
  const c: Record<string, string> = {};
  write(dir, 'spectrace.yaml', 'specs: ["specs/**/*.yaml"]\n');
  write(dir, 'specs/roadmap.yaml', ROADMAP);
  write(dir, 'specs/reqs.yaml', reqs([['A-1', 'R-1', 'approved'], ['A-2', 'M-1', 'approved'], ['A-3', 'R-2', 'approved']]));
  write(dir, 'README.md', 'not a spec\n');
  c.c1 = commitAll(dir, 'first specs', '2026-01-05T10:00:00Z');
  write(dir, 'specs/reqs.yaml', reqs([['A-1', 'R-1', 'implemented'], ['A-2', 'M-1', 'approved'], ['A-3', 'R-2', 'approved']]));
  c.c2 = commitAll(dir, 'A-1 implemented', '2026-01-05T15:00:00Z');
  write(dir, 'README.md', 'code only\n');
  c.code = commitAll(dir, 'not a spec change', '2026-01-06T10:00:00Z');
  write(dir, 'specs/reqs.yaml', reqs([['A-1', 'R-1', 'implemented'], ['A-2', 'M-1', 'approved'], ['A-3', 'R-1', 'approved']]));
  write(dir, 'specs/more.yaml', reqs([['B-1', 'M-1', 'verified']]));
  c.c3 = commitAll(dir, 'A-3 moves to R-1; B-1', '2026-01-07T10:00:00Z');
  gitAt(dir, ['mv', 'specs/more.yaml', 'specs/extra.yaml']);
  c.c4 = commitAll(dir, 'rename more.yaml', '2026-01-08T10:00:00Z');
  write(dir, 'specs/reqs.yaml', `${reqs([['A-1', 'R-1', 'implemented'], ['A-2', 'M-1', 'released']])}  - id: "A-3\n    title: [broken\n`);
  c.c5 = commitAll(dir, 'a YAML error', '2026-01-09T10:00:00Z');
  fs.rmSync(path.join(dir, 'specs/extra.yaml'));
  c.c6 = commitAll(dir, 'delete extra.yaml', '2026-01-10T10:00:00Z');
  gitAt(dir, ['checkout', '--quiet', '-b', 'feature']);
  write(dir, 'specs/reqs.yaml', reqs([['A-1', 'R-2', 'implemented'], ['A-2', 'M-1', 'implemented'], ['A-3', 'R-1', 'approved']]));
  c.f1 = commitAll(dir, 'fix the YAML; A-1 moves to R-2', '2026-01-12T10:00:00Z');
  gitAt(dir, ['checkout', '--quiet', 'main']);
  write(dir, 'specs/roadmap.yaml', `${ROADMAP}  - id: M-2\n    title: Second milestone\n    type: milestone\n    parent: R-1\n`);
  c.m1 = commitAll(dir, 'M-2', '2026-01-11T10:00:00Z');
  gitAt(dir, ['merge', '--quiet', '--no-ff', '--no-edit', 'feature'], '2026-01-13T10:00:00Z');
  c.merge = gitAt(dir, ['rev-parse', 'HEAD']);
  const expected: BurnupRepo['expected'] = [
    { date: '2026-01-05', commit: 'c2', scope: 2, done: 1, entered: ['A-1', 'A-2'], left: [], notes: 0 },
    { date: '2026-01-07', commit: 'c3', scope: 4, done: 2, entered: ['A-3', 'B-1'], left: [], notes: 0 },
    { date: '2026-01-08', commit: 'c4', scope: 4, done: 2, entered: [], left: [], notes: 0 },
    { date: '2026-01-09', commit: 'c5', scope: 4, done: 2, entered: [], left: [], notes: 1 },
    { date: '2026-01-10', commit: 'c6', scope: 3, done: 1, entered: [], left: ['B-1'], notes: 1 },
    { date: '2026-01-11', commit: 'm1', scope: 3, done: 1, entered: [], left: [], notes: 1 },
    { date: '2026-01-13', commit: 'merge', scope: 2, done: 1, entered: [], left: ['A-1'], notes: 0 },
  ];
  return { dir, commits: c, expected };
}

/** The expected series with commit names replaced by the repository's hashes. */
export function expectedSeries(repo: BurnupRepo): { date: string; commit: string; scope: number; done: number; entered: string[]; left: string[] }[] {
  return repo.expected.map(({ notes: _notes, ...p }) => ({ ...p, commit: repo.commits[p.commit] }));
}
