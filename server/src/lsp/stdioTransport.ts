// The --stdio transport, with a JSON encoder that knows diagnostics. A keystroke in a spec with
// hundreds of problems re-publishes all of them (LSP sends a file's diagnostics whole), and
// JSON.stringify of that message was a sixth of the keystroke's cost at 20,000 requirements. The
// publisher hands over the same Diagnostic objects for unchanged problems (publisher.ts), so each
// one's JSON is kept and the message is assembled from the pieces. Every other message is encoded
// as vscode-jsonrpc encodes it. (VS Code starts the server with --node-ipc, where Node's IPC channel
// serializes and no encoder can be plugged in.)
import { Console } from 'node:console';
import { ProposedFeatures, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import type { Connection, ContentTypeEncoder, ContentTypeEncoderOptions, Message, MessageWriter } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';

/** Diagnostic JSON by diagnostic object. Diagnostics are never changed once published (publisher.ts). */
const diagnosticJson = new WeakMap<object, string>();

/** The JSON text of a message: what JSON.stringify gives, from cached pieces for a diagnostics publish. */
export function encodeMessage(msg: Message): string {
  const publish = msg as { method?: unknown; id?: unknown; params?: { diagnostics?: unknown } };
  const diagnostics = publish.params?.diagnostics;
  if (publish.method !== PUBLISH_DIAGNOSTICS || publish.id !== undefined || !Array.isArray(diagnostics)) return JSON.stringify(msg);
  const parts: string[] = new Array<string>(diagnostics.length);
  for (let i = 0; i < diagnostics.length; i++) {
    const d: unknown = diagnostics[i];
    if (typeof d !== 'object' || d === null) return JSON.stringify(msg);
    let json = diagnosticJson.get(d);
    if (json === undefined) {
      json = JSON.stringify(d);
      diagnosticJson.set(d, json);
    }
    parts[i] = json;
  }
  // Everything but the diagnostics, then the diagnostics spliced in as the last property of params.
  const { diagnostics: _omitted, ...params } = publish.params as Record<string, unknown>;
  const paramsJson = JSON.stringify(params);
  const list = `"diagnostics":[${parts.join(',')}]`;
  const withList = paramsJson === '{}' ? `{${list}}` : `${paramsJson.slice(0, -1)},${list}}`;
  const envelope = JSON.stringify({ ...msg, params: 0 });
  // `params` is the envelope's last property (added last above), so its placeholder ends the text.
  return `${envelope.slice(0, -'0}'.length)}${withList}}`;
}

export const diagnosticsAwareJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (msg: Message, options: ContentTypeEncoderOptions) => Promise.resolve(Buffer.from(encodeMessage(msg), options.charset)),
};

/**
 * The connection for the transport named on the command line. For --stdio: stdin and stdout with the
 * encoder above; console output goes to stderr, since stdout carries the protocol and a stray
 * console.log from a library would corrupt it (vscode-languageserver patches the console for --stdio
 * the same way when it owns the streams).
 */
export function createServerConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: diagnosticsAwareJsonEncoder });
  return createWithStdinAndWriter(ProposedFeatures.all, process.stdin, writer);
}

/**
 * createConnection with stdin as a stream and stdout as a writer. Its typings take two streams or
 * two reader/writers, but vscode-jsonrpc wraps each side on its own (createMessageConnection), and
 * only a stream input keeps vscode-languageserver's exit when the client closes stdin.
 */
const createWithStdinAndWriter = createConnection as unknown as (
  features: typeof ProposedFeatures.all,
  input: NodeJS.ReadableStream,
  writer: MessageWriter,
) => Connection;
