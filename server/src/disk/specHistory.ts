// The git history of a folder's spec files, for the burn-up: the first-parent commits of the current
// branch that touch them (oldest first, with each spec file added, changed or deleted) and every file
// version read once, cached by blob hash. The walk is kept per HEAD: a new commit on top costs a walk
// of the new commits and a read of the new blobs only. Both caches live in memory for the server's
// life and, given a storage folder, in one persisted file. Git runs through runGit only (no shell,
// core.fsmonitor off, --no-textconv --no-ext-diff --no-show-signature), never in an untrusted folder;
// every failure is a reason, never an exception.
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { GitFailed, runGit, runGitBytes } from './gitInfo';
import { PersistedFile } from './persistedFile';
import { computeBurnup } from '../engine/releases/burnup';
import type { BurnupCheckpoint, HistoryCommit, SpecChange } from '../engine/releases/burnup';
import type { BurnupResult, BurnupSource } from '../engine/releases/burnupSource';
import { SpecVersionReader } from '../engine/releases/specVersion';
import type { SpecVersion } from '../engine/releases/specVersion';
import { createPathClassifier, normalizeGlob } from '../engine/config/globs';
import { createSchemaSet } from '../engine/schema/schemaSet';
import type { SchemaSet } from '../engine/schema/schemaSet';
import { SpecAnalyzer } from '../engine/spec/specAnalyzer';
import type { SpectraceConfig } from '../engine/types';
import { errorText } from '../shared/errorText';
import { isObject } from '../shared/isObject';

export interface SpecHistoryOptions {
  trusted: boolean;
  env: Record<string, string | undefined>;
  /** Where the caches persist (the extension's storage folder); none: memory only. */
  storageDir?: string;
  /** Logs persistence problems. */
  log?: (message: string) => void;
  /** Limit for each git command (default 120 s: a cold walk reads every version). */
  timeoutMs?: number;
}

const SAFE_LOG = ['--no-textconv', '--no-ext-diff', '--no-show-signature', '--no-renames', '--no-color'];
const CACHE_FORMAT = 1;
/** Blobs asked of one `git cat-file --batch`, so its output stays well inside the buffer. */
const BLOBS_PER_BATCH = 2000;
const MAX_OUTPUT = 1024 * 1024 * 1024;
/** New blobs up to this many are first looked for in the work tree. */
const WORK_TREE_READS = 16;

/** The walk of one HEAD for one set of spec folders. */
interface Walk {
  head: string;
  /** The spec globs the walk was filtered with. */
  folders: string;
  commits: HistoryCommit[];
}

interface Repository {
  head: string;
}

export class SpecHistory implements BurnupSource {
  /** Parsed versions by blob hash (a blob never changes). */
  private readonly versions = new Map<string, SpecVersion>();
  private walk: Walk | undefined;
  /** Per roadmap item, where its last computation stopped and over which walk (a walk only grows at its end). */
  private readonly checkpoints = new Map<string, { walk: readonly HistoryCommit[]; checkpoint: BurnupCheckpoint }>();
  private reader: SpecVersionReader | undefined;
  private loaded: Promise<void> | undefined;
  private readonly store: PersistedFile | undefined;
  private schemaSet: SchemaSet | undefined;
  /** One reading at a time: two views opening at once share the walk and the blobs. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Blobs read from git in this server's life (tests and benches look at it). */
  blobsRead = 0;

  constructor(
    private readonly root: string,
    private readonly options: SpecHistoryOptions,
  ) {
    if (options.storageDir) {
      const hash = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
      this.store = new PersistedFile(path.join(options.storageDir, `spec-history-${hash}.json`), 'persisted spec history', options.log ?? (() => undefined));
    }
  }

