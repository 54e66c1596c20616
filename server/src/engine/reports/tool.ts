// The tool's identity, read from package.json at build time (esbuild inlines the two fields used), so
// the SARIF driver, every report, `--version` and the server's serverInfo follow the manifest.
import { repository, version } from '../../../../package.json';
import type { ToolInfo } from './reportModel';

const repositoryUrl = repository.url.replace(/\.git$/, '');

export const TOOL: ToolInfo = {
  name: 'spectrace',
  version,
  informationUri: repositoryUrl,
  rulesDocUri: `${repositoryUrl}/blob/main/docs/rules.md`,
};
