// The synchronous file reader the workspace index is given for custom schemas and for code files it
// scans again after a config change: regular files only (a FIFO must not block), up to a size.
import * as fs from 'node:fs';

const READ_LIMIT = 64 * 1024 * 1024;

/** A regular file's text as UTF-8; undefined when it is missing, unreadable, not a regular file or too large. */
export function readRegularFileSync(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > READ_LIMIT) return undefined;
    return fs.readFileSync(fd, 'utf8');
  } catch {
    // Unreadable is an answer here: the caller reports a missing schema or drops the code file.
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
