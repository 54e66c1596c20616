// The older text of a requirement, read from the workspace's git history: the newest committed version
// of its spec file in which the requirement matches (has the older revision, or the stored
// fingerprint). Git runs lazily (on hover, review and the CLI commands), without a shell, with
// core.fsmonitor off and --no-textconv --no-ext-diff on log and show (a checked folder's .git/config is
// not trusted), a time limit per command and in all, and a bounded number of commits; file versions
// are cached by commit. In an untrusted workspace it never runs. Every failure is a reason string.
import * as path from 'node:path';
import { parse } from 'yaml';
import { GitFailed, runGit } from './gitInfo';
import type { HistoryResult, ReviewHistory } from '../engine/review/olderText';
import { errorText } from '../shared/errorText';
import { isObject } from '../shared/isObject';

export interface GitHistoryOptions {
  trusted: boolean;
  env: Record<string, string | undefined>;
  /** Commits of the file looked at, newest first (default 200). */
  maxCommits?: number;
  /** Limit for each git command (default 5 s). */
  timeoutMs?: number;
  /** Limit for one lookup in all (default 15 s). */
  budgetMs?: number;
}


const NO_TEXTCONV = ['--no-textconv', '--no-ext-diff'];
/** Files larger than this are not read from history. */
const MAX_SHOW_BYTES = 16 * 1024 * 1024;
const CACHE_LIMIT = 256;

export class GitHistory implements ReviewHistory {
  /** File texts by `commit:path` (a commit's file never changes). */
  private readonly shown = new Map<string, string | null>();
  private repo: Promise<{ topLevel: string; shallow: boolean } | { reason: string }> | undefined;

  constructor(
    private readonly root: string,
    private readonly options: GitHistoryOptions,
  ) {}

  /**
   * The newest committed version of `file` in which requirement `id` satisfies `matches`, or why there
   * is none. `what` names what was looked for, for the reason (`rev 2`, `the stored fingerprint`).
   */
  async find(file: string, id: string, matches: (value: Record<string, unknown>) => boolean, what: string): Promise<HistoryResult> {
    if (!this.options.trusted) return { ok: false, reason: 'the workspace is not trusted: Spectrace runs no git in it' };
    const deadline = Date.now() + (this.options.budgetMs ?? 15000);
    try {
      const repo = await this.repository();
      if ('reason' in repo) return { ok: false, reason: repo.reason };
      const rel = path.relative(repo.topLevel, file).split(path.sep).join('/');
      const log = await this.git(['log', ...NO_TEXTCONV, '--no-renames', `--max-count=${this.options.maxCommits ?? 200}`, '--format=%H %cI', '--', rel]);
      const commits = log.split('\n').filter(Boolean);
      for (const line of commits) {
        if (Date.now() > deadline) return { ok: false, reason: `reading the history of ${rel} took too long` };
        const [commit, date] = line.split(' ');
        const text = await this.show(commit, rel);
        const value = text === null ? undefined : requirementIn(text, id);
        if (value && matches(value)) return { ok: true, version: { value, commit, date } };
      }
      const looked = commits.length >= (this.options.maxCommits ?? 200) ? ` (in the last ${commits.length} commits of ${rel})` : '';
      if (repo.shallow) return { ok: false, reason: `this is a shallow clone and its history has no version of ${id} with ${what}${looked}` };
      if (commits.length === 0) return { ok: false, reason: `${rel} has no committed history yet` };
      return { ok: false, reason: `no committed version of ${rel} has ${id} with ${what}${looked}` };
    } catch (err) {
      return { ok: false, reason: err instanceof GitFailed ? err.message : `git could not be read: ${errorText(err)}` };
    }
  }

  private repository(): Promise<{ topLevel: string; shallow: boolean } | { reason: string }> {
    this.repo ??= (async () => {
      try {
        const out = await this.git(['rev-parse', '--show-toplevel', '--is-shallow-repository']);
        const [topLevel, shallow] = out.split('\n');
        return { topLevel: path.resolve(topLevel), shallow: shallow === 'true' };
      } catch (err) {
        this.repo = undefined; // git may be installed or the folder initialised later
        if (err instanceof GitFailed && /not a git repository/i.test(err.message)) return { reason: 'the workspace folder is not in a git repository' };
        return { reason: err instanceof GitFailed ? err.message : errorText(err) };
      }
    })();
    return this.repo;
  }

  private async show(commit: string, rel: string): Promise<string | null> {
    const key = `${commit}:${rel}`;
    const cached = this.shown.get(key);
    if (cached !== undefined) return cached;
    let text: string | null;
    try {
      text = await this.git(['show', ...NO_TEXTCONV, `${commit}:${rel}`], MAX_SHOW_BYTES);
    } catch (err) {
      if (!(err instanceof GitFailed) || err.notFound) throw err;
      text = null; // the file does not exist in that commit (or is too large)
    }
    if (this.shown.size >= CACHE_LIMIT) this.shown.delete(this.shown.keys().next().value as string);
    this.shown.set(key, text);
    return text;
  }

  private git(args: string[], maxBuffer?: number): Promise<string> {
    return runGit(this.root, args, { env: this.options.env, timeoutMs: this.options.timeoutMs, maxBuffer: maxBuffer ?? 4 * 1024 * 1024 });
  }
}

/** The first requirement with `id` in a spec text; undefined when the text has none or is not YAML. */
function requirementIn(text: string, id: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100, prettyErrors: false });
  } catch {
    return undefined; // an old version that no longer parses has nothing to compare with
  }
  const list = isObject(data) ? data.requirements : undefined;
  if (!Array.isArray(list)) return undefined;
  for (const it of list) if (isObject(it) && it.id === id) return it;
  return undefined;
}
