// Temp folders and workspace copies: tests never touch examples/ in place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup, removeDir } from './cleanup.mjs';

/** A fresh temp folder, removed at cleanup unless SPECTRACE_E2E_KEEP=1 (then its path is printed). */
export function makeTempRoot(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  onCleanup(`temp ${dir}`, () => {
    if (process.env.SPECTRACE_E2E_KEEP === '1') console.log(`[e2e] kept ${dir}`);
    else removeDir(dir);
  });
  return dir;
}

const SKIP = new Set(['node_modules', '.git', '__pycache__', '.vscode-test']);

/** Copies a workspace folder into `parent/name` (without caches); returns the copy's path. */
export function copyWorkspace(source, parent, name = path.basename(source)) {
  const dest = path.join(parent, name);
  fs.cpSync(source, dest, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
  return dest;
}
