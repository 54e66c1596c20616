// The CI formats on real workspaces: --strict, SARIF validated against the SARIF 2.1.0 schema, JUnit
// parsed back.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { EXAMPLES, FIXTURES, ensureBuilt, runCli } from './helpers';
import { sarifValidator } from './sarifSchema';

interface Suite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  testcase?: { name: string; file: string; failure?: { message: string; '#text'?: string } }[];
}

function parseJunit(xml: string): { tests: string; failures: string; suites: Suite[] } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' });
  const doc = parser.parse(xml, true) as { testsuites: { tests: string; failures: string; testsuite: Suite[] } };
  return { tests: doc.testsuites.tests, failures: doc.testsuites.failures, suites: doc.testsuites.testsuite };
}

describe('spectrace check --strict, SARIF and JUnit', function () {
  before(ensureBuilt);
  const uncovered = path.join(FIXTURES, 'uncovered');
  const acme = path.join(EXAMPLES, 'acme-shop');

  it('--strict fails on a requirement outside the coverage policy, whatever the rule severity', async () => {
    const plain = await runCli(['check', uncovered]);
    assert.equal(plain.code, 0, plain.stdout + plain.stderr);
    assert.match(plain.stdout, /^specs\/pay\.yaml:2:9 info uncovered-requirement .*PAY-1/m);
    const strict = await runCli(['check', uncovered, '--strict']);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /^spectrace: --strict: 1 requirement fails the coverage policy: PAY-1$/m);
    // The example product meets its policy; --strict fails only on the suspect link it keeps to show change review.
    const acmeStrict = await runCli(['check', acme, '--strict']);
    assert.equal(acmeStrict.code, 1, acmeStrict.stdout + acmeStrict.stderr);
    assert.equal(acmeStrict.stderr, "spectrace: --strict: 1 suspect link (run 'spectrace suspects', then 'spectrace review <ID>')\n");
  });

  for (const [name, folder] of [
    ['the example product', acme],
    ['a workspace with findings in several files', path.join(FIXTURES, 'sorted')],
    ['a duplicate ID (related locations)', path.join(EXAMPLES, 'broken', 'duplicate-id')],
    ['a broken config', path.join(FIXTURES, 'broken-config')],
  ] as const) {
    it(`SARIF for ${name} is valid SARIF 2.1.0`, async () => {
      const r = await runCli(['check', folder, '--format', 'sarif']);
      const log = JSON.parse(r.stdout) as Log;
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const run = log.runs[0];
      assert.ok(run);
      assert.equal(log.runs.length, 1);
      assert.equal(run.tool.driver.name, 'spectrace');
      const rules = run.tool.driver.rules ?? [];
      for (const id of ['schema', 'yaml-syntax', 'duplicate-id', 'uncovered-requirement', 'invalid-config']) {
        const rule = rules.find((x) => x.id === id);
        assert.ok(rule?.shortDescription?.text && rule.fullDescription?.text && rule.help?.text && rule.defaultConfiguration?.level, id);
      }
      for (const result of run.results ?? []) {
        assert.ok(rules.some((x) => x.id === result.ruleId), `result rule ${result.ruleId} is declared`);
        const loc = result.locations?.[0]?.physicalLocation;
        assert.equal(loc?.artifactLocation?.uriBaseId, '%SRCROOT%');
        assert.ok(loc?.artifactLocation?.uri && !path.isAbsolute(loc.artifactLocation.uri), 'relative uri');
        assert.ok((loc?.region?.startLine ?? 0) >= 1 && (loc?.region?.startColumn ?? 0) >= 1);
      }
    });
  }

  it('SARIF carries each diagnostic as a result with its level, and related locations', async () => {
    const [json, sarif] = await Promise.all([
      runCli(['check', path.join(EXAMPLES, 'broken', 'duplicate-id'), '--format', 'json']),
      runCli(['check', path.join(EXAMPLES, 'broken', 'duplicate-id'), '--format', 'sarif']),
    ]);
    assert.equal(sarif.code, 1);
    const diagnostics = (JSON.parse(json.stdout) as { diagnostics: { file: string; line: number; code: string }[] }).diagnostics;
    const results = (JSON.parse(sarif.stdout) as Log).runs[0]?.results ?? [];
    assert.equal(results.length, diagnostics.length);
    assert.deepEqual(
      results.map((r) => `${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri}:${r.locations?.[0]?.physicalLocation?.region?.startLine} ${r.ruleId} ${r.level}`),
      diagnostics.map((d) => `${d.file}:${d.line} ${d.code} error`),
    );
    const related = results[0]?.relatedLocations?.[0]?.physicalLocation?.artifactLocation?.uri;
    assert.equal(related, diagnostics[1]?.file, 'each duplicate points at the other');
  });

  it('JUnit: a test case per requirement under the policy, failures for the uncovered ones', async () => {
    const r = await runCli(['check', uncovered, '--format', 'junit']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    const junit = parseJunit(r.stdout);
    const [policy, files] = junit.suites;
    assert.equal(policy?.name, 'coverage policy');
    assert.deepEqual(policy?.testcase?.map((c) => c.name), ['PAY-1 Pay by card', 'PAY-2 Pay by invoice']);
    assert.equal(policy?.failures, '1');
    assert.match(policy?.testcase?.[0]?.failure?.message ?? '', /^PAY-1 has 1 implementation and 0 tests; the coverage policy asks for at least 1 implementation and 1 test$/);
    assert.equal(files?.name, 'diagnostics');
    assert.deepEqual(files?.testcase?.map((c) => c.name), ['specs/pay.yaml', 'spectrace.yaml']);
    assert.equal(files?.failures, '0');
  });

  it('JUnit: the example product passes; a broken workspace fails per file', async () => {
    const acmeJunit = parseJunit((await runCli(['check', acme, '--format', 'junit'])).stdout);
    assert.equal(acmeJunit.failures, '0');
    const policyCases = acmeJunit.suites[0]?.testcase ?? [];
    assert.ok(policyCases.length >= 10, `policy cases: ${policyCases.length}`);
    const fileCases = acmeJunit.suites[1]?.testcase?.map((c) => c.name) ?? [];
    for (const f of ['specs/accounts.yaml', 'specs/checkout.yaml', 'specs/roadmap.yaml', 'specs/search.yaml', 'spectrace.yaml']) assert.ok(fileCases.includes(f), f);

    const r = await runCli(['check', path.join(FIXTURES, 'sorted'), '--format', 'junit']);
    assert.equal(r.code, 1);
    const junit = parseJunit(r.stdout);
    const files = junit.suites[1];
    assert.deepEqual(files?.testcase?.map((c) => [c.name, c.failure !== undefined]), [
      ['specs/a.yaml', true],
      ['specs/b.yaml', true],
      ['src/code.js', false],
    ]);
    assert.match(files?.testcase?.[0]?.failure?.['#text'] ?? '', /^specs\/a\.yaml:\d+:\d+ error /);
  });
});
