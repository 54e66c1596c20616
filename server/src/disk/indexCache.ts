// The persisted code index: the tags (and lasting skips) of every code file of a workspace folder,
// keyed by the file's path, size and modification time, in one file per folder under a storage
// folder (the language server gets the extension's storage folder from the client). On the next
// start the walk still lists the files (new and deleted ones must be seen), but a file whose size
// and modification time match is not read: its result comes from here.
//
// Decisions:
// - One JSON file per folder, `code-index-<hash of the folder path>.json`. Its key holds a format
//   version, the folder and the parts of the config a scan's result depends on (tag words, ID
//   pattern, size limit, globs): a change of any of them starts from an empty cache.
// - A file modified within RACY_MS before the scan started is not stored: another write in the same
//   timestamp tick (2 s on FAT) could leave its size and time unchanged ("racily clean" in git).
// - Skips that depend only on the bytes and the config (binary, too-large, minified) are kept; the
//   others (unreadable, vanished, symlink-loop) can change without the file changing, so they are not.
// - Written atomically (a temporary file renamed over the old one). A file that cannot be read or
//   parsed, or that holds anything unexpected, is ignored with a log line; nothing here throws.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FolderListing } from './discovery';
import { PersistedFile } from './persistedFile';
import type { ScanEntry } from './scanFile';
import type { KnownFile } from './scanWorkerPool';
import type { CodeFile, CodeTag, SkippedFile, SpectraceConfig, TagKind } from '../engine/types';
import { errorText } from '../shared/errorText';
import { isObject } from '../shared/isObject';

/** Bump when the file layout or what a scan yields for the same bytes changes (codeTags.ts, scanFile.ts). */
export const CACHE_FORMAT = 4;
const MARKER = 'spectrace-code-index';
/** Files modified this close to the scan's start are read again next time (see above). */
export const RACY_MS = 2000;
/** A larger cache file is not loaded (a folder would need millions of files to reach it). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;
const LASTING_SKIPS: ReadonlySet<SkippedFile['reason']> = new Set(['binary', 'too-large', 'minified']);
const SKIP_REASONS: ReadonlySet<string> = new Set(['binary', 'too-large', 'unreadable', 'vanished', 'symlink-loop', 'minified']);

/**
 * A tag on disk: kind (0 implements, 1 verifies), word, id, then the ID's and the word's ranges as
 * line, character pairs; then, only for a tag with an `@rev` suffix or a loose one, its extras.
 */
type StoredTag = [kind: 0 | 1, word: string, id: string, ...positions: (number | StoredExtras)[]];
/** `r` the revision, `b` a malformed suffix, `s` the suffix's range, `l` a loose tag. */
interface StoredExtras {
  r?: number;
  b?: string;
  s?: number[];
  l?: 1;
}
/** A list of tags, or a lasting skip (a file with neither has no entry in `results`). */
type StoredResult = StoredTag[] | { skip: SkippedFile['reason']; detail?: string };
/**
 * Column-wise, so that loading is a few large arrays for JSON.parse and one loop (a row per file
 * was three times slower to load): file i is `dirs[dir[i]] + name[i]` below the folder (dirs end
 * with `/`, the folder itself is ''), with `size[i]` and `mtime[i]`; `results` lists [i, result]
 * for the files with tags or skipped.
 */
interface StoredCache {
  marker: typeof MARKER;
  key: string;
  dirs: string[];
  dir: number[];
  name: string[];
  size: number[];
  mtime: number[];
  results: [number, StoredResult][];
  /** The walk's folder listings (discovery.ts FolderListing), reusable ones only. */
  folders: StoredFolder[];
}

/** A folder below the root ('' or `a/b/`), its time, its rules' stamp and newest time, then its subfolders, spec and code files. */
type StoredFolder = [rel: string, mtimeMs: number, rules: string, rulesMs: number, dirs: string[], specs: string[], code: string[]];

/** The part of a config that decides what a scan yields, plus the folder and the format: a cache's identity. */
export function cacheKey(root: string, config: SpectraceConfig): string {
  return JSON.stringify({
    format: CACHE_FORMAT,
    root,
    tags: config.tags,
    idPattern: config.idPattern,
    maxFileSize: config.maxFileSize,
    code: config.code,
    specs: config.specs,
  });
}

/** The cache file of a folder in a storage folder. */
export function cacheFileFor(storageDir: string, root: string): string {
  const hash = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(storageDir, `code-index-${hash}.json`);
}

