// In-process keystroke cost as the server's flush spends it (the span SPECTRACE_TIMING logs): index
// update, diagnostics, the publisher's conversion, then the stdio encoder's bytes for that publish
// (written after the span, still on the server's thread). Edits as the stdio driver makes them (one
// letter inside a `description:` value), spread over the file, with idle time between them.
// usage: node --import tsx bench/micro/keystrokePublish.ts [N] [edits] [gap-ms]   (needs bench/work/lsp-N from bench/run.mjs)
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Message } from 'vscode-languageserver/node';
import { indexFolder } from '../../server/src/disk/indexFolder';
import { PieceDocument } from '../../server/src/lsp/pieceDocument';
import { DiagnosticsPublisher } from '../../server/src/lsp/publisher';
import { encodeMessage } from '../../server/src/lsp/stdioTransport';

const n = Number(process.argv[2] ?? 5000);
const edits = Number(process.argv[3] ?? 200);
const gapMs = Number(process.argv[4] ?? 20);
const root = path.resolve(__dirname, '..', 'work', `lsp-${n}`);
const file = path.join(root, `product-${n}.spec.yaml`);

/** What the publisher sent last, encoded as the stdio transport would. */
let sent: PublishDiagnosticsParams | undefined;
const connection = {
  sendDiagnostics: (params: PublishDiagnosticsParams) => {
    sent = params;
    return Promise.resolve();
  },
  console: { error: (message: string) => console.error(message) },
} as unknown as Connection;
const encodeSent = () => encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: sent } as Message);

async function main(): Promise<void> {
  const { index } = await indexFolder(root);
  const publisher = new DiagnosticsPublisher(connection, () => 1, () => true);
  const text = fs.readFileSync(file, 'utf8');
  const doc = PieceDocument.create(`file://${file}`, 'yaml', 1, text);
  index.updateFile(file, doc);
  publisher.publishFile(root, file, index.diagnosticsFor(file), true);
  encodeSent();
  const lines = text.split('\n');
  const candidates = lines.flatMap((l, i) => (/^\s*description:\s/.test(l) ? [i] : []));
  const times = { update: [] as number[], diagnostics: [] as number[], publish: [] as number[], encode: [] as number[], flush: [] as number[] };
  for (let k = 0; k < edits; k++) {
    const line = candidates[(k * 97) % candidates.length];
    const col = lines[line].indexOf(':') + 3;
    PieceDocument.update(doc, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }], doc.version + 1);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    const t0 = performance.now();
    index.updateFile(file, doc);
    const t1 = performance.now();
    const list = index.diagnosticsFor(file);
    const t2 = performance.now();
    publisher.publishFile(root, file, list, true);
    const t3 = performance.now();
    encodeSent();
    const t4 = performance.now();
    times.update.push(t1 - t0);
    times.diagnostics.push(t2 - t1);
    times.publish.push(t3 - t2);
    times.encode.push(t4 - t3);
    times.flush.push(t3 - t0);
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(3);
  const count = index.diagnosticsFor(file).length;
  console.log(`${n} requirements, ${count} diagnostics in the file, ${edits} edits (medians, ms): update ${med(times.update)}, diagnostics ${med(times.diagnostics)}, publish ${med(times.publish)}, flush ${med(times.flush)}; stdio encoding ${med(times.encode)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
