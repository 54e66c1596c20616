// disk/includes.ts for the browser build (same exports): a web editor reads only the workspace's own
// folders, so `include:` entries are not followed; each gets a warning on its line saying so.
import { configKeyRange } from '../../engine/config/config';
import type { IncludedFolder } from '../../engine/index/includedIndexes';
import type { WorkspaceIndex } from '../../engine/index/workspaceIndex';
import { zeroRange } from '../../engine/text/positions';
import type { SpecDiagnostic } from '../../engine/types';
import { readTextSync } from './readText';

export type { IncludedFolder } from '../../engine/index/includedIndexes';
export { indexIncludes, linkIncludes } from '../../engine/index/includedIndexes';

export interface ResolvedIncludes {
  folders: IncludedFolder[];
  problems: SpecDiagnostic[];
}

export async function resolveIncludes(index: WorkspaceIndex): Promise<ResolvedIncludes> {
  const entries = index.config.include ?? [];
  if (entries.length === 0) return { folders: [], problems: [] };
  const configText = readTextSync(index.configFile) ?? '';
  const problems = entries.map(
    (e): SpecDiagnostic => ({
      file: index.configFile,
      range: configKeyRange(configText, ['include', e.entry, 'path']) ?? configKeyRange(configText, ['include', e.entry]) ?? zeroRange(),
      severity: 'warning',
      code: 'invalid-config',
      message: `include: ${e.path} is not followed in the browser (a web editor reads only the workspace's folders); add it to the workspace, or open the folder in desktop VS Code`,
      source: 'spectrace',
    }),
  );
  return { folders: [], problems };
}
