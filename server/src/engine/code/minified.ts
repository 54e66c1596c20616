// Which code texts are minified bundles not worth scanning: a line over 20,000 characters and no tag
// word. The folder scan skips them, and the index drops a re-read code file that became one.
import type { SkippedFile, SpectraceConfig } from '../types';

export const MINIFIED_LINE_LENGTH = 20_000;

/** `minified` when a line is longer than 20,000 characters and no tag word appears in the text. */
export function minifiedSkip(file: string, text: string, config: SpectraceConfig): SkippedFile | undefined {
  if (text.length <= MINIFIED_LINE_LENGTH) return undefined;
  const words = [...(config.tags?.implements ?? []), ...(config.tags?.verifies ?? [])];
  if (words.some((w) => typeof w === 'string' && w.trim() !== '' && text.includes(w.trim()))) return undefined;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > MINIFIED_LINE_LENGTH) {
      return { file, reason: 'minified', detail: `a line of ${end - start} characters and no tag word` };
    }
    start = end + 1;
  }
  return undefined;
}
