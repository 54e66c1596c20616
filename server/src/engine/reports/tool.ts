// The tool's identity, read from package.json at build time (esbuild inlines the two fields used), so
// the SARIF driver, every report, `--version` and the server's serverInfo follow the manifest.
import { repository, version } from '../../../../package.json';
import type { ToolInfo } from './reportModel';

export const TOOL: ToolInfo = {
  name: 'spectrace',
  version,
  informationUri: repository.url.replace(/\.git$/, ''),
};