  burnup(item: string, config: SpectraceConfig): Promise<BurnupResult> {
    const run = this.queue.then(() => this.burnupNow(item, config));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The persisted caches written so far have reached the disk. */
  async idle(): Promise<void> {
    await this.saving;
    await this.store?.idle();
  }

  private async burnupNow(item: string, config: SpectraceConfig): Promise<BurnupResult> {
    if (!this.options.trusted) return { ok: false, reason: 'the workspace is not trusted: Spectrace runs no git in it, so there is no burn-up' };
    try {
      await (this.loaded ??= this.load());
      const isSpec = createPathClassifier(config).isSpecPath;
      const before = this.versions.size;
      const commits = await this.commits(JSON.stringify(config.specs ?? []), specFolders(config), isSpec);
      if (!Array.isArray(commits)) return { ok: false, reason: commits.reason };
      if (commits.length === 0) return { ok: false, reason: 'no commit on this branch touches the spec files yet' };
      await this.readVersions(commits, config);
      if (this.versions.size !== before || this.walk?.head !== this.savedHead) this.save();
      const kept = this.checkpoints.get(item);
      const from = kept && kept.walk.length <= commits.length && commits[kept.walk.length - 1] === kept.walk[kept.walk.length - 1] ? kept.checkpoint : undefined;
      const { series, checkpoint } = computeBurnup(item, commits, (blob) => this.versions.get(blob), from);
      if (this.checkpoints.size > 64) this.checkpoints.clear();
      this.checkpoints.set(item, { walk: commits, checkpoint });
      return { ok: true, series };
    } catch (err) {
      return { ok: false, reason: err instanceof GitFailed ? `git could not read the history: ${err.message}` : `the history could not be read: ${errorText(err)}` };
    }
  }

  private async repository(): Promise<Repository | { reason: string }> {
    let out: string;
    try {
      out = await this.git(['rev-parse', '--is-shallow-repository', '--verify', '--quiet', 'HEAD^{commit}']);
    } catch (err) {
      if (err instanceof GitFailed && err.notFound) return { reason: 'git is not installed (or not on PATH), so there is no history to draw' };
      if (err instanceof GitFailed && err.dubiousOwnership) return { reason: err.message };
      try {
        await this.git(['rev-parse', '--show-toplevel']);
      } catch {
        return { reason: 'the workspace folder is not in a git repository, so there is no history to draw' };
      }
      return { reason: 'the repository has no commit yet' };
    }
    const [shallow, head] = out.split('\n');
    if (shallow === 'true') return { reason: 'this is a shallow clone: its history is cut, so the burn-up would start at the cut (run `git fetch --unshallow` for the whole history)' };
    if (!head) return { reason: 'the repository has no commit yet' };
    return { head };
  }

  /** The spec commits up to `head`: the kept walk, extended when `head` is a first-parent descendant of its HEAD. */
  /**
   * The spec commits up to HEAD. With a kept walk, one `git log HEAD...<kept>`: nothing listed means
   * HEAD has not moved; commits on HEAD's side only, the oldest a child of the kept HEAD, extend the
   * walk; anything else (a reset, another branch) is walked again from scratch.
   */
  private async commits(key: string, folders: string[], isSpec: (rel: string) => boolean): Promise<HistoryCommit[] | { reason: string }> {
    const kept = this.walk?.folders === key ? this.walk : undefined;
    if (kept) {
      const args = ['log', '--first-parent', '--left-right', '--reverse', ...SAFE_LOG, '--raw', '--no-abbrev', '-z', '--relative', '--format=%x01%m %H %P %cI', `HEAD...${kept.head}`];
      const range = await this.git(args, MAX_OUTPUT).then(
        (out) => parseRawLog(out, isSpec, true),
        (err: unknown) => {
          // The kept HEAD may be gone (garbage-collected after an amend or a rebase): walk from scratch;
          // anything else (no git, no repository any more) the full walk reports.
          if (err instanceof GitFailed && !err.notFound) return undefined;
          throw err;
        },
      );
      if (range === undefined) return this.fullWalk(key, folders, isSpec);
      if (range.length === 0) return kept.commits;
      const extends_ = range.every((c, i) => c.side === '<' && c.parent === (i === 0 ? kept.head : range[i - 1].commit));
      if (extends_) {
        this.walk = { head: range[range.length - 1].commit, folders: key, commits: [...kept.commits, ...range.filter((c) => c.changes.length > 0).map(({ commit, date, changes }) => ({ commit, date, changes }))] };
        return this.walk.commits;
      }
    }
    return this.fullWalk(key, folders, isSpec);
  }

  private async fullWalk(key: string, folders: string[], isSpec: (rel: string) => boolean): Promise<HistoryCommit[] | { reason: string }> {
    const repo = await this.repository();
    if ('reason' in repo) return repo;
    const args = ['log', '--first-parent', '--reverse', ...SAFE_LOG, '--raw', '--no-abbrev', '-z', '--relative', '--format=%x01%m %H %P %cI', repo.head, '--', ...folders];
    const commits = parseRawLog(await this.git(args, MAX_OUTPUT), isSpec, false).map(({ commit, date, changes }) => ({ commit, date, changes }));
    this.walk = { head: repo.head, folders: key, commits };
    return commits;
  }

  /** Reads and parses every blob of `commits` not read before, each file's versions in commit order. */
  private async readVersions(commits: readonly HistoryCommit[], config: SpectraceConfig): Promise<void> {
    const wanted: SpecChange[] = [];
    const seen = new Set<string>();
    for (const c of commits) {
      for (const ch of c.changes) {
        if (ch.blob === null || this.versions.has(ch.blob) || seen.has(ch.blob)) continue;
        seen.add(ch.blob);
        wanted.push(ch);
      }
    }
    if (wanted.length === 0) return;
    this.schemaSet ??= createSchemaSet({ config, configFile: undefined, configText: undefined, readFile: () => undefined, trusted: false }).schemaSet;
    const schemaSet = this.schemaSet;
    // Texts off the reader's fast path: one analyzer per path, as consecutive versions share most items.
    const analyzers = new Map<string, SpecAnalyzer>();
    const reader = (this.reader ??= new SpecVersionReader(config.maxFileSize));
    for (let i = 0; i < wanted.length; i += BLOBS_PER_BATCH) {
      const batch = wanted.slice(i, i + BLOBS_PER_BATCH);
      const contents = await this.workTreeBlobs(batch);
      const missing = batch.filter((b) => !contents.has(b.blob as string));
      if (missing.length > 0) for (const [blob, text] of await this.catBlobs(missing.map((b) => b.blob as string))) contents.set(blob, text);
      for (const ch of batch) {
        const blob = ch.blob as string;
        const content = contents.get(blob);
        const analyzer = () => {
          let a = analyzers.get(ch.path);
          if (!a) analyzers.set(ch.path, (a = new SpecAnalyzer(schemaSet, config)));
          return a;
        };
        const version = content === undefined ? { requirements: [], roadmap: [], error: 'git has no such object' } : reader.read(path.join(this.root, ch.path), content, analyzer);
        this.versions.set(blob, version);
        this.blobsRead++;
      }
    }
  }

  /**
   * The blobs of a few changes read from the work tree instead of git, where the file there hashes to
   * the blob (the usual case after a commit): one git process less for the reading a commit triggers.
   */
  private async workTreeBlobs(changes: readonly SpecChange[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    if (changes.length > WORK_TREE_READS) return texts;
    for (const ch of changes) {
      const blob = ch.blob as string;
      const bytes = await fsp.readFile(path.join(this.root, ch.path)).catch(() => undefined); // gone or unreadable: git has it
      if (bytes === undefined) continue;
      const algorithm = blob.length === 64 ? 'sha256' : 'sha1';
      const hash = createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
      if (hash === blob) texts.set(blob, bytes.toString('utf8'));
    }
    return texts;
  }

  /** `git cat-file --batch` of `blobs`: each one's text, absent when git has no such object. */
  private async catBlobs(blobs: readonly string[]): Promise<Map<string, string>> {
    const out = await runGitBytes(this.root, ['cat-file', '--batch', '--buffer'], { env: this.options.env, timeoutMs: this.options.timeoutMs ?? 120_000, maxBuffer: MAX_OUTPUT }, `${blobs.join('\n')}\n`);
    const texts = new Map<string, string>();
    let at = 0;
    while (at < out.length) {
      const eol = out.indexOf(10, at);
      if (eol < 0) break;
      const [hash, type, size] = out.toString('latin1', at, eol).split(' ');
      at = eol + 1;
      if (type === 'missing' || size === undefined) continue;
      const length = Number(size);
      if (type === 'blob') texts.set(hash, out.toString('utf8', at, at + length));
      at += length + 1;
    }
    return texts;
  }

  private git(args: string[], maxBuffer?: number): Promise<string> {
    return runGit(this.root, args, { env: this.options.env, timeoutMs: this.options.timeoutMs ?? 120_000, maxBuffer: maxBuffer ?? 1024 * 1024 });
  }

  private savedHead: string | undefined;
  private saving: Promise<unknown> = Promise.resolve();

  private async load(): Promise<void> {
    const data = await this.store?.load(MAX_OUTPUT, (bytes) => decodeCache(bytes.toString('utf8')));
    if (!data) return;
    for (const [blob, version] of data.versions) if (!this.versions.has(blob)) this.versions.set(blob, version);
    this.walk = data.walk;
    this.savedHead = data.walk?.head;
  }

  private save(): void {
    if (!this.store) return;
    this.savedHead = this.walk?.head;
    const store = this.store;
    // After the answer: the write (and its JSON) must not delay the series the caller waits for.
    this.saving = new Promise((resolve) => {
      setImmediate(() => resolve(store.write(() => JSON.stringify({ format: CACHE_FORMAT, root: this.root, walk: this.walk, versions: [...this.versions].map(([blob, v]) => packVersion(blob, v)) }))));
    });
  }
}

/** The folders git's walk is limited to: the literal base of each spec glob, or the whole folder. */
export function specFolders(config: SpectraceConfig): string[] {
  const out = new Set<string>();
  for (const raw of config.specs ?? []) {
    const g = normalizeGlob(raw);
    if (!g || g.startsWith('!')) continue;
    const segments = g.split('/');
    const literal: string[] = [];
    for (const s of segments.slice(0, -1)) {
      if (/[*?[\]{}()!+@\\]/.test(s)) break;
      literal.push(s);
    }
    out.add(literal.length > 0 ? literal.join('/') : '.');
  }
  if (out.has('.') || out.size === 0) return ['.'];
  return [...out].sort();
}

/** A commit of a `git log --raw -z --format=%x01%m %H %P %cI` output. */
export interface LoggedCommit extends HistoryCommit {
  /** `<` or `>` with --left-right. */
  side: string;
  /** The first parent (undefined for a root commit). */
  parent: string | undefined;
}

/** The commits of a `git log --raw -z` output with their spec-file changes; those without any only when `keepEmpty`. */
export function parseRawLog(out: string, isSpec: (rel: string) => boolean, keepEmpty: boolean): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  const fields = out.split('\0');
  let current: LoggedCommit | undefined;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i].replace(/^\n/, '');
    if (f.startsWith('\x01')) {
      const words = f.slice(1).trim().split(' ');
      current = { side: words[0], commit: words[1], parent: words.length > 3 ? words[2] : undefined, date: words[words.length - 1], changes: [] };
      commits.push(current);
    } else if (f.startsWith(':') && current) {
      // ":100644 100644 <old> <new> M", then the path
      const meta = f.split(' ');
      const status = meta[4] ?? '';
      const file = fields[++i] ?? '';
      if (!isSpec(file)) continue;
      current.changes.push({ path: file, blob: status.startsWith('D') ? null : (meta[3] ?? null) });
    }
  }
  return keepEmpty ? commits : commits.filter((c) => c.changes.length > 0);
}

