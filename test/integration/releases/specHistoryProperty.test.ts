// Property: whatever a repository's history did to its spec files, the burn-up reader returns a series
// or a reason and never throws. Real git repositories at fixed dates, one per seed, with ~30 commits
// that each write a randomly damaged spec file (the fuzzer's YAML mutations, binary bytes, non-UTF-8,
// huge scalars, an empty file), rename or delete one, or replace one by a folder; the series' counts
// are non-negative integers (done never above scope) and its dates one per day, in commit order.
// Change review's history lookups in the same repositories answer a version or a reason too.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitHistory } from '../../../server/src/disk/gitHistory';
import { SpecHistory } from '../../../server/src/disk/specHistory';
import { parseConfig } from '../../../server/src/engine/config/config';
import { mutate } from '../../fuzz/mutations';
import { Prng } from '../../fuzz/prng';
import { commitAll, gitAt, initRepo } from '../../support/gitRepo';

const CONFIG_TEXT = 'specs: ["specs/**/*.yaml"]\nmaxSpecFileSize: 300000\n';
const config = parseConfig('spectrace.yaml', CONFIG_TEXT).config;
const STATUSES = ['draft', 'approved', 'in-progress', 'implemented', 'verified', 'released', 'rejected', 'bogus'];
const ROADMAP = 'roadmap:\n  - id: R-1\n    title: First release\n    type: release\n    due: 2026-06-30\n  - id: M-1\n    title: A milestone\n    type: milestone\n    parent: R-1\n';

function requirements(rng: Prng, prefix: string): string {
  let out = 'requirements:\n';
  for (let i = 1, n = rng.int(1, 12); i <= n; i++) {
    out += `  - id: ${prefix}-${i}\n    title: Requirement ${prefix}-${i}\n    status: ${rng.pick(STATUSES)}\n    roadmap: ${rng.pick(['R-1', 'M-1', 'R-2', 'M-1'])}\n`;
  }
  return out;
}

type Step = 'mutated' | 'fresh' | 'binary' | 'latin1' | 'huge' | 'empty' | 'rename' | 'delete' | 'folder' | 'roadmap';

