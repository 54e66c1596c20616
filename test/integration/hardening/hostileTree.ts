// Builds a hostile code tree in a temp copy of test/fixtures/hardening/tree: binary files, invalid
// UTF-8, symlink loops, a dangling link (a file deleted between listing and reading), a FIFO and a
// link to /dev/zero (reads that never end), and an over-sized file. Created at test time because git
// does not keep FIFOs and checkouts may not keep symlinks.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/serverProcess';
import { copyWorkspace } from '../../fuzz/workspace';

/** The built CLI; SPECTRACE_CLI_JS points the tests at another build. */
export const CLI_JS = process.env.SPECTRACE_CLI_JS ? path.resolve(process.env.SPECTRACE_CLI_JS) : path.join(REPO_ROOT, 'dist', 'cli.js');

/** Workspace-relative paths of the hostile entries, by what they are. */
export const HOSTILE = {
  binary: 'src/image.png',
  invalidUtf8: 'src/latin1.ts',
  fileLoopA: 'src/loop-a.ts',
  fileLoopB: 'src/loop-b.ts',
  dirLoop: 'src/again',
  dangling: 'src/deleted.ts',
  fifo: 'src/pipe.ts',
  devZero: 'src/zero.ts',
  tooLarge: 'src/generated.ts',
} as const;

export function buildHostileTree(): { root: string; fifo: boolean } {
  const root = copyWorkspace(path.join(REPO_ROOT, 'test', 'fixtures', 'hardening', 'tree'), 'spectrace-tree');
  const at = (rel: string) => path.join(root, rel);
  // PNG header + NULs, with a tag-looking string inside that must not be read as a tag.
  fs.writeFileSync(at(HOSTILE.binary), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), Buffer.from('// @implements NOPE-404\n')]));
  // Latin-1 bytes and broken UTF-8 sequences around a real tag and a dangling one.
  fs.writeFileSync(
    at(HOSTILE.invalidUtf8),
    Buffer.concat([Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0xe8, 0xff, 0xfe, 0xc3, 0x28, 0x0a]), Buffer.from('// @implements TREE-1\n// @implements NOPE-1\n'), Buffer.from([0xed, 0xa0, 0x80, 0x0a])]),
  );
  fs.symlinkSync('loop-b.ts', at(HOSTILE.fileLoopA));
  fs.symlinkSync('loop-a.ts', at(HOSTILE.fileLoopB));
  fs.symlinkSync('.', at(HOSTILE.dirLoop)); // src/again/again/again/… forever
  fs.symlinkSync('was-here.ts', at(HOSTILE.dangling));
  fs.symlinkSync('/dev/zero', at(HOSTILE.devZero));
  fs.writeFileSync(at(HOSTILE.tooLarge), `// @implements TREE-1\n${'x'.repeat(2 * 1024 * 1024)}\n`);
  let fifo = true;
  try {
    execFileSync('mkfifo', [at(HOSTILE.fifo)]);
  } catch {
    fifo = false; // no mkfifo on this system: the other cases still run
  }
  return { root, fifo };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the CLI did not finish within the bound and was killed. */
  killed: boolean;
}

/** Runs the built CLI; kills it after `boundMs` (a hang guard, so a hang fails the test instead of leaking a process). */
export function runCli(args: string[], cwd: string, boundMs = 60_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_JS, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, boundMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, killed, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
