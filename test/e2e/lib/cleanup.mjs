// One place that knows everything the e2e runners started (process groups, browsers, temp folders)
// and tears it all down: on success, on failure, on Ctrl-C, on SIGTERM and on the overall timeout.
// Cleanups run in reverse order of registration (the browser closes before the server stops).
import fs from 'node:fs';

/** @type {{ name: string, fn: () => unknown }[]} */
const stack = [];
/** Process group ids still alive; killed synchronously on process exit as a last resort. */
const groups = new Set();
let running;

/** Registers an async cleanup; returns a function that runs it early (and removes it). */
export function onCleanup(name, fn) {
  const entry = { name, fn };
  stack.push(entry);
  return async () => {
    const i = stack.indexOf(entry);
    if (i < 0) return;
    stack.splice(i, 1);
    await entry.fn();
  };
}

/** True once the final cleanup has begun: work still in flight should stop, not report. */
export function shuttingDown() {
  return running !== undefined;
}

/**
 * Runs every registered cleanup (each once); errors are reported, never thrown, so the rest still run.
 * A later call runs what was registered since (several browser suites share one mocha process), after
 * any run still in progress.
 */
export function cleanupAll() {
  const previous = running ?? Promise.resolve();
  running = previous.then(async () => {
    while (stack.length > 0) {
      const { name, fn } = stack.pop();
      try {
        await fn();
      } catch (err) {
        console.error(`[e2e] cleanup "${name}" failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  });
  return running;
}

export function trackGroup(pgid) {
  groups.add(pgid);
}
export function untrackGroup(pgid) {
  groups.delete(pgid);
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a whole process group (code-server's helpers outlive their parent): SIGTERM, wait for the
 * group to disappear (polling), then SIGKILL whatever is left.
 */
export async function killGroup(pgid, graceMs = 5000) {
  if (!groupAlive(pgid)) {
    untrackGroup(pgid);
    return;
  }
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // already gone between the check and the kill
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  untrackGroup(pgid);
}

export function removeDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Installs the signal and exit handlers once: Ctrl-C / SIGTERM run the cleanups and exit 130/143;
 * if the process exits anyway, surviving groups get a synchronous SIGKILL.
 */
export function installSignalHandlers() {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => {
      console.error(`\n[e2e] ${signal}: stopping everything that was started`);
      cleanupAll().finally(() => process.exit(code));
    });
  }
  process.on('exit', () => {
    for (const pgid of groups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
}

/**
 * Runs `main` under an overall time limit; on timeout prints `message`, cleans up and exits 1.
 * Resolves with main's exit code after cleanup.
 */
export async function runWithTimeout(main, timeoutMs, message) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      console.error(`[e2e] ${message} (overall timeout ${Math.round(timeoutMs / 1000)} s)`);
      resolve(1);
    }, timeoutMs);
  });
  let code;
  const work = main();
  // Once a timeout or a signal has started the cleanup, whatever `main` still throws (its
  // processes are being killed under it) is a consequence, not a cause: one line is enough.
  const firstLine = (err) => (err instanceof Error ? err.message : String(err)).split('\n')[0];
  work.catch((err) => {
    if (shuttingDown()) console.error(`[e2e] (while stopping) ${firstLine(err)}`);
  });
  try {
    code = await Promise.race([work, timeout]);
  } catch (err) {
    if (!shuttingDown()) console.error(`[e2e] ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    code = 1;
  } finally {
    clearTimeout(timer);
    await cleanupAll();
  }
  return code;
}
