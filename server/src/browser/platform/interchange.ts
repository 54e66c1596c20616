// disk/interchange.ts for the browser build (the exports lsp/ uses): ReqIF export and the CSV / ReqIF
// import read files and git dates from disk, so in the browser they answer with what to do instead.
import { UserFacingError } from '../../features/requestErrors';

const NEEDS_DESKTOP = 'needs desktop VS Code or the CLI (`spectrace export` / `spectrace import`): it reads files and git dates from disk, which the browser cannot';

export async function exportWorkspaceReqif(): Promise<string> {
  throw new UserFacingError(`ReqIF export ${NEEDS_DESKTOP}.`);
}

export async function prepareImport(): Promise<never> {
  throw new UserFacingError(`Importing requirements ${NEEDS_DESKTOP}.`);
}
