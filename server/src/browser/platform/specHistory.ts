// disk/specHistory.ts for the browser build (same exports the server uses): there is no git in a
// browser, so a burn-up answers with the reason and the release view shows the rest of the release.
import type { BurnupResult, BurnupSource } from '../../engine/releases/burnupSource';

export const NO_BURNUP_IN_BROWSER = 'git history is not available in the browser; open the folder in desktop VS Code (or run spectrace burnup) to see the burn-up';

export interface SpecHistoryOptions {
  trusted: boolean;
  env: Record<string, string | undefined>;
  storageDir?: string;
  log?: (message: string) => void;
  timeoutMs?: number;
}

export class SpecHistory implements BurnupSource {
  constructor(_root: string, _options: SpecHistoryOptions) {}

  async burnup(): Promise<BurnupResult> {
    return { ok: false, reason: NO_BURNUP_IN_BROWSER };
  }
}
