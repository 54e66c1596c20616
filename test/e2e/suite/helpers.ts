// Shared by the extension-host tests: the extension's API, polling, and files in the workspace copy
// (SPECTRACE_E2E_WORKSPACE: a temp copy of examples/acme-shop that tests may change).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { e2eEnv } from './env';
import { EXTENSION_ID } from './extensionHost';

export { EXTENSION_ID, spectrace, waitFor } from './extensionHost';
export type { WaitOptions } from './extensionHost';

/** The extension's folder (the repository), where test fixtures live. */
export function repoPath(...parts: string[]): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  return path.join(ext.extensionPath, ...parts);
}

export function fixture(...parts: string[]): string {
  return fs.readFileSync(repoPath('test', 'fixtures', 'e2e', ...parts), 'utf8');
}

export function workspaceRoot(): string {
  const root = e2eEnv().workspace ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) throw new Error('no workspace folder is open');
  return root;
}

export function wsPath(rel: string): string {
  return path.join(workspaceRoot(), ...rel.split('/'));
}

export function wsUri(rel: string): vscode.Uri {
  return vscode.Uri.file(wsPath(rel));
}

/** Writes a file into the workspace copy on disk (the server sees it through its file watcher). */
export function writeWs(rel: string, text: string): vscode.Uri {
  const file = wsPath(rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

export function readWs(rel: string): string {
  return fs.readFileSync(wsPath(rel), 'utf8');
}

export function removeWs(rel: string): void {
  fs.rmSync(wsPath(rel), { recursive: true, force: true });
}

/** Spectrace's diagnostics on a file. */
export function spectraceDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'spectrace');
}

export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** The position of the `nth` occurrence of `text` in a document, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, text: string, offset = 0, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(text, at + 1);
    if (at === -1) throw new Error(`"${text}" (occurrence ${nth + 1}) not found in ${doc.uri.fsPath}`);
  }
  return doc.positionAt(at + offset);
}

/** Reverts unsaved changes and closes every editor (a dirty editor would ask to save, and wait). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Text of hover contents, whatever form each part takes. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
