// The tool's identity, read from package.json at build time (esbuild inlines the JSON), so the SARIF
// driver and `--version` follow the manifest.
import { repository, version } from '../../../package.json';
import type { ToolInfo } from '../engine/reports/reportModel';

const repositoryUrl = repository.url.replace(/\.git$/, '');

export const TOOL: ToolInfo = {
  name: 'spectrace',
  version,
  informationUri: repositoryUrl,
  rulesDocUri: `${repositoryUrl}/blob/main/docs/rules.md`,
};
