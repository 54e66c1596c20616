// The Spectrace language server in a Web Worker (the browser build, dist/web/serverWorker.js): the
// same server as lsp/startServer.ts on a connection over the worker's messages, reading the
// workspace through the client (clientFiles.ts). esbuild.js swaps the disk layer's modules for their
// browser counterparts in platform/ (git history, persisted caches, the disk walk, .gitignore).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { describeError } from '../lsp/boundary';
import { startServer } from '../lsp/startServer';
import { useFilesOfScheme } from '../lsp/uris';
import type { WorkerSetup } from '../shared/protocol';
import { ClientFiles } from './clientFiles';
import { useWorkspaceFiles } from './workspaceTexts';

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
  scope.addEventListener('unhandledrejection', (e) => connection.console.error(`spectrace: unexpected rejection, server kept running: ${describeError(e.reason)}`));
  startServer(connection);
}

// The setup comes first (the extension posts it before starting the client); the connection's reader
// is listening before the next message, `initialize`, is dispatched.
const first = (event: { data: unknown }): void => {
  scope.removeEventListener('message', first);
  const data = event.data as Partial<WorkerSetup> | undefined;
  start({ workspaceUri: typeof data?.workspaceUri === 'string' ? data.workspaceUri : undefined });
};
scope.addEventListener('message', first);
