// The Value section and the score and insight columns of `spectrace report`, in every format, on the
// example product (scoring: rice, specs/insights.yaml) and on a workspace without either.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { EXAMPLES, ensureBuilt, outputDir, runCli } from './helpers';

const acme = path.join(EXAMPLES, 'acme-shop');

describe('spectrace report: scores, insights and the Value section', function () {
  this.timeout(60_000);
  before(ensureBuilt);

  it('Markdown: score and insight columns, and a Value section with the unplanned best scores and the insights', async () => {
    const r = await runCli(['report', acme]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\| \*\*CART-4\*\* \| Keep the cart across devices \|.*\| RICE 320 \| INS-2 · 1 customer \|$/m);
    const value = r.stdout.slice(r.stdout.indexOf('\n## Value\n'));
    assert.match(value, /Scores are computed, never stored — RICE: reach × impact × confidence ÷ effort\./);
    assert.match(value, /### Best-scored requirements not yet on the roadmap\n\n\| ID \| Title \| Status \| Score \| Formula \| Insights \|\n\|---\|---\|---\|---\|---\|---\|\n\| \*\*CART-5\*\* \| Save an item for later \| draft \| RICE 75 \| 300 × 0\.5 × 0\.5 ÷ 1 = 75 \| 0 \|\n\| \*\*ACC-12\*\* \|/);
    assert.match(value, /### Important insights nobody addresses\n\nEvery insight of importance 2 or more is addressed by a requirement\./);
    assert.match(value, /^\| \*\*INS-1\*\* \| Typing the card number again at every order \| Globex \| 3 \(critical\) \| PAY-4 \(in-progress\), PAY-6 \(in-progress\) \|$/m);
  });

  it('Markdown: an important insight nobody cites is listed; a workspace without scoring or insights has no Value section', async () => {
    const dir = outputDir('value-report');
    fs.mkdirSync(path.join(dir, 'specs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'specs', 'a.yaml'), 'requirements:\n  - id: A-1\n    title: One\n    status: draft\n    priority: could\n');
    const plain = await runCli(['report', dir]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.doesNotMatch(plain.stdout, /## Value|Score|Insights/);
    fs.writeFileSync(path.join(dir, 'specs', 'i.yaml'), 'insights:\n  - id: INS-1\n    title: "Wants | pipes"\n    customer: Globex\n    importance: 2\n');
    const r = await runCli(['report', dir]);
    assert.match(r.stdout, /Scoring is off: set scoring: \{ model: rice \}/);
    assert.match(r.stdout, /### Important insights nobody addresses\n\n\| Insight \| Title \| Customer \| Segment \| Importance \|\n\|---\|---\|---\|---\|---\|\n\| \*\*INS-1\*\* \| Wants \\\| pipes \| Globex \| — \| 2 \(important\) \|/);
  });

  it('HTML: the Value section, the score with its formula as a tooltip', async () => {
    const r = await runCli(['report', acme, '--format', 'html']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /<th>Coverage<\/th><th>Score<\/th><th>Insights<\/th>/);
    assert.match(r.stdout, /<td class="score mono" title="1200 × 2 × 0\.8 ÷ 6 = 320">RICE 320<\/td>/);
    assert.match(r.stdout, /<h2 id="value">Value<\/h2>/);
    assert.match(r.stdout, /<td class="id mono">CART-5<\/td>.*<td class="score mono">RICE 75<\/td>/);
  });

  it('JSON: score and insights on every row, and the Value section', async () => {
    const r = await runCli(['report', acme, '--format', 'json']);
    const report = JSON.parse(r.stdout) as {
      requirements: { id: string; score: { value: number; label: string; formula: string } | null; insights: string[]; customers: number }[];
      value: { model: string; unplanned: { id: string; score: number }[]; unaddressed: unknown[]; insights: { id: string; addressedBy: { id: string; status: string }[] }[] };
    };
    const row = (id: string) => report.requirements.find((x) => x.id === id);
    assert.deepEqual(row('CART-4')?.score, { value: 320, label: 'RICE 320', formula: '1200 × 2 × 0.8 ÷ 6 = 320' });
    assert.deepEqual(row('CART-4')?.insights, ['INS-2']);
    assert.equal(row('CART-4')?.customers, 1);
    assert.deepEqual([row('PAY-3')?.score, row('PAY-3')?.insights, row('PAY-3')?.customers], [null, [], 0]);
    assert.equal(report.value.model, 'rice');
    assert.deepEqual(report.value.unplanned.map((u) => [u.id, u.score]), [['CART-5', 75], ['ACC-12', 0.8]]);
    assert.deepEqual(report.value.unaddressed, []);
    assert.equal(report.value.insights.length, 8);
    assert.deepEqual(report.value.insights.find((i) => i.id === 'INS-7')?.addressedBy, [{ id: 'ACC-10', status: 'implemented' }]);
  });

  it('CSV: Score, Insights and Customers columns (the score as a plain number for sorting)', async () => {
    const r = await runCli(['report', acme, '--format', 'csv']);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    const row = (id: string) => rows.find((x) => x.ID === id);
    assert.deepEqual([row('CART-4')?.Score, row('CART-4')?.Insights, row('CART-4')?.Customers], ['320', 'INS-2', '1']);
    assert.deepEqual([row('PAY-6')?.Score, row('PAY-6')?.Insights], ['96.92307692307692', 'INS-1']);
    assert.deepEqual([row('PAY-3')?.Score, row('PAY-3')?.Insights, row('PAY-3')?.Customers], ['', '', '']);
  });
});
