// A workspace file's bytes as the browser build's language server wants them: text, or why not. The same rules as
// the disk reader of the Node build (server/src/disk/scanFile.ts decodeText): a UTF-16 byte order
// mark decodes as UTF-16, a NUL byte in the first 8 KiB or more than 10% invalid UTF-8 sequences
// means binary, a UTF-8 byte order mark is dropped.
import type { FileReadResult } from './protocol';

const BINARY_SNIFF_BYTES = 8192;

export function fileText(bytes: Uint8Array, checkBinary: boolean): FileReadResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes) };
  if (checkBinary && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary', detail: 'a NUL byte in the first 8 KiB' };
  const text = new TextDecoder('utf-8').decode(bytes);
  if (checkBinary) {
    let invalid = 0;
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) invalid++;
    if (invalid > 8 && invalid * 10 > text.length) return { kind: 'binary', detail: `not text: ${invalid} invalid UTF-8 sequences in ${bytes.length} bytes` };
  }
  return { kind: 'text', text };
}
