// Exit codes and usage errors of the built CLI: 0 clean, 1 errors, 2 could not run (one line, no stack).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, EXAMPLES, FIXTURES, REPO, assertNoStackTrace, ensureBuilt, runCli } from './helpers';

describe('spectrace exit codes', function () {
  before(ensureBuilt);

  it('exits 0 on the clean example product', async () => {
    const r = await runCli(['check', path.join(EXAMPLES, 'acme-shop')]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /(No problems found|0 errors, \d+ warnings?(, \d+ infos?)? in \d+ files?) \(\d+ requirements, \d+ files scanned\)\n$/);
    assert.doesNotMatch(r.stdout, / error /);
  });

  it('exits 1 on a workspace with errors, and prints them', async () => {
    const r = await runCli(['check', 'examples/broken/missing-field']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^specs\/\S+\.yaml:\d+:\d+ error schema missing required field “title”$/m);
    assert.match(r.stdout, /^1 error, \d+ warnings? in 1 file \(\d+ requirements?, \d+ files? scanned\)$/m);
  });

  it('checks the current folder when none is given', async () => {
    const r = await runCli(['check'], { cwd: path.join(EXAMPLES, 'broken', 'missing-field') });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /missing required field “title”/);
  });

  // `hint`: a mistake in the command line is followed by the pointer to the usage; a folder or file that
  // cannot be used is not (the command line was right).
  const usageCases: { name: string; args: string[]; message: RegExp; hint?: false }[] = [
    { name: 'an unknown flag', args: ['check', '--frobnicate'], message: /unknown option '--frobnicate'/i },
    { name: 'an unknown short flag', args: ['report', '-z'], message: /unknown option '-z'/i },
    { name: 'a missing folder', args: ['check', 'test/fixtures/cli/does-not-exist'], message: /cannot read folder 'test\/fixtures\/cli\/does-not-exist': no such folder/, hint: false },
    { name: 'a file instead of a folder', args: ['check', 'package.json'], message: /'package\.json' is not a folder/, hint: false },
    { name: 'a bad format', args: ['check', '--format', 'xml'], message: /invalid value 'xml' for --format: expected one of text, json, sarif, junit/ },
    { name: 'a check format given to report', args: ['report', '--format', 'sarif'], message: /expected one of md, html, csv, json/ },
    { name: 'too many arguments', args: ['check', 'examples', 'extra'], message: /too many arguments for 'check': 'extra'/ },
    { name: 'a flag missing its value', args: ['check', '--out'], message: /--out/ },
    { name: 'a bad date', args: ['check', '--today', '2026-02-31'], message: /invalid value '2026-02-31' for --today/ },
    { name: 'an unknown command', args: ['lint'], message: /unknown command 'lint'/ },
    { name: 'no command', args: [], message: /missing command/ },
  ];
  for (const c of usageCases) {
    it(`exits 2 on ${c.name}, with a one-line message and no stack trace`, async () => {
      const r = await runCli(c.args);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, c.message);
      assert.match(r.stderr.split('\n')[0] ?? '', /^spectrace: /);
      assertNoStackTrace(r.stderr);
      assert.equal(r.stdout, '');
      if (c.args.length > 0) assert.equal(r.stderr.includes("Run 'spectrace --help' for usage."), c.hint !== false, r.stderr);
    });
  }

  it('exits 2 when --out cannot be written', async () => {
    const r = await runCli(['check', 'examples/acme-shop', '--out', 'package.json/result.txt']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^spectrace: cannot write 'package\.json\/result\.txt': [^\n]+\n$/);
    assertNoStackTrace(r.stderr);
  });

  it('exits 2 on a folder it may not read', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-unreadable-'));
    const dir = path.join(tmp, 'specs-folder');
    fs.mkdirSync(dir, { mode: 0o000 });
    fs.chmodSync(tmp, 0o755);
    // root reads every folder: as root, run the CLI as the unprivileged user `nobody` instead, from a
    // copy of the (self-contained) bundle and its starter that user can read wherever the repository lives.
    const asRoot = process.getuid?.() === 0;
    const cli = path.join(tmp, 'cli.js');
    for (const name of ['cli.js', 'cliMain.js']) {
      fs.copyFileSync(path.join(path.dirname(CLI), name), path.join(tmp, name));
      fs.chmodSync(path.join(tmp, name), 0o644);
    }
    try {
      const r = await runCli(['check', dir], { cwd: tmp, cli, ...(asRoot ? { uid: 65534 } : {}) });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /^spectrace: cannot read folder '.+': permission denied$/m);
      assertNoStackTrace(r.stderr);
    } finally {
      fs.chmodSync(dir, 0o700);
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('passes an empty folder, with a note that it holds no spec files', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-empty-'));
    try {
      const r = await runCli(['check', tmp]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /^No problems found \(0 requirements, 0 files scanned\)$/m);
      assert.match(r.stderr, /^spectrace: note: no spec files in '.+' \(looked for specs\/\*\*\/\*\.\{yaml,yml\}, /m);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('exits 2 on a folder that is a symbolic link loop', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-loop-'));
    try {
      fs.symlinkSync(path.join(tmp, 'b'), path.join(tmp, 'a'));
      fs.symlinkSync(path.join(tmp, 'a'), path.join(tmp, 'b'));
      const r = await runCli(['check', path.join(tmp, 'a')]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /^spectrace: cannot read folder '.+': too many symbolic links$/m);
      assertNoStackTrace(r.stderr);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = await runCli([flag]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${pkg.version}\n`);
    }
  });

  it('--help documents every command and flag', async () => {
    const main = await runCli(['--help']);
    assert.equal(main.code, 0);
    for (const word of ['check', 'report', '--help', '--version', 'Exit codes']) assert.ok(main.stdout.includes(word), word);

    const check = await runCli(['check', '--help']);
    assert.equal(check.code, 0);
    for (const flag of ['--format', 'text', 'json', 'sarif', 'junit', '--strict', '--out', '--no-color', '--color', '--quiet', '--verbose', '--today', '--help']) {
      assert.ok(check.stdout.includes(flag), `check --help mentions ${flag}`);
    }
    const report = await runCli(['report', '--help']);
    assert.equal(report.code, 0);
    for (const flag of ['--format', 'md', 'html', 'csv', 'json', '--out', '--verbose', '--today', '--help']) {
      assert.ok(report.stdout.includes(flag), `report --help mentions ${flag}`);
    }
    assert.equal((await runCli(['help', 'report'])).stdout, report.stdout);
  });

  it('a broken config: its diagnostics are printed and the exit code is 2 (the check did not run as configured)', async () => {
    const r = await runCli(['check', path.join(FIXTURES, 'broken-config')]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^spectrace: spectrace\.yaml has \d+ errors; fix them and run again/m);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('spectrace.yaml:'));
    assert.ok(lines.length >= 4, r.stdout);
    for (const line of lines) assert.match(line, /^spectrace\.yaml:\d+:\d+ error invalid-config /);
    assertNoStackTrace(r.stdout + r.stderr);
  });

  it('a config that is not YAML is reported in spectrace.yaml (exit 2), not a crash', async () => {
    const r = await runCli(['check', path.join(FIXTURES, 'config-not-yaml')]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^spectrace\.yaml:\d+:\d+ error (yaml-syntax|invalid-config) /m);
    assert.match(r.stderr, /spectrace\.yaml has \d+ errors?; fix/);
    assertNoStackTrace(r.stdout + r.stderr);
  });

  it('report with a broken config writes nothing: exit 2 and the config errors on stderr', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-report-')), 'r.html');
    const r = await runCli(['report', path.join(FIXTURES, 'broken-config'), '--format', 'html', '--out', out]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^spectrace\.yaml:\d+:\d+ error invalid-config /m);
    assert.equal(fs.existsSync(out), false, 'no report was written');
    assertNoStackTrace(r.stdout + r.stderr);
  });
});
