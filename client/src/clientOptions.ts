// What the Node and the browser language clients share: the error handler (restart policy) and the
// client options. Only vscode-languageclient's common part is imported here, so both bundles can.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction } from 'vscode-languageclient';
import type { BaseLanguageClient, CloseHandlerResult, DocumentSelector, ErrorHandler, ErrorHandlerResult, LanguageClientOptions, Message, State } from 'vscode-languageclient';
import type { InitializationOptions } from '../../server/src/shared/protocol';
import type { RestartDecision } from './restartPolicy';

export const CLIENT_ID = 'spectrace';
export const CLIENT_NAME = 'Spectrace';

export interface ClientHooks {
  log: vscode.LogOutputChannel;
  /** Asked on every unexpected exit of the server; says whether to restart. */
  onCrash(): RestartDecision;
  /** Told when the restart limit is reached (the server stays stopped). */
  onGaveUp(decision: RestartDecision): void;
}

/** What makes the language client: dist/languageClient.js (Node) or the browser bundle's own. */
export interface LanguageClientModule {
  createLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks): BaseLanguageClient | Promise<BaseLanguageClient>;
  State: typeof State;
}

/** Connection errors: keep going for the first few, then shut down (as the library's default does). */
export class SpectraceErrorHandler implements ErrorHandler {
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

export function spectraceClientOptions(hooks: ClientHooks, documentSelector: DocumentSelector, initializationOptions: InitializationOptions): LanguageClientOptions {
  return {
    // Spec files are YAML; code tags live in files of any language. The server ignores documents its
    // globs do not match, which is cheaper than keeping a language list in sync with the config.
    documentSelector,
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
}
