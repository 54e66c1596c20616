// The SARIF's versionControlProvenance for `check --format sarif`: the commit the checked folder is at,
// when it is in a git work tree. Without git, outside a repository or before the first commit the
// SARIF simply has none; --verbose says why on stderr (stdout carries the SARIF itself), and a repository
// git refuses (another user owns it, common in CI containers) is said without it.
import * as path from 'node:path';
import { readGitInfo, repositoryUri } from '../disk/gitInfo';
import type { SarifProvenance } from '../engine/reports/renderSarif';
import type { CliIo } from './output';

export async function sarifProvenance(root: string, io: CliIo, verbose: boolean): Promise<SarifProvenance | undefined> {
  const git = await readGitInfo(root, { env: io.env });
  if (!git.ok) {
    if (verbose || git.dubiousOwnership) io.stderr(`spectrace: note: the SARIF names no commit (versionControlProvenance): ${git.reason}\n`);
    return undefined;
  }
  return {
    repositoryUri: repositoryUri(git.info),
    revisionId: git.info.revisionId,
    branch: git.info.branch,
    // git prints the top folder with forward slashes on Windows too.
    workTreeRoot: path.resolve(git.info.topLevel),
  };
}