export class CodeIndexCache {
  readonly file: string;
  private readonly root: string;
  /** The key the entries belong to; undefined before the first `prepare`. */
  private key: string | undefined;
  private entries = new Map<string, KnownFile>();
  private folders = new Map<string, FolderListing>();
  /** Entries differ from what is on disk. */
  private dirty = false;
  private readonly persisted: PersistedFile;

  constructor(
    readonly storageDir: string,
    root: string,
    log: (message: string) => void = () => undefined,
  ) {
    this.root = path.resolve(root);
    this.file = cacheFileFor(storageDir, this.root);
    this.persisted = new PersistedFile(this.file, 'persisted index', log);
  }

  /** Files held. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The results valid for `config`, as a lookup for the scan: read from disk the first time, kept in
   * memory after; emptied when the config's relevant parts changed since they were stored.
   */
  async prepare(config: SpectraceConfig): Promise<(file: string) => KnownFile | undefined> {
    const key = cacheKey(this.root, config);
    if (this.key === undefined) {
      this.key = key;
      const loaded = await this.load(key);
      this.entries = loaded.entries;
      this.folders = loaded.folders;
    } else if (this.key !== key) {
      this.key = key;
      this.entries = new Map();
      this.folders = new Map();
      this.dirty = true;
    }
    const entries = this.entries;
    return (file) => entries.get(file);
  }

  /** The folder listings kept with the results (after `prepare` for the same config), for the walk. */
  listings(): (dir: string) => FolderListing | undefined {
    const folders = this.folders;
    return (dir) => folders.get(dir);
  }

  /**
   * Replace the kept listings with a walk's. `walkStartedAt` is `Date.now()` from before the walk:
   * a folder (or its rules) changed within RACY_MS of it is listed again next time (as is one whose
   * time the walk did not take: NaN).
   */
  storeListings(listings: ReadonlyMap<string, FolderListing>, walkStartedAt: number): void {
    const limit = walkStartedAt - RACY_MS;
    const next = new Map<string, FolderListing>();
    for (const [dir, l] of listings) if (l.reusable && l.mtimeMs < limit && l.rulesMs < limit) next.set(dir, l);
    let same = next.size === this.folders.size;
    if (same) for (const [dir, l] of next) if (this.folders.get(dir) !== l) same = false;
    this.folders = next;
    if (!same) this.dirty = true;
  }

  /**
   * Replace the contents with a scan's outcome (files not in it are gone). `scanStartedAt` is
   * `Date.now()` from before the scan read anything (the racy-file rule).
   */
  store(scanned: readonly ScanEntry[], scanStartedAt: number): void {
    const next = new Map<string, KnownFile>();
    const limit = scanStartedAt - RACY_MS;
    for (const { result, stamp } of scanned) {
      if (!stamp || !(stamp.mtimeMs < limit)) continue;
      if (!('tags' in result) && !LASTING_SKIPS.has(result.reason)) continue;
      next.set(result.file, { stamp, result });
    }
    let same = next.size === this.entries.size;
    if (same) for (const [file, known] of next) if (this.entries.get(file)?.result !== known.result) same = false;
    this.entries = next;
    if (!same) this.dirty = true;
  }

  /** A file changed (or went) after the scan: it is read again next time. */
  forget(file: string): void {
    if (this.entries.delete(file)) this.dirty = true;
  }

  /** Write the cache if it changed since it was last written or read. Never rejects (problems are logged). */
  async save(): Promise<void> {
    if (!this.dirty || this.key === undefined) return this.persisted.idle();
    this.dirty = false;
    const key = this.key;
    if (!(await this.persisted.write(() => this.serialize(key)))) this.dirty = true; // try again at the next save
  }

