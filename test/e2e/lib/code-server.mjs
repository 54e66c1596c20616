// Starts and stops one code-server (VS Code's server + web workbench) in a sandbox: loopback only,
// a random free port, no auth, fresh user-data and extensions folders, XDG folders and its config
// file inside a temp folder (so nothing is written to the home folder), its own process group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { nodeEnv } from './install-code-server.mjs';
import { freePort, httpGet, waitFor } from './poll.mjs';
import { killGroup, onCleanup, trackGroup, untrackGroup } from './cleanup.mjs';

/** User settings for a quiet, offline, deterministic workbench. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.editor.enablePreview': false,
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** The folders one code-server instance uses, all under `root`. */
export function sandboxDirs(root) {
  const dirs = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg', 'config'),
    xdgData: path.join(root, 'xdg', 'data'),
    xdgCache: path.join(root, 'xdg', 'cache'),
    configFile: path.join(root, 'code-server.yaml'),
    logFile: path.join(root, 'code-server.log'),
  };
  for (const d of [dirs.userDataDir, dirs.extensionsDir, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache]) {
    fs.mkdirSync(d, { recursive: true });
  }
  if (!fs.existsSync(dirs.configFile)) fs.writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  return dirs;
}

function sandboxEnv(paths, dirs) {
  return nodeEnv(paths, {
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    // code-server reads these when set; make sure a developer's shell cannot leak into the run.
    PASSWORD: '',
    HASHED_PASSWORD: '',
    VSCODE_IPC_HOOK_CLI: '',
  });
}

function baseArgs(paths, dirs) {
  return [paths.entry, '--config', dirs.configFile, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** Writes the user settings the workbench starts with. */
export function writeUserSettings(dirs, settings) {
  const userDir = path.join(dirs.userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/**
 * Runs `code-server --install-extension <vsix>` for these sandbox folders (its own process group,
 * killed with the rest on timeout); resolves with its output, rejects with it on failure.
 */
export async function installExtension(paths, dirs, vsix, timeoutMs = 120000) {
  const child = spawn(paths.node, [...baseArgs(paths, dirs), '--force', '--install-extension', vsix], {
    env: sandboxEnv(paths, dirs),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackGroup(child.pid);
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const timer = setTimeout(() => void killGroup(child.pid, 1000), timeoutMs);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  await killGroup(child.pid, 1000);
  if (code !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${out}`);
  return out;
}

/**
 * Starts code-server and waits until `/healthz` answers. `trust: false` passes
 * `--disable-workspace-trust` (every folder is trusted); `trust: true` keeps the feature on, so a
 * freshly opened folder starts untrusted (restricted mode).
 */
export async function startCodeServer(paths, dirs, { trust = false, settings = QUIET_SETTINGS, startTimeoutMs = 60000 } = {}) {
  writeUserSettings(dirs, settings);
  const port = await freePort();
  const args = [
    ...baseArgs(paths, dirs),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without this the workbench ignores the `payload` that carries the extension test paths.
    '--vscode-option', 'enable-smoke-test-driver',
    ...(trust ? [] : ['--disable-workspace-trust']),
  ];
  const log = fs.openSync(dirs.logFile, 'a');
  // detached = setsid: code-server and every helper it forks share one new process group.
  const child = spawn(paths.node, args, { env: sandboxEnv(paths, dirs), detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const pgid = child.pid;
  trackGroup(pgid);
  let exited;
  child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
  const stop = onCleanup(`code-server :${port}`, async () => {
    await killGroup(pgid);
    untrackGroup(pgid);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`code-server /healthz on port ${port}`, async () => {
      if (exited) throw new Error(`code-server stopped (${exited}) before answering:\n${tailFile(dirs.logFile, 30)}`);
      const res = await httpGet(`${url}/healthz`);
      return res.status === 200;
    }, { timeoutMs: startTimeoutMs, intervalMs: 150 });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, pgid, dirs, stop, exited: () => exited };
}

/** The last `lines` lines of a text file ('' when missing). */
export function tailFile(file, lines = 60) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n');
  } catch {
    return '';
  }
}

/** Every log file VS Code's server wrote under the user-data folder (extension host logs included). */
export function serverLogFiles(dirs) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) out.push(p);
    }
  };
  walk(path.join(dirs.userDataDir, 'logs'));
  return out.sort();
}
