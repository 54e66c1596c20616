// Real git repositories for the change-review and burn-up tests: a folder initialised with `git init`, and commits
// of its whole content at fixed dates (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE), so the history the
// server and the CLI read is the same on every run.
import { execFileSync } from 'node:child_process';

const IDENTITY = ['-c', 'user.name=Spectrace Test', '-c', 'user.email=test@spectrace.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];

function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', [...IDENTITY, ...args], { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function initRepo(dir: string): void {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
}

/** Commits everything in `dir` at `isoDate` (e.g. 2026-01-05T10:00:00Z); returns the commit hash. */
export function commitAll(dir: string, message: string, isoDate: string): string {
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '--no-verify', '-m', message], { GIT_AUTHOR_DATE: isoDate, GIT_COMMITTER_DATE: isoDate });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** Any git command in `dir` with the tests' identity, at `isoDate` when given (merges, branches, moves). */
export function gitAt(dir: string, args: string[], isoDate?: string): string {
  return git(dir, args, isoDate ? { GIT_AUTHOR_DATE: isoDate, GIT_COMMITTER_DATE: isoDate } : {}).trim();
}
