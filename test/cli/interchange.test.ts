// `spectrace export reqif` and `spectrace import csv|reqif` on real files: the export validates
// against the OMG ReqIF schema with xmllint and is byte-identical on a second run; acme-shop survives
// export -> import -> check; every real-tool sample imports (the broken ones with warnings or a clear
// refusal); the Jira CSV quirks; re-import updates by ID; unsafe, truncated and huge files are refused.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexFolder } from '../../server/src/disk/indexFolder';
import { EXAMPLES, REPO, assertNoStackTrace, ensureBuilt, outputDir, runCli } from './helpers';

const REQIF = path.join(REPO, 'test', 'fixtures', 'reqif');
const XSD = path.join(REQIF, 'xsd', 'reqif.xsd');
const SAMPLES = path.join(REQIF, 'samples');
const CSV = path.join(REPO, 'test', 'fixtures', 'interchange');
const ACME = path.join(EXAMPLES, 'acme-shop');

function xmllint(file: string): { code: number | null; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('xmllint is not installed: install Debian/Ubuntu libxml2-utils (apt-get install -y libxml2-utils; .ci/run does) to validate the ReqIF export');
  }
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

interface Item {
  id: string;
  title?: string;
  description?: string;
  acceptance?: unknown;
  parent?: string;
  depends_on?: string[];
  roadmap?: string;
  [key: string]: unknown;
}

async function itemsOf(folder: string): Promise<{ requirements: Map<string, Item>; roadmap: Map<string, Item> }> {
  const { index } = await indexFolder(folder, { now: () => new Date('2026-11-28') });
  const toMap = (items: readonly { id: string | undefined; value: unknown }[]): Map<string, Item> => new Map(items.filter((i) => i.id !== undefined).map((i) => [i.id as string, i.value as Item]));
  return { requirements: toMap(index.requirements()), roadmap: toMap(index.roadmapItems()) };
}

