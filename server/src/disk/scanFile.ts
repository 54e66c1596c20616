// Reading one file from disk and scanning it for tags: what the main thread and the scan worker
// (scanWorker.ts) both run, so this module imports only the tag extractor, never the walk (the
// worker's bundle stays small). Nothing here throws for a per-file problem: a file that is not read
// comes back as a SkippedFile with a reason the caller logs.
//
// Decisions:
// - Reading opens with O_NONBLOCK and checks the opened handle, so a FIFO, socket or device (even
//   one swapped in after listing) is reported as `unreadable` instead of blocking forever.
// - A NUL byte in the first 8 KiB, or more than 10% invalid UTF-8 sequences, means `binary`. A few
//   invalid sequences (a Latin-1 comment) are decoded as U+FFFD and the file is still scanned.
//   UTF-16 files with a byte order mark are decoded as UTF-16. A UTF-8 byte order mark is dropped,
//   as editors do, so columns match the editor.
// - A code file with a line over 20,000 characters and no tag word is `minified`; with a tag word
//   it is scanned like any other file.
// - The code scan reads synchronously (`scanCodeFileSync`), in small batches between which the
//   caller yields: for 20,000 files of 2 KiB, open/fstat/read/close through libuv's thread pool
//   cost five times what the same calls cost inline (each is a round trip through the event loop).
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import { extractTags } from '../engine/code/codeTags';
import { MINIFIED_LINE_LENGTH, minifiedSkip } from '../engine/code/minified';
import type { CodeFile, SkippedFile, SpectraceConfig } from '../engine/types';
import { errorText } from '../shared/errorText';

export type ReadResult = { text: string } | { skipped: SkippedFile };

/** Size and modification time of a file as it was read: the persisted index's key (indexCache.ts). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** One code file's outcome. `stamp` is absent when the file could not even be opened. */
export interface ScanEntry {
  result: CodeFile | SkippedFile;
  stamp?: FileStamp;
}

const BINARY_SNIFF_BYTES = 8192;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const READ_FLAGS = fs.constants.O_RDONLY | O_NONBLOCK;
const utf8 = new TextDecoder('utf-8');

// ---------------------------------------------------------------------------------------------
// Asynchronous reading (spec files, single code files)

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

// Callback-based fs wrapped in promises: for many small files it is several times faster than
// fs/promises' FileHandle (measured on 20,000 files).
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
    fd = await openFd(file, READ_FLAGS);
  } catch (err) {
    return { skipped: skipFromError(file, err) };
  }
  try {
    const stat = await fstatFd(fd);
    const unfit = unfitStat(file, stat, maxSize);
    if (unfit) return { skipped: unfit };
    const bytes = Buffer.allocUnsafe(stat.size);
    // A binary file is usually recognised from its first bytes: read those first, the rest only if needed.
    let filled = await readRange(fd, bytes, 0, Math.min(stat.size, BINARY_SNIFF_BYTES));
    if (hasNulInHead(bytes.subarray(0, filled))) return { skipped: nulSkip(file) };
    filled = await readRange(fd, bytes, filled, stat.size);
    return { bytes: bytes.subarray(0, filled) };
  } catch (err) {
    return { skipped: skipFromError(file, err) };
  } finally {
    await closeFd(fd).catch(() => undefined); // closing a read-only descriptor cannot lose data
  }
}

// ---------------------------------------------------------------------------------------------
// Synchronous scanning (the code scan, main thread and worker)

// Files up to this size are read into one reused buffer (decoding copies the text out of it).
const SCRATCH_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * Read and scan one code file. With `known` (the stamp the persisted index holds for it), a file
 * whose size and modification time still match is not read: the result is `'unchanged'`.
 */
