// When each spec file last changed, for ReqIF's LAST-CHANGE: the date of the last commit that touched
// it (one `git log` for all files), or its modification time when git has none (not a repository, an
// untracked file, no git installed). git runs without a shell, with core.fsmonitor off, no prompts,
// and a time limit; a failure falls back to modification times, never an exception.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { runGit } from './gitInfo';

const TIMEOUT_MS = 10_000;

/** One `git log` of the folder: `@@<date>` lines, each followed by the files that commit touched. */
function gitLog(root: string, env: Record<string, string | undefined>): Promise<string | undefined> {
  const args = ['log', '--no-textconv', '--no-ext-diff', '--no-renames', '--relative', '--name-only', '--format=@@%cI', '--', '.'];
  return runGit(root, args, { env, timeoutMs: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 }).then(
    (out) => out,
    () => undefined,
  );
}

/** ISO date-time (UTC, seconds) of each file's last change; `files` are absolute paths under `root`. */
export async function lastChangeDates(root: string, files: readonly string[], env: Record<string, string | undefined>): Promise<Map<string, string>> {
  const wanted = new Map(files.map((f) => [path.relative(root, f).split(path.sep).join('/'), f]));
  const dates = new Map<string, string>();
  const log = wanted.size > 0 ? await gitLog(root, env) : undefined;
  if (log !== undefined) {
    let current: string | undefined;
    for (const line of log.split('\n')) {
      if (line.startsWith('@@')) current = line.slice(2).trim();
      else if (line !== '' && current !== undefined) {
        const file = wanted.get(line);
        if (file !== undefined && !dates.has(file)) dates.set(file, utc(current));
      }
      if (dates.size === wanted.size) break;
    }
  }
  for (const file of files) {
    if (dates.has(file)) continue;
    try {
      dates.set(file, utc((await fs.stat(file)).mtime.toISOString()));
    } catch {
      // Vanished since the index read it: the export's earliest date stands in.
      dates.set(file, '1970-01-01T00:00:00Z');
    }
  }
  return dates;
}

function utc(date: string): string {
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? '1970-01-01T00:00:00Z' : `${d.toISOString().slice(0, 19)}Z`;
}
