// A small LSP client for tests, the fuzzer and the benchmark: spawns the built server
// (dist/server.js --stdio) as a child process and talks to it over vscode-languageserver-protocol,
// like an editor would. It collects every publishDiagnostics per URI (with version and arrival order),
// answers the server's requests (configuration, registration, progress, refresh), keeps open documents
// with their versions, applies workspace edits the way an editor does, and polls for conditions.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  ProtocolConnection,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

export function pathOf(uri: string): string {
  return fileURLToPath(uri);
}

/** A capable editor: push diagnostics with versions, configuration, watched files, progress, refresh, snippets. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    codeLens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    symbol: {},
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    inlayHint: {},
    codeLens: {},
    foldingRange: {},
    selectionRange: {},
  },
  window: { workDoneProgress: true },
};

export interface Published {
  uri: string;
  version: number | undefined;
  diagnostics: Diagnostic[];
  /** Arrival order over the whole session. */
  seq: number;
}

export interface StartOptions {
  /** The workspace folder (absolute path). */
  root: string;
  capabilities?: ClientCapabilities;
  /** Announce the root as a workspace folder (default) or only as rootUri. */
  workspaceFolders?: boolean;
  /** The value answered to workspace/configuration for `spectrace`. */
  settings?: unknown;
  initializationOptions?: unknown;
  env?: Record<string, string>;
  serverPath?: string;
}

export class LspClient {
  /** The latest publish per URI. */
  readonly diagnostics = new Map<string, Published>();
  /** Every publish, in order. */
  readonly publishes: Published[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly serverRequests: { method: string; params: unknown }[] = [];
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  readonly documents = new Map<string, TextDocument>();
  stderr = '';
  exitCode: number | null | undefined;
  settings: unknown;
  initializeResult: InitializeResult | undefined;
  private seq = 0;
  private readonly exited: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly options: StartOptions,
  ) {
    this.settings = options.settings ?? null;
    this.exited = new Promise((resolve) => child.on('exit', (code) => {
      this.exitCode = code;
      resolve();
    }));
  }

  static async start(options: StartOptions): Promise<LspClient> {
    const server = options.serverPath ?? SERVER_JS;
    if (!fs.existsSync(server)) throw new Error(`${server} does not exist: run \`npm run build\` first`);
    const child = spawn(process.execPath, [server, '--stdio'], {
      cwd: options.root,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    if (!child.stdout || !child.stdin || !child.stderr) throw new Error('could not open the server pipes');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => (client.stderr = (client.stderr + s).slice(-100_000)));
    child.stdin.on('error', () => undefined); // writes after the server exited are the test's concern, not a crash
    client.wire();
    connection.listen();
    const folders = options.workspaceFolders === false ? null : [{ uri: uriOf(options.root), name: path.basename(options.root) }];
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(options.root),
      workspaceFolders: folders,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions ?? { trusted: true },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const entry: Published = { uri: p.uri, version: p.version, diagnostics: p.diagnostics, seq: ++this.seq };
      this.diagnostics.set(p.uri, entry);
      this.publishes.push(entry);
    });
    c.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    c.onNotification('$/progress', (p: unknown) => {
      this.progress.push(p);
    });
    for (const method of ['spectrace/indexChanged', 'window/showMessage', 'telemetry/event']) {
      c.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
      });
    }
    c.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.serverRequests.push({ method: 'workspace/configuration', params });
      return params.items.map(() => this.settings);
    });
    c.onRequest('workspace/workspaceFolders', () =>
      this.options.workspaceFolders === false ? null : [{ uri: uriOf(this.options.root), name: path.basename(this.options.root) }],
    );
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh']) {
      c.onRequest(method, (params: unknown) => {
        this.serverRequests.push({ method, params });
        return null;
      });
    }
    c.onRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'the test client applies edits itself' }));
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** The sequence number of the latest publish. */
  get lastSeq(): number {
    return this.seq;
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

  /** Poll until `condition` holds; throws with `what` after `timeoutMs`. */
  async waitFor(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (!this.alive) throw new Error(`server exited (code ${this.exitCode}) while waiting for ${what}; stderr:\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
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

  /** shutdown + exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.alive) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    if (this.alive) this.child.kill('SIGKILL');
    this.connection.dispose();
    return this.exitCode ?? null;
  }

  kill(): void {
    if (this.alive) this.child.kill('SIGKILL');
    this.connection.dispose();
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
