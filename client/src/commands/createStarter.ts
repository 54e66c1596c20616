// Create Starter Specs (the Specs views' welcome button): spectrace.yaml and specs/product.yaml in
// a workspace folder. Existing files are never overwritten.
import * as vscode from 'vscode';
import type { Ctx } from '../extensionContext';
import { field, uriFromArg } from './commandArgs';
import { STARTER_CONFIG, starterSpec } from './starterFiles';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false; // stat fails exactly when there is nothing there
  }
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the starter specs go?' }))?.uri;
}

/** Resolves to the URIs of the files it created (empty when everything was there already). */
export async function createStarter(ctx: Ctx, args: unknown): Promise<string[]> {
  const folder = uriFromArg(field(args, 'folder')) ?? (await pickFolder());
  if (!folder) {
    void vscode.window.showWarningMessage('Spectrace: open a folder first; the starter specs are created inside it.');
    return [];
  }
  const files: [vscode.Uri, string][] = [
    [vscode.Uri.joinPath(folder, 'spectrace.yaml'), STARTER_CONFIG],
    [vscode.Uri.joinPath(folder, 'specs', 'product.yaml'), starterSpec(new Date())],
  ];
  const created: string[] = [];
  for (const [uri, content] of files) {
    if (await exists(uri)) continue;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    created.push(uri.toString());
  }
  ctx.log.info(`starter specs: created ${created.length === 0 ? 'nothing (files exist)' : created.join(', ')}`);
  if (field(args, 'folder') === undefined) {
    await vscode.window.showTextDocument(files[1][0], { preview: false });
    if (created.length === 0) void vscode.window.showInformationMessage('Spectrace: spectrace.yaml and specs/product.yaml exist already; nothing was overwritten.');
  }
  return created;
}