/** Builds the repository for `seed`; returns its folder and its commits' hashes and days, oldest first. */
function buildRepo(seed: number, commitCount: number): { dir: string; commits: { hash: string; day: string; step: Step }[] } {
  const rng = new Prng(seed);
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `spectrace-history-${seed}-`)));
  initRepo(dir);
  const write = (rel: string, data: string | Buffer) => {
    const abs = path.join(dir, rel);
    fs.rmSync(abs, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, data);
  };
  const specFiles = (): string[] =>
    fs
      .readdirSync(path.join(dir, 'specs'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  write('spectrace.yaml', CONFIG_TEXT);
  write('specs/roadmap.yaml', ROADMAP);
  write('specs/a.yaml', `${requirements(rng, 'A')}  - id: A-0\n    title: Planned from the first commit\n    status: approved\n    roadmap: R-1\n`);
  const commits: { hash: string; day: string; step: Step }[] = [];
  let time = Date.parse('2026-01-05T09:00:00Z');
  const commit = (step: Step) => {
    const iso = new Date(time).toISOString().replace(/\.\d+Z$/, 'Z');
    commits.push({ hash: commitAll(dir, step, iso), day: iso.slice(0, 10), step });
    // Sometimes a second commit the same day: the series keeps the day's last.
    time += rng.chance(0.3) ? 3600_000 : rng.int(1, 3) * 86_400_000;
  };
  commit('fresh');
  for (let n = 1; n < commitCount; n++) {
    const files = specFiles();
    const target = files.length && rng.chance(0.8) ? rng.pick(files) : `specs/${rng.pick(['a', 'b', 'c', 'deep/d'])}.yaml`;
    const current = fs.existsSync(path.join(dir, target)) && fs.statSync(path.join(dir, target)).isFile() ? fs.readFileSync(path.join(dir, target), 'utf8') : requirements(rng, 'B');
    const step = rng.weighted<Step>([
      [8, 'mutated'],
      [4, 'fresh'],
      [1, 'binary'],
      [1, 'latin1'],
      [1, 'huge'],
      [1, 'empty'],
      [2, 'rename'],
      [1, 'delete'],
      [1, 'folder'],
      [1, 'roadmap'],
    ]);
    switch (step) {
      case 'mutated':
        write(target, mutate(current, rng, 'spec').text);
        break;
      case 'fresh':
        write(target, requirements(rng, rng.pick(['A', 'B', 'C'])));
        break;
      case 'binary':
        write(target, Buffer.from(Array.from({ length: rng.int(1, 3000) }, () => rng.int(0, 255))));
        break;
      case 'latin1':
        write(target, Buffer.from(`${current.replace(/Requirement/g, 'Exigence réalisée')}`, 'latin1'));
        break;
      case 'huge':
        write(target, `${current}  - id: H-1\n    title: ${'x'.repeat(rng.pick([100_000, 400_000]))}\n    roadmap: R-1\n`);
        break;
      case 'empty':
        write(target, '');
        break;
      case 'rename':
        if (files.includes(target)) gitAt(dir, ['mv', '-f', target, `specs/renamed-${n}.yaml`]);
        else write(target, current);
        break;
      case 'delete':
        fs.rmSync(path.join(dir, target), { recursive: true, force: true });
        break;
      case 'folder':
        // The file's path becomes a folder holding a spec file.
        fs.rmSync(path.join(dir, target), { recursive: true, force: true });
        write(`${target}/inner.yaml`, requirements(rng, 'F'));
        break;
      case 'roadmap':
        write('specs/roadmap.yaml', rng.chance(0.5) ? mutate(ROADMAP, rng, 'spec').text : ROADMAP);
        break;
    }
    // A step that changed nothing still commits (an empty commit is not a spec change).
    if (gitAt(dir, ['status', '--porcelain']) === '') gitAt(dir, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', 'nothing'], new Date(time).toISOString());
    else commit(step);
  }
  return { dir, commits };
}

describe('burn-up from randomly damaged git histories', function () {
  // A hang guard only.
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}: a series or a reason for every item and a version or a reason for every review lookup, never an exception; counts and dates well formed`, async () => {
      const { dir, commits } = buildRepo(seed, 35);
      dirs.push(dir);
      const history = new SpecHistory(dir, { trusted: true, env: process.env });
      const order = new Map(commits.map((c, i) => [c.hash, i]));
      for (const item of ['R-1', 'M-1', 'R-2', 'NOPE-1', '']) {
        const result = await history.burnup(item, config);
        if (item === 'R-1') assert.ok(result.ok, `R-1: ${result.ok ? '' : result.reason}`);
        if (!result.ok) {
          assert.ok(typeof result.reason === 'string' && result.reason.trim() !== '', `${item}: an empty reason`);
          continue;
        }
        const points = result.series.points;
        // R-1 has a requirement from the first commit on; an unknown item has a series without points.
        if (item === 'R-1') assert.ok(points.length > 0, 'R-1: no point');
        let lastIndex = -1;
        let lastDay = '';
        for (const p of points) {
          const where = `seed ${seed}, ${item}, ${p.date} ${p.commit.slice(0, 7)}`;
          assert.ok(Number.isInteger(p.scope) && p.scope >= 0, `${where}: scope ${p.scope}`);
          assert.ok(Number.isInteger(p.done) && p.done >= 0 && p.done <= p.scope, `${where}: done ${p.done} of ${p.scope}`);
          assert.match(p.date, /^\d{4}-\d{2}-\d{2}$/, where);
          assert.ok(p.date > lastDay, `${where}: not after ${lastDay}`);
          const index = order.get(p.commit);
          assert.ok(index !== undefined && index > lastIndex, `${where}: not a later commit of the branch`);
          assert.equal(p.date, commits[index].day, `${where}: not the commit's day`);
          assert.ok([...p.entered, ...p.left].every((id) => typeof id === 'string'), where);
          assert.ok(p.notes.every((n) => typeof n === 'string' && !n.includes('\n')), `${where}: ${JSON.stringify(p.notes)}`);
          lastIndex = index;
          lastDay = p.date;
        }
      }
      // Change review's lookups in the same history: a version or a reason for every file that was a spec.
      const review = new GitHistory(dir, { trusted: true, env: process.env });
      const everWritten = gitAt(dir, ['log', '--format=', '--name-only', '--no-renames']).split('\n').filter((f) => f.startsWith('specs/'));
      for (const file of [...new Set(everWritten), 'specs/never.yaml', 'specs']) {
        for (const id of ['A-0', 'A-1', 'B-2', 'H-1']) {
          const found = await review.find(path.join(dir, file), id, (v) => v.status !== 'nonexistent', 'any version');
          if (found.ok) assert.equal(found.version.value.id, id, `${file} ${id}`);
          else assert.ok(found.reason.trim() !== '', `${file} ${id}: an empty reason`);
        }
      }
      // Read again (from the caches): the same answer.
      const again = await new SpecHistory(dir, { trusted: true, env: process.env }).burnup('R-1', config);
      assert.deepEqual(again, await history.burnup('R-1', config));
    });
  }
});
