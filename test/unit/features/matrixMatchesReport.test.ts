// The traceability matrix (the `spectrace/matrix` request), the Requirements view and the report
// (`spectrace report`, Export Report…) must say the same thing about every requirement: same fields,
// same links, same coverage label. Checked on examples/acme-shop and on a workspace where every
// coverage label occurs.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver';
import { indexFolder } from '../../../server/src/disk/indexFolder';
import { buildTraceReport } from '../../../server/src/engine/reports/buildTrace';
import type { TraceReport } from '../../../server/src/engine/reports/reportModel';
import type { FeatureContext } from '../../../server/src/features/featureContext';
import type { FolderView } from '../../../server/src/features/views/nodes';
import { matrix, requirementsTree } from '../../../server/src/features/views/requests';
import { pathToUri } from '../../../server/src/lsp/uris';
import type { MatrixRow } from '../../../server/src/shared/protocol';
import type { TraceRow } from '../../../server/src/shared/traceRow';
import { folderContext, memoryWorkspace } from './helpers';

const ACME = path.resolve(__dirname, '../../../examples/acme-shop');
const NOW = new Date('2026-11-28T12:00:00Z');
const TOOL = { name: 'spectrace', version: '0.0.0-test', informationUri: 'https://example.invalid' };
const token = new CancellationTokenSource().token;

function folderView(ctx: FeatureContext): FolderView {
  return { uri: pathToUri(ctx.root), name: path.basename(ctx.root), ctx };
}

/** What a matrix row says, without the editor locations the report has no use for. */
function reportPart(row: MatrixRow): TraceRow {
  const { location: _location, implementationLocations, testLocations, suspectImplementations: _si, suspectTests: _st, rev: _rev, ...rest } = row;
  assert.equal(implementationLocations.length, row.implementations.length, `${row.id}: one location per implementation`);
  assert.equal(testLocations.length, row.tests.length, `${row.id}: one location per test`);
  return rest;
}

/** The JSON a report goes through (`--format json`, the report request): undefined fields dropped. */
function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

async function assertSame(ctx: FeatureContext): Promise<{ report: TraceReport; rows: MatrixRow[] }> {
  const report = buildTraceReport(ctx.index, { tool: TOOL, folder: '.', now: NOW });
  const { rows } = await matrix([folderView(ctx)], token);
  assert.ok(report.rows.length > 0);
  assert.deepEqual(asJson(rows.map(reportPart)), asJson(report.rows));
  // The Requirements view's coverage word is the same function's.
  const tree = await requirementsTree([folderView(ctx)], token);
  const viewLabels = new Map(tree.folders[0].requirements.map((r) => [r.id, r.coverage]));
  for (const r of report.rows) assert.equal(viewLabels.get(r.id), r.coverage, `${r.id}: the Requirements view's coverage`);
  return { report, rows };
}

describe('the matrix and the report build the same rows', () => {
  it('for every requirement of examples/acme-shop, coverage label included', async () => {
    const { index } = await indexFolder(ACME, { now: () => NOW });
    const ctx = folderContext(index, ACME);
    const { report } = await assertSame(ctx);
    const ids = index.requirements().map((r) => r.id).filter((id): id is string => id !== undefined);
    assert.deepEqual(report.rows.map((r) => r.id).sort(), [...new Set(ids)].sort(), 'one row per requirement');
    assert.equal(report.rows.find((r) => r.id === 'PAY-5')?.coverage, 'exempt');
    assert.equal(report.rows.find((r) => r.id === 'PAY-3')?.coverage, 'covered');
    assert.equal(report.rows.find((r) => r.id === 'CART-5')?.coverage, 'not-required');
  });

  it('with every coverage label, `partial` included', async () => {
    const spec = [
      'requirements:',
      ...['covered', 'partial', 'uncovered', 'exempt', 'free'].flatMap((name, i) => [
        `  - id: C-${i + 1}`,
        `    title: ${name}`,
        `    priority: ${name === 'free' ? 'could' : 'must'}`,
        '    status: approved',
        ...(name === 'exempt' ? ['    coverage_exempt: checked by hand'] : []),
      ]),
    ].join('\n');
    const ws = memoryWorkspace(
      {
        'specs/c.yaml': `${spec}\n`,
        'src/c.ts': '// @implements C-1, C-2\n',
        'test/c.test.ts': '// @verifies C-1\n',
      },
      { config: 'coverage:\n  - priority: [must]\n    implementations: 1\n    tests: 1\n' },
    );
    const { rows } = await assertSame(ws.ctx);
    assert.deepEqual(
      rows.map((r) => [r.id, r.coverage]),
      [
        ['C-1', 'covered'],
        ['C-2', 'partial'],
        ['C-3', 'uncovered'],
        ['C-4', 'exempt'],
        ['C-5', 'not-required'],
      ],
    );
    assert.deepEqual(rows[0].implementationLocations, [{ uri: pathToUri(ws.abs('src/c.ts')), range: { start: { line: 0, character: 15 }, end: { line: 0, character: 18 } } }]);
  });
});
