// The CLI: parse the command line, index the folder, render, write, and return the exit code.
// Every failure ends here as one line on stderr and exit code 2; no stack traces for users
// (SPECTRACE_DEBUG=1 adds them for us).
import { buildCheckReport } from '../engine/reports/buildCheck';
import { buildTraceReport } from '../engine/reports/buildTrace';
import type { CheckReport } from '../engine/reports/reportModel';
import type { ReportSource } from '../engine/reports/source';
import { TRACE_RENDERERS } from '../engine/reports/renderers';
import { renderCheckJson } from '../engine/reports/renderJson';
import { renderJunit } from '../engine/reports/renderJunit';
import { renderSarif } from '../engine/reports/renderSarif';
import type { SarifOptions } from '../engine/reports/renderSarif';
import { renderCheckText, summaryLine } from '../engine/reports/renderText';
import type { SkippedFile } from '../engine/types';
import { relativePath } from '../engine/reports/paths';
import { RunError, UsageError, parseCommandLine } from './parseArgs';
import type { Command } from './parseArgs';
import { HELP, MAIN_HELP } from './help';
import { runExportReqif, runImport } from './interchange';
import { runReviewCommand } from './reviewCommands';
import { runReleaseNotes } from './releaseNotes';
import { runBurnup } from './burnup';
import { SpecHistory } from '../disk/specHistory';
import { withBurnups } from '../engine/reports/reportBurnups';
import { writeOut } from './output';
import type { CliIo } from './output';
import { TOOL } from '../engine/reports/tool';
import { loadWorkspace, reportScope, resolveFolder } from './openFolder';
import { sarifProvenance } from './sarifProvenance';
import { runMerge } from './merge';
import { renderTraceOutput } from './traceOutput';
import { errorText } from '../shared/errorText';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

type CheckCommand = Extract<Command, { kind: 'check' }>;
type ReportCommand = Extract<Command, { kind: 'report' }>;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        io.stdout(HELP[command.topic]);
        return EXIT_OK;
      case 'version':
        io.stdout(`${TOOL.version}\n`);
        return EXIT_OK;
      case 'check':
        return await runCheck(command, io);
      case 'report':
        return await runReport(command, io);
      case 'merge':
        return await runMerge(command, io);
      case 'export-reqif':
        return await runExportReqif(command, io);
      case 'import':
        return await runImport(command, io);
      case 'baseline':
      case 'bump':
      case 'review':
      case 'suspects':
        return await runReviewCommand(command, io);
      case 'release-notes':
        return await runReleaseNotes(command, io);
      case 'burnup':
        return await runBurnup(command, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`spectrace: ${err.message}\n`);
      if (argv.length === 0) io.stderr(MAIN_HELP);
      else if (!(err instanceof RunError)) io.stderr("Run 'spectrace --help' for usage.\n");
      return EXIT_USAGE;
    }
    io.stderr(`spectrace: internal error: ${errorText(err)}\n`);
    if (io.env.SPECTRACE_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return EXIT_USAGE;
  }
}

/** Errors reported in spectrace.yaml itself (it is not valid YAML, a setting is wrong, a custom schema does not load). */
function configErrorCount(source: ReportSource, configFile: string | undefined): number {
  if (!configFile) return 0;
  return (source.diagnostics().get(configFile) ?? []).filter((d) => d.severity === 'error').length;
}

function brokenConfigMessage(errors: number): string {
  return `spectrace: spectrace.yaml has ${errors} error${errors === 1 ? '' : 's'}; fix ${errors === 1 ? 'it' : 'them'} and run again (exit code 2: the check did not run as configured)\n`;
}

function reportSkipped(io: CliIo, root: string, skipped: readonly SkippedFile[]): void {
  for (const s of skipped) {
    io.stderr(`spectrace: skipped ${relativePath(root, s.file)}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}\n`);
  }
}

function useColor(command: CheckCommand, io: CliIo): boolean {
  if (command.color !== undefined) return command.color;
  if (command.out !== undefined || command.format !== 'text') return false;
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  if (io.env.NO_COLOR) return false;
  return io.stdoutIsTTY;
}

function renderCheck(report: CheckReport, command: CheckCommand, color: boolean, sarif: SarifOptions, trace: string): string {
  switch (command.format) {
    case 'trace':
      return trace;
    case 'json':
      return renderCheckJson(report);
    case 'sarif':
      return renderSarif(report, sarif);
    case 'junit':
      return renderJunit(report);
    case 'text':
      return renderCheckText(report, { color, quiet: command.quiet });
  }
}

