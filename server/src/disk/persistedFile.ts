// One file of the storage folder (the persisted code index, the persisted spec analyses): written
// whole and atomically (a temporary file renamed over the old one), one write at a time, and read
// back with a size limit. Problems are logged, never thrown: a cache that cannot be written or read
// only means the next start does more work.
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { errorText } from '../shared/errorText';

export class PersistedFile {
  private writing: Promise<unknown> = Promise.resolve();
  private tempCount = 0;

  constructor(
    readonly file: string,
    /** What the file holds, for log lines ("persisted index"). */
    private readonly what: string,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Write what `produce` returns, after any write already queued (`produce` runs then, so it sees the
   * latest state). Resolves to false when the write failed (logged); never rejects.
   */
  write(produce: () => string | Uint8Array): Promise<boolean> {
    const done = this.writing.then(() => this.writeNow(produce));
    this.writing = done;
    return done;
  }

  private async writeNow(produce: () => string | Uint8Array): Promise<boolean> {
    const temp = `${this.file}.${process.pid}.${++this.tempCount}.tmp`;
    try {
      const data = produce();
      await fsp.mkdir(path.dirname(this.file), { recursive: true });
      await fsp.writeFile(temp, data);
      await fsp.rename(temp, this.file);
      return true;
    } catch (err) {
      this.log(`spectrace: could not write the ${this.what} ${this.file}: ${errorText(err)}`);
      await fsp.rm(temp, { force: true }).catch(() => undefined); // best effort; a stray temporary file is harmless
      return false;
    }
  }

  /** Resolves when every write queued so far has finished. */
  async idle(): Promise<void> {
    await this.writing;
  }

  /** Remove the file (a cache that must not be used any more); problems are logged. */
  async remove(): Promise<void> {
    await fsp.rm(this.file, { force: true }).catch((err: unknown) => this.log(`spectrace: could not remove the ${this.what} ${this.file}: ${errorText(err)}`));
  }

  /**
   * The file decoded; undefined when it does not exist, cannot be read, or `decode` says why it
   * cannot be used (logged: "<what> <file> ignored: <why>").
   */
  async load<T>(maxBytes: number, decode: (bytes: Buffer) => T | string): Promise<T | undefined> {
    const bytes = await this.read(maxBytes);
    if (bytes === undefined) return undefined;
    const decoded = decode(bytes);
    if (typeof decoded === 'string') {
      this.log(`spectrace: ${this.what} ${this.file} ignored: ${decoded}`);
      return undefined;
    }
    return decoded;
  }

  /** The file's bytes; undefined when it does not exist (the normal first start), or, logged, when unreadable or over `maxBytes`. */
  private async read(maxBytes: number): Promise<Buffer | undefined> {
    try {
      const stat = await fsp.stat(this.file);
      if (stat.size > maxBytes) {
        this.log(`spectrace: ${this.what} ${this.file} ignored: ${stat.size} bytes is more than it can need`);
        return undefined;
      }
      return await fsp.readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`spectrace: ${this.what} ${this.file} ignored: ${errorText(err)}`);
      return undefined;
    }
  }
}