describe('spectrace export reqif', function () {
  this.timeout(60_000);
  before(ensureBuilt);

  it('writes acme-shop as ReqIF that validates against the OMG schema, byte-identical on a second run', async () => {
    const dir = outputDir('reqif-export');
    const first = path.join(dir, 'first.reqif');
    const second = path.join(dir, 'second.reqif');
    const a = await runCli(['export', 'reqif', ACME, '--out', first]);
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stdout, /ReqIF \(40 requirements, 5 roadmap items\) written to/);
    const b = await runCli(['export', 'reqif', ACME, '--out', second]);
    assert.equal(b.code, 0, b.stderr);
    assert.ok(fs.readFileSync(first).equals(fs.readFileSync(second)), 'two exports of the same specs differ');
    const lint = xmllint(first);
    assert.equal(lint.code, 0, lint.output);
    assert.match(lint.output, /validates/);

    const text = fs.readFileSync(first, 'utf8');
    // One SPECIFICATION per product, one SPEC-OBJECT per item, the Implementation Guide's names.
    assert.equal((text.match(/<SPECIFICATION /g) ?? []).length, 4);
    assert.equal((text.match(/<SPEC-OBJECT /g) ?? []).length, 45);
    for (const name of ['ReqIF.ForeignID', 'ReqIF.Name', 'ReqIF.Text', 'Spectrace.priority', 'Spectrace.status', 'Spectrace.start']) assert.ok(text.includes(`LONG-NAME="${name}"`), name);
    assert.match(text, /<SPEC-HIERARCHY IDENTIFIER="h-req-CART-1"[^]*?<SPEC-HIERARCHY IDENTIFIER="h-req-CART-2"/);
    assert.match(text, /<SPEC-RELATION IDENTIFIER="rel-dep-CART-2--SRCH-3"/);
    // LAST-CHANGE comes from the last commit of each spec file: every stamp is one of those commits' times.
    // A merge commit names no files in the exporter's one-pass log, so the last non-merge commit counts.
    const specDir = path.join(ACME, 'specs');
    const commitTimes = new Set(
      fs.readdirSync(specDir).map((f) => {
        const epoch = execFileSync('git', ['-c', 'core.fsmonitor=false', 'log', '-1', '--no-merges', '--format=%ct', '--', f], { cwd: specDir, encoding: 'utf8' }).trim();
        return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      }),
    );
    const stamps = new Set([...text.matchAll(/LAST-CHANGE="([^"]+)"/g)].map((m) => m[1]));
    assert.ok(stamps.size > 0);
    for (const stamp of stamps) assert.ok(commitTimes.has(stamp), `LAST-CHANGE ${stamp} is not a commit time of a spec file (${[...commitTimes].join(', ')})`);
  });

  it('--date fixes every LAST-CHANGE; --with-code adds code locations, still valid', async () => {
    const dir = outputDir('reqif-export-code');
    const out = path.join(dir, 'code.reqif');
    const r = await runCli(['export', 'reqif', ACME, '--with-code', '--date', '2026-03-01', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const text = fs.readFileSync(out, 'utf8');
    const dates = new Set([...text.matchAll(/LAST-CHANGE="([^"]+)"/g)].map((m) => m[1]));
    assert.deepEqual([...dates], ['2026-03-01T00:00:00Z']);
    assert.match(text, /LONG-NAME="Spectrace code location"/);
    assert.match(text, /<SPEC-RELATION IDENTIFIER="rel-implements-src_x2F_checkout_x2F_/);
    const lint = xmllint(out);
    assert.equal(lint.code, 0, lint.output);
  });

  it('writes to standard output without --out, and refuses a bad --date (exit 2)', async () => {
    const r = await runCli(['export', 'reqif', ACME, '--date', '2026-03-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<REQ-IF /);
    const bad = await runCli(['export', 'reqif', ACME, '--date', '2026-02-31']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /invalid value '2026-02-31' for --date/);
    const format = await runCli(['export', 'csv', ACME]);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown export format 'csv' \(expected reqif\)/);
  });
});

describe('round trip: acme-shop -> ReqIF -> import -> check', function () {
  this.timeout(60_000);
  before(ensureBuilt);

  it('gives the same requirements and roadmap items (IDs, titles, descriptions, acceptance, parents, dependencies, roadmap links)', async () => {
    const dir = outputDir('reqif-roundtrip');
    const reqif = path.join(dir, 'acme.reqif');
    assert.equal((await runCli(['export', 'reqif', ACME, '--out', reqif])).code, 0);
    const workspace = path.join(dir, 'workspace');
    fs.mkdirSync(workspace);
    const imported = await runCli(['import', 'reqif', reqif, '--out', 'specs/acme.yaml'], { cwd: workspace });
    assert.equal(imported.code, 0, imported.stderr);
    const check = await runCli(['check', workspace, '--format', 'json']);
    const report = JSON.parse(check.stdout) as { summary: { errors: number; requirements: number } };
    assert.equal(report.summary.errors, 0, check.stdout);
    assert.equal(report.summary.requirements, 40);

    const before = await itemsOf(ACME);
    const after = await itemsOf(workspace);
    assert.deepEqual([...after.requirements.keys()].sort(), [...before.requirements.keys()].sort());
    assert.deepEqual([...after.roadmap.keys()].sort(), [...before.roadmap.keys()].sort());
    const pick = (item: Item): Record<string, unknown> => ({
      title: item.title,
      description: typeof item.description === 'string' ? item.description.trim() : undefined,
      acceptance: item.acceptance,
      parent: item.parent,
      depends_on: item.depends_on,
      roadmap: item.roadmap,
      priority: item.priority,
      status: item.status,
      type: item.type,
      owner: item.owner,
      tags: item.tags,
      estimate: item.estimate,
      source: item.source,
      coverage_exempt: item.coverage_exempt,
    });
    for (const [id, item] of before.requirements) assert.deepEqual(pick(after.requirements.get(id) as Item), pick(item), id);
    for (const [id, item] of before.roadmap) {
      const got = after.roadmap.get(id) as Item;
      for (const field of ['title', 'type', 'status', 'start', 'due', 'parent', 'owner']) assert.deepEqual(String(got[field]), String(item[field]), `${id}.${field}`);
    }
  });
});

describe('spectrace import reqif: real-tool samples', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  const manifest = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'MANIFEST.json'), 'utf8')) as { files: { file: string; role: string }[] };

  it('reads every well-formed sample into spec files that have no schema errors, one item per SPEC-OBJECT', async () => {
    const workspace = outputDir('reqif-samples');
    const refused = new Map<string, RegExp>([
      ['empty.reqif', /^spectrace: the file is empty: not a ReqIF file\n$/],
      ['chatgpt-header-attributes.reqif', /not a usable ReqIF file: no SPEC-OBJECT under CORE-CONTENT\/REQ-IF-CONTENT\/SPEC-OBJECTS \(10 SPEC-OBJECT elements elsewhere/],
    ]);
    let n = 0;
    for (const { file } of manifest.files) {
      n++;
      const r = await runCli(['import', 'reqif', path.join(SAMPLES, file), '--prefix', `S${n}X`, '--out', `specs/${file.replace('.reqif', '.yaml')}`], { cwd: workspace });
      assertNoStackTrace(r.stderr);
      const refusal = refused.get(file);
      if (refusal) {
        assert.equal(r.code, 2, `${file}: ${r.stdout}`);
        assert.match(r.stderr, refusal);
        continue;
      }
      assert.equal(r.code, 0, `${file}: ${r.stderr}`);
      const objects = (fs.readFileSync(path.join(SAMPLES, file), 'utf8').match(/<(?:\w+:)?SPEC-OBJECT\s[^>]*IDENTIFIER=/g) ?? []).length;
      const written = (r.stdout.match(/: added$/gm) ?? []).length;
      assert.ok(written > 0 && written <= objects, `${file}: ${written} items from ${objects} SPEC-OBJECTs`);
    }
    const check = await runCli(['check', workspace, '--format', 'json']);
    const report = JSON.parse(check.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
    const schemaErrors = report.diagnostics.filter((d) => d.code === 'schema' || d.code === 'yaml-syntax');
    assert.deepEqual(schemaErrors, []);
  });

  it('warns about every sample xmllint finds schema-invalid, and reads it', async () => {
    const dir = outputDir('reqif-invalid');
    let invalid = 0;
    for (const { file } of manifest.files) {
      if (file === 'empty.reqif' || file === 'chatgpt-header-attributes.reqif') continue;
      if (xmllint(path.join(SAMPLES, file)).code === 0) continue;
      invalid++;
      const r = await runCli(['import', 'reqif', path.join(SAMPLES, file), '--dry-run'], { cwd: dir });
      assert.equal(r.code, 0, `${file}: ${r.stderr}`);
      assert.match(r.stderr, /\n {2}warning: .*(schema-invalid|namespace|REQ-IF-VERSION)/, `${file} has no warning:\n${r.stderr}`);
    }
    assert.equal(invalid, 6, 'the schema-invalid samples that are readable');
  });

  const warned: [string, RegExp][] = [
    ['strictdoc-export.reqif', /warning: 48 elements have no LAST-CHANGE \(schema-invalid\): read without it/],
    ['polarion-srs-anonymized.reqif', /warning: \d+ date values are not dates \(schema-invalid: 'aaa'\)/],
    ['doors-no-header.reqif', /warning: the file has no THE-HEADER\/REQ-IF-HEADER \(schema-invalid\)/],
    ['microtool-version-1.2.reqif', /warning: REQ-IF-VERSION is '1.2' \(the schema fixes 1.0\)/],
    ['rmf-prestandard-namespace.reqif', /warning: the file's namespace is 'http:\/\/www.omg.org\/spec\/ReqIF\/20101201'/],
    ['doors-next-dangling-hierarchy.reqif', /warning: 2 SPEC-HIERARCHY nodes refer to SPEC-OBJECTs the file does not have \(dangling references\)/],
    ['enterprise-architect-8.reqif', /warning: 2 SPEC-RELATION ends refer to SPEC-OBJECTs the file does not have \(dangling references\): FUNC-REQ-1, FUNC-REQ-2/],
    ['polarion-small-roundtrip.reqif', /warning: duplicate identifier 'rmf-0c4d996f-31e9-41d5-bbf0-73c13fc68f3c' on 2 elements/],
    ['rmf-tc1000-simple-content.reqif', /attribute 'TC1000 String' -> title \(best guess; set it with --map\)/],
  ];
  for (const [file, expected] of warned) {
    it(`reports what it could not read as it was: ${file}`, async () => {
      const r = await runCli(['import', 'reqif', path.join(SAMPLES, file), '--dry-run'], { cwd: outputDir('reqif-dry') });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, expected);
      assert.match(r.stderr, /nothing written/);
      assert.match(r.stdout, /^# Imported by Spectrace/);
      assert.deepEqual(fs.readdirSync(outputDir('reqif-dry-check')), []);
    });
  }

  it('maps attributes, values and relation types through a mapping file', async () => {
    const dir = outputDir('reqif-map');
    fs.writeFileSync(path.join(dir, 'map.yaml'), ['fields:', '  ReqIF.Text: acceptance', 'values:', '  status:', '    foo: approved', 'relations:', '  Ableitungsbeziehung Anforderung: ignore', ''].join('\n'));
    const ea = await runCli(['import', 'reqif', path.join(SAMPLES, 'enterprise-architect-8.reqif'), '--map', 'map.yaml', '--dry-run'], { cwd: dir });
    assert.equal(ea.code, 0, ea.stderr);
    assert.match(ea.stdout, /status: approved/);
    assert.doesNotMatch(ea.stderr, /FUNC-REQ-STATUS 'foo' has no Spectrace status/);
    const bad = await runCli(['import', 'reqif', path.join(SAMPLES, 'enterprise-architect-8.reqif'), '--map', 'missing.yaml'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cannot read 'missing.yaml': no such file/);
    fs.writeFileSync(path.join(dir, 'wrong.yaml'), 'values:\n  priority:\n    High: urgent\n');
    const wrong = await runCli(['import', 'reqif', path.join(SAMPLES, 'enterprise-architect-8.reqif'), '--map', 'wrong.yaml'], { cwd: dir });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /mapping file: 'values.priority.high' is 'urgent'; expected one of must, should, could, wont/);
  });
});

describe('spectrace import reqif: unsafe and broken files', function () {
  this.timeout(60_000);
  before(ensureBuilt);
  const dir = (): string => outputDir('reqif-unsafe');

  it('refuses a billion-laughs DOCTYPE before expanding anything', async () => {
    const d = dir();
    const lol = ['<?xml version="1.0"?>', '<!DOCTYPE REQ-IF [', '  <!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`  <!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    lol.push(']>', '<REQ-IF><THE-HEADER>&lol9;</THE-HEADER></REQ-IF>');
    fs.writeFileSync(path.join(d, 'lol.reqif'), lol.join('\n'));
    const r = await runCli(['import', 'reqif', 'lol.reqif'], { cwd: d });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "spectrace: refused: the file declares XML entities in its DOCTYPE (line 2); entity expansion is off for safety (entity bombs, external entities), and ReqIF files need none\n");
    assert.deepEqual(fs.readdirSync(d), ['lol.reqif']);
  });

  it('refuses an external entity and an external DTD without reading them', async () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'xxe.reqif'), '<?xml version="1.0"?>\n<!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<REQ-IF>&x;</REQ-IF>\n');
    const r = await runCli(['import', 'reqif', 'xxe.reqif'], { cwd: d });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /refused: the file declares XML entities in its DOCTYPE \(line 2\)/);
    assert.doesNotMatch(r.stderr + r.stdout, /root:/);
    fs.writeFileSync(path.join(d, 'dtd.reqif'), '<?xml version="1.0"?>\n<!DOCTYPE REQ-IF SYSTEM "http://evil.example/x.dtd">\n<REQ-IF/>\n');
    const dtd = await runCli(['import', 'reqif', 'dtd.reqif'], { cwd: d });
    assert.equal(dtd.code, 2);
    assert.match(dtd.stderr, /refused: the file's DOCTYPE names an external DTD \(line 2\)/);
  });

  it('names a truncated file "not a complete ReqIF file" with the line', async () => {
    const d = dir();
    const whole = fs.readFileSync(path.join(SAMPLES, 'rmf-tc1300-spec-relation.reqif'), 'utf8');
    const lines = whole.split('\n');
    fs.writeFileSync(path.join(d, 'cut.reqif'), lines.slice(0, 60).join('\n'));
    const r = await runCli(['import', 'reqif', 'cut.reqif'], { cwd: d });
    assert.equal(r.code, 2);
    assertNoStackTrace(r.stderr);
    assert.match(r.stderr, /^spectrace: not a complete ReqIF file: line (\d+): <[\w:-]+> \(opened on line \d+\) is never closed\n$/);
    fs.writeFileSync(path.join(d, 'mid-tag.reqif'), `${whole.slice(0, whole.indexOf('<SPEC-OBJECT ') + 20)}`);
    const mid = await runCli(['import', 'reqif', 'mid-tag.reqif'], { cwd: d });
    assert.equal(mid.code, 2);
    assert.match(mid.stderr, /not a complete ReqIF file: line \d+: the file ends inside a tag/);
  });

  it('refuses a file over 100 MiB by its size, before reading it', async () => {
    const d = dir();
    const big = path.join(d, 'big.reqif');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 100 * 1024 * 1024 + 1);
    const r = await runCli(['import', 'reqif', 'big.reqif'], { cwd: d });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "spectrace: 'big.reqif' is too large to import: 104857601 bytes, the limit is 104857600 bytes (100 MiB)\n");
    fs.rmSync(big);
  });

  it('refuses a FIFO or a device as the file to import, the mapping or the spec file to update, at once and writing nothing', async () => {
    const d = dir();
    fs.copyFileSync(path.join(CSV, 'jira-export.csv'), path.join(d, 'jira.csv'));
    execFileSync('mkfifo', [path.join(d, 'pipe')]);
    const cases: [string[], string][] = [
      [['import', 'csv', 'pipe'], "cannot read 'pipe'"],
      [['import', 'csv', '/dev/zero'], "cannot read '/dev/zero'"],
      [['import', 'csv', 'jira.csv', '--map', 'pipe'], "cannot read 'pipe'"],
      [['import', 'csv', 'jira.csv', '--out', 'pipe'], `cannot read '${path.join(d, 'pipe')}'`],
      [['import', 'csv', 'jira.csv', '--out', '/dev/zero'], "cannot read '/dev/zero'"],
    ];
    for (const [args, what] of cases) {
      const r = await runCli(args, { cwd: d });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, `spectrace: ${what}: not a regular file (a pipe, socket or device)\n`);
    }
    assert.deepEqual(fs.readdirSync(d).sort(), ['jira.csv', 'pipe']);
  });

  it('exits 2 with a usage line for a missing file argument, a missing file and an unknown format', async () => {
    const none = await runCli(['import', 'reqif']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /missing file: use 'spectrace import reqif <file>'/);
    const missing = await runCli(['import', 'reqif', 'nope.reqif'], { cwd: dir() });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, "spectrace: cannot read 'nope.reqif': no such file\n");
    const format = await runCli(['import', 'xlsx', 'a.xlsx']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown import format 'xlsx' \(expected csv or reqif\)/);
  });
});

