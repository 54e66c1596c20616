// The Spectrace language server in a Web Worker (the browser build, dist/web/serverWorker.js): the
// same server as lsp/startServer.ts on a connection over the worker's messages, reading the
// workspace through the client (clientFiles.ts). esbuild.js swaps the disk layer's modules for their
// browser counterparts in platform/ (git history, persisted caches, the disk walk, .gitignore).
import { BrowserMessageReader, BrowserMessageWriter, FileChangeType, createConnection } from 'vscode-languageserver/browser';
import type { Connection } from 'vscode-languageserver/browser';
import { describeError } from '../lsp/boundary';
import { startServer } from '../lsp/startServer';
import { uriToPath, useFilesOfScheme } from '../lsp/uris';
import type { WorkerSetup } from '../shared/protocol';
import { ClientFiles } from './clientFiles';
import { forgetText, useWorkspaceFiles } from './workspaceTexts';

/** What this file needs of the worker's global scope (the server's TypeScript project has no DOM types). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

function start(setup: WorkerSetup): void {
  if (setup.workspaceUri) useFilesOfScheme(setup.workspaceUri);
  const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
  useWorkspaceFiles(new ClientFiles(connection));
  forgetDeletedFiles(connection);
  scope.addEventListener('unhandledrejection', (e) => connection.console.error(`spectrace: unexpected rejection, server kept running: ${describeError(e.reason)}`));
  startServer(connection);
}

/**
 * The texts kept for synchronous reads (workspaceTexts.ts) drop a deleted file before the server
 * handles the event; changed and created files are read again by the server itself.
 */
function forgetDeletedFiles(connection: Connection): void {
  const register = connection.onDidChangeWatchedFiles.bind(connection);
  connection.onDidChangeWatchedFiles = (handler) =>
    register((params) => {
      for (const change of params.changes) {
        const file = change.type === FileChangeType.Deleted ? uriToPath(change.uri) : undefined;
        if (file) forgetText(file);
      }
      return handler(params);
    });
}

// The setup comes first (the extension posts it before starting the client); the connection's reader
// is listening before the next message, `initialize`, is dispatched.
const first = (event: { data: unknown }): void => {
  scope.removeEventListener('message', first);
  const data = event.data as Partial<WorkerSetup> | undefined;
  start({ workspaceUri: typeof data?.workspaceUri === 'string' ? data.workspaceUri : undefined });
};
scope.addEventListener('message', first);
