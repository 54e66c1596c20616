// SARIF for GitHub code scanning, checked by Microsoft's SARIF Multitool (the specification's rules and
// GitHub's ingestion rules): clean at error and warning level, with the checked commit
// (versionControlProvenance) read from a real git repository, without running anything a hostile
// .git/config names, and still valid without git.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Run } from 'sarif';
import { EXAMPLES, FIXTURES, ensureBuilt, runCli } from './helpers';
import { multitoolFindings, multitoolProblems } from './sarifMultitool';
import { sarifValidator } from './sarifSchema';

const FIXED_DATE = '2026-01-15T10:00:00Z';

/** git with a fixed identity and dates, so the commit is the same on every run. */
function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Spectrace Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Spectrace Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_AUTHOR_DATE: FIXED_DATE,
      GIT_COMMITTER_DATE: FIXED_DATE,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: os.devNull,
    },
  }).trim();
}

/** A temp folder (outside any work tree) holding a copy of a fixture workspace under `sub`, if given. */
function workspaceCopy(from: string, sub = ''): { root: string; folder: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-sarif-')));
  const folder = path.join(root, sub);
  fs.cpSync(from, folder, { recursive: true });
  return { root, folder };
}

/** A repository with one commit of the copied workspace on branch `main`. */
function committedRepository(from: string, sub = ''): { root: string; folder: string; head: string } {
  const { root, folder } = workspaceCopy(from, sub);
  git(root, ['init', '--quiet', '--initial-branch=main']);
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '--message', 'Specs']);
  return { root, folder, head: git(root, ['rev-parse', 'HEAD']) };
}

async function checkSarif(folder: string, extra: readonly string[] = [], env: Record<string, string> = {}): Promise<{ log: Log; run: Run; stdout: string; stderr: string }> {
  const r = await runCli(['check', folder, '--format', 'sarif', ...extra], { env });
  assert.ok(r.code === 0 || r.code === 1, `exit code ${r.code}: ${r.stderr}`);
  const log = JSON.parse(r.stdout) as Log;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const run = log.runs[0];
  assert.ok(run);
  return { log, run, stdout: r.stdout, stderr: r.stderr };
}

