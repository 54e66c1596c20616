// Reading a file the client told us about (a file event, a closed document). Code trees hold
// anything: missing files, binaries, huge generated files; each comes back as a kind, never a throw.
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

/** A regular file's text; undefined when missing or unreadable. Never a FIFO or a device: reading one would block the server's only thread. */
export function readIfFile(file: string): string | undefined {
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // missing or unreadable: the caller treats it as absent
  }
}
