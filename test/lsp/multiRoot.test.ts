// A multi-root workspace over stdio: test/fixtures/e2e/multi-root's two folders (the specs in one, the
// code in the other) share one trace: the service's tags resolve, PAY-1's lens counts the service's
// implementation, rename reaches both folders, and a duplicate ID across folders is reported in both.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, Location, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { ExportReqifResult, ImportRequirementsResult, MatrixResult, RequirementsTreeResult, SummaryResult } from '../../server/src/shared/protocol';
import { LspClient, REPO_ROOT, pathOf, positionOf, removeCopy, uriOf } from './lspClient';

function copyFixture(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-lsp-multiroot-')));
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'e2e', 'multi-root'), dir, { recursive: true });
  return dir;
}

describe('LSP multi-root: one trace across workspace folders', function () {
  this.timeout(60_000);
  let dir: string;
  let specs: string;
  let service: string;
  let client: LspClient;

  beforeEach(async () => {
    dir = copyFixture();
    specs = path.join(dir, 'specs-repo');
    service = path.join(dir, 'service');
    client = await LspClient.start({ root: specs, extraFolders: [service] });
  });

  afterEach(async () => {
    await client?.stop();
    removeCopy(dir);
  });

  it('resolves the service’s tags against the other folder’s specs: no unknown reference', async () => {
    const code = path.join(service, 'src', 'payment.ts');
    await client.open(code);
    const published = await client.diagnosticsFor(code, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics, []);
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(code) }, position: positionOf(client.doc(code), 'PAY-1', 1) });
    assert.deepEqual(definition.map((l) => path.relative(dir, pathOf(l.uri))), ['specs-repo/specs/payments.yaml']);
  });

  it('counts the service’s implementation and test in PAY-1’s code lens and the Requirements view', async () => {
    const spec = path.join(specs, 'specs', 'payments.yaml');
    await client.open(spec);
    await client.diagnosticsFor(spec, (p) => p.version === 1);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(spec) } });
    const titles = lenses.filter((l) => l.range.start.line === 3).map((l) => l.command?.title ?? '');
    assert.ok(titles.includes('1 implementation') && titles.includes('1 test'), JSON.stringify(titles));
    const tree = await client.request<RequirementsTreeResult>('spectrace/requirementsTree', {});
    assert.deepEqual(tree.folders.map((f) => [f.name, f.requirements.map((r) => r.id)]), [
      ['specs-repo', ['PAY-1', 'PAY-2']],
      ['service', []],
    ]);
    const pay1 = tree.folders[0].requirements[0];
    assert.deepEqual([pay1.implementations.length, pay1.tests.length], [1, 1]);
    assert.deepEqual(pay1.implementations.map((l) => path.relative(dir, pathOf(l.uri))), ['service/src/payment.ts']);
  });

  it('exports one report of the whole workspace, its paths naming the folders', async () => {
    const { content } = await client.request<{ content: string }>('spectrace/report', { format: 'json' });
    const report = JSON.parse(content) as { requirements: { id: string; file: string; implementations: { file: string }[]; tests: { file: string }[] }[] };
    assert.deepEqual(
      report.requirements.map((r) => [r.id, r.file, r.implementations.map((l) => l.file), r.tests.map((l) => l.file)]),
      [
        ['PAY-1', 'specs-repo/specs/payments.yaml', ['service/src/payment.ts'], ['service/test/payment.test.ts']],
        ['PAY-2', 'specs-repo/specs/payments.yaml', [], []],
      ],
    );
  });

  it('exports the chosen folder as ReqIF; without a choice it asks for one in words a user can act on', async () => {
    const specsExport = await client.request<ExportReqifResult>('spectrace/exportReqif', { folderUri: uriOf(specs), date: '2026-03-01' });
    assert.deepEqual([specsExport.requirements, (specsExport.content.match(/<SPEC-OBJECT /g) ?? []).length], [2, 2]);
    const serviceExport = await client.request<ExportReqifResult>('spectrace/exportReqif', { folderUri: uriOf(service), date: '2026-03-01' });
    assert.equal(serviceExport.requirements, 0);
    await assert.rejects(client.request('spectrace/exportReqif', {}), (err: Error) => err.message === 'Several workspace folders are open: choose the folder to export.');
  });

  it('imports a file from outside the workspace into the chosen folder’s specs/', async () => {
    const csv = path.join(REPO_ROOT, 'test', 'fixtures', 'interchange', 'jira-export.csv');
    const intoService = await client.request<ImportRequirementsResult>('spectrace/importRequirements', { fileUri: uriOf(csv), folderUri: uriOf(service) });
    assert.equal(intoService.outUri, uriOf(path.join(service, 'specs', 'jira-export.yaml')));
    const intoFirst = await client.request<ImportRequirementsResult>('spectrace/importRequirements', { fileUri: uriOf(csv) });
    assert.equal(intoFirst.outUri, uriOf(path.join(specs, 'specs', 'jira-export.yaml')));
  });

  it('matrix: one table across the folders, each path naming its folder', async () => {
    const { rows } = await client.request<MatrixResult>('spectrace/matrix', {});
    assert.deepEqual(
      rows.map((r) => [r.id, r.file, r.implementations.map((l) => `${l.file}:${l.line}`), r.tests.map((l) => `${l.file}:${l.line}`)]),
      [
        ['PAY-1', 'specs-repo/specs/payments.yaml', ['service/src/payment.ts:3'], ['service/test/payment.test.ts:4']],
        ['PAY-2', 'specs-repo/specs/payments.yaml', [], []],
      ],
    );
    assert.equal(pathOf(rows[0].implementationLocations[0].uri), path.join(service, 'src', 'payment.ts'));
  });

  it('renames PAY-1 in the specs folder and in the service’s code and tests', async () => {
    const spec = path.join(specs, 'specs', 'payments.yaml');
    await client.open(spec);
    await client.diagnosticsFor(spec, (p) => p.version === 1);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uriOf(spec) },
      position: positionOf(client.doc(spec), 'id: PAY-1', 'id: '.length + 1),
      newName: 'PAY-100',
    });
    const files = ((edit.documentChanges ?? []) as TextDocumentEdit[]).map((c) => path.relative(dir, pathOf(c.textDocument.uri))).sort();
    assert.deepEqual(files, ['service/src/payment.ts', 'service/test/payment.test.ts', 'specs-repo/specs/payments.yaml']);
    const before = client.lastSeq;
    await client.applyEdit(edit);
    const code = path.join(service, 'src', 'payment.ts');
    assert.match(fs.readFileSync(code, 'utf8'), /@implements PAY-100\n/);
    await client.open(code);
    const published = await client.diagnosticsFor(code, (p) => p.version === 1, before);
    assert.deepEqual(published.diagnostics, [], 'the renamed tag resolves');
  });

  it('reports an ID defined in both folders in both folders', async () => {
    const local = path.join(service, 'specs', 'local.yaml');
    fs.mkdirSync(path.dirname(local), { recursive: true });
    fs.writeFileSync(local, 'requirements:\n  - id: PAY-1\n    title: A second PAY-1\n    priority: could\n    status: proposed\n');
    const specFile = path.join(specs, 'specs', 'payments.yaml');
    await client.fileEvents([{ file: local, type: 'created' }]);
    const here = await client.diagnosticsFor(local, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'));
    const there = await client.diagnosticsFor(specFile, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'));
    assert.equal(here.diagnostics.filter((d) => d.code === 'duplicate-id').length, 1);
    assert.equal(there.diagnostics.filter((d) => d.code === 'duplicate-id').length, 1);
  });

  it('tells a folder about an edit in another: a tag turns unknown as the requirement is renamed by hand', async () => {
    const code = path.join(service, 'src', 'payment.ts');
    const spec = path.join(specs, 'specs', 'payments.yaml');
    await client.open(code);
    await client.diagnosticsFor(code, (p) => p.version === 1 && p.diagnostics.length === 0);
    await client.open(spec);
    const before = client.lastSeq;
    await client.replace(spec, 'id: PAY-1', 'id: PAY-9');
    const p = await client.diagnosticsFor(code, (d) => d.diagnostics.length > 0, before);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['unknown-code-reference']);
  });
});

