// Workspace-level behaviour over stdio: trust, settings pulled per folder, config and custom schema
// changes, multi-root folders added and removed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, InlayHint } from 'vscode-languageserver-protocol';
import type { RequirementsTreeResult, SummaryResult } from '../../server/src/shared/protocol';
import { LspClient, copyExample, messageOf, removeCopy, uriOf } from './lspClient';

describe('LSP workspace: trust, settings, config, folders', function () {
  this.timeout(60_000);
  const roots: string[] = [];
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    for (const r of roots.splice(0)) removeCopy(r);
  });

  function copy(name: string): string {
    const r = copyExample(name);
    roots.push(r);
    return r;
  }

  it('an untrusted workspace ignores its custom schemas until trust is granted', async () => {
    const root = copy('broken/custom-schema-extra-field');
    const spec = path.join(root, 'specs', 'checkout.yaml');
    client = await LspClient.start({ root, initializationOptions: { trusted: false } });
    await client.open(spec);
    const schemaErrors = (p: { diagnostics: { code?: number | string }[] }) => p.diagnostics.filter((d) => d.code === 'schema');
    const untrusted = await client.diagnosticsFor(spec, (p) => p.version === 1);
    assert.deepEqual(schemaErrors(untrusted), [], 'built-in schemas only');
    assert.equal((await client.request<SummaryResult>('spectrace/summary', {})).trusted, false);

    const before = client.lastSeq;
    await client.connection.sendNotification('spectrace/trustChanged', { trusted: true });
    const trusted = await client.diagnosticsFor(spec, (p) => schemaErrors(p).length === 2, before);
    assert.deepEqual(trusted.diagnostics.filter((d) => d.code === 'schema').map(messageOf).sort(), [
      'missing required field “owner”',
      '“cancelled” is not a valid status: use planned, active or done',
    ]);
    assert.equal((await client.request<SummaryResult>('spectrace/summary', {})).trusted, true);
  });

  it('settings are pulled per folder and re-pulled on didChangeConfiguration (code lenses in code files with codeFiles)', async () => {
    const root = copy('acme-shop');
    const payment = path.join(root, 'src', 'checkout', 'payment.ts');
    client = await LspClient.start({ root, settings: { codeLens: { enabled: false }, inlayHints: { enabled: false } } });
    await client.open(payment, 'typescript');
    await client.diagnosticsFor(payment, (p) => p.version === 1);
    const config = client.serverRequests.find((r) => r.method === 'workspace/configuration');
    assert.deepEqual(config?.params, { items: [{ scopeUri: uriOf(root), section: 'spectrace' }] });
    const lenses = () => client!.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(payment) } });
    const hints = () =>
      client!.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: uriOf(payment) }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } } });
    assert.deepEqual(await lenses(), []);
    assert.deepEqual(await hints(), []);

    client.settings = { codeLens: { enabled: true, codeFiles: true }, inlayHints: { enabled: true } };
    const pulls = client.serverRequests.filter((r) => r.method === 'workspace/configuration').length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('settings re-pulled', () => client!.serverRequests.filter((r) => r.method === 'workspace/configuration').length > pulls);
    let got: CodeLens[] = [];
    for (let i = 0; i < 200 && got.length === 0; i++) {
      got = await lenses();
      if (!got.length) await new Promise((r) => setTimeout(r, 10));
    }
    assert.ok(got.some((l) => l.command?.title === 'PAY-10: Checkout answers within 2 seconds'));
    assert.ok((await hints()).length > 0);
  });

  it('a config change on disk re-indexes the folder with the new rules', async () => {
    const root = copy('acme-shop');
    const checkout = path.join(root, 'specs', 'checkout.yaml');
    client = await LspClient.start({ root });
    await client.open(checkout);
    await client.diagnosticsFor(checkout, (p) => p.version === 1);
    const before = client.lastSeq;
    // A new required ID pattern makes every ID with a dash and digits invalid.
    const cfg = path.join(root, 'spectrace.yaml');
    fs.writeFileSync(cfg, `${fs.readFileSync(cfg, 'utf8')}\nidPattern: "^[A-Z]+_[0-9]+$"\n`);
    await client.fileEvents([{ file: cfg, type: 'changed' }]);
    const p = await client.diagnosticsFor(checkout, (d) => d.diagnostics.length > 0, before);
    assert.ok(p.diagnostics.every((d) => d.code === 'schema'), JSON.stringify(p.diagnostics.slice(0, 2)));
    assert.equal(p.version, 1, 'the open document keeps its version');
  });

  it('editing spectrace.yaml in the editor validates it as you type', async () => {
    const root = copy('acme-shop');
    const cfg = path.join(root, 'spectrace.yaml');
    client = await LspClient.start({ root });
    await client.open(cfg);
    await client.diagnosticsFor(cfg, (p) => p.version === 1);
    const version = await client.replace(cfg, 'uncovered-requirement: error', 'uncovered-requirement: loud');
    const p = await client.diagnosticsFor(cfg, (d) => d.version === version && d.diagnostics.length > 0);
    assert.equal(p.diagnostics[0].code, 'invalid-config');
  });

  it('multi-root: one index per folder, folders added and removed at run time', async () => {
    const a = copy('acme-shop');
    const b = copy('broken/duplicate-id');
    client = await LspClient.start({ root: a });
    await client.waitFor('acme indexed', () => client!.logs.some((l) => l.includes(`indexed ${a}`)));
    const tree = async () => (await client!.request<RequirementsTreeResult>('spectrace/requirementsTree', {})).folders.map((f) => [f.name, f.requirements.length]);
    assert.deepEqual(await tree(), [[path.basename(a), 40]]);

    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(b), name: 'dup' }], removed: [] } });
    const wallets = path.join(b, 'specs', 'wallets.yaml');
    const dup = await client.diagnosticsFor(wallets, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'));
    assert.ok(dup.diagnostics.length > 0);
    assert.deepEqual((await tree()).map((t) => t[0]), [path.basename(a), 'dup']);

    const before = client.lastSeq;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(b), name: 'dup' }] } });
    const cleared = await client.diagnosticsFor(wallets, () => true, before);
    assert.deepEqual(cleared.diagnostics, [], 'a removed folder takes its diagnostics with it');
    assert.deepEqual(await tree(), [[path.basename(a), 40]]);
  });
});
