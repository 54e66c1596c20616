// Which documents the language server answers for: files on disk, and in the browser build the
// files of the workspace's own scheme (vscode-remote:, vscode-vfs:). Output, settings, git diff and
// untitled editors are none of them.
import * as vscode from 'vscode';

export function isServedDocument(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file') return true;
  return (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === uri.scheme && f.uri.authority === uri.authority);
}
