// Builds file trees in a fresh temporary folder for the discovery tests. The trees live in the tests
// as data, not under test/fixtures/: git cannot hold their symlink loops, FIFOs and .gitignore files
// (which would also apply to this repository's own files).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type Entry = string | Buffer | { symlink: string } | { dir: true };

/** A new empty folder under the system temp folder; removed by `removeTree`. */
export function tempRoot(prefix = 'spectrace-scan-'): string {
  // realpath: on some systems the temp folder itself is reached through a link (macOS /var -> /private/var).
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

/** Create `entries` (relative POSIX paths) under `root`; parent folders are created as needed. */
export function writeTree(root: string, entries: Record<string, Entry>): void {
  for (const [rel, entry] of Object.entries(entries)) {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) fs.writeFileSync(abs, entry);
    else if ('symlink' in entry) fs.symlinkSync(entry.symlink, abs);
    else fs.mkdirSync(abs, { recursive: true });
  }
}

export function removeTree(root: string): void {
  // Make everything removable again (tests chmod files and folders to 000).
  const open = (dir: string): void => {
    fs.chmodSync(dir, 0o755);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) open(path.join(dir, e.name));
  };
  open(root);
  fs.rmSync(root, { recursive: true, force: true });
}

/** Paths relative to `root`, POSIX style, for readable assertions. */
export function rels(root: string, files: readonly string[]): string[] {
  return files.map((f) => path.relative(root, f).split(path.sep).join('/'));
}
