// Creates the LanguageClient: the server is dist/server.js in a Node process over IPC. This module
// is imported lazily (see extension.ts) so activation does not pay for loading vscode-languageclient.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, spectraceClientOptions } from './clientOptions';
import type { ClientHooks } from './clientOptions';

export { CLIENT_ID };
export type { ClientHooks };
/** Re-exported so that the extension bundle never loads vscode-languageclient itself. */
export { State } from 'vscode-languageclient/node';

export function createLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const selector = [
    { scheme: 'file', language: 'yaml' },
    { scheme: 'file' },
  ];
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, spectraceClientOptions(hooks, selector, { trusted: vscode.workspace.isTrusted, storagePath: context.storageUri?.fsPath }));
}
