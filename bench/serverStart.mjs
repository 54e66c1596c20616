// Times a language-server start on a folder: spawn → initialize → index ready (the server's first
// `spectrace/indexChanged` notification or the end of its work-done progress), twice: cold (empty
// storage folder) and warm (the index it persisted in the storage folder on the first start).
import { spawn } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as rpc from 'vscode-jsonrpc/node';

/** A server process over stdio and its connection (not yet listening). */
function spawnServer(script, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  return { child, conn };
}

/**
 * A clean exit (the server writes its persisted index at shutdown, a --cpu-prof profile at exit);
 * killed if it does not go within 10 s.
 */
async function stopServer({ child, conn }) {
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', resolve);
  });
  try { await conn.sendRequest('shutdown'); await conn.sendNotification('exit'); } catch { /* already gone */ }
  let killTimer;
  await Promise.race([exited, new Promise((resolve) => { killTimer = setTimeout(resolve, 10000); })]);
  clearTimeout(killTimer);
  conn.dispose();
  child.kill();
}

async function startOnce(root, folder, storagePath, nodeArgs = [], timeoutMs = 120000) {
  const t0 = performance.now();
  const server = spawnServer(join(root, 'dist', 'server.js'), nodeArgs);
  const { conn } = server;
  let done;
  const ready = new Promise((resolve) => { done = resolve; });
  conn.onNotification((method, params) => {
    if (method === 'spectrace/indexChanged') done();
    if (method === '$/progress' && params?.value?.kind === 'end') done();
  });
  conn.onRequest(() => null);
  conn.listen();
  const uri = pathToFileURL(folder).href;
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'tree' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true, configuration: true } },
    initializationOptions: { trusted: true, storagePath },
  });
  await conn.sendNotification('initialized', {});
  let timeout;
  const timer = new Promise((_, reject) => { timeout = setTimeout(() => reject(new Error('index did not finish')), timeoutMs); });
  try {
    await Promise.race([ready, timer]);
    return Math.round(performance.now() - t0);
  } finally {
    clearTimeout(timeout);
    await stopServer(server);
  }
}

/** `nodeArgs`: extra Node options for the server, e.g. ['--cpu-prof', '--cpu-prof-dir', dir] to profile both starts. */
export async function measureServerStart(root, folder, storagePath, nodeArgs = []) {
  rmSync(storagePath, { recursive: true, force: true });
  mkdirSync(storagePath, { recursive: true });
  try {
    const coldMs = await startOnce(root, folder, storagePath, nodeArgs);
    const warm = [];
    for (let i = 0; i < 3; i++) warm.push(await startOnce(root, folder, storagePath, nodeArgs));
    warm.sort((a, b) => a - b);
    return { coldMs, warmMs: warm[1] };
  } catch (err) {
    process.stderr.write(`[bench] server start: ${err instanceof Error ? err.message : err}\n`);
    return { coldMs: null, warmMs: null };
  }
}

/**
 * Spawn → initialize answered for a server script (the floor: bench/floors/emptyServer.js), after one
 * start to warm the page cache; the median of 3. null when it fails.
 */
export async function measureInitialize(script, folder) {
  const once = async () => {
    const t0 = performance.now();
    const server = spawnServer(script);
    server.conn.listen();
    try {
      const uri = pathToFileURL(folder).href;
      await server.conn.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'tree' }], capabilities: {} });
      return performance.now() - t0;
    } finally {
      await stopServer(server);
    }
  };
  try {
    await once();
    const times = [await once(), await once(), await once()].sort((a, b) => a - b);
    return Math.round(times[1]);
  } catch (err) {
    process.stderr.write(`[bench] initialize of ${script}: ${err instanceof Error ? err.message : err}\n`);
    return null;
  }
}
