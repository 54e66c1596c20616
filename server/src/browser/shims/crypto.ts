// `node:crypto` for the browser build: createHash only, which the diagnostics publisher uses to tell
// whether a file's diagnostics changed since they were last sent. The digest is SHA-256 (the
// engine's own, plain TypeScript) whatever algorithm is named: only equality of digests matters there.
import { sha256Hex } from '../../engine/text/sha256';

interface Hash {
  update(text: string): Hash;
  digest(encoding?: string): string;
}

export function createHash(_algorithm: string): Hash {
  let text = '';
  const hash: Hash = {
    update(more: string) {
      text += more;
      return hash;
    },
    digest: () => sha256Hex(text),
  };
  return hash;
}
