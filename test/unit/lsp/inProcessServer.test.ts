// The language server in this process, over a pair of in-memory streams: startServer() with the
// connection vscode-languageserver makes on them, and a protocol client on the other ends. It indexes
// examples/acme-shop, publishes diagnostics for an opened spec and answers a hover, as over stdio.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import {
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, MarkupContent, ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { startServer } from '../../../server/src/lsp/startServer';

const ROOT = path.resolve(__dirname, '..', '..', '..', 'examples', 'acme-shop');
const uriOf = (rel: string) => pathToFileURL(path.join(ROOT, rel)).toString();

/** Poll until `probe` gives a value (the server answers through the event loop). */
async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('language server in process (startServer over in-memory streams)', function () {
  this.timeout(60_000);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const published = new Map<string, Diagnostic[]>();
  let client: ProtocolConnection;

  before(async () => {
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConnection, { now: () => new Date('2026-11-28T12:00:00Z') });
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.set(p.uri, p.diagnostics);
    });
    // Registration and progress requests: an editor with nothing to add.
    for (const method of ['client/registerCapability', 'window/workDoneProgress/create']) client.onRequest(method, () => null);
    client.listen();
    const result = await client.sendRequest(InitializeRequest.type, {
      // No process ID: the server would watch that process and exit with it.
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(ROOT).toString(), name: 'acme-shop' }],
      capabilities: { workspace: { workspaceFolders: true }, textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: {} } },
    });
    assert.equal(result.serverInfo?.name, 'spectrace');
    await client.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await client.sendRequest(ShutdownRequest.type);
    // No exit notification: the server's handler for it ends the process. Closing the streams ends the connection.
    client.dispose();
    toServer.end();
    toClient.end();
  });

  it('publishes the diagnostics of an opened spec with a misspelt value', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'specs', 'checkout.yaml'), 'utf8').replace('    priority: must\n', '    priority: shuold\n');
    const uri = uriOf('specs/checkout.yaml');
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const diagnostics = await until('diagnostics of the opened spec', () => published.get(uri));
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.code, d.message]),
      [[text.split('\n').findIndex((l) => l.includes('shuold')), 'schema', '`priority` must be one of must, should, could, wont — did you mean `should`?']],
    );
  });

  it('answers a hover on an ID in code with its card', async () => {
    const file = 'src/checkout/payment.ts';
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const uri = uriOf(file);
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('@implements PAY-3, PAY-5'));
    const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: lines[line].indexOf('PAY-3') + 1 } });
    const contents = hover?.contents as MarkupContent | undefined;
    assert.match(contents?.value ?? '', /\*\*PAY-3\*\* — Pay by card/);
  });
});