describe('SARIF for code scanning (SARIF Multitool)', function () {
  // The multitool is a .NET program that starts in about a second; no timing is asserted.
  this.timeout(120_000);
  const made: string[] = [];
  const track = <T extends { root: string }>(w: T): T => {
    made.push(w.root);
    return w;
  };

  before(ensureBuilt);
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the multitool reports a rule whose name equals its id (the oracle sees what it should)', async () => {
    const { stdout } = await checkSarif(path.join(FIXTURES, 'sorted'));
    const log = JSON.parse(stdout) as Log;
    const rule = log.runs[0]?.tool.driver.rules?.[0];
    assert.ok(rule);
    rule.name = rule.id;
    const findings = await multitoolFindings(JSON.stringify(log));
    assert.ok(findings.some((f) => f.ruleId === 'SARIF1001' && f.level === 'warning'), JSON.stringify(findings));
  });

  it('a check in a git repository: clean SARIF naming the commit, the branch and the remote without credentials', async () => {
    const repo = track(committedRepository(path.join(EXAMPLES, 'acme-shop')));
    git(repo.root, ['remote', 'add', 'origin', 'https://ci-user:s3cret-token@example.com/acme/shop.git']);
    const { run, stdout } = await checkSarif(repo.folder);
    assert.deepEqual(run.versionControlProvenance, [{ repositoryUri: 'https://example.com/acme/shop.git', revisionId: repo.head, branch: 'main', mappedTo: { uriBaseId: '%SRCROOT%' } }]);
    assert.doesNotMatch(stdout, /s3cret-token|ci-user/, 'the remote credentials stay out of the SARIF');
    assert.deepEqual(await multitoolProblems(stdout), []);
    const rules = run.tool.driver.rules ?? [];
    for (const rule of rules) {
      assert.ok(rule.name && rule.name.toLowerCase() !== rule.id.toLowerCase() && /^[A-Z][A-Za-z]+$/.test(rule.name), `${rule.id}: name ${rule.name}`);
      assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text, rule.id);
      assert.match(rule.helpUri ?? '', new RegExp(`/blob/main/docs/rules\\.md#${rule.id}$`));
    }
  });

  it('a check of a subfolder of the repository maps its paths to repository paths', async () => {
    const repo = track(committedRepository(path.join(EXAMPLES, 'acme-shop'), 'product/acme shop'));
    const { run, stdout } = await checkSarif(repo.folder);
    assert.deepEqual(run.originalUriBaseIds, {
      REPOROOT: { uri: `${pathToFileURL(repo.root).href}/` },
      '%SRCROOT%': { uri: 'product/acme%20shop/', uriBaseId: 'REPOROOT' },
    });
    // Without a remote, the work tree itself names the repository.
    assert.deepEqual(run.versionControlProvenance, [{ repositoryUri: pathToFileURL(repo.root).href, revisionId: repo.head, branch: 'main', mappedTo: { uriBaseId: 'REPOROOT' } }]);
    assert.deepEqual(await multitoolProblems(stdout), []);
  });

  it('a hostile .git/config (fsmonitor, textconv, external diff) runs nothing', async () => {
    const repo = track(committedRepository(path.join(FIXTURES, 'sorted')));
    const marker = path.join(repo.root, 'ran');
    const script = path.join(repo.root, 'hostile.sh');
    fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`, { mode: 0o755 });
    git(repo.root, ['config', 'core.fsmonitor', script]);
    git(repo.root, ['config', 'diff.external', script]);
    git(repo.root, ['config', 'diff.hostile.textconv', script]);
    fs.writeFileSync(path.join(repo.root, '.git', 'info', 'attributes'), '* diff=hostile\n');
    // The config is live: a plain `git status` runs the fsmonitor hook.
    execFileSync('git', ['status', '--porcelain'], { cwd: repo.root, stdio: 'ignore' });
    assert.ok(fs.existsSync(marker), 'the hostile config runs its script for an unguarded git');
    fs.rmSync(marker);
    // A changed file gives a diff something to convert.
    fs.appendFileSync(path.join(repo.folder, 'specs', 'a.yaml'), '\n# edited\n');

    const { run, stdout } = await checkSarif(repo.folder, ['--verbose']);
    assert.equal(fs.existsSync(marker), false, `spectrace ran the repository's script: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
    assert.equal(run.versionControlProvenance?.[0]?.revisionId, repo.head);
    assert.deepEqual(await multitoolProblems(stdout), []);
  });

  it('a folder outside git: valid SARIF without provenance, and a note on stderr only with --verbose', async () => {
    const plain = track(workspaceCopy(path.join(FIXTURES, 'sorted')));
    const quiet = await checkSarif(plain.folder);
    assert.equal(quiet.run.versionControlProvenance, undefined);
    assert.equal(quiet.stderr, '');
    assert.deepEqual(await multitoolProblems(quiet.stdout), []);
    const verbose = await checkSarif(plain.folder, ['--verbose']);
    assert.match(verbose.stderr, /^spectrace: note: the SARIF names no commit \(versionControlProvenance\): .*not a git repository/im);
    assert.equal(verbose.stdout, quiet.stdout, 'stdout is the SARIF alone');
  });

  it('a repository git refuses (another user owns it): no provenance, and what to do said without --verbose', async () => {
    const repo = track(committedRepository(path.join(FIXTURES, 'sorted')));
    // git's own switch for its ownership check: as if another user owned the repository.
    const { run, stdout, stderr } = await checkSarif(repo.folder, [], { GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' });
    assert.equal(run.versionControlProvenance, undefined);
    assert.match(stderr, /^spectrace: note: the SARIF names no commit \(versionControlProvenance\): git refuses to read the repository at '.+' because another user owns it; if you trust it, run: git config --global --add safe\.directory '.+'\n$/);
    assert.deepEqual(await multitoolProblems(stdout), []);
  });

  it('without git on PATH: the same SARIF without provenance, and the reason with --verbose', async () => {
    const repo = track(committedRepository(path.join(FIXTURES, 'sorted')));
    const emptyBin = path.join(repo.root, 'no-git-here');
    fs.mkdirSync(emptyBin);
    const { run, stdout, stderr } = await checkSarif(repo.folder, ['--verbose'], { PATH: emptyBin });
    assert.equal(run.versionControlProvenance, undefined);
    assert.match(stderr, /the SARIF names no commit \(versionControlProvenance\): git is not installed \(or not on PATH\)/);
    assert.deepEqual(await multitoolProblems(stdout), []);
  });

  for (const [name, folder] of [
    ['a duplicate ID (related locations)', path.join(EXAMPLES, 'broken', 'duplicate-id')],
    ['a broken config', path.join(FIXTURES, 'broken-config')],
    ['titles with markup and control characters', path.join(FIXTURES, 'hostile-titles')],
  ] as const) {
    it(`clean for ${name}`, async () => {
      const copy = track(workspaceCopy(folder));
      const r = await runCli(['check', copy.folder, '--format', 'sarif']);
      assert.ok(r.stdout.startsWith('{'), r.stderr);
      assert.deepEqual(await multitoolProblems(r.stdout), []);
    });
  }
});
