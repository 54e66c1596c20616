// A small LSP client for the LSP tests: the built server (dist/server.js --stdio) run by the shared
// harness (test/support/serverProcess.ts, which collects publishes, logs, progress and the server's
// requests, and answers them), plus what an editor keeps: open documents with their versions,
// incremental changes, workspace edits applied the way an editor applies them, and polling for conditions.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, MessageConnection, TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspServerProcess, REPO_ROOT, fileUri } from '../support/serverProcess';
import type { LogLine, PublishedDiagnostics, StartOptions } from '../support/serverProcess';

export { REPO_ROOT };
export type Published = PublishedDiagnostics;

export function uriOf(file: string): string {
  return fileUri(file);
}

export function pathOf(uri: string): string {
  return fileURLToPath(uri);
}

export class LspClient {
  readonly documents = new Map<string, TextDocument>();

  private constructor(readonly server: LspServerProcess) {}

  static async start(options: StartOptions): Promise<LspClient> {
    return new LspClient(await LspServerProcess.start(options));
  }

  get connection(): MessageConnection {
    return this.server.connection;
  }

  /** The latest publish per URI. */
  get diagnostics(): Map<string, Published> {
    return this.server.diagnostics;
  }

  /** Every publish, in order. */
  get publishes(): readonly Published[] {
    return this.server.publishes;
  }

  get notifications(): readonly { method: string; params: unknown }[] {
    return this.server.notifications;
  }

  get serverRequests(): readonly { method: string; params: unknown }[] {
    return this.server.serverRequests;
  }

  /** The server's output-channel lines (window/logMessage). */
  get logs(): string[] {
    return this.server.logs.filter((l: LogLine) => l.method === 'window/logMessage').map((l) => l.message);
  }

  get progress(): readonly unknown[] {
    return this.server.progress;
  }

  get stderr(): string {
    return this.server.stderr;
  }

  get exitCode(): number | null | undefined {
    return this.server.exit?.code;
  }

  /** The value answered to workspace/configuration for `spectrace`. */
  get settings(): unknown {
    return this.server.settings;
  }

  set settings(value: unknown) {
    this.server.settings = value;
  }

  get initializeResult(): InitializeResult | undefined {
    return this.server.initializeResult;
  }

  get alive(): boolean {
    return this.server.alive;
  }

  /** The sequence number of the latest publish. */
  get lastSeq(): number {
    return this.server.lastSeq;
  }

  // -------------------------------------------------------------------------------------------
  // Documents

