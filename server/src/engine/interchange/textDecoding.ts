// Bytes of an imported text file to a string: UTF-8 (with or without a BOM), and UTF-16 as Excel's
// "Unicode text" export writes it (a BOM, or NUL bytes every other byte without one).

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 4) {
    // Without a BOM, ASCII text in UTF-16 has a NUL in every other byte.
    const sample = bytes.subarray(0, Math.min(bytes.length, 512));
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < sample.length; i++) {
      if (sample[i] !== 0) continue;
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
    const half = sample.length / 2;
    if (oddNul > half * 0.6 && evenNul === 0) return new TextDecoder('utf-16le').decode(bytes);
    if (evenNul > half * 0.6 && oddNul === 0) return new TextDecoder('utf-16be').decode(bytes);
  }
  return new TextDecoder('utf-8').decode(bytes);
}
