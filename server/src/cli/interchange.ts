// `spectrace export reqif` and `spectrace import csv|reqif`: load the workspace, run the disk-side
// interchange helpers, write the file and print what changed and what could not be carried over.
// Refused input (ImportError) is one line on stderr and exit code 2, like any other unusable input.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ImportError } from '../engine/interchange/importError';
import type { ImportReport } from '../engine/interchange/importModel';
import { TOOL } from '../engine/reports/tool';
import { relativePath } from '../engine/reports/paths';
import { exportWorkspaceReqif, prepareImport } from '../disk/interchange';
import type { Command } from './parseArgs';
import { loadWorkspace, resolveFolder } from './openFolder';
import { writeOut } from './output';
import type { CliIo } from './output';

type ExportCommand = Extract<Command, { kind: 'export-reqif' }>;
type ImportCommand = Extract<Command, { kind: 'import' }>;

const EXIT_OK = 0;
const EXIT_USAGE = 2;

export async function runExportReqif(command: ExportCommand, io: CliIo): Promise<number> {
  const root = await resolveFolder(command.folder, io.cwd);
  const workspace = await loadWorkspace(root, undefined);
  if (command.verbose) for (const s of workspace.skipped) io.stderr(`spectrace: skipped ${relativePath(root, s.file)}: ${s.reason}\n`);
  const configErrors = workspace.configFile ? (workspace.source.diagnostics().get(workspace.configFile) ?? []).filter((d) => d.severity === 'error') : [];
  if (configErrors.length > 0) {
    for (const d of configErrors) io.stderr(`${relativePath(root, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${d.code} ${d.message}\n`);
    io.stderr(`spectrace: spectrace.yaml has errors; fix them and run again (exit code 2)\n`);
    return EXIT_USAGE;
  }
  const text = await exportWorkspaceReqif(workspace.source, { withCode: command.withCode, date: command.date, env: io.env, toolId: `Spectrace ${TOOL.version}` });
  if (command.out === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  const file = await writeOut(io, command.out, text);
  const requirements = workspace.source.requirements().length;
  const roadmap = workspace.source.roadmapItems().length;
  io.stdout(`ReqIF (${requirements} requirement${requirements === 1 ? '' : 's'}, ${roadmap} roadmap item${roadmap === 1 ? '' : 's'}) written to ${file}\n`);
  return EXIT_OK;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    // Missing or unreadable: not the workspace marker we look for.
    return false;
  }
}

/** The workspace a spec file belongs to: the nearest folder up with spectrace.yaml, or the parent of a `specs/` folder. */
async function workspaceRootOf(outFile: string): Promise<string | undefined> {
  for (let dir = path.dirname(outFile); ; dir = path.dirname(dir)) {
    if (await isFile(path.join(dir, 'spectrace.yaml'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const dir = path.dirname(outFile);
  return path.basename(dir) === 'specs' ? path.dirname(dir) : undefined;
}

function printReport(print: (text: string) => void, report: ImportReport): void {
  print(`Read ${report.source}\n`);
  if (report.mapping.length > 0) print(`Mapping:\n${report.mapping.map((l) => `  ${l}\n`).join('')}`);
  if (report.warnings.length > 0) print(`Not carried over as it was:\n${report.warnings.map((l) => `  warning: ${l}\n`).join('')}`);
}

export async function runImport(command: ImportCommand, io: CliIo): Promise<number> {
  const file = path.resolve(io.cwd, command.file);
  const out = command.out ?? path.join('specs', `${path.basename(command.file).replace(/\.[^.]*$/, '') || 'imported'}.yaml`);
  const outFile = path.resolve(io.cwd, out);
  try {
    const root = await workspaceRootOf(outFile);
    const workspace = root !== undefined && (await fs.stat(root).then((s) => s.isDirectory()).catch(() => false)) ? (await loadWorkspace(root, undefined)).source : undefined;
    const prepared = await prepareImport({
      format: command.format,
      file,
      shownAs: command.file,
      mappingFile: command.map === undefined ? undefined : path.resolve(io.cwd, command.map),
      mappingShownAs: command.map,
      prefix: command.prefix,
      outFile,
      workspace,
    });
    const { result, written } = prepared;
    const counts = `${result.requirements.length} requirement${result.requirements.length === 1 ? '' : 's'}${result.roadmap.length > 0 ? ` and ${result.roadmap.length} roadmap item${result.roadmap.length === 1 ? '' : 's'}` : ''}`;
    if (command.dryRun) {
      io.stdout(written.text);
      printReport(io.stderr, result.report);
      io.stderr(`Dry run: ${counts} would be ${prepared.updates ? 'merged into' : 'written to'} ${out}; nothing written.\n`);
      io.stderr(`Changes:\n${written.changes.map((c) => `  ${c}\n`).join('')}`);
      return EXIT_OK;
    }
    await writeOut(io, out, written.text);
    printReport(io.stdout, result.report);
    io.stdout(`Changes:\n${written.changes.map((c) => `  ${c}\n`).join('')}`);
    io.stdout(`${counts} ${prepared.updates ? 'merged into' : 'written to'} ${out}\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof ImportError) {
      io.stderr(`spectrace: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}