  async open(file: string, languageId = file.endsWith('.yaml') || file.endsWith('.yml') ? 'yaml' : 'typescript', text?: string): Promise<TextDocument> {
    const uri = uriOf(file);
    const doc = TextDocument.create(uri, languageId, 1, text ?? fs.readFileSync(file, 'utf8'));
    this.documents.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text: doc.getText() },
    });
    return doc;
  }

  doc(file: string): TextDocument {
    const d = this.documents.get(uriOf(file));
    if (!d) throw new Error(`${file} is not open`);
    return d;
  }

  /** Send incremental changes; returns the new version. */
  async change(file: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const uri = uriOf(file);
    const old = this.doc(file);
    const next = TextDocument.update(old, changes, old.version + 1);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  /** Replace the first occurrence of `search` (after `from`) with `replacement`, as an incremental change. */
  async replace(file: string, search: string, replacement: string, from = 0): Promise<number> {
    const d = this.doc(file);
    const at = d.getText().indexOf(search, from);
    if (at < 0) throw new Error(`"${search}" not found in ${file}`);
    return this.change(file, [{ range: { start: d.positionAt(at), end: d.positionAt(at + search.length) }, text: replacement }]);
  }

  async close(file: string): Promise<void> {
    const uri = uriOf(file);
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async fileEvents(events: { file: string; type: 'created' | 'changed' | 'deleted' }[]): Promise<void> {
    const type = { created: FileChangeType.Created, changed: FileChangeType.Changed, deleted: FileChangeType.Deleted };
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: events.map((e) => ({ uri: uriOf(e.file), type: type[e.type] as FileChangeType })) });
  }

  /**
   * Apply a workspace edit like an editor: open documents get a didChange (refused when the edit's
   * version is not the document's), closed files are written to disk and announced as changed.
   */
  async applyEdit(edit: WorkspaceEdit): Promise<void> {
    const perUri: { uri: string; version: number | null | undefined; edits: TextEdit[] }[] = [];
    for (const dc of edit.documentChanges ?? []) {
      if (!('textDocument' in dc)) throw new Error('resource operations are not supported by the test client');
      perUri.push({ uri: dc.textDocument.uri, version: dc.textDocument.version, edits: dc.edits as TextEdit[] });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.push({ uri, version: undefined, edits });
    const events: { file: string; type: 'changed' }[] = [];
    for (const { uri, version, edits } of perUri) {
      const file = pathOf(uri);
      const open = this.documents.get(uri);
      if (open) {
        if (typeof version === 'number' && version !== open.version) throw new Error(`stale edit for ${uri}: version ${version}, document ${open.version}`);
        // Edits are applied from the end so earlier ranges stay valid (one didChange, like VS Code).
        const sorted = [...edits].sort((a, b) => open.offsetAt(b.range.start) - open.offsetAt(a.range.start));
        await this.change(file, sorted.map((e) => ({ range: e.range, text: e.newText })));
      } else {
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 0, text), edits));
        events.push({ file, type: 'changed' });
      }
    }
    if (events.length) await this.fileEvents(events);
  }

  // -------------------------------------------------------------------------------------------
  // Requests

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Send a request and cancel it right away (or after `afterMs`); resolves with the result or rejects with the error. */
  requestAndCancel<R>(method: string, params: unknown, afterMs = 0): Promise<R> {
    const source = new CancellationTokenSource();
    const p = this.connection.sendRequest(method, params, source.token) as Promise<R>;
    // With 0 the $/cancelRequest is written right behind the request; the server sees it while working.
    if (afterMs === 0) source.cancel();
    else setTimeout(() => source.cancel(), afterMs);
    return p.finally(() => source.dispose());
  }

  // -------------------------------------------------------------------------------------------
  // Waiting

  /** Poll until `condition` holds; throws with `what` after `timeoutMs` or when the server exits first. */
  async waitFor(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
    if (await this.server.waitFor(condition, timeoutMs, 10)) return;
    if (!this.alive) throw new Error(`server exited (code ${this.exitCode}) while waiting for ${what}; stderr:\n${this.stderr}`);
    throw new Error(`timed out waiting for ${what}`);
  }

  /** Wait for a publish for `file` newer than `afterSeq` that satisfies `accept`. */
  async diagnosticsFor(file: string, accept: (p: Published) => boolean = () => true, afterSeq = 0, timeoutMs?: number): Promise<Published> {
    const uri = uriOf(file);
    let hit: Published | undefined;
    await this.waitFor(
      `diagnostics for ${path.basename(file)}`,
      () => {
        const p = this.diagnostics.get(uri);
        if (p && p.seq > afterSeq && accept(p)) hit = p;
        return hit !== undefined;
      },
      timeoutMs,
    );
    return hit as Published;
  }

  /** The current diagnostics of a file (empty when nothing was published). */
  current(file: string): Diagnostic[] {
    return this.diagnostics.get(uriOf(file))?.diagnostics ?? [];
  }

  // -------------------------------------------------------------------------------------------
  // Ending

  /** shutdown + exit (the process is killed when it does not end); resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.alive) await this.server.stop(10_000);
    else this.server.kill();
    return this.exitCode ?? null;
  }

  kill(): void {
    this.server.kill();
  }
}

/** A fresh copy of an example workspace in a temp dir; remove it with `removeCopy`. */
export function copyExample(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `spectrace-lsp-${path.basename(name)}-`));
  fs.cpSync(path.join(REPO_ROOT, 'examples', name), dir, { recursive: true });
  return fs.realpathSync(dir);
}

export function removeCopy(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Position of the `n`th occurrence (0-based) of `search` in `text`, plus `offset` characters. */
export function positionOf(doc: TextDocument, search: string, offset = 0, n = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = doc.getText().indexOf(search, at + 1);
    if (at < 0) throw new Error(`"${search}" not found`);
  }
  return doc.positionAt(at + offset);
}

/** A diagnostic's message as text (LSP 3.18 allows Markdown content). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
