// `spectrace report` as Markdown, JSON and CSV on the example product (checked against its documented
// links in examples/acme-shop/expected-trace.json) and on hostile spec text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { EXAMPLES, FIXTURES, ensureBuilt, outputDir, runCli } from './helpers';

interface ExpectedTrace {
  roadmap: string | null;
  implementations: string[];
  tests: string[];
}

const acme = path.join(EXAMPLES, 'acme-shop');
const expected = JSON.parse(fs.readFileSync(path.join(acme, 'expected-trace.json'), 'utf8')) as Record<string, ExpectedTrace>;

describe('spectrace report', function () {
  before(ensureBuilt);

  it('writes Markdown to standard output by default', async () => {
    const r = await runCli(['report', acme]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Traceability report: /);
    // The example has a scoring model and insights: their columns come last.
    assert.match(r.stdout, /^\| ID \| Title \| Priority \| Status \| Roadmap \| Implementations \| Tests \| Coverage \| Score \| Insights \|$/m);
    const beforeValue = r.stdout.slice(0, r.stdout.indexOf('\n## Value\n'));
    const rows = beforeValue.split('\n').filter((l) => /^\| \*\*[A-Z]+-\d+\*\* \|/.test(l));
    const ids = Object.keys(expected);
    assert.equal(rows.length, ids.length + 5, 'a row per requirement plus one per roadmap item');
    assert.match(r.stdout, /^## Roadmap$/m);
  });

  it('CSV: a row per requirement with its roadmap item, implementations and tests', async () => {
    const dir = outputDir('report-csv');
    const file = path.join(dir, 'acme.csv');
    const r = await runCli(['report', acme, '--format', 'csv', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /written to .*acme\.csv/);
    const rows = parseCsv(fs.readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((row) => row.ID).sort(), Object.keys(expected).sort());
    for (const row of rows) {
      const want = expected[row.ID ?? ''];
      assert.ok(want);
      assert.equal(row.Roadmap, want.roadmap ?? '', `${row.ID} roadmap`);
      assert.equal(row.Implementations, want.implementations.join('; '), `${row.ID} implementations`);
      assert.equal(row.Tests, want.tests.join('; '), `${row.ID} tests`);
      assert.ok(['covered', 'partial', 'uncovered', 'exempt', 'not required'].includes(row.Coverage ?? ''));
    }
  });

  it('CSV: quoting per RFC 4180 and no formula injection', async () => {
    const r = await runCli(['report', path.join(FIXTURES, 'hostile-titles'), '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    const title = (id: string) => rows.find((row) => row.ID === id)?.Title;
    assert.equal(title('XSS-1'), '<img src=x onerror=alert(1)>');
    assert.equal(title('CSV-1'), `'=HYPERLINK("http://example.invalid/x","click me")`);
    assert.equal(title('CSV-2'), `'+cmd|' /C calc'!A0`);
    assert.equal(title('CSV-3'), `'-2+3`);
    assert.equal(title('CSV-4'), `'@SUM(1,2)`);
    assert.equal(title('CSV-5'), 'Commas, "quotes" and\na line break');
    for (const row of rows) for (const cell of Object.values(row)) assert.doesNotMatch(cell, /^[=+\-@]/);
    assert.equal(rows.find((row) => row.ID === 'XSS-1')?.Implementations, 'src/render.js:1');
  });

  it('JSON: the whole model with roadmap progress and totals', async () => {
    const r = await runCli(['report', acme, '--format', 'json', '--today', '2026-01-15']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      generated: string;
      requirements: { id: string; roadmap: string | null; implementations: { file: string; line: number }[] }[];
      roadmap: { id: string; done: number; total: number; overdue: boolean; due: string | null }[];
      totals: { requirements: number; roadmapItems: number };
    };
    assert.equal(report.generated, '2026-01-15');
    assert.equal(report.requirements.length, Object.keys(expected).length);
    assert.equal(report.totals.requirements, report.requirements.length);
    for (const row of report.requirements) {
      assert.deepEqual(row.implementations.map((l) => `${l.file}:${l.line}`), expected[row.id]?.implementations, row.id);
    }
    assert.equal(report.roadmap.length, 5);
    assert.equal(report.totals.roadmapItems, 5);
    for (const item of report.roadmap) assert.ok(item.done <= item.total, item.id);
    // Sorted by due date.
    const dues = report.roadmap.map((i) => i.due ?? '9999');
    assert.deepEqual(dues, [...dues].sort());
  });
});
