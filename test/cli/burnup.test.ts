// `spectrace burnup` on a real git history built at fixed dates: the hand-computed series as CSV and
// JSON, --out, and exit 2 with a reason for a folder without history, a shallow clone and an unknown
// roadmap item.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBurnupRepo, expectedSeries } from '../support/burnupRepo';
import type { BurnupRepo } from '../support/burnupRepo';
import { assertNoStackTrace, ensureBuilt, outputDir, runCli } from './helpers';

describe('spectrace burnup', function () {
  this.timeout(60000);
  let repo: BurnupRepo;
  before(() => {
    ensureBuilt();
    repo = buildBurnupRepo();
  });
  after(() => fs.rmSync(repo.dir, { recursive: true, force: true }));

  it('prints the hand-computed series as CSV, one row per day', async () => {
    const r = await runCli(['burnup', 'R-1', repo.dir]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'date,commit,scope,done,entered,left,notes');
    const rows = lines.slice(1).map((l) => l.split(','));
    assert.deepEqual(
      rows.map((c) => c.slice(0, 6)),
      expectedSeries(repo).map((p) => [p.date, p.commit, String(p.scope), String(p.done), p.entered.join(' '), p.left.join(' ')]),
    );
    assert.match(lines[4], /,"?specs\/reqs\.yaml does not parse at [0-9a-f]{7} \(line \d+: /);
  });

  it('prints the same numbers as JSON and writes --out', async () => {
    const r = await runCli(['burnup', 'R-1', '--folder', repo.dir, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { item: string; points: { date: string; commit: string; scope: number; done: number; entered: string[]; left: string[]; notes: string[] }[] };
    assert.equal(json.item, 'R-1');
    assert.deepEqual(
      json.points.map(({ notes: _n, ...p }) => p),
      expectedSeries(repo),
    );
    const out = path.join(outputDir('burnup'), 'r1.csv');
    const written = await runCli(['burnup', 'R-1', repo.dir, '--out', out]);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stdout, /^Burn-up of R-1 \(7 points\) written to /);
    assert.equal(fs.readFileSync(out, 'utf8').split('\n').length, 9);
  });

  it('exits 2 with the reason when there is no history: no repository, a shallow clone, a repository another user owns', async () => {
    const plain = outputDir('burnup-plain');
    fs.cpSync(path.join(repo.dir, 'specs'), path.join(plain, 'specs'), { recursive: true });
    const none = await runCli(['burnup', 'R-1', plain], { env: { GIT_CEILING_DIRECTORIES: path.dirname(plain) } });
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
    assert.equal(none.stderr, 'spectrace: no burn-up for R-1: the workspace folder is not in a git repository, so there is no history to draw\n');
    const shallow = path.join(outputDir('burnup-shallow'), 'clone');
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, shallow]);
    const cut = await runCli(['burnup', 'R-1', shallow]);
    assert.equal(cut.code, 2);
    assert.match(cut.stderr, /^spectrace: no burn-up for R-1: this is a shallow clone/);
    assertNoStackTrace(cut.stderr);
    // git's own switch for its ownership check: as if another user owned the repository.
    const foreign = await runCli(['burnup', 'R-1', repo.dir], { env: { GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' } });
    assert.equal(foreign.code, 2);
    assert.equal(
      foreign.stderr,
      `spectrace: no burn-up for R-1: git refuses to read the repository at '${fs.realpathSync(repo.dir)}' because another user owns it; if you trust it, run: git config --global --add safe.directory '${fs.realpathSync(repo.dir)}'\n`,
    );
  });

  it('prints no row, with a note, for a roadmap item that is in no commit yet', async () => {
    const dir = outputDir('burnup-uncommitted');
    execFileSync('git', ['clone', '--quiet', repo.dir, dir]);
    fs.appendFileSync(path.join(dir, 'specs/roadmap.yaml'), '  - id: R-9\n    title: Not committed\n');
    const r = await runCli(['burnup', 'R-9', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'date,commit,scope,done,entered,left,notes\n');
    assert.equal(r.stderr, 'spectrace: note: R-9 is in no commit yet, so its burn-up has no point (commit the spec files)\n');
  });

  it('exits 2 for an unknown roadmap item (with a did-you-mean) and for a missing one', async () => {
    const r = await runCli(['burnup', 'R-3', repo.dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^spectrace: 'R-3' is not a roadmap item, now or in the history \(did you mean R-1\?\)\n/);
    const missing = await runCli(['burnup']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^spectrace: missing roadmap item: use 'spectrace burnup <roadmap-id> \[folder\]'/);
    const help = await runCli(['burnup', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: spectrace burnup <roadmap-id>/);
  });

  it('embeds each release\'s burn-up in the HTML report as inline SVG, or says why there is none', async () => {
    const r = await runCli(['report', repo.dir, '--format', 'html']);
    assert.equal(r.code, 0, r.stderr);
    const figures = r.stdout.match(/<figure class="burnup-figure"><svg [^>]*aria-label="Burn-up of (R-\d)[^"]*"/g) ?? [];
    assert.equal(figures.length, 2, 'R-1 and R-2 (the items of type release)');
    assert.match(r.stdout, /<rect class="burnup-step"[^>]*data-date="2026-01-13"><title>2026-01-13 \([0-9a-f]{7}\): scope 2, done 1\nleft: A-1<\/title><\/rect>/);
    assert.ok(!r.stdout.includes('<script'), 'no script');
    const plain = outputDir('burnup-report-plain');
    fs.cpSync(path.join(repo.dir, 'specs'), path.join(plain, 'specs'), { recursive: true });
    const none = await runCli(['report', plain, '--format', 'html'], { env: { GIT_CEILING_DIRECTORIES: path.dirname(plain) } });
    assert.equal(none.code, 0, none.stderr);
    assert.match(none.stdout, /<p class="none">Burn-up of R-1 First release: no chart, the workspace folder is not in a git repository, so there is no history to draw\.<\/p>/);
  });
});
