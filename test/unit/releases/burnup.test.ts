// The burn-up's pure parts: a spec version read item by item equals the editor's analyzer (the
// example's files, odd YAML, a sequence of edits, a YAML error), and the series over hand-made
// commits (a parent cycle, an ID planned twice, points resumed from a checkpoint equal a full run).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { burnupCsv, computeBurnup } from '../../../server/src/engine/releases/burnup';
import type { HistoryCommit } from '../../../server/src/engine/releases/burnup';
import { SpecVersionReader, analyzeSpecVersion } from '../../../server/src/engine/releases/specVersion';
import type { SpecVersion } from '../../../server/src/engine/releases/specVersion';
import { defaultConfig } from '../../../server/src/engine/config/config';
import { createSchemaSet } from '../../../server/src/engine/schema/schemaSet';
import { SpecAnalyzer } from '../../../server/src/engine/spec/specAnalyzer';

const config = defaultConfig();
const schemaSet = createSchemaSet({ config, configFile: undefined, configText: undefined, readFile: () => undefined, trusted: false }).schemaSet;
const analyzer = () => new SpecAnalyzer(schemaSet, config);
const SPECS = path.resolve(__dirname, '../../../examples/acme-shop/specs');

function reference(text: string): SpecVersion {
  return analyzeSpecVersion(analyzer(), '/w/specs/x.yaml', text);
}

describe('spec versions for the burn-up', () => {
  it("reads the example's spec files as the analyzer does", () => {
    const reader = new SpecVersionReader(config.maxFileSize);
    for (const name of fs.readdirSync(SPECS)) {
      const text = fs.readFileSync(path.join(SPECS, name), 'utf8');
      assert.deepEqual(reader.read(`/w/specs/${name}`, text, analyzer), reference(text), name);
    }
  });

  it('reads a sequence of edits of one file (re-split from the previous version) as the analyzer reads each', () => {
    const reader = new SpecVersionReader(config.maxFileSize);
    const base = fs.readFileSync(path.join(SPECS, 'checkout.yaml'), 'utf8');
    const versions = [
      base,
      base.replace('status: in-progress', 'status: implemented'),
      base.replace('roadmap: R-2026\n', 'roadmap: R-2027\n'),
      base.replace('  - id: CART-2\n', '  - id: CART-22\n'),
      `${base}  - id: NEW-1\n    title: "quoted: title" # a comment\n    roadmap: 'M-1@2'\n    status: >\n      verified\n`,
      base.replace('  - id: CART-1\n', '  - id: CART-1\n    bad: [unclosed\n'),
      base,
    ];
    for (const [i, text] of versions.entries()) assert.deepEqual(reader.read('/w/specs/checkout.yaml', text, analyzer), reference(text), `version ${i}`);
    assert.match(reader.read('/w/specs/checkout.yaml', versions[5], analyzer).error ?? '', /^line \d+: /);
  });
});

const v = (reqs: [string, string | undefined, string][], roadmap: [string, string | undefined][] = []): SpecVersion => ({
  requirements: reqs.map(([id, r, status]) => ({ id, roadmap: r, status })),
  roadmap: roadmap.map(([id, parent]) => ({ id, parent })),
});

describe('burn-up series', () => {
  const blobs = new Map<string, SpecVersion>([
    ['road1', v([], [['R-1', undefined], ['M-1', 'R-1'], ['X', 'Y'], ['Y', 'X']])],
    ['road2', v([], [['R-1', 'M-1'], ['M-1', 'R-1']])],
    ['a1', v([['A-1', 'R-1', 'draft'], ['A-2', 'M-1', 'released'], ['A-3', 'X', 'draft']])],
    ['b1', v([['A-1', 'M-1', 'implemented'], ['B-1', 'M-1', 'approved']])],
    ['a2', v([['A-1', 'R-1', 'verified'], ['A-2', 'M-1', 'released']])],
  ]);
  const commits: HistoryCommit[] = [
    { commit: 'c1'.padEnd(40, '0'), date: '2026-02-01T09:00:00+01:00', changes: [{ path: 'specs/road.yaml', blob: 'road1' }, { path: 'specs/a.yaml', blob: 'a1' }] },
    { commit: 'c2'.padEnd(40, '0'), date: '2026-02-02T09:00:00+01:00', changes: [{ path: 'specs/b.yaml', blob: 'b1' }] },
    { commit: 'c3'.padEnd(40, '0'), date: '2026-02-02T23:30:00+01:00', changes: [{ path: 'specs/a.yaml', blob: 'a2' }] },
    { commit: 'c4'.padEnd(40, '0'), date: '2026-02-04T08:00:00-05:00', changes: [{ path: 'specs/road.yaml', blob: 'road2' }, { path: 'specs/b.yaml', blob: null }] },
  ];
  const versionOf = (blob: string) => blobs.get(blob);

  it('counts an ID planned in two files once (done when one of them is), days in the committer time zone, a parent cycle cut', () => {
    const { series } = computeBurnup('R-1', commits, versionOf);
    assert.deepEqual(
      series.points.map((p) => [p.date, p.commit.slice(0, 2), p.scope, p.done, p.entered.join(' '), p.left.join(' ')]),
      [
        ['2026-02-01', 'c1', 2, 1, 'A-1 A-2', ''],
        ['2026-02-02', 'c3', 3, 2, 'B-1', ''],
        ['2026-02-04', 'c4', 2, 2, '', 'B-1'],
      ],
    );
    assert.deepEqual(computeBurnup('X', commits, versionOf).series.points.map((p) => p.scope), [1, 0, 0]);
  });

  it('resumed from a checkpoint equals a full run, also when the last day gets another commit', () => {
    const first = computeBurnup('R-1', commits.slice(0, 3), versionOf);
    const more = [...commits.slice(0, 3), { commit: 'c5'.padEnd(40, '0'), date: '2026-02-02T23:50:00+01:00', changes: [{ path: 'specs/b.yaml', blob: null }] }, commits[3]];
    assert.deepEqual(computeBurnup('R-1', more, versionOf, first.checkpoint).series, computeBurnup('R-1', more, versionOf).series);
    assert.equal(computeBurnup('R-1', more, versionOf).series.points[1].commit.slice(0, 2), 'c5');
  });

  it('starts at the first day the item exists and writes CSV', () => {
    const { series } = computeBurnup('M-1', commits, versionOf);
    assert.equal(series.points[0].date, '2026-02-01');
    assert.equal(computeBurnup('R-9', commits, versionOf).series.points.length, 0);
    const csv = burnupCsv({ item: 'R-1', points: [{ date: '2026-02-01', commit: 'abc', scope: 2, done: 1, entered: ['A-1', 'A-2'], left: [], notes: ['a, "b"'] }] });
    assert.equal(csv, 'date,commit,scope,done,entered,left,notes\n2026-02-01,abc,2,1,A-1 A-2,,"a, ""b"""\n');
  });
});
