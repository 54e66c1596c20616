// `spectrace check --format trace`: the checked folder's trace file, named after its repository and
// commit. git is asked through runGit (readGitInfo); without git, outside a repository or before the
// first commit the file has no commit, and the name comes from --source-name or the folder.
import * as path from 'node:path';
import { readGitInfo, repositoryUri } from '../disk/gitInfo';
import { readTextSync } from '../disk/readText';
import type { WorkspaceIndexReader } from '../engine/index/indexReader';
import { buildTraceFile, renderTraceFile } from '../engine/reports/traceFile';
import type { TraceFileSource } from '../engine/reports/traceFile';
import { TOOL } from '../engine/reports/tool';
import type { CliIo } from './output';

export async function traceFileSource(root: string, sourceName: string | undefined, io: CliIo, verbose: boolean): Promise<TraceFileSource> {
  const git = await readGitInfo(root, { env: io.env });
  if (!git.ok) {
    if (verbose || git.dubiousOwnership) io.stderr(`spectrace: note: the trace file names no commit: ${git.reason}\n`);
    return { name: sourceName ?? path.basename(root), commit: null, branch: null, repository: null, folder: '' };
  }
  const top = path.resolve(git.info.topLevel);
  const folder = path.relative(top, root).split(path.sep).join('/');
  return {
    name: sourceName ?? path.basename(top),
    commit: git.info.revisionId,
    branch: git.info.branch ?? null,
    repository: git.info.remoteUrl ? repositoryUri(git.info) : null,
    folder: folder.startsWith('..') ? '' : folder,
  };
}

export async function renderTraceOutput(index: WorkspaceIndexReader, sourceName: string | undefined, io: CliIo, verbose: boolean, now: Date): Promise<string> {
  const source = await traceFileSource(index.root, sourceName, io, verbose);
  return renderTraceFile(buildTraceFile(index, { tool: TOOL, source, now, textOf: readTextSync }));
}
