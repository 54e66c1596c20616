// `spectrace burnup <roadmap-id> [folder]`: the burn-up series of a roadmap item from the git history
// of the spec files, as CSV or JSON. No history to read (not a repository, a shallow clone, no git) is
// exit 2 with the reason; so is an ID that is no roadmap item now and never was in the history.
import { SpecHistory } from '../disk/specHistory';
import { burnupCsv } from '../engine/releases/burnup';
import { didYouMean } from '../engine/text/didYouMean';
import { loadWorkspace, resolveFolder } from './openFolder';
import type { Command } from './parseArgs';
import { RunError } from './parseArgs';
import { writeOut } from './output';
import type { CliIo } from './output';

type BurnupCommand = Extract<Command, { kind: 'burnup' }>;

export async function runBurnup(command: BurnupCommand, io: CliIo): Promise<number> {
  const root = await resolveFolder(command.folder, io.cwd);
  const workspace = await loadWorkspace(root, undefined);
  const result = await new SpecHistory(root, { trusted: true, env: io.env }).burnup(command.item, workspace.index.config);
  const known = workspace.index.roadmapItems().flatMap((it) => (it.id === undefined ? [] : [it.id]));
  if (!result.ok) {
    io.stderr(`spectrace: no burn-up for ${command.item}: ${result.reason}\n`);
    return 2;
  }
  if (result.series.points.length === 0 && !known.includes(command.item)) {
    const guess = didYouMean(command.item, known);
    throw new RunError(`'${command.item}' is not a roadmap item, now or in the history${guess ? ` (did you mean ${guess}?)` : ''}`);
  }
  if (result.series.points.length === 0) io.stderr(`spectrace: note: ${command.item} is in no commit yet, so its burn-up has no point (commit the spec files)\n`);
  const output = command.format === 'json' ? `${JSON.stringify(result.series, null, 2)}\n` : burnupCsv(result.series);
  if (command.out !== undefined) {
    const file = await writeOut(io, command.out, output);
    io.stdout(`Burn-up of ${command.item} (${result.series.points.length} points) written to ${file}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}
