// spectrace/exportReqif and spectrace/importRequirements over stdio: the server answers with the
// CLI's ReqIF and YAML text and writes nothing; refused input is an error message, not a crash.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExportReqifResult, ImportRequirementsResult } from '../../server/src/shared/protocol';
import { LspClient, copyExample, removeCopy, uriOf } from './lspClient';

const CSV = path.resolve(__dirname, '..', 'fixtures', 'interchange');

describe('LSP interchange requests', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  let root = '';

  before(async () => {
    root = copyExample('acme-shop');
    client = await LspClient.start({ root });
  });

  after(async () => {
    await client?.stop();
    removeCopy(root);
  });

  it('spectrace/exportReqif returns the workspace as ReqIF', async () => {
    const result = await (client as LspClient).request<ExportReqifResult>('spectrace/exportReqif', { date: '2026-03-01' });
    assert.equal(result.requirements, 40);
    assert.equal(result.roadmapItems, 5);
    assert.match(result.content, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<REQ-IF /);
    assert.equal((result.content.match(/<SPEC-OBJECT /g) ?? []).length, 45);
  });

  it('spectrace/importRequirements returns the spec file text and the report, and writes nothing', async () => {
    const result = await (client as LspClient).request<ImportRequirementsResult>('spectrace/importRequirements', { fileUri: uriOf(path.join(CSV, 'jira-export.csv')) });
    assert.equal(result.outUri, uriOf(path.join(root, 'specs', 'jira-export.yaml')));
    assert.equal(result.updates, false);
    assert.equal(result.requirements, 5);
    assert.match(result.content, /- id: SHOP-2\n {4}title: Pay with a saved card\n/);
    assert.ok(result.report.includes("column 'Summary' -> title (Jira default)"), result.report.join('\n'));
    assert.ok(result.changes.includes('SHOP-1: added'));
    assert.equal(fs.existsSync(path.join(root, 'specs', 'jira-export.yaml')), false);
  });

  it('refused input comes back as an error with the importer message', async () => {
    await assert.rejects((client as LspClient).request('spectrace/importRequirements', { fileUri: uriOf(path.join(CSV, 'no-title.csv')) }), /no title column: expected 'Summary'/);
  });

  it('a FIFO or device named as the file to import, its mapping or its spec file is refused at once, and the server goes on', async function () {
    this.timeout(20_000); // a read that blocks would hold the request (and a thread-pool thread) forever
    const lsp = client as LspClient;
    const fifo = path.join(root, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const jira = uriOf(path.join(CSV, 'jira-export.csv'));
    // More requests than libuv has threads (4): a blocking open on each would starve every later file read.
    const refusals = [
      lsp.request('spectrace/importRequirements', { fileUri: uriOf(fifo) }),
      lsp.request('spectrace/importRequirements', { fileUri: jira, mappingUri: uriOf(fifo) }),
      lsp.request('spectrace/importRequirements', { fileUri: jira, outUri: uriOf(fifo) }),
      lsp.request('spectrace/importRequirements', { fileUri: jira, outUri: 'file:///dev/zero' }),
      lsp.request('spectrace/importRequirements', { fileUri: 'file:///dev/zero' }),
    ];
    for (const refusal of refusals) await assert.rejects(refusal, /not a regular file \(a pipe, socket or device\)/);
    const after = await lsp.request<ImportRequirementsResult>('spectrace/importRequirements', { fileUri: jira });
    assert.equal(after.requirements, 5);
    fs.rmSync(fifo);
  });
});
