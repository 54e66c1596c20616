// The real language server (dist/server.js --stdio) as a child process, driven like an editor would
// drive it: every request bounded in time and classified (result, proper LSP error, timeout, dead
// server), every publish, notification, progress report, server request and log line kept, the
// server's requests answered (configuration, folders, registration, refresh), stderr captured, the
// exit observed and crashes found in stderr. The one harness under the LSP tests (test/lsp/lspClient.ts),
// the fuzzer and the hardening tests (test/fuzz/session.ts).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, MessageConnection } from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** The built server; SPECTRACE_SERVER_JS points the tests at another build (e.g. a production bundle). */
export const SERVER_JS = process.env.SPECTRACE_SERVER_JS ? path.resolve(process.env.SPECTRACE_SERVER_JS) : path.join(REPO_ROOT, 'dist', 'server.js');

export type Outcome =
  | { kind: 'result'; value: unknown; ms: number }
  | { kind: 'error'; code: number; message: string; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'dead'; ms: number };

export interface PublishedDiagnostics {
  uri: string;
  version: number | undefined;
  diagnostics: Diagnostic[];
  /** Order of arrival over the whole session, to wait for "a newer publish than before". */
  seq: number;
}

export interface LogLine {
  type: number;
  message: string;
  /** window/logMessage (the output channel) or window/showMessage (a notification to the user). */
  method: 'window/logMessage' | 'window/showMessage';
}

export interface StartOptions {
  /** Workspace folder root (absolute). */
  root: string;
  capabilities?: ClientCapabilities;
  /** Value answered to `workspace/configuration` for the `spectrace` section. */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Added to this process's environment for the server (e.g. SPECTRACE_TIMING). */
  env?: Record<string, string>;
  /**
   * Server requests (e.g. workspace/configuration) whose answers are withheld until `release(method)`:
   * the server then waits on the client, and a request it must index for first stays pending.
   */
  holdAnswers?: string[];
  /** Whether to announce the root as a workspace folder (a base-protocol client does not). */
  workspaceFolders?: boolean;
  /** More workspace folders after `root` (a multi-root workspace), each named after its last path segment. */
  extraFolders?: string[];
  /** The server's JS entry; default dist/server.js (another build, e.g. a production bundle, can be fuzzed too). */
  serverPath?: string;
}

/** What a capable editor declares: push diagnostics with versions, watched files, work-done progress. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    codeLens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    symbol: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, dataSupport: true },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: false },
    inlayHint: {},
    codeLens: {},
    foldingRange: {},
    selectionRange: {},
  },
  window: { workDoneProgress: true },
};

export function fileUri(abs: string): string {
  return pathToFileURL(abs).toString();
}

/** How many entries each kept list holds at most: a long fuzz run must not exhaust memory. */
const KEPT_LOGS = 5000;
const KEPT_EVENTS = 1000;

function keep<T>(list: T[], entry: T, max: number): void {
  list.push(entry);
  if (list.length > max) list.splice(0, list.length - max);
}

