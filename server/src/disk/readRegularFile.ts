// Reading a file the user named (a file to import, a mapping, the spec an import updates, a trace file
// to merge): only a regular file is read, and only up to a limit. A FIFO opened for reading blocks
// until a writer comes and a device such as /dev/zero never ends, so the file is opened with
// O_NONBLOCK and judged by its open handle (not a path stat that a swap could outdate).
import { constants as fsConstants, promises as fsp } from 'node:fs';
import { fsErrorText } from './fsErrorText';

export type RegularFileRead =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'missing' }
  /** `size`: the size seen (a file that grew while read: more than the limit, at least). */
  | { kind: 'too-large'; size: number }
  | { kind: 'refused'; reason: string };

const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * The bytes of `file` when it is a regular file of at most `maxBytes`; `missing` when it does not
 * exist; `too-large`; otherwise `refused` with the reason (a folder, a FIFO or device, unreadable).
 * Never throws and never blocks on a special file.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<RegularFileRead> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(file, READ_FLAGS);
    const stat = await handle.stat();
    if (stat.isDirectory()) return { kind: 'refused', reason: 'it is a folder' };
    if (!stat.isFile()) return { kind: 'refused', reason: 'not a regular file (a pipe, socket or device)' };
    if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
    const bytes = await handle.readFile();
    // The file grew past the limit after the stat: refused as well, rather than kept half-read.
    if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
    return { kind: 'bytes', bytes };
  } catch (err) {
    if ((err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'refused', reason: fsErrorText(err, 'file') };
  } finally {
    await handle?.close().catch(() => undefined); // closing a read-only descriptor cannot lose data
  }
}