describe('spectrace import csv', function () {
  this.timeout(60_000);
  before(ensureBuilt);

  it('reads a Jira export: BOM, quoted multi-line cells, repeated Labels, numeric Parent id, formula cells as text', async () => {
    const dir = outputDir('csv-jira');
    const r = await runCli(['import', 'csv', path.join(CSV, 'jira-export.csv'), '--out', 'specs/jira.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /column 'Summary' -> title \(Jira default\)/);
    assert.match(r.stdout, /release '2.0' -> new roadmap item REL-1/);
    assert.match(r.stdout, /warning: priority 'P1' has no Spectrace priority \(set one with --map values.priority\): set to should/);
    assert.match(r.stdout, /5 requirements and 2 roadmap items written to specs\/jira.yaml/);
    const check = await runCli(['check', dir, '--format', 'json']);
    assert.equal((JSON.parse(check.stdout) as { summary: { errors: number } }).summary.errors, 0, check.stdout);
    const { requirements, roadmap } = await itemsOf(dir);
    const shop1 = requirements.get('SHOP-1') as Item;
    assert.equal(shop1.title, 'Checkout epic');
    assert.equal(shop1.description, 'The whole checkout.\nSecond line of the description, with a comma.');
    assert.deepEqual([shop1.type, shop1.priority, shop1.status, shop1.owner, shop1.roadmap], ['epic', 'must', 'in-progress', 'ana', 'REL-1']);
    const shop2 = requirements.get('SHOP-2') as Item;
    assert.equal(shop2.parent, 'SHOP-1', 'numeric Parent id 10001 resolves through Issue id');
    assert.deepEqual(shop2.tags, ['payments', 'mobile']);
    const shop3 = requirements.get('SHOP-3') as Item;
    assert.equal(shop3.title, '=HYPERLINK("http://evil.example","click")');
    assert.equal(shop3.description, '=1+2');
    assert.equal((requirements.get('SHOP-5') as Item).description, '@SUM(A1:A2)');
    assert.equal((requirements.get('SHOP-4') as Item).title, 'Refund "partial" orders');
    assert.deepEqual([...roadmap.values()].map((i) => [i.id, i.title]), [['REL-1', '2.0'], ['REL-2', '2.1']]);
  });

  it("reads ';'-separated files and Excel's UTF-16 text export", async () => {
    const dir = outputDir('csv-variants');
    const semi = await runCli(['import', 'csv', path.join(CSV, 'jira-semicolon.csv'), '--dry-run'], { cwd: dir });
    assert.equal(semi.code, 0, semi.stderr);
    assert.match(semi.stderr, /separated by ';'/);
    assert.match(semi.stdout, /description: \|-\n {6}Multi-line; with a semicolon\n {6}and a second line\n/);
    assert.match(semi.stdout, /tags: \[search, web\]/);
    const utf16 = await runCli(['import', 'csv', path.join(CSV, 'excel-utf16.csv'), '--dry-run'], { cwd: dir });
    assert.equal(utf16.code, 0, utf16.stderr);
    assert.match(utf16.stderr, /separated by tabs/);
    assert.match(utf16.stdout, /title: Étiquette imprimée\n/);
    assert.match(utf16.stdout, /owner: zoé\n/);
  });

  it('names the columns it found when there is no title column', async () => {
    const r = await runCli(['import', 'csv', path.join(CSV, 'no-title.csv')], { cwd: outputDir('csv-no-title') });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `spectrace: no title column: expected 'Summary' (Jira) or 'title', or map one with --map (fields: {"Your column": title}); columns found: 'Key', 'Name of thing', 'State'\n`);
  });

  it('warns when an imported ID is already used in another spec file of the workspace', async () => {
    const dir = outputDir('csv-clash');
    fs.mkdirSync(path.join(dir, 'specs'));
    fs.writeFileSync(path.join(dir, 'specs', 'old.yaml'), 'requirements:\n  - id: SHOP-2\n    title: Taken\n    priority: must\n    status: draft\n');
    const r = await runCli(['import', 'csv', path.join(CSV, 'jira-export.csv'), '--out', 'specs/jira.yaml', '--dry-run'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: 1 imported ID is already used in other spec files of the workspace \(SHOP-2\): `spectrace check` will report them as duplicate-id/);
  });

  it('--map maps any spreadsheet; --prefix gives new IDs', async () => {
    const dir = outputDir('csv-map');
    fs.writeFileSync(path.join(dir, 'map.yaml'), 'fields:\n  Name of thing: title\n  State: status\n  Key: ignore\nvalues:\n  status:\n    open: approved\n');
    const r = await runCli(['import', 'csv', path.join(CSV, 'no-title.csv'), '--map', 'map.yaml', '--prefix', 'THING', '--dry-run'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /- id: THING-1\n {4}title: x\n {4}priority: should\n {4}status: approved\n/);
  });

  it('re-import updates requirements by ID, appends new ones, never deletes, keeps comments, lists every change', async () => {
    const dir = outputDir('csv-reimport');
    fs.mkdirSync(path.join(dir, 'specs'));
    const existing = ['# Our shop specs: keep this comment.', 'product: shop', 'requirements:', '  - id: SHOP-1', '    title: Old title  # and this one', '    priority: must', '    status: approved', '    x-team: blue', '', '  - id: OTHER-1', '    title: Not in the sheet', '    priority: could', '    status: draft', ''].join('\n');
    fs.writeFileSync(path.join(dir, 'specs', 'shop.yaml'), existing);
    const r = await runCli(['import', 'csv', path.join(CSV, 'jira-export.csv'), '--out', 'specs/shop.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /SHOP-1: title, type, status, owner, roadmap, description, tags, x-sprint updated/);
    assert.match(r.stdout, /SHOP-2: added/);
    assert.match(r.stdout, /merged into specs\/shop.yaml/);
    const text = fs.readFileSync(path.join(dir, 'specs', 'shop.yaml'), 'utf8');
    assert.match(text, /^# Our shop specs: keep this comment.\n/);
    assert.match(text, /x-team: blue/);
    assert.match(text, /- id: OTHER-1\n {4}title: Not in the sheet/);
    assert.match(text, /title: Checkout epic/);
    const again = await runCli(['import', 'csv', path.join(CSV, 'jira-export.csv'), '--out', 'specs/shop.yaml'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /Changes:\n {2}5 items unchanged\n/);
    assert.equal(fs.readFileSync(path.join(dir, 'specs', 'shop.yaml'), 'utf8'), text);
  });
});

describe('xmllint and the schema copy', () => {
  it('the schema in the repository compiles offline', () => {
    const out = execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, path.join(SAMPLES, 'rmf-tc1000-simple-content.reqif')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(out, '');
  });
});
