// The cross-file cases of examples/broken/ through indexFolder (the way the CLI and the server load a
// folder) with the clock examples/broken/README.md names: every expected diagnostic is reported (file, line, column,
// severity, code, message), and no other diagnostic of a cross-file rule.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexFolder } from '../../../server/src/disk/indexFolder';
import type { DiagnosticCode, SpecDiagnostic } from '../../../server/src/engine/types';
import { TestClock } from '../../support/memoryWorkspace';

const REPO = path.resolve(__dirname, '../../..');
const BROKEN = path.join(REPO, 'examples', 'broken');
const NOW = new TestClock().now;

const CROSS_FILE = new Set<DiagnosticCode>([
  'duplicate-id',
  'unknown-reference',
  'dependency-cycle',
  'parent-cycle',
  'unknown-code-reference',
  'inactive-code-reference',
  'uncovered-requirement',
  'overdue-roadmap-item',
  'status-mismatch',
  'contradictory-status',
  'roadmap-order',
  'release-not-ready',
]);

interface Expected {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: DiagnosticCode;
  message?: string;
  messageContains?: string;
}

function expectedOf(dir: string): Expected[] {
  return JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected[];
}

function show(d: SpecDiagnostic, dir: string): string {
  return `${path.relative(dir, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
}

// A case is a cross-file one when its expected diagnostics are cross-file ones.
const cases = fs
  .readdirSync(BROKEN)
  .filter((d) => fs.existsSync(path.join(BROKEN, d, 'expected.json')))
  .filter((d) => expectedOf(path.join(BROKEN, d)).some((e) => CROSS_FILE.has(e.code)))
  .sort();

describe('examples/broken: cross-file rules', () => {
  it('has one case per cross-file rule', () => {
    const covered = new Set(cases.flatMap((c) => expectedOf(path.join(BROKEN, c)).map((e) => e.code)));
    for (const code of CROSS_FILE) assert.ok(covered.has(code), `no case for ${code}`);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(BROKEN, name);
      const { index } = await indexFolder(dir, { now: NOW });
      const actual = [...index.diagnostics().values()].flat();
      const shown = actual.map((d) => show(d, dir)).join('\n');
      const unmatched = [...actual];
      for (const e of expectedOf(dir)) {
        const i = unmatched.findIndex(
          (d) =>
            path.relative(dir, d.file) === e.file &&
            d.range.start.line + 1 === e.line &&
            d.range.start.character + 1 === e.column &&
            d.code === e.code &&
            d.severity === e.severity &&
            (e.message === undefined || d.message === e.message) &&
            (e.messageContains === undefined || d.message.includes(e.messageContains)),
        );
        assert.ok(i >= 0, `expected ${JSON.stringify(e)}\nactual:\n${shown}`);
        unmatched.splice(i, 1);
      }
      assert.deepEqual(unmatched.filter((d) => CROSS_FILE.has(d.code)).map((d) => show(d, dir)), [], `unexpected diagnostics in ${name}`);
    });
  }

  it('relates the two definitions of the duplicate-id case to each other', async () => {
    const dir = path.join(BROKEN, 'duplicate-id');
    const { index } = await indexFolder(dir, { now: NOW });
    const dups = [...index.diagnostics().values()].flat().filter((d) => d.code === 'duplicate-id');
    assert.deepEqual(
      dups.map((d) => [path.relative(dir, d.file), d.related?.map((r) => `${path.relative(dir, r.file)}:${r.range.start.line + 1}`)]),
      [
        ['specs/checkout.yaml', ['specs/wallets.yaml:7']],
        ['specs/wallets.yaml', ['specs/checkout.yaml:3']],
      ],
    );
  });
});