  private serialize(key: string): string {
    const stored: StoredCache = { marker: MARKER, key, dirs: [], dir: [], name: [], size: [], mtime: [], results: [], folders: [] };
    const dirIndex = new Map<string, number>();
    const prefix = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
    for (const [file, { stamp, result }] of this.entries) {
      if (!file.startsWith(prefix)) continue;
      const cut = file.lastIndexOf(path.sep) + 1;
      const dirRel = file.slice(prefix.length, Math.max(prefix.length, cut));
      let d = dirIndex.get(dirRel);
      if (d === undefined) {
        d = stored.dirs.length;
        dirIndex.set(dirRel, d);
        stored.dirs.push(path.sep === '/' ? dirRel : dirRel.split(path.sep).join('/'));
      }
      const i = stored.name.length;
      stored.dir.push(d);
      stored.name.push(file.slice(Math.max(prefix.length, cut)));
      stored.size.push(stamp.size);
      stored.mtime.push(stamp.mtimeMs);
      const encoded = encodeResult(result);
      if (encoded) stored.results.push([i, encoded]);
    }
    for (const [dir, l] of this.folders) {
      if (dir !== this.root && !dir.startsWith(prefix)) continue;
      const rel = dir === this.root ? '' : `${dir.slice(prefix.length)}${path.sep}`;
      stored.folders.push([path.sep === '/' ? rel : rel.split(path.sep).join('/'), l.mtimeMs, l.rules, l.rulesMs, l.dirs, l.specs, l.code]);
    }
    return JSON.stringify(stored);
  }

  private async load(key: string): Promise<{ entries: Map<string, KnownFile>; folders: Map<string, FolderListing> }> {
    return (await this.persisted.load(MAX_CACHE_BYTES, (bytes) => this.decode(bytes.toString('utf8'), key))) ?? { entries: new Map(), folders: new Map() };
  }

  /** The entries and listings of a cache file's text, or why it cannot be used. */
  private decode(text: string, key: string): { entries: Map<string, KnownFile>; folders: Map<string, FolderListing> } | string {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      return `not valid JSON (${errorText(err)}); truncated or corrupt`;
    }
    if (!isObject(data) || data.marker !== MARKER) return 'not a Spectrace code index';
    if (data.key !== key) return 'made for another folder, configuration or version (rebuilt)';
    const { dirs, dir, name, size, mtime, results, folders } = data;
    if (!Array.isArray(dirs) || !Array.isArray(dir) || !Array.isArray(name) || !Array.isArray(size) || !Array.isArray(mtime) || !Array.isArray(results) || !Array.isArray(folders)) {
      return 'a missing column';
    }
    const n = name.length;
    if (dir.length !== n || size.length !== n || mtime.length !== n) return 'columns of different lengths';
    const prefix = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
    const dirPaths: string[] = [];
    for (const d of dirs as unknown[]) {
      if (typeof d !== 'string' || !isDirRel(d)) return 'a malformed folder';
      dirPaths.push(prefix + (path.sep === '/' ? d : d.split('/').join(path.sep)));
    }
    const files: string[] = new Array<string>(n);
    const out = new Map<string, KnownFile>();
    for (let i = 0; i < n; i++) {
      const d: unknown = dir[i];
      const base: unknown = name[i];
      const bytes: unknown = size[i];
      const time: unknown = mtime[i];
      if (typeof d !== 'number' || d < 0 || d >= dirPaths.length || !Number.isInteger(d)) return 'a malformed entry';
      if (typeof base !== 'string' || !isName(base) || !isCount(bytes) || typeof time !== 'number' || !Number.isFinite(time)) return 'a malformed entry';
      const file = dirPaths[d] + base;
      files[i] = file;
      out.set(file, { stamp: { size: bytes, mtimeMs: time }, result: { file, tags: [] } });
    }
    for (const row of results as unknown[]) {
      if (!Array.isArray(row) || row.length !== 2) return 'a malformed result';
      const [i, stored] = row as unknown[];
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= n) return 'a malformed result';
      const file = files[i];
      const result = decodeResult(file, stored);
      const known = out.get(file);
      if (!result || !known) return `a malformed result for ${file}`;
      known.result = result;
    }
    const listings = new Map<string, FolderListing>();
    for (const row of folders as unknown[]) {
      const listing = decodeFolder(row);
      if (!listing) return 'a malformed folder listing';
      const rel = listing.rel;
      listings.set(rel === '' ? this.root : prefix + (path.sep === '/' ? rel : rel.split('/').join(path.sep)).slice(0, -1), listing.listing);
    }
    return { entries: out, folders: listings };
  }
}

