// `spectrace check` output: the text format and its order, JSON, --out, --quiet, colours, and the
// examples/broken cases through the CLI (each case's documented diagnostics, exactly).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexFolder } from '../../server/src/disk/indexFolder';
import { EXAMPLES, FIXTURES, ensureBuilt, outputDir, runCli } from './helpers';

const LINE = /^(\S+):(\d+):(\d+) (error|warning|info|hint) ([a-z-]+) (.+)$/;
const SUMMARY = /^(\d+) errors?, (\d+) warnings?(?:, (\d+) infos?)?(?:, (\d+) hints?)? in (\d+) files? \((\d+) requirements?, (\d+) files? scanned\)$/;

interface JsonOutput {
  version: string;
  folder: string;
  summary: { errors: number; warnings: number; infos: number; hints: number; files: number; requirements: number };
  diagnostics: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string; related: unknown[] }[];
}

interface Expected {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message?: string;
  messageContains?: string;
}

describe('spectrace check output', function () {
  before(ensureBuilt);
  const sorted = path.join(FIXTURES, 'sorted');

  it('prints one path:line:col severity code message line per diagnostic, sorted, then the summary', async () => {
    const r = await runCli(['check', sorted]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop() ?? '';
    assert.equal(lines.pop(), '', 'a blank line before the summary');
    assert.ok(lines.length >= 4, r.stdout);
    const parsed = lines.map((l) => {
      const m = LINE.exec(l);
      assert.ok(m, `not in the documented format: ${l}`);
      return { file: m[1] ?? '', line: Number(m[2]), column: Number(m[3]), severity: m[4] };
    });
    const order = parsed.map((p) => [p.file, p.line, p.column] as const);
    const expectedOrder = [...order].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] - b[1] || a[2] - b[2]));
    assert.deepEqual(order, expectedOrder);
    // Files written out of order on disk, and the code file after the spec files.
    assert.deepEqual([...new Set(parsed.map((p) => p.file))], ['specs/a.yaml', 'specs/b.yaml', 'src/code.js']);

    const m = SUMMARY.exec(summary);
    assert.ok(m, `summary: ${summary}`);
    assert.equal(Number(m[1]), parsed.filter((p) => p.severity === 'error').length);
    assert.equal(Number(m[2]), parsed.filter((p) => p.severity === 'warning').length);
    assert.equal(Number(m[5]), 3);
    assert.equal(Number(m[6]), 4);
  });

  it('--format json gives the same diagnostics with ranges and a summary', async () => {
    const [text, json] = await Promise.all([runCli(['check', sorted]), runCli(['check', sorted, '--format', 'json'])]);
    assert.equal(json.code, 1);
    const out = JSON.parse(json.stdout) as JsonOutput;
    assert.equal(out.folder, sorted);
    assert.match(out.version, /^\d+\.\d+\.\d+/);
    const fromJson = out.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    assert.deepEqual(fromJson, text.stdout.trimEnd().split('\n').slice(0, -2));
    for (const d of out.diagnostics) {
      assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), 'ranges end after they start');
      assert.ok(Array.isArray(d.related));
    }
    assert.equal(out.summary.errors, out.diagnostics.filter((d) => d.severity === 'error').length);
    assert.equal(out.summary.files, 3);
    assert.equal(out.summary.requirements, 4);
  });

  it('--out writes the output to a file and still prints the summary', async () => {
    const dir = outputDir('check-out');
    const file = path.join(dir, 'nested', 'check.json');
    const r = await runCli(['check', sorted, '--format', 'json', '--out', file]);
    assert.equal(r.code, 1);
    assert.match(r.stdout.trimEnd(), SUMMARY);
    const out = JSON.parse(fs.readFileSync(file, 'utf8')) as JsonOutput;
    assert.ok(out.diagnostics.length >= 4);
  });

  it('--quiet prints errors only; --color adds ANSI colours, --no-color and NO_COLOR remove them', async () => {
    const quiet = await runCli(['check', sorted, '--quiet']);
    assert.equal(quiet.code, 1);
    assert.ok(quiet.stdout.split('\n').filter((l) => LINE.test(l)).every((l) => l.includes(' error ')));
    const colored = await runCli(['check', sorted, '--color']);
    assert.ok(colored.stdout.includes('\u001b[31merror\u001b[0m'), colored.stdout);
    const plain = await runCli(['check', sorted, '--no-color']);
    assert.ok(!plain.stdout.includes('\u001b['));
    const noColorEnv = await runCli(['check', sorted], { env: { NO_COLOR: '1' } });
    assert.ok(!noColorEnv.stdout.includes('\u001b['));
    const clean = await runCli(['check', path.join(EXAMPLES, 'acme-shop'), '--quiet']);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '');
  });

  describe('examples/broken through the CLI', () => {
    // The CLI must print exactly what the engine reports for the folder (no more, no less, sorted,
    // 1-based), and so every diagnostic the case documents. The engine's own tests decide which
    // extra findings a case may have.
    const cases = fs.readdirSync(path.join(EXAMPLES, 'broken'), { withFileTypes: true }).filter((e) => e.isDirectory() && fs.existsSync(path.join(EXAMPLES, 'broken', e.name, 'expected.json')));
    for (const c of cases) {
      it(`${c.name}: prints what the engine finds, including every documented diagnostic`, async () => {
        const dir = path.join(EXAMPLES, 'broken', c.name);
        const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected[];
        // The clock examples/broken/README.md names for date-dependent rules.
        const r = await runCli(['check', dir, '--format', 'json', '--today', '2026-11-28']);
        const out = JSON.parse(r.stdout) as JsonOutput;
        const got = out.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);

        const { index } = await indexFolder(dir, { now: () => new Date('2026-11-28') });
        const engine = [...index.diagnostics().values()]
          .flat()
          .map((d) => ({ file: path.relative(dir, d.file).split(path.sep).join('/'), line: d.range.start.line + 1, column: d.range.start.character + 1, text: `${d.severity} ${d.code} ${d.message}` }))
          .sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)))
          .map((d) => `${d.file}:${d.line}:${d.column} ${d.text}`);
        assert.deepEqual([...got].sort(), [...engine].sort(), 'the same diagnostics as the engine');
        assert.deepEqual(got.map((g) => g.split(' ')[0]), engine.map((e) => e.split(' ')[0]), 'sorted by file and position');

        for (const e of expected) {
          const found = out.diagnostics.some(
            (d) =>
              d.file === e.file &&
              d.line === e.line &&
              d.column === e.column &&
              d.severity === e.severity &&
              d.code === e.code &&
              (e.message === undefined || d.message === e.message) &&
              (e.messageContains === undefined || d.message.includes(e.messageContains)),
          );
          assert.ok(found, `documented ${JSON.stringify(e)}\nprinted:\n${got.join('\n')}`);
        }
        // Errors in spectrace.yaml: the check did not run as configured (2); other errors: 1.
        const configBroken = out.diagnostics.some((d) => d.severity === 'error' && d.file === 'spectrace.yaml');
        assert.equal(r.code, configBroken ? 2 : out.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
      });
    }
  });
});
