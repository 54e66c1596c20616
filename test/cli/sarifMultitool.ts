// Microsoft's SARIF Multitool (@microsoft/sarif-multitool, a devDependency) as a test oracle: its
// `validate` applies the SARIF specification's rules and GitHub code scanning's ingestion rules ("Gh")
// and writes what it finds as SARIF, which this reads back.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import multitool from '@microsoft/sarif-multitool';
import type { Log } from 'sarif';

export interface MultitoolFinding {
  ruleId: string;
  level: string;
  message: string;
}

function run(file: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

/** Every finding of `validate` on a SARIF text (the file is written to a temp folder and removed). */
export async function multitoolFindings(sarif: string): Promise<MultitoolFinding[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrace-multitool-'));
  try {
    const input = path.join(dir, 'input.sarif');
    const output = path.join(dir, 'validation.sarif');
    fs.writeFileSync(input, sarif);
    await run(multitool, ['validate', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', input, '--output', output, '--log', 'ForceOverwrite']);
    const log = JSON.parse(fs.readFileSync(output, 'utf8').replace(/^\uFEFF/, '')) as Log;
    const validation = log.runs[0];
    if (!validation) throw new Error('the multitool wrote no run');
    const failed = validation.invocations?.find((i) => !i.executionSuccessful);
    if (failed) throw new Error(`the multitool did not complete: ${JSON.stringify(failed.toolExecutionNotifications ?? failed)}`);
    return (validation.results ?? []).map((r) => ({ ruleId: r.ruleId ?? '', level: r.level ?? 'warning', message: r.message.text ?? `${r.message.id ?? ''} (${(r.message.arguments ?? []).join(' | ')})` }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The findings at error or warning level, as `SARIF1001 warning: …` lines (empty when clean). */
export async function multitoolProblems(sarif: string): Promise<string[]> {
  return (await multitoolFindings(sarif)).filter((f) => f.level === 'error' || f.level === 'warning').map((f) => `${f.ruleId} ${f.level}: ${f.message}`);
}
