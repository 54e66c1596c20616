// The commit a folder is checked at, for the SARIF's versionControlProvenance: the work tree's top
// folder, HEAD's commit, its branch and the origin remote. A checked folder's .git/config is not
// trusted, so git runs without a shell, with core.fsmonitor off (the one setting a read of HEAD could
// run), no prompts and a time limit; any failure (no git, not a repository, no commit) is a reason,
// never an exception.
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface GitCommitInfo {
  /** Absolute path of the work tree's top folder. */
  topLevel: string;
  /** HEAD's full commit hash. */
  revisionId: string;
  /** The checked-out branch; undefined on a detached HEAD. */
  branch: string | undefined;
  /** The origin remote's URL as configured; undefined without one. */
  remoteUrl: string | undefined;
}

/** `dubiousOwnership`: git refused the repository because another user owns it (worth telling without --verbose). */
export type GitInfoResult = { ok: true; info: GitCommitInfo } | { ok: false; reason: string; dubiousOwnership: boolean };

export interface GitInfoOptions {
  /** The environment git runs with (PATH finds it). */
  env: Record<string, string | undefined>;
  /** Limit for each git command. */
  timeoutMs?: number;
  /** Limit of a command's output (default 1 MiB). */
  maxBuffer?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Before every subcommand: a hostile core.fsmonitor in the repository's config would otherwise run. */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false'];
/** Inherited variables that would point git at another repository than the folder's own. */
const LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE'];

export class GitFailed extends Error {
  constructor(
    message: string,
    readonly notFound: boolean,
    /** git refused the repository: another user owns it (its safe.directory check). */
    readonly dubiousOwnership = false,
  ) {
    super(message);
  }
}

/**
 * git's refusal of a repository another user owns, in words that say what to do. Spectrace never adds
 * the exception itself: the check protects the user from running another user's repository config.
 */
function dubiousOwnership(stderr: string): GitFailed | undefined {
  const at = /detected dubious ownership in repository at '([^']*)'/.exec(stderr);
  if (!at) return undefined;
  return new GitFailed(
    `git refuses to read the repository at '${at[1]}' because another user owns it; if you trust it, run: git config --global --add safe.directory '${at[1]}'`,
    false,
    true,
  );
}

function gitEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !LOCATION_VARIABLES.includes(k)) out[k] = v;
  out.GIT_TERMINAL_PROMPT = '0';
  out.GIT_OPTIONAL_LOCKS = '0';
  return out;
}

export function runGit(folder: string, args: readonly string[], options: GitInfoOptions): Promise<string> {
  return spawnGit(folder, args, options, 'utf8', undefined).then((out) => out.replace(/\r?\n$/, ''));
}

/** `runGit` with `input` on git's standard input and the output as bytes (`cat-file --batch` sizes are in bytes). */
export function runGitBytes(folder: string, args: readonly string[], options: GitInfoOptions, input: string): Promise<Buffer> {
  return spawnGit(folder, args, options, 'buffer', input);
}

function spawnGit(folder: string, args: readonly string[], options: GitInfoOptions, encoding: 'utf8', input: string | undefined): Promise<string>;
function spawnGit(folder: string, args: readonly string[], options: GitInfoOptions, encoding: 'buffer', input: string | undefined): Promise<Buffer>;
function spawnGit(folder: string, args: readonly string[], options: GitInfoOptions, encoding: 'utf8' | 'buffer', input: string | undefined): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...SAFE_CONFIG, '-C', folder, ...args],
      { encoding, env: gitEnv(options.env), timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: options.maxBuffer ?? 1024 * 1024, windowsHide: true, shell: false },
      (err, stdout: string | Buffer, stderr: string | Buffer) => {
        if (!err) {
          resolve(stdout);
          return;
        }
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new GitFailed('git is not installed (or not on PATH)', true));
        else if (err.killed) reject(new GitFailed(`git ${args[0]} took longer than ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`, false));
        else reject(dubiousOwnership(stderr.toString()) ?? new GitFailed(stderr.toString().trim().split(/\r?\n/)[0] || `git ${args[0]} failed`, false));
      },
    );
    if (input !== undefined) {
      // git may exit before reading everything (a bad object name): a broken pipe is its error to report.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input);
    }
  });
}

/** A value git may not have (a detached HEAD has no branch, a clone may have no origin): undefined then. */
async function optional(run: Promise<string>): Promise<string | undefined> {
  try {
    return (await run) || undefined;
  } catch (err) {
    if (err instanceof GitFailed && err.notFound) throw err;
    return undefined;
  }
}

/** The commit `folder` is checked at, or why there is none. */
export async function readGitInfo(folder: string, options: GitInfoOptions): Promise<GitInfoResult> {
  try {
    const topLevel = await runGit(folder, ['rev-parse', '--show-toplevel'], options);
    const revisionId = await runGit(folder, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], options).catch((err: unknown) => {
      throw err instanceof GitFailed && err.dubiousOwnership ? err : new GitFailed('the repository has no commit yet', false);
    });
    const [branch, remoteUrl] = await Promise.all([optional(runGit(folder, ['symbolic-ref', '--quiet', '--short', 'HEAD'], options)), optional(runGit(folder, ['remote', 'get-url', 'origin'], options))]);
    return { ok: true, info: { topLevel, revisionId, branch, remoteUrl } };
  } catch (err) {
    if (err instanceof GitFailed) return { ok: false, reason: err.message, dubiousOwnership: err.dubiousOwnership };
    throw err;
  }
}

/**
 * The repository's URI for the SARIF: the origin remote without any user or password in it (the SARIF
 * is uploaded), an scp-like `host:path` as ssh://; without a usable remote, the top folder's file URI.
 */
export function repositoryUri(info: Pick<GitCommitInfo, 'remoteUrl' | 'topLevel'>): string {
  const remote = info.remoteUrl?.trim();
  if (remote) {
    // Two characters at least: `C:\repo` is a Windows path, not a host.
    const scpLike = /^(?:[^@/:]+@)?([^/:\\]{2,}):(?!\/)(.+)$/.exec(remote);
    const candidate = scpLike && !/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) ? `ssh://${scpLike[1]}/${scpLike[2]}` : remote;
    try {
      const url = new URL(candidate);
      if (url.protocol !== 'file:' && url.host !== '') {
        url.username = '';
        url.password = '';
        return url.href;
      }
    } catch {
      // A local path or something URL cannot read: the top folder below names the repository.
    }
  }
  return pathToFileURL(info.topLevel).href;
}
