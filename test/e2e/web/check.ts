// What the browser suite's tests share: assertions (node:assert is not in a web worker), polling, and
// files of the workspace copy through vscode.workspace.fs (whatever the workspace's scheme).
import * as vscode from 'vscode';

export { EXTENSION_ID, spectrace, waitFor } from '../suite/extensionHost';

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(`assertion failed: ${message}`);
}

export function equal<T>(actual: T, expected: T, message = ''): void {
  if (actual !== expected) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}${message ? `: ${message}` : ''}`);
}

export function wsUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

export async function writeWs(rel: string, text: string): Promise<vscode.Uri> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function readWs(rel: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(rel)));
}

export async function removeWs(rel: string): Promise<void> {
  await vscode.workspace.fs.delete(wsUri(rel), { useTrash: false }).then(undefined, () => undefined);
}

/** The position of `needle` in the document, moved `offset` characters into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  ok(at >= 0, `"${needle}" in ${doc.uri.toString()}`);
  return doc.positionAt(at + offset);
}
