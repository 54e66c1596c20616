// Creates the LanguageClient: the server is dist/server.js in a Node process over IPC. This module
// is imported lazily (see Ctx.start) so activation does not pay for loading vscode-languageclient.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult, LanguageClientOptions, Message, ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/shared/protocol';
import type { RestartDecision } from './restartPolicy';

export const CLIENT_ID = 'spectrace';
/** Re-exported so that the extension bundle never loads vscode-languageclient itself. */
export { State } from 'vscode-languageclient/node';
const CLIENT_NAME = 'Spectrace';

export interface ClientHooks {
  log: vscode.LogOutputChannel;
  /** Asked on every unexpected exit of the server; says whether to restart. */
  onCrash(): RestartDecision;
  /** Told when the restart limit is reached (the server stays stopped). */
  onGaveUp(decision: RestartDecision): void;
}

/** Connection errors: keep going for the first few, then shut down (as the library's default does). */
class SpectraceErrorHandler implements ErrorHandler {
  constructor(private readonly hooks: ClientHooks) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.hooks.log.error(`connection error (${count ?? 1}): ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const decision = this.hooks.onCrash();
    if (decision.restart) {
      this.hooks.log.warn(`the server stopped unexpectedly; restarting it (crash ${decision.crashes} in this window)`);
      return { action: CloseAction.Restart, handled: true };
    }
    this.hooks.log.error(`the server stopped unexpectedly ${decision.crashes} times in a short time; not restarting it`);
    this.hooks.onGaveUp(decision);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = {
    trusted: vscode.workspace.isTrusted,
    storagePath: context.storageUri?.fsPath,
  };
  const clientOptions: LanguageClientOptions = {
    // Spec files are YAML; code tags live in files of any language. The server ignores documents its
    // globs do not match, which is cheaper than keeping a language list in sync with the config.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file' },
    ],
    // The server watches files itself (dynamic registration); settings changes are pushed as a hint
    // and the server pulls the `spectrace` section per folder.
    synchronize: { configurationSection: CLIENT_ID },
    initializationOptions,
    outputChannel: hooks.log,
    diagnosticCollectionName: CLIENT_ID,
    errorHandler: new SpectraceErrorHandler(hooks),
    // Spec text is user content: never render it as trusted markdown or HTML.
    markdown: { isTrusted: false, supportHtml: false },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
