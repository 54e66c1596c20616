// The report builders and renderers on a hand-built workspace: exact output, escaping in every format,
// SARIF against the 2.1.0 schema, JUnit and CSV parsed back.
import * as assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { buildCheckReport } from '../../server/src/engine/reports/buildCheck';
import { buildTraceReport } from '../../server/src/engine/reports/buildTrace';
import { escapeHtml, escapeXml } from '../../server/src/engine/reports/escape';
import { csvField } from '../../server/src/shared/traceCsv';
import { renderCsv } from '../../server/src/engine/reports/renderCsv';
import { renderHtml } from '../../server/src/engine/reports/renderHtml';
import { renderCheckJson, renderTraceJson } from '../../server/src/engine/reports/renderJson';
import { renderJunit } from '../../server/src/engine/reports/renderJunit';
import { renderMarkdown } from '../../server/src/engine/reports/renderMarkdown';
import { renderSarif } from '../../server/src/engine/reports/renderSarif';
import { renderCheckText } from '../../server/src/engine/reports/renderText';
import { sampleSource } from './handBuilt';
import { sarifValidator } from './sarifSchema';

const TOOL = { name: 'spectrace', version: '9.9.9', informationUri: 'https://example.invalid/spectrace' };
const NOW = new Date('2026-05-01T12:00:00Z');

function check() {
  return buildCheckReport(sampleSource(), { tool: TOOL, folder: 'hand-built' });
}

describe('check report (hand-built workspace)', () => {
  it('sorts diagnostics by file, then line and column, with 1-based positions and relative paths', () => {
    const places = check().diagnostics.map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
    assert.deepEqual(places, ['specs/accounts.yaml:2:5-2:7', 'specs/accounts.yaml:6:15-6:19', 'specs/pay.yaml:4:9-4:14', 'src/pay.ts:31:16-31:22']);
  });

  it('counts severities, files with findings, requirements and scanned files', () => {
    assert.deepEqual(check().summary, { errors: 2, warnings: 2, infos: 0, hints: 0, files: 3, requirements: 3, scanned: 6 });
  });

  it('lists the requirements under the policy with what the policy asks of them', () => {
    const policy = check().policy.map((p) => [p.id, p.satisfied, p.exemptReason, p.requiredImplementations, p.requiredTests]);
    assert.deepEqual(policy, [
      ['ACC-1', true, 'An epic', 1, 1],
      ['PAY-1', true, undefined, 1, 1],
      ['PAY-2', false, undefined, 1, 1],
    ]);
  });

  it('renders text lines as path:line:col severity code message, then the summary', () => {
    const text = renderCheckText(check(), { color: false, quiet: false });
    assert.equal(
      text,
      [
        'specs/accounts.yaml:2:5 error schema missing required field “title”',
        'specs/accounts.yaml:6:15 error schema a <b>bad</b> value & "quotes"\\x01',
        'specs/pay.yaml:4:9 warning uncovered-requirement PAY-2 has no test',
        'src/pay.ts:31:16 warning unknown-code-reference unknown requirement `PAY-9`',
        '',
        '2 errors, 2 warnings in 3 files (3 requirements, 6 files scanned)',
        '',
      ].join('\n'),
    );
  });

  it('--quiet keeps errors only; colour wraps the parts in ANSI codes', () => {
    const quiet = renderCheckText(check(), { color: false, quiet: true });
    assert.equal(quiet.split('\n').filter((l) => l.includes(' warning ')).length, 0);
    assert.match(quiet, /2 errors, 2 warnings/);
    const color = renderCheckText(check(), { color: true, quiet: false });
    assert.ok(color.includes('\u001b[31merror\u001b[0m'));
  });

  it('renders JSON with summary and diagnostics', () => {
    const json = JSON.parse(renderCheckJson(check())) as { version: string; summary: { errors: number }; diagnostics: { file: string; related: { file: string; line: number }[] }[]; policyFailures: string[] };
    assert.equal(json.version, '9.9.9');
    assert.equal(json.summary.errors, 2);
    assert.equal(json.diagnostics.length, 4);
    assert.deepEqual(json.diagnostics[1]?.related.map((r) => `${r.file}:${r.line}`), ['specs/pay.yaml:2']);
    assert.deepEqual(json.policyFailures, ['PAY-2']);
  });

  it('renders SARIF 2.1.0 that the schema accepts, with rules, levels, regions and related locations', () => {
    const log = JSON.parse(renderSarif(check())) as Record<string, never>;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = (log as unknown as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[]; relatedLocations?: unknown[] }[] }[] }).runs[0];
    assert.ok(run);
    assert.ok(run.tool.driver.rules.some((r) => r.id === 'uncovered-requirement' && r.help.text.length > 20));
    const first = run.results[0];
    assert.equal(first?.ruleId, 'schema');
    assert.equal(first?.level, 'error');
    assert.deepEqual(first?.locations[0]?.physicalLocation.artifactLocation, { uri: 'specs/accounts.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(first?.locations[0]?.physicalLocation.region, { startLine: 2, startColumn: 5, endLine: 2, endColumn: 7 });
    assert.equal(run.results[1]?.relatedLocations?.length, 1);
    assert.equal(run.results[2]?.level, 'warning');
  });

  it('renders JUnit XML: a case per requirement under the policy and per checked file', () => {
    const xml = renderJunit(check());
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { tests: string; failures: string; testsuite: { name: string; tests: string; failures: string; testcase: { name: string; failure?: { message: string; '#text': string }; skipped?: unknown }[] }[] };
    };
    const [policy, files] = parsed.testsuites.testsuite;
    assert.equal(policy?.name, 'coverage policy');
    assert.equal(policy?.testcase.length, 3);
    assert.equal(policy?.failures, '1');
    const failing = policy?.testcase.find((c) => c.failure);
    assert.match(failing?.name ?? '', /^PAY-2 /);
    assert.match(failing?.failure?.message ?? '', /PAY-2 has 1 implementation and 0 tests/);
    assert.ok(policy?.testcase.find((c) => c.name.startsWith('ACC-1'))?.skipped !== undefined);
    assert.equal(files?.name, 'diagnostics');
    assert.deepEqual(files?.testcase.map((c) => c.name), ['specs/accounts.yaml', 'specs/pay.yaml', 'specs/roadmap.yaml', 'src/pay.ts']);
    assert.equal(files?.failures, '1');
    // The control character cannot be carried by XML; the markup in the message arrives as text.
    assert.match(files?.testcase[0]?.failure?.['#text'] ?? '', /a <b>bad<\/b> value & "quotes"\uFFFD/);
    assert.equal(parsed.testsuites.tests, '7');
    assert.equal(parsed.testsuites.failures, '2');
  });
});

