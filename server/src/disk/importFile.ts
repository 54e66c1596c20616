// Reading a file to import: refused above the size limit before any byte is read, decoded from
// UTF-8 or UTF-16 (Excel) by the engine. Failures become ImportErrors with the reason in words.
import * as fs from 'node:fs/promises';
import { ImportError, MAX_IMPORT_BYTES } from '../engine/interchange/importError';
import { decodeText } from '../engine/interchange/textDecoding';
import { errorText } from '../shared/errorText';

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return errorText(err);
}

export async function readImportFile(file: string, shownAs: string, maxBytes = MAX_IMPORT_BYTES): Promise<string> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ImportError(`cannot read '${shownAs}': not a file`);
    if (stat.size > maxBytes) throw new ImportError(`'${shownAs}' is too large to import: ${stat.size} bytes, the limit is ${maxBytes} bytes (${Math.round(maxBytes / 1048576)} MiB)`);
    return decodeText(await handle.readFile());
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`cannot read '${shownAs}': ${reason(err)}`);
  } finally {
    await handle?.close();
  }
}

/** The text of a file that may not exist yet (an import's --out file): undefined when missing. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return decodeText(await fs.readFile(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ImportError(`cannot read '${file}': ${reason(err)}`);
  }
}
