// `spectrace merge`: trace files of several repositories read back (each validated, with a clear
// message for a file of another format), analysed as one linked trace under a common root where each
// repository is a folder named after it, and rendered with the report and check renderers.
import * as path from 'node:path';
import { LinkedTrace } from '../engine/index/linkedTrace';
import { TraceView } from '../engine/index/traceView';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import { buildCheckReport } from '../engine/reports/buildCheck';
import { buildTraceReport } from '../engine/reports/buildTrace';
import { isTraceFormat, TRACE_RENDERERS } from '../engine/reports/renderers';
import { renderJunit } from '../engine/reports/renderJunit';
import { renderSarif } from '../engine/reports/renderSarif';
import { summaryLine } from '../engine/reports/renderText';
import { TOOL } from '../engine/reports/tool';
import { parseTraceFile, restoreTraceFile, TraceFileError } from '../engine/reports/traceFile';
import type { TraceFile } from '../engine/reports/traceFile';
import { readRegularFile } from '../disk/readRegularFile';
import { writeOut } from './output';
import type { CliIo } from './output';
import type { Command } from './parseArgs';
import { RunError, UsageError } from './parseArgs';

type MergeCommand = Extract<Command, { kind: 'merge' }>;

/** The folder the merged repositories sit in: every report path starts with a repository's name. */
const MERGE_ROOT = path.resolve('/spectrace-merge');

/** Larger trace files are refused before they are read (a JSON string this long nears V8's limit). */
const MAX_TRACE_FILE_BYTES = 256 * 1024 * 1024;

async function readTraceFile(file: string, io: CliIo): Promise<TraceFile> {
  const read = await readRegularFile(path.resolve(io.cwd, file), MAX_TRACE_FILE_BYTES);
  if (read.kind === 'missing') throw new RunError(`cannot read trace file '${file}': no such file`);
  if (read.kind === 'too-large') throw new RunError(`cannot read trace file '${file}': ${read.size} bytes, the limit is ${MAX_TRACE_FILE_BYTES} bytes (256 MiB)`);
  if (read.kind === 'refused') throw new RunError(`cannot read trace file '${file}': ${read.reason}`);
  const text = read.bytes.toString('utf8');
  try {
    return parseTraceFile(text);
  } catch (err) {
    if (err instanceof TraceFileError) throw new RunError(`cannot merge '${file}': ${err.message}`);
    throw err;
  }
}

/** Repository names as folder names: unique, and safe as one path segment. */
function folderNames(files: readonly TraceFile[]): string[] {
  const used = new Set<string>();
  return files.map((f) => {
    const base = f.source.name.replace(/[\\/:*?"<>|]/g, '-').replace(/^\.+$/, '-') || 'repository';
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return name;
  });
}

export async function runMerge(command: MergeCommand, io: CliIo): Promise<number> {
  const files: TraceFile[] = [];
  for (const f of command.files) files.push(await readTraceFile(f, io));
  const names = folderNames(files);
  const now = command.today ?? new Date();
  const trace = new LinkedTrace<WorkspaceIndex>();
  const members = files.map((f, i) => {
    // The checked folder's place in its repository: paths read as the repository's own.
    const index = restoreTraceFile(f, path.join(MERGE_ROOT, names[i], ...f.source.folder.split('/').filter((p) => p !== '')), () => now);
    index.joinTrace(trace);
    return index;
  });
  // The coverage policy the reports name: the first repository with requirements writes it.
  const policyHolder = members.find((m) => m.requirements().length > 0) ?? members[0];
  const view = new TraceView(MERGE_ROOT, members, policyHolder.config);
  const label = `merged: ${names.join(', ')}`;

  const check = buildCheckReport(view, { tool: TOOL, folder: label });
  let output: string;
  if (command.format === 'sarif') output = renderSarif(check, {});
  else if (command.format === 'junit') output = renderJunit(check);
  else if (isTraceFormat(command.format)) output = TRACE_RENDERERS[command.format](buildTraceReport(view, { tool: TOOL, folder: label, now }));
  else throw new UsageError(`unknown format '${String(command.format)}'`);

  // An ID no repository defines, named with the repository whose code wrote it.
  for (const d of check.diagnostics) {
    if (d.code !== 'unknown-code-reference') continue;
    const [repo, ...rest] = d.file.split('/');
    io.stderr(`spectrace: ${repo}: ${rest.join('/')}:${d.line} ${d.message}\n`);
  }
  if (command.out !== undefined) {
    const written = await writeOut(io, command.out, output);
    io.stdout(`Merged ${files.length} trace file${files.length === 1 ? '' : 's'} (${names.join(', ')}) into ${written}: ${summaryLine(check.summary)}\n`);
  } else {
    io.stdout(output);
  }
  if (check.summary.errors > 0) return 1;
  const failures = check.policy.filter((p) => !p.satisfied);
  if (command.strict && failures.length > 0) {
    const ids = failures.map((p) => p.id);
    const shown = ids.length > 10 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', ');
    io.stderr(`spectrace: --strict: ${failures.length} requirement${failures.length === 1 ? ' fails' : 's fail'} the coverage policy: ${shown}\n`);
    return 1;
  }
  return 0;
}
