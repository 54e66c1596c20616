// Opening the folder the user named: checks it is a readable directory (a RunError otherwise, so
// the CLI exits 2 with one clear line), then indexes it with the engine, with the folders its
// spectrace.yaml includes linked into its trace (their diagnostics are theirs: not reported here).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { indexFolder } from '../disk/indexFolder';
import { fsErrorText } from '../disk/fsErrorText';
import { linkIncludes, resolveIncludes } from '../disk/includes';
import type { WorkspaceIndexReader } from '../engine/index/indexReader';
import { TraceView, commonRoot } from '../engine/index/traceView';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import type { ReportSource } from '../engine/reports/source';
import type { SkippedFile } from '../engine/types';
import { RunError } from './parseArgs';

export interface LoadedWorkspace {
  source: ReportSource;
  /** The same index, for the commands that edit files (change review). */
  index: WorkspaceIndexReader;
  /** spectrace.yaml when the folder has one. */
  configFile: string | undefined;
  /** The folders its `include:` names, linked into its trace. */
  included: WorkspaceIndex[];
  skipped: SkippedFile[];
}

/** The absolute, real path of a readable folder, or a RunError saying why not. */
export async function resolveFolder(folder: string, cwd: string): Promise<string> {
  const absolute = path.resolve(cwd, folder);
  let stat;
  try {
    stat = await fs.stat(absolute);
  } catch (err) {
    throw new RunError(`cannot read folder '${folder}': ${fsErrorText(err, 'folder')}`);
  }
  if (!stat.isDirectory()) throw new RunError(`'${folder}' is not a folder (give the workspace folder that holds specs/ and spectrace.yaml)`);
  try {
    await fs.readdir(absolute);
    return await fs.realpath(absolute);
  } catch (err) {
    throw new RunError(`cannot read folder '${folder}': ${fsErrorText(err, 'folder')}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    // Missing or unreadable: either way there is no config to list; the engine reports a broken one.
    return false;
  }
}

export async function loadWorkspace(root: string, now: Date | undefined): Promise<LoadedWorkspace> {
  const skipped: SkippedFile[] = [];
  const { index, skipped: reported } = await indexFolder(root, {
    trusted: true,
    now: now ? () => now : undefined,
    onSkip: (s) => skipped.push(s),
  });
  // The engine may report skips through the callback, the result, or both: list each file once.
  for (const s of reported) if (!skipped.some((k) => k.file === s.file)) skipped.push(s);
  const configFile = (await exists(index.configFile)) ? index.configFile : undefined;
  const includes = await resolveIncludes(index);
  if (includes.problems.length > 0) index.setConfigProblems(includes.problems);
  const included = await linkIncludes(index, includes.folders, async (included) => {
    const built = await indexFolder(included, { trusted: true, now: now ? () => now : undefined, onSkip: (s) => skipped.push(s) });
    return built.index;
  });
  return { source: index, index, configFile, included, skipped };
}

/**
 * What a report shows: the folder, or with `include:` the whole trace (the included folders'
 * requirements too, their paths relative to the folders' common parent).
 */
export function reportScope(workspace: LoadedWorkspace): ReportSource {
  if (workspace.included.length === 0) return workspace.source;
  const members = [workspace.index, ...workspace.included];
  return new TraceView(commonRoot(members.map((m) => m.root)), members, workspace.index.config);
}
