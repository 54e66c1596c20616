// `spectrace release-notes <roadmap-id> [folder]`: the release notes of one roadmap item, written to
// standard output or --out. An unknown ID is a usage error naming the IDs there are.
import { buildReleaseNotes, renderReleaseNotes } from '../engine/releases/releaseNotes';
import { relativePath } from '../engine/reports/paths';
import { compareIds } from '../engine/index/queries';
import { plural } from '../shared/plural';
import { loadWorkspace, resolveFolder } from './openFolder';
import { writeOut } from './output';
import type { CliIo } from './output';
import { RunError } from './parseArgs';
import type { Command } from './parseArgs';

const LISTED = 10;

export async function runReleaseNotes(command: Extract<Command, { kind: 'release-notes' }>, io: CliIo): Promise<number> {
  const root = await resolveFolder(command.folder, io.cwd);
  const workspace = await loadWorkspace(root, undefined);
  const configErrors = workspace.configFile ? (workspace.source.diagnostics().get(workspace.configFile) ?? []).filter((d) => d.severity === 'error') : [];
  if (configErrors.length > 0) {
    for (const d of configErrors) io.stderr(`${relativePath(root, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${d.code} ${d.message}\n`);
    throw new RunError(`spectrace.yaml has ${plural(configErrors.length, 'error')}; fix it and run again`);
  }
  const notes = buildReleaseNotes(workspace.index, command.roadmapId);
  if (!notes) {
    const ids = [...new Set(workspace.index.roadmapItems().flatMap((i) => (i.id ? [i.id] : [])))].sort(compareIds);
    const known = ids.length === 0 ? 'there are no roadmap items' : `roadmap items: ${ids.slice(0, LISTED).join(', ')}${ids.length > LISTED ? ` and ${ids.length - LISTED} more` : ''}`;
    throw new RunError(`no roadmap item '${command.roadmapId}' in '${command.folder}' (${known})`);
  }
  const output = renderReleaseNotes(notes, command.format);
  if (command.out !== undefined) {
    const file = await writeOut(io, command.out, output);
    io.stdout(`Release notes of ${notes.roadmap.id} written to ${file}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}
