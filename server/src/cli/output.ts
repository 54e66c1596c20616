// Where the CLI's output goes: standard output, or the --out file (parent folders created).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { RunError } from './parseArgs';
import { fsErrorText } from '../disk/fsErrorText';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when standard output is a terminal (colours on by default). */
  stdoutIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Writes `text` to `out` (relative to cwd); an unwritable path is a RunError (exit 2). */
export async function writeOut(io: CliIo, out: string, text: string): Promise<string> {
  const file = path.resolve(io.cwd, out);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text, 'utf8');
  } catch (err) {
    throw new RunError(`cannot write '${out}': ${fsErrorText(err, 'file')}`);
  }
  return file;
}
