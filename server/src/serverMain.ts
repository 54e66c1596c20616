// The Spectrace language server process: the connection from argv (--stdio, --node-ipc,
// --socket=N), the process-wide error handlers, then the server itself (lsp/startServer.ts).
import { describeError } from './lsp/boundary';
import { startServer } from './lsp/startServer';
import { createServerConnection } from './lsp/stdioTransport';

const connection = createServerConnection();
const log = connection.console;

// SPECTRACE_NOW pins "today" (overdue checks, due dates) for reproducible runs and tests.
const pinnedNow = process.env.SPECTRACE_NOW ? new Date(process.env.SPECTRACE_NOW) : undefined;
const now = () => (pinnedNow && !Number.isNaN(pinnedNow.getTime()) ? pinnedNow : new Date());

process.on('uncaughtException', (err) => log.error(`spectrace: unexpected error, server kept running: ${describeError(err)}`));
process.on('unhandledRejection', (err) => log.error(`spectrace: unexpected rejection, server kept running: ${describeError(err)}`));

startServer(connection, { now });
