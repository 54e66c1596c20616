// The change-review commands of the built CLI: baseline, bump (--editorial), review (--path),
// suspects (text, md, json; diffs from a real git repository with commits at fixed dates), check's
// codes in every format and --strict, --folder, refusing a spec file with YAML errors, and
// byte-for-byte preservation of every line an edit does not touch.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitAll, initRepo } from '../support/gitRepo';
import { REPO, ensureBuilt, outputDir, runCli } from './helpers';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'review', 'workspace');

function copyFixture(name: string): string {
  const dir = outputDir(`review-${name}`);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

/** The lines of `after` that are not in `before` (in order), checking every other line is kept byte for byte and in order. */
function insertedOrChanged(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || !b.slice(j + 1).includes(a[i]) || a.slice(i).includes(b[j]) === false)) {
      if (i < a.length && !b.slice(j).includes(a[i])) removed.push(a[i++]);
      added.push(b[j++]);
    } else removed.push(a[i++]);
  }
  return { removed, added };
}

describe('cli: change review', function () {
  this.timeout(60000);
  before(() => ensureBuilt());

  it('check reports the review codes and --strict fails on suspect links', async () => {
    const dir = copyFixture('check');
    const text = await runCli(['check', '--folder', dir]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^specs\/pay\.yaml:6:9 info unbaselined-requirement PAY-1 has no fingerprint yet/m);
    assert.match(text.stdout, /^src\/pay\.ts:5:16 warning suspect-link PAY-2 changed since this link was reviewed \(rev 1 → rev 2\)$/m);
    const strict = await runCli(['check', dir, '--strict']);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /--strict: 1 suspect link/);

    const sarif = JSON.parse((await runCli(['check', dir, '--format', 'sarif'])).stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[] };
    const ruleIds = sarif.runs[0].tool.driver.rules.map((r) => r.id);
    for (const code of ['unbaselined-requirement', 'unrecorded-change', 'suspect-link', 'link-rev-ahead']) assert.ok(ruleIds.includes(code), code);
    assert.deepEqual(
      sarif.runs[0].results.filter((r) => r.ruleId === 'suspect-link').map((r) => r.level),
      ['warning'],
    );
    const junit = (await runCli(['check', dir, '--format', 'junit'])).stdout;
    assert.match(junit, /suspect-link/);
    assert.match(junit, /PAY-2 changed since this link was reviewed \(rev 1 → rev 2\)/);
    const json = JSON.parse((await runCli(['check', dir, '--format', 'json'])).stdout) as { diagnostics: { code: string }[] };
    assert.deepEqual(json.diagnostics.map((d) => d.code).sort(), ['suspect-link', 'unbaselined-requirement', 'unbaselined-requirement']);
  });

  it('baseline writes fingerprints (and rev: 1) and keeps every other byte', async () => {
    const dir = copyFixture('baseline');
    const before = read(dir, 'specs/pay.yaml');
    const r = await runCli(['baseline', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Baselined 2 requirements in 1 file.\n');
    const after = read(dir, 'specs/pay.yaml');
    const diff = insertedOrChanged(before, after);
    assert.deepEqual(diff.removed, []);
    assert.equal(diff.added.length, 3);
    assert.match(diff.added[0], /^ {4}rev: 1$/);
    assert.match(diff.added[1], /^ {4}fingerprint: v1:[0-9a-f]{12}$/);
    assert.match(diff.added[2], /^ {4}fingerprint: v1:[0-9a-f]{12}$/);
    assert.ok(after.includes('  - id: PAY-1   # keep this comment\n    rev: 1\n'));
    // Nothing left to baseline; check is clean of unbaselined-requirement.
    assert.equal((await runCli(['baseline', '--folder', dir])).stdout, 'Every requirement under review already has a fingerprint.\n');
    assert.doesNotMatch((await runCli(['check', dir])).stdout, /unbaselined/);
  });

  it('bump raises rev and refreshes the fingerprint; --editorial only refreshes it; --strict fails on an unrecorded change', async () => {
    const dir = copyFixture('bump');
    await runCli(['baseline', dir]);
    const file = path.join(dir, 'specs/pay.yaml');
    fs.writeFileSync(file, read(dir, 'specs/pay.yaml').replace('charged once', 'charged twice'));
    const strict = await runCli(['check', dir, '--strict']);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /1 unrecorded change/);

    const before = read(dir, 'specs/pay.yaml');
    const editorial = await runCli(['bump', 'PAY-1', '--editorial', '--folder', dir]);
    assert.equal(editorial.code, 0, editorial.stderr);
    const mid = read(dir, 'specs/pay.yaml');
    const d1 = insertedOrChanged(before, mid);
    assert.equal(d1.removed.length, 1);
    assert.match(d1.removed[0], /^ {4}fingerprint: v1:/);
    assert.match(d1.added[0], /^ {4}fingerprint: v1:/);
    assert.match((await runCli(['check', dir])).stdout, /^0 errors, 1 warning/m);

    fs.writeFileSync(file, mid.replace('charged twice', 'charged three times'));
    const bump = await runCli(['bump', 'PAY-1'], { cwd: dir });
    assert.equal(bump.code, 0, bump.stderr);
    assert.equal(bump.stdout, 'Bumped: PAY-1 → rev 2\n');
    assert.match(read(dir, 'specs/pay.yaml'), /- id: PAY-1 {3}# keep this comment\n {4}rev: 2\n {4}fingerprint: v1:[0-9a-f]{12}\n {4}title: "Pay with a saved card"\n/);
    const check = (await runCli(['check', dir])).stdout;
    assert.match(check, /^src\/pay\.ts:2:16 warning suspect-link PAY-1 changed since this link was reviewed \(rev 1 → rev 2\)$/m);
    assert.match(check, /^specs\/pay\.yaml:24:13 warning suspect-link PAY-1/m);
  });

  it('review rewrites only the suffixes of the suspect links, in the files --path selects', async () => {
    const dir = copyFixture('review');
    await runCli(['baseline', dir]);
    await runCli(['bump', 'PAY-1', '--folder', dir]);
    const code = read(dir, 'src/pay.ts');
    const r = await runCli(['review', 'PAY-1', 'PAY-2', '--path', 'src/**', '--folder', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Marked 3 links reviewed in 1 file.\n');
    assert.equal(read(dir, 'src/pay.ts'), code.replace('// @implements PAY-1\n', '// @implements PAY-1@2\n').replace('PAY-2@1, PAY-1 */', 'PAY-2@2, PAY-1@2 */'));
    assert.equal(read(dir, 'tests/test_pay.py'), read(FIXTURE, 'tests/test_pay.py'));
    const all = await runCli(['review', 'PAY-1', '--folder', dir]);
    assert.equal(all.stdout, 'Marked 3 links reviewed in 2 files.\n');
    assert.match(read(dir, 'specs/pay.yaml'), /\n {4}parent: PAY-1@2\n {4}depends_on: \[ PAY-1@2 \]\n/);
    const clean = await runCli(['check', dir, '--strict']);
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(clean.stdout, 'No problems found (3 requirements, 4 files scanned)\n');
  });

  it('refuses to edit a spec file with YAML errors and says which', async () => {
    const dir = copyFixture('yaml-errors');
    const broken = `${read(dir, 'specs/pay.yaml')}  - id: [oops\n`;
    fs.writeFileSync(path.join(dir, 'specs/pay.yaml'), broken);
    const r = await runCli(['baseline', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^spectrace: not editing specs\/pay\.yaml: it has YAML errors \(line \d+: .+\); fix them first$/m);
    assert.equal(read(dir, 'specs/pay.yaml'), broken);
  });

  it('exits 2 for review off, an unknown ID, a missing ID list or the folder given twice', async () => {
    const off = copyFixture('off');
    fs.writeFileSync(path.join(off, 'spectrace.yaml'), '# no review\n');
    const r = await runCli(['baseline', off]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /change review is off/);
    const dir = copyFixture('usage');
    assert.equal((await runCli(['bump', 'NOPE-1', '--folder', dir])).code, 2);
    assert.equal((await runCli(['review', '--folder', dir])).code, 2);
    assert.equal((await runCli(['check', dir, '--folder', dir])).code, 2);
    assert.equal((await runCli(['bump', 'PAY-1', '--path', 'x', '--folder', dir])).code, 2);
  });

  it('suspects lists every suspect link with its word diff from git history, as text, md and json', async () => {
    const dir = copyFixture('suspects');
    initRepo(dir);
    await runCli(['baseline', dir]);
    commitAll(dir, 'Baseline', '2026-01-05T10:00:00Z');
    const file = path.join(dir, 'specs/pay.yaml');
    fs.writeFileSync(file, read(dir, 'specs/pay.yaml').replace('charged once', 'charged twice'));
    await runCli(['bump', 'PAY-1', '--folder', dir]);
    commitAll(dir, 'PAY-1 charges twice', '2026-01-06T10:00:00Z');

    const text = await runCli(['suspects', dir]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^src\/pay\.ts:2:16 implements PAY-1 \(rev 1 → rev 2\): Pay with a saved card\n {4}title:\n {4}Pay with a saved card\n\n {4}description:\n {4}The saved card is charged \[-once,-\]\{\+twice,\+\} without asking for its number again\.\n/m);
    assert.match(text.stdout, /^src\/pay\.ts:5:16 implements PAY-2 \(rev 1 → rev 2\): Refund a payment\n {4}\(no diff: no committed version of specs\/pay\.yaml has PAY-2 with rev 1\)$/m);
    assert.match(text.stdout, /^6 suspect links$/m);

    const md = (await runCli(['suspects', dir, '--format', 'md'])).stdout;
    assert.match(md, /^### Suspect links \(6\)$/m);
    assert.match(md, /^> The saved card is charged ~~once,~~ \*\*twice,\*\* without asking for its number again\.$/m);

    const json = JSON.parse((await runCli(['suspects', '--folder', dir, '--format', 'json'])).stdout) as { suspectLinks: { id: string; file: string; line: number; diff?: { kind: string; text: string }[]; diffUnavailable?: string }[] };
    const first = json.suspectLinks.find((l) => l.id === 'PAY-1' && l.file === 'src/pay.ts' && l.line === 2);
    assert.deepEqual(first?.diff?.filter((p) => p.kind !== 'same'), [
      { kind: 'removed', text: 'once,' },
      { kind: 'added', text: 'twice,' },
    ]);
  });

  it('suspects says why there is no diff outside a git repository', async () => {
    const dir = copyFixture('no-git');
    fs.writeFileSync(path.join(dir, 'specs/pay.yaml'), read(dir, 'specs/pay.yaml').replace('  - id: PAY-1   # keep this comment', '  - id: PAY-1   # keep this comment\n    rev: 2'));
    const r = await runCli(['suspects', dir], { env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\(no diff: the workspace folder is not in a git repository\)/);
  });
});
