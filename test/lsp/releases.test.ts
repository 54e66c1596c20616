// spectrace/releaseNotes and spectrace/timeline over stdio: the notes the CLI writes, the timeline
// chart with a bar per dated roadmap item, and the release rules published as diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReleaseNotesResult, TimelineResult } from '../../server/src/shared/protocol';
import type { SvgNode } from '../../server/src/shared/svgTree';
import { LspClient, REPO_ROOT, copyExample, removeCopy, uriOf } from './lspClient';

function ids(node: SvgNode): string[] {
  const own = node.tag === 'g' && typeof node.attrs['data-id'] === 'string' ? [String(node.attrs['data-id'])] : [];
  return [...own, ...(node.children ?? []).flatMap(ids)];
}

describe('LSP releases (acme-shop over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;

  before(async () => {
    root = copyExample('acme-shop');
    client = await LspClient.start({ root, env: { SPECTRACE_NOW: '2026-11-28' } });
    await client.open(path.join(root, 'specs', 'roadmap.yaml'));
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  it('answers release notes as `spectrace release-notes` writes them, and a clear error for an unknown item', async () => {
    const notes = await client.request<ReleaseNotesResult>('spectrace/releaseNotes', { roadmapId: 'R-2026' });
    assert.equal(notes.content, fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'release-notes', 'acme-shop-R-2026.md'), 'utf8'));
    await assert.rejects(client.request('spectrace/releaseNotes', { roadmapId: 'R-1999' }), /No roadmap item “R-1999”|No roadmap item .R-1999./);
  });

  it('answers the timeline: every dated item drawn, as of the server clock, with locations to open', async () => {
    const result = await client.request<TimelineResult>('spectrace/timeline', { zoom: 'month' });
    const folder = result.folders[0];
    assert.ok(folder);
    assert.deepEqual(ids(folder.svg), ['R-2026', 'M-1', 'R-2027', 'M-2', 'R-2028']);
    assert.equal(folder.svg.attrs['data-pixels-per-day'], 4);
    assert.deepEqual(folder.undated, []);
    assert.equal(folder.locations['M-2']?.uri, uriOf(path.join(root, 'specs', 'roadmap.yaml')));
    const today = JSON.stringify(folder.svg).includes('"data-date":"2026-11-28"');
    assert.ok(today, 'the today line is at the server clock');
  });

  it('publishes release-not-ready on the done release with a suspect link', async () => {
    const diagnostics = await client.diagnosticsFor(path.join(root, 'specs', 'roadmap.yaml'), (p) => p.diagnostics.some((d) => d.code === 'release-not-ready'));
    const d = diagnostics.diagnostics.find((x) => x.code === 'release-not-ready');
    assert.equal(d?.message, 'R-2026 is done but not ready: 1 with suspect links (SRCH-4)');
    assert.equal(d?.range.start.line, 8);
  });
});
