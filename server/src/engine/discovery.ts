// Finding and reading the files of a workspace folder on disk, for the CLI and the server's first
// index. Code trees hold anything, so nothing here throws for a per-file problem: each file that is
// not read comes back as a SkippedFile with a reason the caller logs.
//
// Decisions (see also globs.ts for which paths are specs and code):
// - The walk (tinyglobby over fdir) honours .gitignore files (gitignore.ts) and never enters
//   node_modules/.git/.hg/.svn: ignored folders are pruned while listing, not filtered afterwards.
// - Symbolic links are not followed, neither to folders nor to files: a linked folder would list
//   the same files twice (double-counted tags) or leave the workspace, and a link can loop. A link
//   that loops (resolves to itself, or to a folder containing it) is reported as `symlink-loop`;
//   other links are silently not followed.
// - Reading opens with O_NONBLOCK and checks the opened handle, so a FIFO, socket or device (even
//   one swapped in after listing) is reported as `unreadable` instead of blocking forever.
// - A NUL byte in the first 8 KiB, or more than 10% invalid UTF-8 sequences, means `binary`. A few
//   invalid sequences (a Latin-1 comment) are decoded as U+FFFD and the file is still scanned.
//   UTF-16 files with a byte order mark are decoded as UTF-16. A UTF-8 byte order mark is dropped,
//   as editors do, so columns match the editor.
// - A code file with a line over 20,000 characters and no tag word is `minified`; with a tag word
//   it is scanned like any other file.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { FileSystemAdapter } from 'tinyglobby';
import { extractTags } from './codeTags';
import { GitignoreRules } from './gitignore';
import { ALWAYS_EXCLUDED_DIRS, createPathClassifier, walkGlobs } from './globs';
import type { CodeFile, SkippedFile, SpectraceConfig } from './types';

export interface DiscoveryResult {
  /** Absolute paths, sorted. */
  specFiles: string[];
  codeFiles: string[];
  /** Folders that could not be listed, symlink loops, .gitignore files that could not be applied. */
  skipped: SkippedFile[];
}

export type ReadResult = { text: string } | { skipped: SkippedFile };

export interface ScanOptions {
  signal?: AbortSignal;
  /** Files read at the same time. Default 64. */
  concurrency?: number;
  /** Called after each file, scanned or skipped (for progress). */
  onFile?: (done: number, total: number) => void;
}

const BINARY_SNIFF_BYTES = 8192;
export const MINIFIED_LINE_LENGTH = 20_000;
const DEFAULT_CONCURRENCY = 64;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

// ---------------------------------------------------------------------------------------------
// Discovery

