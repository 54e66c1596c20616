// Trace files and `spectrace merge` on three real git repositories built from test/fixtures/cli/merge
// (one with the specs, two services with tags): each writes its trace file with its name and commit,
// and the merge gives the same trace as one repository holding all three folders, in every format.
// Bad trace files are refused with a message saying why.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { commitAll, initRepo } from '../support/gitRepo';
import { FIXTURES, ensureBuilt, outputDir, runCli } from './helpers';

const FIXTURE = path.join(FIXTURES, 'merge');
const REPOS = ['specs', 'service-a', 'service-b'] as const;
const TODAY = '2026-11-28';

interface TraceJson {
  format: number;
  source: { name: string; commit: string | null; branch: string | null; repository: string | null; folder: string };
  requirements: { id: string; file: string; line: number; repoPath: string }[];
  tags: { id: string; kind: string; file: string; line: number; repoPath: string }[];
  diagnostics: { file: string; code: string }[];
}

interface ReportJson {
  totals: unknown;
  requirements: unknown[];
  roadmap: unknown[];
}

describe('spectrace check --format trace and spectrace merge', function () {
  this.timeout(60_000);
  let dir: string;
  let traces: string[];
  const commits: Record<string, string> = {};
  let together: string;

  before(async () => {
    ensureBuilt();
    dir = outputDir('merge');
    for (const repo of REPOS) {
      const at = path.join(dir, repo);
      fs.cpSync(path.join(FIXTURE, repo), at, { recursive: true });
      initRepo(at);
      commits[repo] = commitAll(at, `${repo}: first commit`, '2026-01-05T10:00:00Z');
    }
    execFileSync('git', ['remote', 'add', 'origin', 'https://ci-bot:secret@example.invalid/org/service-a.git'], { cwd: path.join(dir, 'service-a') });
    traces = [];
    for (const repo of REPOS) {
      const out = path.join(dir, `${repo}.trace.json`);
      const r = await runCli(['check', path.join(dir, repo), '--format', 'trace', '--out', out, '--today', TODAY]);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      traces.push(out);
    }
    // One repository holding everything: the three folders side by side under one spectrace.yaml.
    together = path.join(dir, 'together');
    for (const repo of REPOS) fs.cpSync(path.join(FIXTURE, repo), path.join(together, repo), { recursive: true });
    for (const repo of REPOS) fs.rmSync(path.join(together, repo, 'spectrace.yaml'));
    fs.copyFileSync(path.join(FIXTURE, 'one-repository.yaml'), path.join(together, 'spectrace.yaml'));
  });

  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as TraceJson;

  it('writes a self-contained trace file: format 1, name and commit from git, requirements, tags, diagnostics', () => {
    const specs = read(traces[0]);
    assert.equal(specs.format, 1);
    assert.deepEqual(specs.source, { name: 'specs', commit: commits.specs, branch: 'main', repository: null, folder: '' });
    assert.deepEqual(specs.requirements.map((r) => [r.id, r.repoPath, r.line]), [
      ['PAY-1', 'specs/payments.yaml', 4],
      ['PAY-2', 'specs/payments.yaml', 9],
      ['PAY-3', 'specs/payments.yaml', 14],
      ['PAY-4', 'specs/payments.yaml', 19],
    ]);
    const a = read(traces[1]);
    assert.equal(a.source.commit, commits['service-a']);
    assert.equal(a.source.repository, 'https://example.invalid/org/service-a.git', 'the remote, without its credentials');
    assert.deepEqual(a.tags.map((t) => [t.kind, t.id, `${t.repoPath}:${t.line}`]), [
      ['implements', 'PAY-1', 'src/pay.ts:2'],
      ['implements', 'PAY-2', 'src/pay.ts:5'],
      ['implements', 'PAY-99', 'src/pay.ts:8'],
      ['verifies', 'PAY-2', 'test/cards.test.ts:1'],
    ]);
    assert.ok(a.diagnostics.some((d) => d.code === 'unknown-code-reference'), 'alone, the service knows no requirement');
  });

  it('takes the name from --source-name, and names no commit outside git', async () => {
    const plain = path.join(dir, 'plain');
    fs.cpSync(path.join(FIXTURE, 'service-b'), plain, { recursive: true });
    const out = path.join(dir, 'plain.trace.json');
    const r = await runCli(['check', plain, '--format', 'trace', '--source-name', 'billing', '--out', out], { env: { GIT_CEILING_DIRECTORIES: dir } });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.deepEqual(read(out).source, { name: 'billing', commit: null, branch: null, repository: null, folder: '' });
  });

  it('a folder inside a repository: repoPath and the merged paths start at the repository’s top', async () => {
    const mono = path.join(dir, 'mono');
    fs.cpSync(path.join(FIXTURE, 'service-b'), path.join(mono, 'billing'), { recursive: true });
    initRepo(mono);
    commitAll(mono, 'mono: first commit', '2026-01-06T10:00:00Z');
    const out = path.join(dir, 'mono.trace.json');
    const r = await runCli(['check', path.join(mono, 'billing'), '--format', 'trace', '--out', out]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const trace = read(out);
    assert.deepEqual([trace.source.name, trace.source.folder], ['mono', 'billing']);
    assert.deepEqual(trace.tags.map((t) => `${t.file} ${t.repoPath}`), ['src/refund.ts billing/src/refund.ts', 'test/checkout.test.ts billing/test/checkout.test.ts']);
    const m = await runCli(['merge', traces[0], out, '--format', 'json']);
    const pay3 = (JSON.parse(m.stdout) as { requirements: { id: string; implementations: { file: string }[] }[] }).requirements.find((q) => q.id === 'PAY-3');
    assert.deepEqual(pay3?.implementations.map((l) => l.file), ['mono/billing/src/refund.ts']);
  });

  async function merged(format: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return runCli(['merge', ...traces, '--format', format, '--today', TODAY]);
  }

  async function single(command: 'check' | 'report', format: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return runCli([command, together, '--format', format, '--today', TODAY]);
  }

  it('json: the same requirements, links, coverage and totals as one repository holding everything', async () => {
    const m = await merged('json');
    const one = await single('report', 'json');
    assert.equal(m.code, 0, m.stderr);
    const a = JSON.parse(m.stdout) as ReportJson;
    const b = JSON.parse(one.stdout) as ReportJson;
    assert.deepEqual(a.requirements, b.requirements);
    assert.deepEqual(a.totals, b.totals);
    assert.deepEqual(a.roadmap, b.roadmap);
    const pay1 = (a.requirements as { id: string; implementations: { file: string }[]; tests: { file: string }[]; coverage: string }[]).find((r) => r.id === 'PAY-1');
    assert.deepEqual([pay1?.implementations.map((l) => l.file), pay1?.tests.map((l) => l.file)], [['service-a/src/pay.ts'], ['service-b/test/checkout.test.ts']]);
  });

  it('csv and md: the same rows', async () => {
    for (const format of ['csv', 'md']) {
      const body = (text: string) => text.split('\n').filter((l) => !/^Generated |^# /.test(l));
      assert.deepEqual(body((await merged(format)).stdout), body((await single('report', format)).stdout), format);
    }
  });

  it('html: the same rows, and every location names its repository', async () => {
    const m = (await merged('html')).stdout;
    const one = (await single('report', 'html')).stdout;
    const rows = (html: string) => [...html.matchAll(/<tr[^>]*>[\s\S]*?<\/tr>/g)].map((x) => x[0]);
    assert.deepEqual(rows(m), rows(one));
    for (const loc of ['service-a/src/pay.ts:2', 'service-b/test/checkout.test.ts:2', 'service-b/src/refund.ts:1', 'specs/specs/payments.yaml']) assert.ok(m.includes(loc), loc);
  });

  it('sarif and junit: the same results and test cases; the unknown ID reported with the repository that wrote it', async () => {
    const m = await merged('sarif');
    const one = await single('check', 'sarif');
    type Sarif = { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[] }[] }[] };
    const results = (text: string) =>
      (JSON.parse(text) as Sarif).runs[0].results.map((r) => [r.ruleId, r.message.text, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region]);
    assert.deepEqual(results(m.stdout), results(one.stdout));
    assert.ok(results(m.stdout).some((r) => r[0] === 'unknown-code-reference' && r[2] === 'service-a/src/pay.ts'));
    assert.match(m.stderr, /^spectrace: service-a: src\/pay\.ts:8 Unknown requirement PAY-99/m);

    const cases = (xml: string) => {
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { testsuite: { testcase: { '@_name': string; failure?: unknown }[] }[] } };
      return parsed.testsuites.testsuite.flatMap((s) => [s.testcase].flat().map((c) => [c['@_name'], c.failure !== undefined]));
    };
    const junitMerged = cases((await merged('junit')).stdout);
    assert.deepEqual(junitMerged.filter(([name]) => /PAY-/.test(String(name))), cases((await single('check', 'junit')).stdout).filter(([name]) => /PAY-/.test(String(name))));
    assert.ok(junitMerged.some(([name, failed]) => /PAY-1/.test(String(name)) && failed === false), 'PAY-1: implemented in one repository, verified in another: covered');
    assert.ok(junitMerged.some(([name, failed]) => /PAY-3/.test(String(name)) && failed === true), 'PAY-3 has no test anywhere');
  });

  it('exits like check: 0 with warnings, 1 with --strict and a requirement failing the policy', async () => {
    assert.equal((await runCli(['merge', ...traces, '--out', path.join(dir, 'merged.md')])).code, 0);
    const strict = await runCli(['merge', ...traces, '--strict']);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /--strict: 1 requirement fails the coverage policy: PAY-3/);
    // Without the service that verifies PAY-1, it is not covered either.
    const partial = await runCli(['merge', traces[0], traces[1], '--strict']);
    assert.match(partial.stderr, /--strict: 2 requirements fail the coverage policy: PAY-1, PAY-3/);
  });

  it('refuses a file that is not a trace file, or of a newer format, with a message and exit 2', async () => {
    const newer = path.join(dir, 'newer.trace.json');
    fs.writeFileSync(newer, JSON.stringify({ ...read(traces[0]), format: 2 }));
    let r = await runCli(['merge', traces[0], newer]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot merge '.*newer\.trace\.json': trace file format 2 is newer than this Spectrace reads \(format 1\): upgrade spectrace to merge it/);

    const sarif = path.join(dir, 'check.sarif');
    fs.writeFileSync(sarif, (await single('check', 'sarif')).stdout);
    r = await runCli(['merge', sarif]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a Spectrace trace file \(no "format"; write one with 'spectrace check --format trace'\)/);

    const broken = path.join(dir, 'broken.trace.json');
    fs.writeFileSync(broken, JSON.stringify({ ...read(traces[1]), tags: [{ id: 'PAY-1', file: '../../etc/passwd' }] }));
    r = await runCli(['merge', broken]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /broken trace file: tags\[0\] must have/);

    r = await runCli(['merge', path.join(dir, 'missing.trace.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read trace file '.*missing\.trace\.json': no such file/);
  });

  it('refuses a FIFO, a device and a folder as a trace file at once, without reading them', async () => {
    const fifo = path.join(dir, 'pipe.trace.json');
    fs.rmSync(fifo, { force: true });
    execFileSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const r = await runCli(['merge', traces[0], file]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot read trace file '.*': not a regular file \(a pipe, socket or device\)/);
    }
    const folder = await runCli(['merge', dir]);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /cannot read trace file '.*': it is a folder/);
    fs.rmSync(fifo);
  });
});
