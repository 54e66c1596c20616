// disk/gitHistory.ts for the browser build (same exports): there is no git in a browser, so every
// lookup answers with the reason. Change review still flags suspect links from the revisions and
// fingerprints in the files; only the diff against the older text needs history.
import type { HistoryResult, ReviewHistory } from '../../engine/review/olderText';

export const NO_HISTORY_IN_BROWSER = 'git history is not available in the browser; open the folder in desktop VS Code to see what changed';

export interface GitHistoryOptions {
  trusted: boolean;
  env: Record<string, string | undefined>;
}

export class GitHistory implements ReviewHistory {
  constructor(_root: string, _options: GitHistoryOptions) {}

  async find(): Promise<HistoryResult> {
    return { ok: false, reason: NO_HISTORY_IN_BROWSER };
  }
}
