// `include:` in spectrace.yaml on a folder checked alone (test/fixtures/cli/include): the included
// folders' specs resolve the folder's tags, their code counts only with `code: true`, the report
// shows the whole trace, and a folder that cannot be read is an invalid-config error on its line
// while the rest still works.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, ensureBuilt, outputDir, runCli } from './helpers';

const FIXTURE = path.join(FIXTURES, 'include');

interface ReportJson {
  requirements: { id: string; file: string; implementations: { file: string }[]; tests: { file: string }[] }[];
}

function copyFixture(name: string): string {
  const dir = outputDir(name);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('spectrace check and report with include:', function () {
  this.timeout(30_000);
  before(ensureBuilt);

  it('resolves the service’s tags against the included specs: the check passes', async () => {
    const r = await runCli(['check', path.join(FIXTURE, 'service')]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /unknown-code-reference/);
    // product-specs has an error of its own (PAY-3's priority): read-only, it is not this folder's to report.
    assert.doesNotMatch(r.stdout, /schema/);
  });

  it('reports the whole trace: included requirements with the code of every folder that counts', async () => {
    const r = await runCli(['report', path.join(FIXTURE, 'service'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as ReportJson;
    const rows = Object.fromEntries(report.requirements.map((q) => [q.id, [q.file, q.implementations.map((l) => l.file), q.tests.map((l) => l.file)]]));
    assert.deepEqual(rows, {
      'PAY-1': ['product-specs/specs/payments.yaml', ['service/src/pay.ts'], ['service/test/pay.test.ts']],
      'PAY-2': ['product-specs/specs/payments.yaml', ['web/src/cards.ts'], ['service/test/pay.test.ts']],
      'PAY-3': ['product-specs/specs/payments.yaml', [], []],
    });
  });

  it('leaves an included folder’s code out unless code: true', async () => {
    const dir = copyFixture('include-no-code');
    const config = path.join(dir, 'service', 'spectrace.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('    code: true\n', ''));
    const r = await runCli(['report', path.join(dir, 'service'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const pay2 = (JSON.parse(r.stdout) as ReportJson).requirements.find((q) => q.id === 'PAY-2');
    assert.deepEqual(pay2?.implementations, []);
  });

  it('reports a folder it cannot read as invalid-config on that line; the other includes still work', async () => {
    const dir = copyFixture('include-missing');
    const config = path.join(dir, 'service', 'spectrace.yaml');
    fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8')}  - ../no-such-folder\n`);
    const line = fs.readFileSync(config, 'utf8').split('\n').indexOf('  - ../no-such-folder') + 1;
    const r = await runCli(['check', path.join(dir, 'service')]);
    assert.equal(r.code, 2, 'a broken config: the check did not run as configured');
    assert.match(r.stdout, new RegExp(`^spectrace\\.yaml:${line}:5 error invalid-config include: cannot read folder '\\.\\./no-such-folder' \\(no such folder\\); its specs are not part of this trace$`, 'm'));
    assert.doesNotMatch(r.stdout, /unknown-code-reference/);
  });

  it('reports a wrongly written entry with the config’s own validation', async () => {
    const dir = copyFixture('include-bad-entry');
    const config = path.join(dir, 'service', 'spectrace.yaml');
    fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8')}  - { folder: ../web }\n`);
    const r = await runCli(['check', path.join(dir, 'service')]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /spectrace\.yaml:9:\d+ error invalid-config /);
    assert.doesNotMatch(r.stdout, /unknown-code-reference/);
  });

  it('refuses a folder that holds this one (.., /, the folder itself) without reading it: one invalid-config per entry', async () => {
    const dir = copyFixture('include-ancestor');
    const config = path.join(dir, 'service', 'spectrace.yaml');
    fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8')}  - ..\n  - /\n  - ${'../'.repeat(40)}\n  - .\n`);
    const lines = fs.readFileSync(config, 'utf8').split('\n');
    const r = await runCli(['check', path.join(dir, 'service')]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    for (const entry of ['..', '/', '../'.repeat(40)]) {
      const line = lines.indexOf(`  - ${entry}`) + 1;
      assert.ok(r.stdout.includes(`spectrace.yaml:${line}:5 error invalid-config include: '${entry}' holds this folder; name the folders beside it instead`), r.stdout);
    }
    assert.ok(r.stdout.includes(`spectrace.yaml:${lines.indexOf('  - .') + 1}:5 error invalid-config include: '.' is this folder itself`), r.stdout);
    // The other includes still resolve the service's tags.
    assert.doesNotMatch(r.stdout, /unknown-code-reference/);
  });
});