describe('LSP include: a folder opened alone with the specs of other folders', function () {
  this.timeout(60_000);
  let dir: string;
  let service: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-lsp-include-')));
    fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'include'), dir, { recursive: true });
    service = path.join(dir, 'service');
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeCopy(dir);
  });

  it('resolves tags against the included specs and lists the included folders in the views', async () => {
    client = await LspClient.start({ root: service });
    const code = path.join(service, 'test', 'pay.test.ts');
    await client.open(code);
    const published = await client.diagnosticsFor(code, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics, []);
    const tree = await client.request<RequirementsTreeResult>('spectrace/requirementsTree', {});
    assert.deepEqual(tree.folders.map((f) => [f.name, f.requirements.map((r) => r.id)]), [
      ['service', []],
      ['product-specs (included)', ['PAY-1', 'PAY-2', 'PAY-3']],
      ['web (included)', []],
    ]);
    const pay2 = tree.folders[1].requirements[1];
    assert.deepEqual(pay2.implementations.map((l) => path.relative(dir, pathOf(l.uri))), ['web/src/cards.ts']);
    // product-specs has an error of its own (PAY-3's priority): not this window's to count.
    const summary = await client.request<SummaryResult>('spectrace/summary', {});
    assert.deepEqual([summary.requirements, summary.errors], [3, 0]);
    assert.equal(
      client.publishes.some((p) => pathOf(p.uri).startsWith(path.join(dir, 'product-specs'))),
      false,
      'included folders are read only: nothing is published for them',
    );
  });

  it('answers a request that came before the index with the included folders in it', async () => {
    // The settings are withheld, so the folder cannot be indexed before the request is in.
    const started = await LspClient.start({ root: service, holdAnswers: ['workspace/configuration'] });
    client = started;
    await started.waitFor('the settings pull', () => started.serverRequests.some((r) => r.method === 'workspace/configuration'));
    const tree = started.request<RequirementsTreeResult>('spectrace/requirementsTree', {});
    // The server takes messages in order: once a later request is answered, the tree request is being handled.
    await assert.rejects(started.request('spectrace/noSuchRequest', {}), /Unhandled method spectrace\/noSuchRequest/);
    started.server.release('workspace/configuration');
    assert.deepEqual((await tree).folders.map((f) => f.name), ['service', 'product-specs (included)', 'web (included)']);
  });

  it('exports the workspace folder as ReqIF, as the CLI does: its includes are not a second folder to choose from', async () => {
    client = await LspClient.start({ root: service });
    const exported = await client.request<ExportReqifResult>('spectrace/exportReqif', { date: '2026-03-01' });
    assert.equal(exported.requirements, 0);
    assert.match(exported.content, /^<\?xml /);
  });

  it('refuses to rename an ID named in an included folder: included folders are read only', async () => {
    client = await LspClient.start({ root: service });
    const code = path.join(service, 'src', 'pay.ts');
    await client.open(code);
    await client.diagnosticsFor(code, (p) => p.version === 1);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: uriOf(code) }, position: positionOf(client.doc(code), 'PAY-1', 1), newName: 'PAY-10' }),
      (err: Error) => /^PAY-1 is also named in \S*product-specs\/specs\/payments\.yaml, which an include: reads only/.test(err.message),
    );
  });

  it('puts an include path it cannot read on its line in spectrace.yaml; the other includes still work', async () => {
    const config = path.join(service, 'spectrace.yaml');
    fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8')}  - ../gone\n`);
    client = await LspClient.start({ root: service });
    const p = await client.diagnosticsFor(config, (d) => d.diagnostics.length > 0);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      [['invalid-config', 8, "include: cannot read folder '../gone' (no such folder); its specs are not part of this trace"]],
    );
    const code = path.join(service, 'src', 'pay.ts');
    await client.open(code);
    assert.deepEqual((await client.diagnosticsFor(code, (d) => d.version === 1)).diagnostics, []);
  });

  it('does not follow include: in an untrusted workspace', async () => {
    client = await LspClient.start({ root: service, initializationOptions: { trusted: false } });
    const code = path.join(service, 'src', 'pay.ts');
    await client.open(code);
    const published = await client.diagnosticsFor(code, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['unknown-code-reference']);
  });
});