async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  const root = await resolveFolder(command.folder, io.cwd);
  const workspace = await loadWorkspace(root, command.today);
  if (command.verbose) reportSkipped(io, root, workspace.skipped);
  const report = buildCheckReport(workspace.source, { tool: TOOL, folder: command.folder, configFile: workspace.configFile });
  // A mistyped folder would otherwise pass a CI gate silently.
  if (report.specFiles.length === 0) {
    io.stderr(`spectrace: note: no spec files in '${command.folder}' (looked for ${workspace.source.config.specs.join(', ')})\n`);
  }
  const sarif: SarifOptions = command.format === 'sarif' ? { provenance: await sarifProvenance(root, io, command.verbose) } : {};
  const trace = command.format === 'trace' ? await renderTraceOutput(workspace.index, command.sourceName, io, command.verbose, command.today ?? new Date()) : '';
  const output = renderCheck(report, command, useColor(command, io), sarif, trace);

  if (command.out !== undefined) {
    await writeOut(io, command.out, output);
    if (!command.quiet || report.summary.errors > 0) io.stdout(`${summaryLine(report.summary)}\n`);
  } else {
    io.stdout(output);
  }

  // A broken config means the check did not run as the team configured it: not a pass or a fail of
  // the specs. The diagnostics above say what is wrong in spectrace.yaml.
  const configErrors = configErrorCount(workspace.source, workspace.configFile);
  if (configErrors > 0) {
    io.stderr(brokenConfigMessage(configErrors));
    return EXIT_USAGE;
  }
  const policyFailures = report.policy.filter((p) => !p.satisfied);
  if (report.summary.errors > 0) return EXIT_FAILED;
  if (command.strict) {
    const unreviewed = strictReviewFailures(workspace.source);
    if (unreviewed.length > 0) {
      io.stderr(`spectrace: --strict: ${unreviewed.join(' and ')}\n`);
      return EXIT_FAILED;
    }
  }
  if (command.strict && policyFailures.length > 0) {
    const ids = policyFailures.map((p) => p.id);
    const shown = ids.length > 10 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', ');
    const n = policyFailures.length;
    io.stderr(`spectrace: --strict: ${n} requirement${n === 1 ? ' fails' : 's fail'} the coverage policy: ${shown}\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}

async function runReport(command: ReportCommand, io: CliIo): Promise<number> {
  const root = await resolveFolder(command.folder, io.cwd);
  const workspace = await loadWorkspace(root, command.today);
  if (command.verbose) reportSkipped(io, root, workspace.skipped);
  // A report built with a broken config would look authoritative and be wrong: say what is wrong instead.
  const configErrors = configErrorCount(workspace.source, workspace.configFile);
  if (configErrors > 0) {
    const diags = workspace.source.diagnostics().get(workspace.configFile ?? '') ?? [];
    for (const d of diags.filter((x) => x.severity === 'error')) {
      io.stderr(`${relativePath(root, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${d.code} ${d.message}\n`);
    }
    io.stderr(brokenConfigMessage(configErrors));
    return EXIT_USAGE;
  }
  const built = buildTraceReport(reportScope(workspace), { tool: TOOL, folder: command.folder, now: command.today ?? new Date() });
  // The HTML report draws each release's burn-up from the git history (or says why there is none).
  const report = command.format === 'html' ? await withBurnups(built, new SpecHistory(root, { trusted: true, env: io.env }), workspace.index.config) : built;
  const output = TRACE_RENDERERS[command.format](report);
  if (command.out !== undefined) {
    const file = await writeOut(io, command.out, output);
    io.stdout(`Traceability report (${report.rows.length} requirements, ${report.roadmap.length} roadmap items) written to ${file}\n`);
  } else {
    io.stdout(output);
  }
  return EXIT_OK;
}
/** With --strict, suspect links and unrecorded changes fail the check whatever their severity. */
function strictReviewFailures(source: ReportSource): string[] {
  let suspect = 0;
  let unrecorded = 0;
  for (const list of source.diagnostics().values()) {
    for (const d of list) {
      if (d.code === 'suspect-link') suspect++;
      else if (d.code === 'unrecorded-change') unrecorded++;
    }
  }
  const out: string[] = [];
  if (suspect > 0) out.push(`${suspect} suspect link${suspect === 1 ? '' : 's'} (run 'spectrace suspects', then 'spectrace review <ID>')`);
  if (unrecorded > 0) out.push(`${unrecorded} unrecorded change${unrecorded === 1 ? '' : 's'} (run 'spectrace bump <ID>' or 'spectrace bump --editorial <ID>')`);
  return out;
}
