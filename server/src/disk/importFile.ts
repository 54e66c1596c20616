// Reading a file to import: refused above the size limit before any byte is read, decoded from
// UTF-8 or UTF-16 (Excel) by the engine. Failures become ImportErrors with the reason in words.
import { ImportError, MAX_IMPORT_BYTES } from '../engine/interchange/importError';
import { decodeText } from '../engine/interchange/textDecoding';
import { readRegularFile } from './readRegularFile';

function tooLarge(shownAs: string, size: number, maxBytes: number, what: string): ImportError {
  return new ImportError(`'${shownAs}' is too large ${what}: ${size} bytes, the limit is ${maxBytes} bytes (${Math.round(maxBytes / 1048576)} MiB)`);
}

export async function readImportFile(file: string, shownAs: string, maxBytes = MAX_IMPORT_BYTES): Promise<string> {
  const read = await readRegularFile(file, maxBytes);
  switch (read.kind) {
    case 'bytes':
      return decodeText(read.bytes);
    case 'missing':
      throw new ImportError(`cannot read '${shownAs}': no such file`);
    case 'too-large':
      throw tooLarge(shownAs, read.size, maxBytes, 'to import');
    case 'refused':
      throw new ImportError(`cannot read '${shownAs}': ${read.reason}`);
  }
}

/**
 * The text of a file that may not exist yet (an import's --out file): undefined when missing. A spec
 * file the import would update is read under the same limit as an imported file.
 */
export async function readIfExists(file: string): Promise<string | undefined> {
  const read = await readRegularFile(file, MAX_IMPORT_BYTES);
  switch (read.kind) {
    case 'bytes':
      return decodeText(read.bytes);
    case 'missing':
      return undefined;
    case 'too-large':
      throw tooLarge(file, read.size, MAX_IMPORT_BYTES, 'to update');
    case 'refused':
      throw new ImportError(`cannot read '${file}': ${read.reason}`);
  }
}