function decodeCache(text: string): { versions: [string, SpecVersion][]; walk: Walk | undefined } | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return `not JSON (${errorText(err)})`;
  }
  if (!isObject(data) || data.format !== CACHE_FORMAT || !Array.isArray(data.versions)) return 'written by another version of Spectrace';
  const walk = isObject(data.walk) && typeof data.walk.head === 'string' && typeof data.walk.folders === 'string' && Array.isArray(data.walk.commits) ? (data.walk as unknown as Walk) : undefined;
  const versions: [string, SpecVersion][] = [];
  for (const packed of data.versions) {
    const v = unpackVersion(packed);
    if (v) versions.push(v);
  }
  return { versions, walk };
}

/** A version as arrays, not objects: the persisted file of a long history is mostly these. */
type PackedVersion = [string, [string, string | null, string | null][], [string, string | null][], string | null];

function packVersion(blob: string, v: SpecVersion): PackedVersion {
  return [blob, v.requirements.map((r) => [r.id, r.roadmap ?? null, r.status ?? null]), v.roadmap.map((r) => [r.id, r.parent ?? null]), v.error ?? null];
}

function unpackVersion(packed: unknown): [string, SpecVersion] | undefined {
  if (!Array.isArray(packed) || typeof packed[0] !== 'string' || !Array.isArray(packed[1]) || !Array.isArray(packed[2])) return undefined;
  const [blob, reqs, roadmap, error] = packed as PackedVersion;
  const version: SpecVersion = {
    requirements: reqs.map(([id, r, st]) => ({ id, roadmap: r ?? undefined, status: st ?? undefined })),
    roadmap: roadmap.map(([id, parent]) => ({ id, parent: parent ?? undefined })),
  };
  if (typeof error === 'string') version.error = error;
  return [blob, version];
}