/** undefined for a file scanned without tags (the common case, stored as no result at all). */
function encodeResult(result: CodeFile | SkippedFile): StoredResult | undefined {
  if (!('tags' in result)) return result.detail === undefined ? { skip: result.reason } : { skip: result.reason, detail: result.detail };
  if (result.tags.length === 0) return undefined;
  return result.tags.map((t): StoredTag => {
    const stored: StoredTag = [
      t.kind === 'implements' ? 0 : 1,
      t.word,
      t.id,
      t.idRange.start.line,
      t.idRange.start.character,
      t.idRange.end.line,
      t.idRange.end.character,
      t.wordRange.start.line,
      t.wordRange.start.character,
      t.wordRange.end.line,
      t.wordRange.end.character,
    ];
    if (t.revRange || t.loose) {
      const extras: StoredExtras = {};
      if (t.rev !== undefined) extras.r = t.rev;
      if (t.badRev !== undefined) extras.b = t.badRev;
      if (t.revRange) extras.s = [t.revRange.start.line, t.revRange.start.character, t.revRange.end.line, t.revRange.end.character];
      if (t.loose) extras.l = 1;
      stored.push(extras);
    }
    return stored;
  });
}

function decodeResult(file: string, stored: unknown): CodeFile | SkippedFile | undefined {
  if (Array.isArray(stored)) {
    const tags: CodeTag[] = [];
    for (const t of stored as unknown[]) {
      if (!Array.isArray(t) || (t.length !== 11 && t.length !== 12)) return undefined;
      const [kind, word, id, ...rest] = t as unknown[];
      const pos = rest.slice(0, 8);
      if ((kind !== 0 && kind !== 1) || typeof word !== 'string' || typeof id !== 'string' || !pos.every(isCount)) return undefined;
      const n = pos as number[];
      const tagKind: TagKind = kind === 0 ? 'implements' : 'verifies';
      const tag: CodeTag = {
        file,
        kind: tagKind,
        word,
        id,
        idRange: { start: { line: n[0], character: n[1] }, end: { line: n[2], character: n[3] } },
        wordRange: { start: { line: n[4], character: n[5] }, end: { line: n[6], character: n[7] } },
      };
      if (rest.length === 9 && !decodeExtras(rest[8], tag)) return undefined;
      tags.push(tag);
    }
    return { file, tags };
  }
  if (isObject(stored) && typeof stored.skip === 'string' && SKIP_REASONS.has(stored.skip)) {
    const reason = stored.skip as SkippedFile['reason'];
    if (stored.detail === undefined) return { file, reason };
    return typeof stored.detail === 'string' ? { file, reason, detail: stored.detail } : undefined;
  }
  return undefined;
}

function decodeFolder(row: unknown): { rel: string; listing: FolderListing } | undefined {
  if (!Array.isArray(row) || row.length !== 7) return undefined;
  const [rel, mtimeMs, rules, rulesMs, dirs, specs, code] = row as unknown[];
  if (typeof rel !== 'string' || !isDirRel(rel) || typeof rules !== 'string') return undefined;
  if (typeof mtimeMs !== 'number' || !Number.isFinite(mtimeMs) || typeof rulesMs !== 'number' || !Number.isFinite(rulesMs)) return undefined;
  const names = (v: unknown): v is string[] => Array.isArray(v) && v.every((n) => typeof n === 'string' && isName(n));
  if (!names(dirs) || !names(specs) || !names(code)) return undefined;
  return { rel, listing: { mtimeMs, rules, rulesMs, reusable: true, dirs, specs, code } };
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

// Only files the walk lists are looked up, so a stray entry is never used; these checks keep a
// tampered or damaged file from producing paths that are not plain names below the folder.
/** A folder below the root: '' or segments each followed by `/`, none empty, `.` or `..`. */
function isDirRel(d: string): boolean {
  if (d === '') return true;
  if (!d.endsWith('/')) return false;
  return d
    .slice(0, -1)
    .split('/')
    .every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

function isName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/');
}

/** Puts a stored tag's extras onto `tag`; false when they are not what encodeResult writes. */
function decodeExtras(stored: unknown, tag: CodeTag): boolean {
  if (!isObject(stored)) return false;
  const { r, b, s, l } = stored;
  if (r !== undefined) {
    if (!isCount(r) || r < 1) return false;
    tag.rev = r;
  }
  if (b !== undefined) {
    if (typeof b !== 'string') return false;
    tag.badRev = b;
  }
  if (s !== undefined) {
    if (!Array.isArray(s) || s.length !== 4 || !s.every(isCount)) return false;
    const q = s as number[];
    tag.revRange = { start: { line: q[0], character: q[1] }, end: { line: q[2], character: q[3] } };
  }
  if (l !== undefined) {
    if (l !== 1) return false;
    tag.loose = true;
  }
  return true;
}
