// dist/cli.js (like dist/server.js) runs its bundle with V8's code cache (server/src/startup/compileCache.ts):
// written at the first exit, used by the next start, rewritten when V8 rejects it, never taken from a
// folder others can write, off with SPECTRACE_COMPILE_CACHE=off. The command works the same in every case.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, runCli } from './helpers';

describe('compile cache of the CLI bundle', function () {
  before(ensureBuilt);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-compile-cache-test-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  const run = async (cacheDir: string) => {
    const r = await runCli(['--version'], { env: { SPECTRACE_COMPILE_CACHE: cacheDir } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), version.version);
  };
  const files = (d: string) => fs.readdirSync(d).filter((f) => f.endsWith('.bin'));

  it('is written at the first exit and used, unchanged, by the next start', async () => {
    await run(dir);
    const [cache] = files(dir);
    assert.match(cache, /^cliMain-[0-9a-f]{16}-[0-9a-f]{16}\.bin$/);
    assert.equal(fs.statSync(path.join(dir, cache)).mode & 0o777, 0o600);
    const before = fs.readFileSync(path.join(dir, cache));
    assert.ok(before.length > 1000);
    await run(dir);
    assert.deepEqual(fs.readFileSync(path.join(dir, cache)), before); // accepted: not written again
  });

  it('a damaged cache is rejected by V8, the command still runs, and the cache is written again', async () => {
    await run(dir);
    const [cache] = files(dir);
    fs.writeFileSync(path.join(dir, cache), Buffer.from('not a code cache at all'));
    await run(dir);
    assert.ok(fs.readFileSync(path.join(dir, cache)).length > 1000);
  });

  it('a bundle changed to another of the same length runs its new code, and its cache replaces the old one', async () => {
    // V8 checks a code cache against the source's length only: the cache must be keyed by the content.
    const dist = path.join(dir, 'dist');
    const cacheDir = path.join(dir, 'cache');
    fs.mkdirSync(dist);
    fs.mkdirSync(cacheDir, { mode: 0o700 });
    for (const f of ['cli.js', 'cliMain.js']) fs.copyFileSync(path.join(__dirname, '..', '..', 'dist', f), path.join(dist, f));
    const cli = path.join(dist, 'cli.js');
    const versionOf = async () => (await runCli(['--version'], { cli, env: { SPECTRACE_COMPILE_CACHE: cacheDir } })).stdout.trim();
    assert.equal(await versionOf(), version.version);
    assert.equal(await versionOf(), version.version); // now from the cache
    const main = path.join(dist, 'cliMain.js');
    const text = fs.readFileSync(main, 'utf8');
    // The version is one string literal in the bundle (the bundler may rename the variable that holds it).
    const literal = `"${version.version}"`;
    assert.equal(text.split(literal).length, 2, `the bundle holds ${literal} once`);
    const other = version.version.replace(/\d/g, '9');
    assert.equal(other.length, version.version.length);
    fs.writeFileSync(main, text.replace(literal, `"${other}"`));
    assert.equal(await versionOf(), other);
    assert.equal(files(cacheDir).length, 1, files(cacheDir).join(', '));
  });

  it('a folder others can write is not used', async () => {
    fs.chmodSync(dir, 0o777);
    await run(dir);
    assert.deepEqual(files(dir), []);
  });

  it('SPECTRACE_COMPILE_CACHE=off turns it off', async () => {
    const r = await runCli(['--version'], { env: { SPECTRACE_COMPILE_CACHE: 'off', TMPDIR: dir } });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