export async function discoverFiles(root: string, config: SpectraceConfig, opts: { signal?: AbortSignal } = {}): Promise<DiscoveryResult> {
  const base = path.resolve(root);
  const classifier = createPathClassifier(config);
  const rules = await GitignoreRules.forRoot(base);
  const skipped: SkippedFile[] = [];

  const listDir = async (dir: string): Promise<fs.Dirent[]> => {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push(skipFromError(dir, err));
      return [];
    }
    await rules.enter(dir, entries.some((e) => e.name === '.gitignore' && !e.isDirectory()));
    const kept: fs.Dirent[] = [];
    for (const e of entries) {
      const isDir = e.isDirectory();
      if (isDir && ALWAYS_EXCLUDED_DIRS.has(e.name)) continue;
      if (rules.ignores(dir, e.name, isDir)) continue; // git stores a link as a file, so `dir/` rules do not match it
      if (e.isSymbolicLink()) {
        const loop = await symlinkLoop(path.join(dir, e.name), dir);
        if (loop) skipped.push(loop);
        continue;
      }
      kept.push(e);
    }
    return kept;
  };

  // tinyglobby lists folders through this adapter: the only hook that lets .gitignore prune the walk.
  const readdir = (p: fs.PathLike, _options: unknown, callback: (err: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void): void => {
    listDir(path.resolve(String(p))).then(
      (entries) => callback(null, entries),
      (err: unknown) => {
        // listDir records its own failures; anything else is a bug worth seeing, not a reason to stop the walk.
        skipped.push(skipFromError(String(p), err));
        callback(null, []);
      },
    );
  };
  const adapter: FileSystemAdapter = { readdir: readdir as unknown as FileSystemAdapter['readdir'] };

  const patterns = walkGlobs(config);
  const rels =
    patterns.length === 0
      ? []
      : await glob(patterns, {
          cwd: base,
          dot: true,
          extglob: false,
          expandDirectories: false,
          followSymbolicLinks: false,
          fs: adapter,
          signal: opts.signal,
        });
  opts.signal?.throwIfAborted();

  const specFiles: string[] = [];
  const codeFiles: string[] = [];
  for (const rel of rels) {
    if (classifier.isSpecPath(rel)) specFiles.push(path.join(base, rel));
    else if (classifier.isCodePath(rel)) codeFiles.push(path.join(base, rel));
  }
  specFiles.sort();
  codeFiles.sort();
  return { specFiles, codeFiles, skipped: [...rules.problems, ...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

/** A `symlink-loop` skip when the link at `link` (in folder `dir`) cannot resolve or resolves to a folder containing it. */
async function symlinkLoop(link: string, dir: string): Promise<SkippedFile | undefined> {
  let target: string;
  try {
    target = await fsp.realpath(link);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return { file: link, reason: 'symlink-loop', detail: 'the link resolves to itself' };
    return undefined; // a dangling link: nothing to follow, nothing to report
  }
  let realDir: string;
  try {
    realDir = await fsp.realpath(dir);
  } catch {
    return undefined; // the folder vanished while listing it
  }
  if (realDir === target || realDir.startsWith(target + path.sep)) {
    return { file: link, reason: 'symlink-loop', detail: `the link points to ${target}, a folder that contains it` };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Read a code file for tag scanning; `{ skipped }` for any per-file problem (never throws). */
export async function readCodeFile(file: string, config: SpectraceConfig): Promise<ReadResult> {
  const read = await readBytes(file, config.maxFileSize);
  if ('skipped' in read) return read;
  const decoded = decodeText(file, read.bytes);
  if ('skipped' in decoded) return decoded;
  const minified = minifiedSkip(file, decoded.text, config);
  return minified ? { skipped: minified } : decoded;
}

/** Read a spec file; `{ skipped }` for any per-file problem (never throws). */
export async function readSpecFile(file: string, config: SpectraceConfig): Promise<ReadResult> {
  const read = await readBytes(file, config.maxFileSize);
  if ('skipped' in read) return read;
  return decodeText(file, read.bytes);
}

/**
 * Read and scan code files, `concurrency` at a time. The result lists every scanned file (with or
 * without tags) in the order given, and every skipped one. Throws only when `signal` aborts.
 */
export async function scanCodeFiles(files: string[], config: SpectraceConfig, opts: ScanOptions = {}): Promise<{ files: CodeFile[]; skipped: SkippedFile[] }> {
  const results: (CodeFile | SkippedFile)[] = new Array<CodeFile | SkippedFile>(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      if (opts.signal?.aborted) return;
      const i = next++;
      results[i] = await scanOne(files[i], config);
      done++;
      opts.onFile?.(done, files.length);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY, files.length));
  await Promise.all(Array.from({ length: n }, worker));
  opts.signal?.throwIfAborted();

  const scanned: CodeFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const r of results) {
    if ('tags' in r) scanned.push(r);
    else skipped.push(r);
  }
  return { files: scanned, skipped };
}

async function scanOne(file: string, config: SpectraceConfig): Promise<CodeFile | SkippedFile> {
  try {
    const read = await readCodeFile(file, config);
    if ('skipped' in read) return read.skipped;
    return { file, tags: extractTags(file, read.text, config) };
  } catch (err) {
    // readCodeFile does not throw by design; if it ever does, the file is reported, the scan goes on.
    return skipFromError(file, err);
  }
}

// Callback-based fs wrapped in promises: for many small files it is several times faster than
// fs/promises' FileHandle (measured on 20,000 files), and reading is most of a scan.
function openFd(file: string, flags: number): Promise<number> {
  return new Promise((resolve, reject) => fs.open(file, flags, (err, fd) => (err ? reject(err) : resolve(fd))));
}
function fstatFd(fd: number): Promise<fs.Stats> {
  return new Promise((resolve, reject) => fs.fstat(fd, (err, stat) => (err ? reject(err) : resolve(stat))));
}
function readFd(fd: number, buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buffer, offset, length, position, (err, n) => (err ? reject(err) : resolve(n))));
}
function closeFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.close(fd, (err) => (err ? reject(err) : resolve())));
}

