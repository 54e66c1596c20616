// The Ctx owns the language client and everything whose life is tied to it. Two kinds of
// disposables are kept apart (as rust-analyzer's editors/code does): extension-lifetime ones (output
// channel, commands, views, status bar, event emitters) live until deactivate; client-lifetime ones
// (notification handlers of one client) are dropped whenever the client is replaced on restart.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { RequestType } from 'vscode-jsonrpc';
import { IndexChangedNotification, TrustChangedNotification } from '../../server/src/shared/protocol';
import type { TrustParams } from '../../server/src/shared/protocol';
import type { LanguageClientModule } from './clientOptions';
import { RestartPolicy } from './restartPolicy';
import type { RestartDecision } from './restartPolicy';
import { errorText } from '../../server/src/shared/errorText';

export type ServerStatus = 'starting' | 'running' | 'restarting' | 'stopped' | 'failed';

/** How long the language client's state may keep changing after a crash restart before it is judged. */
const RESTART_SETTLE_MS = 500;

/** The reason a request could not be sent, shown in the views instead of a stack trace. */
export class ServerUnavailableError extends Error {}

export class Ctx implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  private readonly extensionDisposables: vscode.Disposable[] = [];
  private clientDisposables: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private currentStatus: ServerStatus = 'starting';
  private readonly policy = new RestartPolicy();
  private crashRestarts = 0;
  /** Bumped whenever the client is replaced, so a start that was abandoned does not report. */
  private generation = 0;
  private readonly indexChanged = new vscode.EventEmitter<void>();
  private readonly statusChanged = new vscode.EventEmitter<ServerStatus>();
  /** The server's index changed (or a new server came up): views and status bar refresh. */
  readonly onIndexChanged = this.indexChanged.event;
  readonly onStatusChanged = this.statusChanged.event;

  constructor(
    readonly extension: vscode.ExtensionContext,
    /** Loads what makes the language client: Node's (a server process) or the browser's (a Web Worker). */
    private readonly loadLanguageClient: () => Promise<LanguageClientModule>,
  ) {
    this.log = vscode.window.createOutputChannel('Spectrace', { log: true });
    this.pushExtension(this.log, this.indexChanged, this.statusChanged);
    this.pushExtension(vscode.workspace.onDidGrantWorkspaceTrust(() => this.trustGranted()));
  }

  get status(): ServerStatus {
    return this.currentStatus;
  }

  /** How many times the server was restarted after a crash (not by the user). */
  get crashRestartCount(): number {
    return this.crashRestarts;
  }

  get workspaceState(): vscode.Memento {
    return this.extension.workspaceState;
  }

  /** Registers something that lives as long as the extension. */
  pushExtension(...items: vscode.Disposable[]): void {
    this.extensionDisposables.push(...items);
  }

  /** Starts the client if it is not running (or starting) already; resolves when it runs. */
  start(): Promise<LanguageClient> {
    const generation = this.generation;
    this.starting ??= this.createAndStart().catch((err: unknown) => {
      if (generation !== this.generation) throw err; // stopped on purpose (restart, deactivate)
      this.setStatus('failed');
      this.log.error(`could not start the language server: ${errorText(err)}`);
      void vscode.window.showErrorMessage(`Spectrace: the language server did not start (${errorText(err)}). See the Spectrace output.`, 'Show Output').then((pick) => {
        if (pick) this.log.show();
      });
      throw err;
    });
    return this.starting;
  }

  /** Stops the server and starts a fresh one (the user's "Restart Server"). */
  async restart(): Promise<void> {
    this.log.info('restarting the language server');
    this.policy.reset();
    this.setStatus('starting');
    await this.stopClient(false);
    await this.start();
  }

  /** Sends a custom request once the client runs. Rejects with ServerUnavailableError when it cannot. */
  async request<P, R>(type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
    if (this.currentStatus === 'failed' || this.currentStatus === 'stopped') {
      throw new ServerUnavailableError('The Spectrace server is not running. Run "Spectrace: Restart Server".');
    }
    const client = await this.start().catch(() => {
      throw new ServerUnavailableError('The Spectrace server did not start. See the Spectrace output.');
    });
    // By method name: the message type objects come from this bundle's copy of vscode-jsonrpc, and the
    // client (dist/languageClient.js) has its own, which does not recognise their parameter structure.
    // The protocol module's type still types both sides.
    return token ? client.sendRequest<R>(type.method, params, token) : client.sendRequest<R>(type.method, params);
  }

  /** The running language client, for tests and for features that need its converters. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  async dispose(): Promise<void> {
    await this.stopClient();
    for (const d of this.extensionDisposables.splice(0)) d.dispose();
  }

  private async createAndStart(): Promise<LanguageClient> {
    this.setStatus('starting');
    const { createLanguageClient, State } = await this.loadLanguageClient();
    const client = await createLanguageClient(this.extension, {
      log: this.log,
      onCrash: () => {
        const decision = this.policy.onCrash(Date.now());
        if (decision.restart) this.restartingAfterCrash(decision);
        return decision;
      },
      onGaveUp: (decision) => this.gaveUp(decision),
    });
    this.client = client;
    // After a crash the library restarts the server itself. When the new process dies while it starts,
    // the library can end stopped or start-failed without asking the error handler again: once its state
    // has settled, a client still not running while a restart is due counts as one more crash.
    const checkRestartSettled = (): void => {
      setTimeout(() => {
        if (this.client !== client || this.currentStatus !== 'restarting') return;
        if (client.state === State.Running || client.state === State.Starting) return;
        void this.afterFailedRestart();
      }, RESTART_SETTLE_MS);
    };
    this.clientDisposables.push(
      client.onNotification(IndexChangedNotification.method, () => this.indexChanged.fire()),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          this.setStatus('running');
          // A restarted server has a fresh index: whatever the views show may be stale.
          this.indexChanged.fire();
        } else if (e.newState === State.Starting && this.currentStatus !== 'restarting') {
          this.setStatus('starting');
        } else if (e.newState === State.Stopped || e.newState === State.StartFailed) {
          checkRestartSettled();
        }
      }),
    );
    await client.start();
    this.setStatus('running');
    // Trust may have been granted while the server was starting, after its initialize saw "untrusted".
    if (vscode.workspace.isTrusted) await client.sendNotification(TrustChangedNotification.method, trustedParams());
    return client;
  }

  /** A crash the policy allows a restart for: counted, shown, and the status says so. */
  private restartingAfterCrash(decision: RestartDecision): void {
    this.crashRestarts++;
    this.setStatus('restarting');
    void vscode.window.showWarningMessage(`Spectrace: the language server stopped unexpectedly and was restarted (${decision.crashes} of ${this.policy.maxRestarts} restarts allowed in ${this.policy.windowMs / 60000} minutes).`);
  }

  /** Too many crashes: the server stays stopped until the user restarts it. */
  private gaveUp(decision: RestartDecision): void {
    this.setStatus('stopped');
    void vscode.window
      .showErrorMessage(`Spectrace: the language server stopped ${decision.crashes} times in a few minutes and was not restarted. See the Spectrace output for the reason.`, 'Restart Server', 'Show Output')
      .then((pick) => {
        if (pick === 'Restart Server') void vscode.commands.executeCommand('spectrace.restartServer');
        else if (pick === 'Show Output') this.log.show();
      });
  }

  /** The library's own restart after a crash did not get the server running: a fresh client, within the policy. */
  private async afterFailedRestart(): Promise<void> {
    const decision = this.policy.onCrash(Date.now());
    this.log.warn(`the restarted server stopped while starting (crash ${decision.crashes} in this window)`);
    await this.stopClient(false);
    if (!decision.restart) {
      this.log.error(`the server stopped unexpectedly ${decision.crashes} times in a short time; not restarting it`);
      this.gaveUp(decision);
      return;
    }
    this.restartingAfterCrash(decision);
    // start() reports its own failure (status, log, message).
    await this.start().catch(() => undefined);
  }

  /** Stops and drops the client; `final` (deactivate) also reports the server as stopped. */
  private async stopClient(final = true): Promise<void> {
    const client = this.client;
    const starting = this.starting;
    this.client = undefined;
    this.starting = undefined;
    this.generation++;
    for (const d of this.clientDisposables.splice(0)) d.dispose();
    if (!client) {
      // A start still in flight: let it settle, then stop what it made.
      await starting?.then((c) => c.dispose(2000)).catch(() => undefined);
      return;
    }
    try {
      await client.dispose(2000);
    } catch (err) {
      this.log.warn(`stopping the language server: ${errorText(err)}`);
    }
    if (final) this.setStatus('stopped');
  }

  private trustGranted(): void {
    this.log.info('workspace trust granted: the server loads workspace schemas and patterns');
    const client = this.client;
    if (client && this.currentStatus === 'running') {
      client.sendNotification(TrustChangedNotification.method, trustedParams()).catch((err: unknown) => this.log.error(`trust notification failed: ${errorText(err)}`));
    }
    // The status bar drops "(restricted)" at once; the server's indexChanged follows.
    this.indexChanged.fire();
  }

  private setStatus(status: ServerStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    // Drives the views' welcome content ("the server is not running").
    void vscode.commands.executeCommand('setContext', 'spectrace.serverStatus', status);
    this.statusChanged.fire(status);
  }
}

/** The trust notification's payload, typed by the shared protocol (sent by method name, see `request`). */
function trustedParams(): TrustParams {
  return { trusted: true };
}
