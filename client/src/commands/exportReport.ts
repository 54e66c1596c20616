// Export Report: the traceability report the CLI writes, rendered by the server (same renderers),
// saved where the user says. `{format, target}` arguments skip the questions.
import * as vscode from 'vscode';
import { ReportRequest } from '../../../server/src/shared/protocol';
import type { ReportParams } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { field, uriFromArg } from './commandArgs';

type Format = ReportParams['format'];

const FORMATS: { format: Format; label: string; description: string; ext: string; filter: string }[] = [
  { format: 'md', label: 'Markdown', description: 'for a pull request or a wiki', ext: 'md', filter: 'Markdown' },
  { format: 'html', label: 'HTML', description: 'a standalone page', ext: 'html', filter: 'HTML' },
  { format: 'csv', label: 'CSV', description: 'for a spreadsheet', ext: 'csv', filter: 'CSV' },
  { format: 'json', label: 'JSON', description: 'for other tools', ext: 'json', filter: 'JSON' },
];

function isFormat(v: unknown): v is Format {
  return FORMATS.some((f) => f.format === v);
}

export async function exportReport(ctx: Ctx, args: unknown): Promise<string | undefined> {
  const given = field(args, 'format');
  let format: Format | undefined = isFormat(given) ? given : undefined;
  if (!format) {
    const pick = await vscode.window.showQuickPick(FORMATS, { title: 'Export Traceability Report', placeHolder: 'Format' });
    if (!pick) return undefined;
    format = pick.format;
  }
  const spec = FORMATS.find((f) => f.format === format) ?? FORMATS[0];
  let target = uriFromArg(field(args, 'target'));
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: 'Export Traceability Report',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `traceability.${spec.ext}`) : undefined,
      filters: { [spec.filter]: [spec.ext] },
      saveLabel: 'Export',
    });
    if (!target) return undefined;
  }
  const { content } = await ctx.request(ReportRequest, { format });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  ctx.log.info(`report (${format}) written to ${target.toString()}`);
  if (field(args, 'target') === undefined) {
    void vscode.window.showInformationMessage(`Spectrace: report written to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then(async (pick) => {
      if (pick) await vscode.window.showTextDocument(target);
    });
  }
  return target.toString();
}
