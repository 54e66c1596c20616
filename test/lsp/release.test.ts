// The release view's requests through the real server over stdio, on a real git history built at
// fixed dates: spectrace/release (scope and breakdown), spectrace/burnup (the hand-computed series
// and its SVG tree), the series persisted in the storage folder, a reason in an untrusted workspace,
// the "Show release" code lens, and the HTML report with the burn-up inline.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { BurnupResultNode, ReleaseResult, ReportResult } from '../../server/src/shared/protocol';
import type { SvgNode } from '../../server/src/shared/svgTree';
import { buildBurnupRepo, expectedSeries } from '../support/burnupRepo';
import type { BurnupRepo } from '../support/burnupRepo';
import { LspClient, uriOf } from './lspClient';

function nodes(n: SvgNode, out: SvgNode[] = []): SvgNode[] {
  out.push(n);
  for (const c of n.children ?? []) nodes(c, out);
  return out;
}

describe('LSP release view', function () {
  this.timeout(60_000);
  let repo: BurnupRepo;
  let client: LspClient | undefined;
  const temps: string[] = [];
  before(() => {
    repo = buildBurnupRepo();
    temps.push(repo.dir);
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => {
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  it('answers the scope of R-1 and its burn-up: the hand-computed series with its chart, persisted in the storage folder', async () => {
    const storagePath = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-lsp-storage-')));
    temps.push(storagePath);
    client = await LspClient.start({ root: repo.dir, initializationOptions: { trusted: true, storagePath } });
    const release = await client.request<ReleaseResult | null>('spectrace/release', { id: 'R-1' });
    assert.ok(release);
    assert.deepEqual(
      release.items.map((i) => [i.id, i.depth]),
      [
        ['R-1', 0],
        ['M-1', 1],
        ['M-2', 1],
      ],
    );
    assert.deepEqual(
      release.requirements.map((r) => [r.id, r.plannedFor, r.state]),
      [
        ['A-3', 'R-1', 'unfinished'],
        ['A-2', 'M-1', 'done'],
      ],
    );
    assert.equal(release.requirements[0].location.uri, uriOf(path.join(repo.dir, 'specs/reqs.yaml')));
    const burnup = await client.request<BurnupResultNode>('spectrace/burnup', { id: 'R-1' });
    assert.ok(burnup.ok, burnup.ok ? '' : burnup.reason);
    assert.deepEqual(
      burnup.points.map(({ notes: _n, ...p }) => p),
      expectedSeries(repo),
    );
    const tree = nodes(burnup.chart);
    assert.equal(burnup.chart.tag, 'svg');
    assert.equal(tree.filter((n) => n.attrs.class === 'burnup-step').length, 4, 'a marker on each of the 4 days the scope moved');
    assert.equal(release.total, burnup.points[burnup.points.length - 1].scope, 'the view and the chart count the same scope today');
    assert.equal(release.done, burnup.points[burnup.points.length - 1].done);
    await client.waitFor('the persisted spec history', () => fs.readdirSync(storagePath).some((f) => /^spec-history-[0-9a-f]{16}\.json$/.test(f)));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(path.join(repo.dir, 'specs/roadmap.yaml')) } });
    const show = lenses.filter((l) => l.command?.command === 'spectrace.showRelease');
    assert.deepEqual(
      show.map((l) => (l.command?.arguments?.[0] as { id: string }).id),
      ['R-1', 'M-1', 'R-2', 'M-2'],
    );
    const report = await client.request<ReportResult>('spectrace/report', { format: 'html' });
    assert.match(report.content, /<h2>Burn-up<\/h2>\n<figure class="burnup-figure"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="burnup" role="img" aria-label="Burn-up of R-1 First release"/);
  });

  it('gives a reason, not a chart, in an untrusted workspace; null for an unknown item', async () => {
    client = await LspClient.start({ root: repo.dir, initializationOptions: { trusted: false } });
    assert.deepEqual(await client.request<BurnupResultNode>('spectrace/burnup', { id: 'R-1' }), { ok: false, reason: 'the workspace is not trusted: Spectrace runs no git in it, so there is no burn-up' });
    assert.equal(await client.request<ReleaseResult | null>('spectrace/release', { id: 'NOPE-1' }), null);
    assert.equal((await client.request<ReleaseResult | null>('spectrace/release', { id: 'R-1' }))?.total, 2);
  });
});
