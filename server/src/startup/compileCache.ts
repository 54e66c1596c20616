// Runs a bundle (dist/serverMain.js, dist/cliMain.js) with V8's code cache: compiling the ~1 MB bundle
// and the functions a start runs was a large share of every process start (bench/HISTORY.md). Node 20 has no
// built-in compile cache (22 has module.enableCompileCache), so this does what it does: the cache of
// a bundle is written when the process exits (it then holds the functions the run compiled), read on
// the next start, and V8 rejects a cache made for another source or V8 — then it is written again.
//
// Where: $SPECTRACE_COMPILE_CACHE (a folder), else `<tmp>/spectrace-compile-cache-<uid>`; `0` or
// `off` turns it off. A cache folder is only used when it is a real folder of this user that no one
// else can write (code read from it runs in this process); otherwise the bundle compiles as usual.
// Nothing here makes a start fail: any problem with the cache means running without it.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** Load and run the CommonJS bundle `file` as Node's loader would, with the code cache when there is one. */
export function runBundle(file: string, parent: Module): void {
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8').replace(/^#!.*/, ''); // a hashbang is not JavaScript
  const cacheFile = cacheFileFor(file, bytes);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // none yet: written at exit
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(cacheFile, script));
  const wrapper = script.runInThisContext() as ModuleWrapper;
  const mod = new Module(file, parent);
  mod.filename = file;
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
}

/**
 * The cache file of a bundle with these bytes, or undefined when there is no safe cache folder. Its name
 * holds a hash of the bytes: V8 checks a cache only against the source's length, so a rebuilt or updated
 * bundle of the same length would otherwise run the functions compiled from the old one.
 */
export function cacheFileFor(file: string, bytes: Buffer, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.SPECTRACE_COMPILE_CACHE;
  if (setting === '0' || setting === 'off') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = setting || path.join(os.tmpdir(), `spectrace-compile-cache-${uid ?? 'user'}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    // Code from this folder runs here: only this user may be able to put files in it.
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
  } catch {
    return undefined;
  }
  const key = crypto.createHash('sha256').update(`${path.resolve(file)}\n${process.version}\n${process.arch}`).digest('hex').slice(0, 16);
  const content = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return path.join(dir, `${path.basename(file, '.js')}-${key}-${content}.bin`);
}

/** Caches of the same bundle file made for other contents (earlier builds): replaced by this one. */
function removeOtherVersions(cacheFile: string): void {
  const dir = path.dirname(cacheFile);
  const name = path.basename(cacheFile);
  const prefix = name.slice(0, name.lastIndexOf('-') + 1);
  try {
    for (const other of fs.readdirSync(dir)) if (other !== name && other.startsWith(prefix) && other.endsWith('.bin')) fs.rmSync(path.join(dir, other), { force: true });
  } catch {
    // Old caches left behind cost disk space only.
  }
}

function writeCache(cacheFile: string, script: vm.Script): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temp, cacheFile);
    removeOtherVersions(cacheFile);
  } catch {
    // A cache that cannot be written only means the next start compiles again.
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing left to clean up
    }
  }
}