describe('traceability report (hand-built workspace)', () => {
  const trace = () => buildTraceReport(sampleSource({ title: 'Pay | =cmd "now", <b>fast</b>' }), { tool: TOOL, folder: 'hand-built', now: NOW });

  it('has a row per requirement in spec order with its links and coverage state', () => {
    const rows = trace().rows.map((r) => [r.id, r.roadmap, r.implementations.map((l) => `${l.file}:${l.line}`), r.tests.map((l) => `${l.file}:${l.line}`), r.coverage]);
    assert.deepEqual(rows, [
      ['ACC-1', undefined, [], [], 'exempt'],
      ['PAY-1', 'R-1', ['src/cards.ts:3', 'src/pay.ts:10'], ['test/pay.test.ts:5'], 'covered'],
      // Under the policy with code but no test: partial, as the matrix and the Requirements view say.
      ['PAY-2', 'R-1', ['src/pay.ts:21'], [], 'partial'],
    ]);
    assert.equal(trace().rows[1]?.roadmapTitle, 'First release');
    assert.equal(trace().generated, '2026-05-01');
  });

  it('has roadmap progress and totals', () => {
    const r = trace();
    assert.deepEqual(
      r.roadmap.map((i) => [i.id, i.done, i.total, i.overdue, i.due, i.requirements]),
      [['R-1', 1, 2, true, '2026-03-31', ['PAY-2', 'PAY-1']]],
    );
    assert.deepEqual(r.totals, { requirements: 3, underPolicy: 3, satisfied: 2, implemented: 2, tested: 1, roadmapItems: 1, overdue: 1 });
  });

  it('CSV: one row per requirement, RFC 4180 quoting, formula cells neutralised', () => {
    const csv = renderCsv(trace());
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 3);
    const pay1 = rows.find((r) => r.ID === 'PAY-1');
    assert.equal(pay1?.Title, 'Pay | =cmd "now", <b>fast</b>');
    assert.equal(pay1?.Implementations, 'src/cards.ts:3; src/pay.ts:10');
    assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvField('@x'), "'@x");
    assert.equal(csvField('-1,5'), `"'-1,5"`);
    assert.equal(csvField('say "hi"\nbye'), '"say ""hi""\nbye"');
  });

  it('Markdown: tables with spec text escaped', () => {
    const md = renderMarkdown(trace());
    assert.match(md, /^# Traceability report: Hand &lt;built>/);
    const line = md.split('\n').find((l) => l.startsWith('| **PAY-1**'));
    assert.ok(line);
    assert.equal(line.split(/(?<!\\)\|/).length, 10, 'the | in the title is escaped, so the row keeps its 8 cells');
    assert.ok(line.includes('&lt;b>fast&lt;/b>'));
    assert.match(md, /\| \*\*R-1\*\* \| First release \| release \| active \| 2026-03-31 ⚠️ \*\*overdue\*\* \| 1\/2 done \(50%\) \| PAY-2, PAY-1 \|/);
  });

  it('HTML: one self-contained page, spec text escaped, no script', () => {
    const html = renderHtml(buildTraceReport(sampleSource({ title: '<img src=x onerror=alert(1)></script><script>alert(2)</script>' }), { tool: TOOL, folder: 'hand-built', now: NOW }));
    assert.ok(!/<script/i.test(html));
    assert.ok(!/<img/i.test(html));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;'));
    assert.ok(!/\b(src|href)=["']?https?:/i.test(html), 'no external resources');
    assert.match(html, /Content-Security-Policy/);
  });

  it('JSON: the whole model, absent values as null', () => {
    const json = JSON.parse(renderTraceJson(trace())) as { requirements: { id: string; roadmap: string | null }[]; totals: { requirements: number } };
    assert.equal(json.requirements[0]?.roadmap, null);
    assert.equal(json.totals.requirements, 3);
  });
});

describe('escaping helpers', () => {
  it('escape HTML and XML', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeXml('a\u0000b\nc\uD800'), 'a\uFFFDb&#10;c\uFFFD');
  });
});
