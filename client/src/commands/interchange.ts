// Export ReqIF… and Import Requirements…: the server converts (the same code as `spectrace export
// reqif` / `spectrace import`), the extension asks where, writes the file and shows what happened.
// Arguments skip the questions: export `{target, folder, withCode, date}`, import `{file, out, folder,
// map, prefix}`. With several workspace folders, the folder is asked for (export; import from outside).
import * as vscode from 'vscode';
import { ExportReqifRequest, ImportRequirementsRequest } from '../../../server/src/shared/protocol';
import type { ImportRequirementsResult } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { field, uriFromArg } from './commandArgs';

/**
 * The workspace folder a command works on: the `folder` argument (which must be one), the only folder, or
 * the one the user picks when several are open (undefined: no folder, or the pick was dismissed).
 */
async function chooseFolder(args: unknown, placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const named = uriFromArg(field(args, 'folder'));
  if (named) {
    const folder = folders.find((f) => f.uri.toString() === named.toString());
    if (!folder) throw new Error(`${named.toString()} is not a folder of this workspace`);
    return folder;
  }
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder });
}

export async function exportReqif(ctx: Ctx, args: unknown): Promise<string | undefined> {
  const several = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const chosen = await chooseFolder(args, 'Folder to export as ReqIF');
  if (several && !chosen) return undefined;
  let target = uriFromArg(field(args, 'target'));
  if (!target) {
    const folder = chosen?.uri;
    target = await vscode.window.showSaveDialog({
      title: 'Export ReqIF',
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'requirements.reqif') : undefined,
      filters: { ReqIF: ['reqif'] },
      saveLabel: 'Export',
    });
    if (!target) return undefined;
  }
  const date = field(args, 'date');
  const result = await ctx.request(ExportReqifRequest, {
    folderUri: several ? chosen?.uri.toString() : undefined,
    withCode: field(args, 'withCode') === true,
    date: typeof date === 'string' ? date : undefined,
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  ctx.log.info(`ReqIF (${result.requirements} requirements, ${result.roadmapItems} roadmap items) written to ${target.toString()}`);
  if (field(args, 'target') === undefined) {
    void vscode.window.showInformationMessage(`Spectrace: ${result.requirements} requirements exported to ${vscode.workspace.asRelativePath(target)}.`);
  }
  return target.toString();
}

function logImport(ctx: Ctx, result: ImportRequirementsResult): void {
  for (const line of result.report) ctx.log.info(`import: ${line}`);
  for (const line of result.changes) ctx.log.info(`import: ${line}`);
}

export async function importRequirements(ctx: Ctx, args: unknown): Promise<string | undefined> {
  let file = uriFromArg(field(args, 'file'));
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      title: 'Import Requirements',
      canSelectMany: false,
      filters: { 'Jira or spreadsheet CSV, ReqIF': ['csv', 'txt', 'reqif', 'xml'] },
      openLabel: 'Import',
    });
    file = picked?.[0];
    if (!file) return undefined;
  }
  const out = uriFromArg(field(args, 'out'));
  // A file from outside the workspace goes into a folder's specs/: with several folders, the user's pick.
  let into: vscode.WorkspaceFolder | undefined;
  if (!out && !vscode.workspace.getWorkspaceFolder(file) && (vscode.workspace.workspaceFolders?.length ?? 0) > 1) {
    into = await chooseFolder(args, 'Folder to import the requirements into');
    if (!into) return undefined;
  }
  const map = uriFromArg(field(args, 'map'));
  const prefix = field(args, 'prefix');
  const result = await ctx.request(ImportRequirementsRequest, {
    fileUri: file.toString(),
    outUri: out?.toString(),
    folderUri: into?.uri.toString(),
    mappingUri: map?.toString(),
    prefix: typeof prefix === 'string' ? prefix : undefined,
  });
  const target = vscode.Uri.parse(result.outUri, true);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  logImport(ctx, result);
  const warnings = result.report.filter((l) => l.startsWith('warning:')).length;
  if (field(args, 'file') === undefined) {
    const summary = `Spectrace: ${result.requirements} requirements ${result.updates ? 'merged into' : 'imported to'} ${vscode.workspace.asRelativePath(target)}${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'}: see the Spectrace output)` : ''}.`;
    void vscode.window.showInformationMessage(summary, 'Open', 'Show Report').then(async (pick) => {
      if (pick === 'Open') await vscode.window.showTextDocument(target);
      if (pick === 'Show Report') ctx.log.show();
    });
  }
  return target.toString();
}
