// The burn-up read from real git histories built at fixed dates: the hand-computed series (same-day
// commits, a move between releases, a rename, a YAML error, a deletion, a merge), the caches (a second
// reading and a new commit read only new blobs; a persisted cache reads none), and every reason there
// is no series (untrusted, no repository, a shallow clone, no git), with a hostile .git/config that
// must run nothing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SpecHistory } from '../../../server/src/disk/specHistory';
import { defaultConfig, parseConfig } from '../../../server/src/engine/config/config';
import type { BurnupResult } from '../../../server/src/engine/releases/burnupSource';
import type { BurnupSeries } from '../../../server/src/engine/releases/burnup';
import { buildBurnupRepo, expectedSeries } from '../../support/burnupRepo';
import type { BurnupRepo } from '../../support/burnupRepo';
import { commitAll, gitAt } from '../../support/gitRepo';

const config = parseConfig('spectrace.yaml', 'specs: ["specs/**/*.yaml"]\n').config;

function series(result: BurnupResult): BurnupSeries {
  if (!result.ok) assert.fail(`no series: ${result.reason}`);
  return result.series;
}

function withoutNotes(s: BurnupSeries) {
  return s.points.map(({ notes: _notes, ...p }) => p);
}

describe('burn-up from git history', function () {
  let repo: BurnupRepo;
  const temps: string[] = [];
  before(() => {
    repo = buildBurnupRepo();
    temps.push(repo.dir);
  });
  after(() => {
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  function temp(): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-burnup-t-')));
    temps.push(dir);
    return dir;
  }

  it('equals the hand-computed series: same-day commits, a move between releases, a rename, a YAML error, a deletion, a merge', async () => {
    const s = series(await new SpecHistory(repo.dir, { trusted: true, env: process.env }).burnup('R-1', config));
    assert.deepEqual(withoutNotes(s), expectedSeries(repo));
    assert.deepEqual(
      s.points.map((p) => p.notes.length),
      repo.expected.map((p) => p.notes),
    );
    assert.match(s.points[3].notes[0], new RegExp(`^specs/reqs\\.yaml does not parse at ${repo.commits.c5.slice(0, 7)} \\(line \\d+: .+\\): its version of ${repo.commits.c3.slice(0, 7)} is used$`));
  });

  it('draws a child item over its own subtree only', async () => {
    const s = series(await new SpecHistory(repo.dir, { trusted: true, env: process.env }).burnup('M-1', config));
    assert.deepEqual(
      s.points.map((p) => [p.date, p.scope, p.done]),
      [
        ['2026-01-05', 1, 0],
        ['2026-01-07', 2, 1],
        ['2026-01-08', 2, 1],
        ['2026-01-09', 2, 1],
        ['2026-01-10', 1, 0],
        ['2026-01-11', 1, 0],
        ['2026-01-13', 1, 1],
      ],
    );
  });

  it('reads each blob once: a second reading reads nothing, a new commit only its own blob, a persisted cache nothing', async () => {
    const dir = temp();
    execFileSync('git', ['clone', '--quiet', repo.dir, dir]);
    const storageDir = temp();
    const history = new SpecHistory(dir, { trusted: true, env: process.env, storageDir });
    const first = series(await history.burnup('R-1', config));
    const cold = history.blobsRead;
    assert.ok(cold >= 6, `read ${cold} blobs`);
    await history.burnup('R-1', config);
    assert.equal(history.blobsRead, cold);
    fs.appendFileSync(path.join(dir, 'specs/reqs.yaml'), '  - id: A-4\n    title: New\n    type: story\n    status: draft\n    roadmap: M-2\n');
    const added = commitAll(dir, 'A-4', '2026-01-14T10:00:00Z');
    const next = series(await history.burnup('R-1', config));
    assert.equal(history.blobsRead, cold + 1);
    assert.deepEqual(next.points.slice(0, -1), first.points);
    assert.deepEqual(withoutNotes({ item: 'R-1', points: next.points.slice(-1) }), [{ date: '2026-01-14', commit: added, scope: 3, done: 1, entered: ['A-4'], left: [] }]);
    await history.idle();
    const reopened = new SpecHistory(dir, { trusted: true, env: process.env, storageDir });
    assert.deepEqual(series(await reopened.burnup('R-1', config)), next);
    assert.equal(reopened.blobsRead, 0);
  });

  it('walks again from scratch when HEAD is not a descendant of the walk it kept', async () => {
    const dir = temp();
    execFileSync('git', ['clone', '--quiet', repo.dir, dir]);
    const history = new SpecHistory(dir, { trusted: true, env: process.env });
    series(await history.burnup('R-1', config));
    gitAt(dir, ['checkout', '--quiet', '--detach', repo.commits.c4]);
    const s = series(await history.burnup('R-1', config));
    assert.deepEqual(withoutNotes(s), expectedSeries(repo).slice(0, 3));
  });

  it('walks from scratch when the kept HEAD no longer exists (a persisted cache from before a rebase and a gc)', async () => {
    const storageDir = temp();
    const first = new SpecHistory(repo.dir, { trusted: true, env: process.env, storageDir });
    const expected = series(await first.burnup('R-1', config));
    await first.idle();
    const [file] = fs.readdirSync(storageDir).filter((f) => f.startsWith('spec-history-'));
    const cache = JSON.parse(fs.readFileSync(path.join(storageDir, file), 'utf8')) as { walk: { head: string } };
    cache.walk.head = 'f'.repeat(40);
    fs.writeFileSync(path.join(storageDir, file), JSON.stringify(cache));
    const reopened = new SpecHistory(repo.dir, { trusted: true, env: process.env, storageDir });
    assert.deepEqual(series(await reopened.burnup('R-1', config)), expected);
    assert.equal(reopened.blobsRead, 0, 'the versions still come from the cache');
  });

  it('gives a reason, not a series, when the workspace is untrusted, not a repository, a shallow clone or git is missing', async () => {
    const untrusted = await new SpecHistory(repo.dir, { trusted: false, env: process.env }).burnup('R-1', config);
    assert.deepEqual(untrusted, { ok: false, reason: 'the workspace is not trusted: Spectrace runs no git in it, so there is no burn-up' });
    const plain = temp();
    const notRepo = await new SpecHistory(plain, { trusted: true, env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(plain) } }).burnup('R-1', config);
    assert.equal(notRepo.ok, false);
    assert.match(notRepo.ok ? '' : notRepo.reason, /not in a git repository/);
    const shallow = path.join(temp(), 'shallow');
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, shallow]);
    const cut = await new SpecHistory(shallow, { trusted: true, env: process.env }).burnup('R-1', config);
    assert.match(cut.ok ? '' : cut.reason, /shallow clone/);
    const noGit = await new SpecHistory(repo.dir, { trusted: true, env: { ...process.env, PATH: plain } }).burnup('R-1', config);
    assert.match(noGit.ok ? '' : noGit.reason, /git is not installed/);
    const noSpecs = await new SpecHistory(repo.dir, { trusted: true, env: process.env }).burnup('R-1', { ...defaultConfig(), specs: ['elsewhere/**/*.yaml'] });
    assert.deepEqual(noSpecs, { ok: false, reason: 'no commit on this branch touches the spec files yet' });
  });

  it('runs nothing a hostile .git/config or .gitattributes names', async () => {
    const dir = temp();
    execFileSync('git', ['clone', '--quiet', repo.dir, dir]);
    const marker = path.join(dir, 'pwned');
    const script = path.join(dir, 'evil.sh');
    fs.writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    const hostile = [
      ['core.fsmonitor', script],
      ['core.pager', script],
      ['diff.external', script],
      ['diff.evil.textconv', script],
      ['log.showSignature', 'true'],
      ['gpg.program', script],
      ['core.sshCommand', script],
    ];
    for (const [key, value] of hostile) gitAt(dir, ['config', key, value]);
    fs.writeFileSync(path.join(dir, '.git/info/attributes'), '*.yaml diff=evil\n');
    const s = series(await new SpecHistory(dir, { trusted: true, env: process.env }).burnup('R-1', config));
    assert.deepEqual(withoutNotes(s), expectedSeries(repo));
    assert.equal(fs.existsSync(marker), false, 'a command from .git/config ran');
  });
});
