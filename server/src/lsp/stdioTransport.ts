// The --stdio transport, with a JSON encoder that knows diagnostics. A keystroke in a spec with
// hundreds of problems re-publishes all of them (LSP sends a file's diagnostics whole), and
// serialising and UTF-8-encoding that message was a large share of a keystroke (bench/HISTORY.md).
// The publisher hands over the same Diagnostic objects for unchanged
// problems (publisher.ts), so each one's encoded JSON is kept and the message's bytes are concatenated
// from the pieces; for a document with many, the run of unchanged ones before and after the edit is
// copied from its last publish in one piece. Every other message is encoded as vscode-jsonrpc encodes
// it, except for the next point.
//
// Every message is written as ASCII: characters outside it are written as JSON `\u` escapes, which
// parse to the same text. A handful of non-ASCII characters (an em dash in "did you mean") made the
// whole publish a multi-byte text, and the client's decode + JSON.parse of it markedly slower, for
// every publish on every keystroke.
//
// (VS Code starts the server with --node-ipc, where Node's IPC channel serializes and no encoder can
// be plugged in.)
import { Console } from 'node:console';
import { ProposedFeatures, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import type { Connection, ContentTypeEncoder, Message, MessageWriter } from 'vscode-languageserver/node';
import { unchangedEnds } from './unchangedEnds';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
const LIST_END = Buffer.from(']}}');

/** Diagnostic JSON as ASCII bytes, by diagnostic object. Diagnostics are never changed once published (publisher.ts). */
const diagnosticBytes = new WeakMap<object, Buffer>();

/**
 * Per document, its last diagnostics publish when it had many: the list (the same array the message
 * held, never changed after), those diagnostics' bytes joined with commas, and where each one ends.
 */
interface LastList {
  diagnostics: readonly unknown[];
  body: Buffer;
  ends: Int32Array;
}
const lastLists = new Map<string, LastList>();
/** Below this many diagnostics a publish is assembled piece by piece as it is cheap anyway. */
const REUSE_MIN = 64;
/** How many documents' last lists are kept. */
const REUSE_DOCUMENTS = 8;

/** A message's JSON as ASCII bytes (valid UTF-8): what JSON.stringify gives, non-ASCII escaped, from cached pieces for a diagnostics publish. */
export function encodeMessage(msg: Message): Buffer {
  const publish = msg as { method?: unknown; id?: unknown; params?: { diagnostics?: unknown } };
  const diagnostics = publish.params?.diagnostics;
  if (publish.method !== PUBLISH_DIAGNOSTICS || publish.id !== undefined || !Array.isArray(diagnostics)) return asciiJson(msg);
  // Everything but the diagnostics, then the diagnostics spliced in as the last property of params.
  const { diagnostics: _omitted, ...params } = publish.params as Record<string, unknown>;
  const paramsJson = JSON.stringify(params);
  const envelope = JSON.stringify({ ...msg, params: 0 });
  // `params` is the envelope's last property (added last above), so its placeholder ends the text.
  const head = `${envelope.slice(0, -'0}'.length)}${paramsJson === '{}' ? '{' : `${paramsJson.slice(0, -1)},`}"diagnostics":[`;
  const headBytes = Buffer.from(asciiOnly(head), 'latin1');
  const uri = typeof params.uri === 'string' ? params.uri : undefined;
  const last = uri === undefined ? undefined : lastLists.get(uri);
  // The diagnostics the last publish of this document began and ended with (an edit changes a few in
  // between): their bytes are copied in one piece from that message rather than gathered one by one.
  const n = diagnostics.length;
  const m = last ? last.diagnostics.length : 0;
  const { same, sameEnd } = last ? unchangedEnds(diagnostics, last.diagnostics) : { same: 0, sameEnd: 0 };
  const parts: Buffer[] = [headBytes];
  const ends = new Int32Array(n);
  let size = 0;
  if (last && same > 0) {
    size = last.ends[same - 1];
    parts.push(last.body.subarray(0, size));
    ends.set(last.ends.subarray(0, same));
  }
  for (let i = same; i < n - sameEnd; i++) {
    const d: unknown = diagnostics[i];
    if (typeof d !== 'object' || d === null) return asciiJson(msg);
    let bytes = diagnosticBytes.get(d);
    if (bytes === undefined) {
      bytes = Buffer.from(asciiOnly(JSON.stringify(d)), 'latin1');
      diagnosticBytes.set(d, bytes);
    }
    if (i > 0) {
      parts.push(COMMA);
      size++;
    }
    parts.push(bytes);
    size += bytes.length;
    ends[i] = size;
  }
  if (last && sameEnd > 0) {
    const from = m - sameEnd;
    const oldStart = from === 0 ? 0 : last.ends[from - 1] + 1;
    if (n - sameEnd > 0) {
      parts.push(COMMA);
      size++;
    }
    parts.push(last.body.subarray(oldStart));
    for (let k = 0; k < sameEnd; k++) ends[n - sameEnd + k] = last.ends[from + k] - oldStart + size;
    size += last.body.length - oldStart;
  }
  parts.push(LIST_END);
  const bytes = Buffer.concat(parts, headBytes.length + size + LIST_END.length);
  if (uri !== undefined) {
    lastLists.delete(uri);
    if (n >= REUSE_MIN) {
      lastLists.set(uri, { diagnostics: diagnostics as readonly unknown[], body: bytes.subarray(headBytes.length, headBytes.length + size), ends });
      // The documents published last are the ones being edited: older lists are let go.
      if (lastLists.size > REUSE_DOCUMENTS) lastLists.delete(lastLists.keys().next().value as string);
    }
  }
  return bytes;
}

function asciiJson(msg: Message): Buffer {
  return Buffer.from(asciiOnly(JSON.stringify(msg)), 'latin1');
}

const NOT_ASCII = /[\u0080-\uffff]/;
const NOT_ASCII_ALL = /[\u0080-\uffff]/g;

/** JSON text with every non-ASCII UTF-16 unit written as a `\uXXXX` escape (a pair stays a pair of escapes). */
export function asciiOnly(json: string): string {
  if (!NOT_ASCII.test(json)) return json;
  return json.replace(NOT_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const diagnosticsAwareJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  // ASCII bytes are right for both charsets vscode-jsonrpc writes (UTF-8 and ASCII).
  encode: (msg: Message) => Promise.resolve(encodeMessage(msg)),
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
