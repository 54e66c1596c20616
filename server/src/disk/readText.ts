// Reading one text file, UTF-8, for the server: asynchronously with a kind for each outcome (a file
// the client told us about: a file event, a closed document), or synchronously as text or undefined
// (the config file, custom schemas). Code trees hold anything: missing files, binaries, FIFOs, huge
// generated files; none of them throws or blocks.
import * as fs from 'node:fs';
import { constants as fsConstants, promises as fsp } from 'node:fs';

export type ReadResult =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'binary'; detail: string }
  | { kind: 'too-large'; detail: string };

/** Read `file` as UTF-8 unless it is larger than `maxBytes` or looks binary (a NUL byte early on). */
export async function readTextFile(file: string, maxBytes: number, checkBinary = true): Promise<ReadResult> {
  let handle: fsp.FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading otherwise blocks a libuv thread until a writer comes
    // (forever, and then even process exit hangs); it has no effect on regular files.
    handle = await fsp.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'missing' };
    if (stat.size > maxBytes) return { kind: 'too-large', detail: `${stat.size} bytes, limit ${maxBytes}` };
    const buf = await handle.readFile();
    if (checkBinary && buf.subarray(0, 8192).includes(0)) return { kind: 'binary', detail: 'contains NUL bytes' };
    return { kind: 'text', text: buf.toString('utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Deleted between the event and the read, or a directory / unreadable entry: not indexable.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ELOOP') return { kind: 'missing' };
    throw err;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Largest file the synchronous reader returns. */
const SYNC_READ_LIMIT = 64 * 1024 * 1024;

/**
 * A regular file's text; undefined when missing, unreadable, not a regular file or over 64 MiB.
 * Opened with O_NONBLOCK and checked on the open handle, so a FIFO or device (even one swapped in
 * after a stat) never blocks the server's only thread.
 */
export function readTextSync(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > SYNC_READ_LIMIT) return undefined;
    return fs.readFileSync(fd, 'utf8');
  } catch {
    // Unreadable is an answer here: the caller treats the file as absent.
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