export class LspServerProcess {
  /** The latest publish per URI. */
  readonly diagnostics = new Map<string, PublishedDiagnostics>();
  /** Every publish, in order (the latest KEPT_EVENTS). */
  readonly publishes: PublishedDiagnostics[] = [];
  readonly logs: LogLine[] = [];
  /** Notifications other than diagnostics, logs and progress (showMessage, spectrace/indexChanged...). */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** $/progress params, in order. */
  readonly progress: unknown[] = [];
  /** Requests the server sent to the client, in order. */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** Answered to `workspace/configuration` for `spectrace`; a test may change it and notify the server. */
  settings: unknown;
  initializeResult: InitializeResult | undefined;
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private seq = 0;
  private readonly exited: Promise<void>;
  /** Withheld answers by method: each sends its answer when called. */
  private readonly held = new Map<string, (() => void)[]>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    private readonly options: StartOptions,
  ) {
    this.settings = options.settings ?? null;
    for (const method of options.holdAnswers ?? []) this.held.set(method, []);
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve();
      });
    });
  }

  static async start(options: StartOptions): Promise<LspServerProcess> {
    const serverPath = options.serverPath ?? SERVER_JS;
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} does not exist: run \`npm run build\` first`);
    const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: options.root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LspServerProcess(child, connection, options);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      // Keep the tail only: a chatty server must not exhaust the fuzzer's memory.
      server.stderr = (server.stderr + chunk).slice(-200_000);
    });
    // A write after the server died must not take the driver down with it.
    child.stdin!.on('error', () => undefined);
    connection.onError(() => undefined);
    server.wire();
    connection.listen();
    const folders =
      options.workspaceFolders === false ? null : [options.root, ...(options.extraFolders ?? [])].map((root) => ({ uri: fileUri(root), name: path.basename(root) }));
    const init = await server.request(
      'initialize',
      {
        processId: process.pid,
        rootUri: fileUri(options.root),
        workspaceFolders: folders,
        capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
        initializationOptions: options.initializationOptions ?? { trusted: true },
      },
      30_000,
    );
    if (init.kind !== 'result') {
      server.kill();
      throw new Error(`initialize failed (${init.kind}${init.kind === 'error' ? `: ${init.message}` : ''}); stderr:\n${server.stderr}`);
    }
    server.initializeResult = init.value as InitializeResult;
    server.notify('initialized', {});
    return server;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification((method, params) => {
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as { uri: string; version?: number; diagnostics: Diagnostic[] };
        const entry: PublishedDiagnostics = { uri: p.uri, version: p.version, diagnostics: p.diagnostics, seq: ++this.seq };
        this.diagnostics.set(p.uri, entry);
        keep(this.publishes, entry, KEPT_EVENTS);
      } else if (method !== '$/logTrace') {
        if (method === 'window/logMessage' || method === 'window/showMessage') {
          const p = params as { type: number; message: string };
          keep(this.logs, { type: p.type, message: p.message, method }, KEPT_LOGS);
        }
        if (method !== 'window/logMessage') keep(this.notifications, { method, params }, KEPT_EVENTS);
      }
    });
    // $/progress never reaches the catch-all handler: the connection routes it by token.
    c.onUnhandledProgress((params) => keep(this.progress, params, KEPT_EVENTS));
    c.onRequest((method, params) => {
      keep(this.serverRequests, { method, params }, KEPT_EVENTS);
      const waiting = this.held.get(method);
      if (waiting) return new Promise<unknown>((resolve) => waiting.push(() => resolve(this.answer(method, params))));
      return this.answer(method, params);
    });
  }

  /** Sends the answers withheld for `method` (see StartOptions.holdAnswers) and stops withholding them. */
  release(method: string): void {
    const waiting = this.held.get(method) ?? [];
    this.held.delete(method);
    for (const send of waiting) send();
  }

  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration': {
        const items = (params as { items?: { section?: string }[] } | undefined)?.items ?? [];
        return items.map((i) => (i.section === undefined || i.section.startsWith('spectrace') ? this.settings : null));
      }
      case 'workspace/workspaceFolders':
        return this.options.workspaceFolders === false ? null : [{ uri: fileUri(this.options.root), name: path.basename(this.options.root) }];
      case 'workspace/applyEdit':
        return { applied: false, failureReason: 'the test client applies edits itself' };
      default:
        // registerCapability, workDoneProgress/create, the */refresh requests: acknowledged.
        return null;
    }
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  notify(method: string, params: unknown): void {
    if (!this.alive) return;
    this.connection.sendNotification(method, params).catch(() => undefined);
  }

  /**
   * Sends a request and classifies how it ended; never rejects. With `cancelAfterMs` the request is
   * cancelled ($/cancelRequest) after that delay: the server must still answer (a result or
   * RequestCancelled), which is what the time bound checks.
   */
  async request(method: string, params: unknown, timeoutMs: number, options: { cancelAfterMs?: number } = {}): Promise<Outcome> {
    const t0 = Date.now();
    if (!this.alive) return { kind: 'dead', ms: 0 };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout', ms: Date.now() - t0 }), timeoutMs);
    });
    const died = this.exited.then((): Outcome => ({ kind: 'dead', ms: Date.now() - t0 }));
    const source = new CancellationTokenSource();
    let cancelTimer: NodeJS.Timeout | undefined;
    if (options.cancelAfterMs !== undefined) cancelTimer = setTimeout(() => source.cancel(), options.cancelAfterMs);
    const answered = this.connection.sendRequest(method, params, source.token).then(
      (value): Outcome => ({ kind: 'result', value, ms: Date.now() - t0 }),
      (err: unknown): Outcome =>
        err instanceof ResponseError
          ? { kind: 'error', code: err.code, message: err.message, ms: Date.now() - t0 }
          : // The connection itself failed (closed/disposed): the server is gone.
            { kind: 'dead', ms: Date.now() - t0 },
    );
    try {
      return await Promise.race([answered, timeout, died]);
    } finally {
      clearTimeout(timer);
      clearTimeout(cancelTimer);
      source.dispose();
    }
  }

  /** Polls `condition` until it holds or `timeoutMs` passes; returns whether it held. */
  async waitFor(condition: () => boolean, timeoutMs: number, intervalMs = 20): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (condition()) return true;
      if (!this.alive) return condition();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    return condition();
  }

  /** The latest diagnostics published for `uri` after publish number `afterSeq` (0: any). */
  async waitForDiagnostics(uri: string, timeoutMs: number, accept: (p: PublishedDiagnostics) => boolean = () => true, afterSeq = 0): Promise<PublishedDiagnostics | undefined> {
    const ok = await this.waitFor(() => {
      const p = this.diagnostics.get(uri);
      return p !== undefined && p.seq > afterSeq && accept(p);
    }, timeoutMs);
    return ok ? this.diagnostics.get(uri) : undefined;
  }

  /** The sequence number of the latest publish so far (to wait for newer ones). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Uncaught exceptions or fatal errors the server wrote to stderr. */
  uncaughtInStderr(): string | undefined {
    const m = /(Uncaught|Unhandled|FATAL ERROR|Maximum call stack|heap out of memory|^\w*Error: .*\n\s+at )/m.exec(this.stderr);
    return m ? this.stderr.slice(Math.max(0, m.index - 200), m.index + 2000) : undefined;
  }

  /** shutdown + exit, then waits for the process to end; kills it when it does not. */
  async stop(timeoutMs = 5000): Promise<{ clean: boolean; shutdown: Outcome }> {
    const shutdown = await this.request('shutdown', null, timeoutMs);
    this.notify('exit', null);
    const ended = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs))]);
    if (!ended) this.kill();
    this.connection.dispose();
    return { clean: ended && shutdown.kind === 'result' && this.exit?.code === 0, shutdown };
  }

  kill(): void {
    if (this.alive) this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}
