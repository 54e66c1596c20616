// The browser build's language client: the server (dist/web/serverWorker.js) runs in a Web Worker,
// and reads the workspace through this extension (workspaceFileService.ts). A fresh worker for every
// start of the client (a restart after a crash too); the previous one is terminated.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import type { MessageTransports } from 'vscode-languageclient/browser';
import type { WorkerSetup } from '../../../server/src/shared/protocol';
import { CLIENT_ID, CLIENT_NAME, spectraceClientOptions } from '../clientOptions';
import type { ClientHooks } from '../clientOptions';
import { startWorker } from './startWorker';
import type { ServerWorker } from './startWorker';
import { serveWorkspaceFiles } from './workspaceFileService';

export { State } from 'vscode-languageclient/browser';

export function createLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks): LanguageClient {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'serverWorker.js');
  const folders = vscode.workspace.workspaceFolders ?? [];
  let worker: ServerWorker | undefined;
  const transports = async (): Promise<MessageTransports> => {
    worker?.terminate();
    worker = await startWorker(script);
    const setup: WorkerSetup = { workspaceUri: folders[0]?.uri.toString() };
    worker.postMessage(setup);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  // The workspace's own scheme (vscode-remote:, vscode-vfs:), and file: for a local folder.
  const schemes = [...new Set(['file', ...folders.map((f) => f.uri.scheme)])];
  const selector = schemes.flatMap((scheme) => [{ scheme, language: 'yaml' }, { scheme }]);
  // No storage path: the browser server keeps no persisted caches.
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, transports, spectraceClientOptions(hooks, selector, { trusted: vscode.workspace.isTrusted }));
  context.subscriptions.push(...serveWorkspaceFiles(client), { dispose: () => worker?.terminate() });
  return client;
}