export function scanCodeFileSync(file: string, config: SpectraceConfig, known?: FileStamp): ScanEntry | 'unchanged' {
  if (known) {
    try {
      const stat = fs.statSync(file);
      if (stat.isFile() && stat.size === known.size && stat.mtimeMs === known.mtimeMs) return 'unchanged';
    } catch {
      // Gone or unreadable: the read below reports it with the right reason.
    }
  }
  let fd: number;
  try {
    fd = fs.openSync(file, READ_FLAGS);
  } catch (err) {
    return { result: skipFromError(file, err) };
  }
  let stamp: FileStamp | undefined;
  try {
    const stat = fs.fstatSync(fd);
    stamp = { size: stat.size, mtimeMs: stat.mtimeMs };
    const unfit = unfitStat(file, stat, config.maxFileSize);
    if (unfit) return { result: unfit, stamp };
    const bytes = stat.size <= SCRATCH_BYTES ? (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES)) : Buffer.allocUnsafe(stat.size);
    let filled = readRangeSync(fd, bytes, 0, Math.min(stat.size, BINARY_SNIFF_BYTES));
    if (hasNulInHead(bytes.subarray(0, filled))) return { result: nulSkip(file), stamp };
    filled = readRangeSync(fd, bytes, filled, stat.size);
    const read = bytes.subarray(0, filled);
    // Most files hold no tag: when the bytes are plain ASCII (so the text is the same characters,
    // without invalid sequences or a byte order mark), short enough not to be minified, and contain
    // no tag word, the outcome is "no tags" without decoding them into a string at all.
    if (filled <= MINIFIED_LINE_LENGTH && isAscii(read) && !hasTagWordBytes(read, config)) return { result: { file, tags: [] }, stamp };
    const decoded = decodeText(file, read);
    if ('skipped' in decoded) return { result: decoded.skipped, stamp };
    const minified = minifiedSkip(file, decoded.text, config);
    if (minified) return { result: minified, stamp };
    return { result: { file, tags: extractTags(file, decoded.text, config) }, stamp };
  } catch (err) {
    // A read error, or (never by design) the tag extractor: the file is reported, the scan goes on.
    return { result: skipFromError(file, err), stamp };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // closing a read-only descriptor cannot lose data
    }
  }
}

// The tag words the extractor uses (codeTags.ts: trimmed, non-empty, on one line) as UTF-8 bytes,
// per config object.
const tagWordBytes = new WeakMap<SpectraceConfig, Buffer[]>();

function hasTagWordBytes(bytes: Buffer, config: SpectraceConfig): boolean {
  let words = tagWordBytes.get(config);
  if (!words) {
    const list: unknown[] = [...(config.tags?.implements ?? []), ...(config.tags?.verifies ?? [])];
    words = list
      .map((w) => (typeof w === 'string' ? w.trim() : ''))
      .filter((w) => w !== '' && !/[\r\n]/.test(w))
      .map((w) => Buffer.from(w, 'utf8'));
    tagWordBytes.set(config, words);
  }
  return words.some((w) => bytes.includes(w));
}

function readRangeSync(fd: number, bytes: Buffer, from: number, to: number): number {
  let filled = from;
  while (filled < to) {
    const bytesRead = fs.readSync(fd, bytes, filled, to - filled, filled);
    if (bytesRead === 0) break; // the file shrank since fstat: take what is there
    filled += bytesRead;
  }
  return filled;
}

// ---------------------------------------------------------------------------------------------
// Shared checks

/** Why an opened file cannot be read as text by its stat alone: a folder, a FIFO, too large. */
function unfitStat(file: string, stat: fs.Stats, maxSize: number): SkippedFile | undefined {
  if (stat.isDirectory()) return { file, reason: 'unreadable', detail: 'a folder, not a file' };
  if (!stat.isFile()) return { file, reason: 'unreadable', detail: `not a regular file (${specialKind(stat)})` };
  if (stat.size > maxSize) return { file, reason: 'too-large', detail: `${stat.size} bytes, over the limit of ${maxSize} (maxFileSize)` };
  return undefined;
}

function nulSkip(file: string): SkippedFile {
  return { file, reason: 'binary', detail: 'a NUL byte in the first 8 KiB' };
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
 * Bytes to text, as an editor would show it (pure). `binary` when a NUL byte is in the first 8 KiB
 * or more than 10% of the characters are invalid UTF-8.
 */
export function decodeText(file: string, bytes: Uint8Array): ReadResult {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes) };
  if (hasNulInHead(bytes)) return { skipped: nulSkip(file) };
  // TextDecoder drops a UTF-8 byte order mark, as editors do, so columns match what people see.
  const text = utf8.decode(bytes);
  let invalid = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) invalid++;
  if (invalid > 8 && invalid * 10 > text.length) {
    return { skipped: { file, reason: 'binary', detail: `not text: ${invalid} invalid UTF-8 sequences in ${bytes.length} bytes` } };
  }
  return { text };
}

/** The SkippedFile for an error from the file system. */
export function skipFromError(file: string, err: unknown): SkippedFile {
  const e = err as NodeJS.ErrnoException;
  const message = errorText(err);
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