/** Read into `bytes` from `from` up to `to` (or end of file); the new fill level. */
async function readRange(fd: number, bytes: Buffer, from: number, to: number): Promise<number> {
  let filled = from;
  while (filled < to) {
    const bytesRead = await readFd(fd, bytes, filled, to - filled, filled);
    if (bytesRead === 0) break; // the file shrank since fstat: take what is there
    filled += bytesRead;
  }
  return filled;
}

/** The file's bytes, or why they cannot be had. At most `maxSize` bytes are read. */
async function readBytes(file: string, maxSize: number): Promise<{ bytes: Buffer } | { skipped: SkippedFile }> {
  let fd: number;
  try {
    fd = await openFd(file, fs.constants.O_RDONLY | O_NONBLOCK);
  } catch (err) {
    return { skipped: skipFromError(file, err) };
  }
  try {
    const stat = await fstatFd(fd);
    if (stat.isDirectory()) return { skipped: { file, reason: 'unreadable', detail: 'a folder, not a file' } };
    if (!stat.isFile()) return { skipped: { file, reason: 'unreadable', detail: `not a regular file (${specialKind(stat)})` } };
    if (stat.size > maxSize) {
      return { skipped: { file, reason: 'too-large', detail: `${stat.size} bytes, over the limit of ${maxSize} (maxFileSize)` } };
    }
    const bytes = Buffer.allocUnsafe(stat.size);
    // A binary file is usually recognised from its first bytes: read those first, the rest only if needed.
    let filled = await readRange(fd, bytes, 0, Math.min(stat.size, BINARY_SNIFF_BYTES));
    if (hasNulInHead(bytes.subarray(0, filled))) {
      return { skipped: { file, reason: 'binary', detail: 'a NUL byte in the first 8 KiB' } };
    }
    filled = await readRange(fd, bytes, filled, stat.size);
    return { bytes: bytes.subarray(0, filled) };
  } catch (err) {
    return { skipped: skipFromError(file, err) };
  } finally {
    await closeFd(fd).catch(() => undefined); // closing a read-only descriptor cannot lose data
  }
}

function specialKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** UTF-16 text starts with a byte order mark and is full of NULs; it is text all the same. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function hasNulInHead(bytes: Uint8Array): boolean {
  if (utf16Encoding(bytes)) return false;
  return bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1;
}

/**
 * Bytes to text, as an editor would show it (pure: can run in a worker). `binary` when a NUL byte
 * is in the first 8 KiB or more than 10% of the characters are invalid UTF-8.
 */
export function decodeText(file: string, bytes: Uint8Array): ReadResult {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes) };
  if (hasNulInHead(bytes)) return { skipped: { file, reason: 'binary', detail: 'a NUL byte in the first 8 KiB' } };
  // TextDecoder drops a UTF-8 byte order mark, as editors do, so columns match what people see.
  const text = new TextDecoder('utf-8').decode(bytes);
  let invalid = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) invalid++;
  if (invalid > 8 && invalid * 10 > text.length) {
    return { skipped: { file, reason: 'binary', detail: `not text: ${invalid} invalid UTF-8 sequences in ${bytes.length} bytes` } };
  }
  return { text };
}

/** `minified` when a line is longer than 20,000 characters and no tag word appears in the text. */
export function minifiedSkip(file: string, text: string, config: SpectraceConfig): SkippedFile | undefined {
  if (text.length <= MINIFIED_LINE_LENGTH) return undefined;
  const words = [...(config.tags?.implements ?? []), ...(config.tags?.verifies ?? [])];
  if (words.some((w) => typeof w === 'string' && w.trim() !== '' && text.includes(w.trim()))) return undefined;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > MINIFIED_LINE_LENGTH) {
      return { file, reason: 'minified', detail: `a line of ${end - start} characters and no tag word` };
    }
    start = end + 1;
  }
  return undefined;
}

/** The SkippedFile for an error from the file system. */
function skipFromError(file: string, err: unknown): SkippedFile {
  const e = err as NodeJS.ErrnoException;
  const message = err instanceof Error ? err.message : String(err);
  switch (e?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { file, reason: 'vanished', detail: 'deleted or moved after it was listed' };
    case 'ELOOP':
      return { file, reason: 'symlink-loop', detail: 'too many levels of symbolic links' };
    case 'EACCES':
    case 'EPERM':
      return { file, reason: 'unreadable', detail: `permission denied (${e.code})` };
    case 'EISDIR':
      return { file, reason: 'unreadable', detail: 'a folder, not a file' };
    default:
      return { file, reason: 'unreadable', detail: e?.code ? `${e.code}: ${message}` : message };
  }
}
