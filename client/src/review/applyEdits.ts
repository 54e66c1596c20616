// Applies the edits the server computed (bump a revision, mark a link reviewed) as one WorkspaceEdit,
// then saves the files that had no unsaved changes before: the edit is the only change in them, and a
// file the user was editing is left for the user to save.
import * as vscode from 'vscode';
import type { LspRange } from '../../../server/src/shared/protocol';
import { toRange, toUri } from '../protocolToVscode';

export type LspTextEdits = { [uri: string]: { range: LspRange; newText: string }[] };

export async function applyAndSave(changes: LspTextEdits, label: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const uris: vscode.Uri[] = [];
  const dirtyBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  for (const [key, edits] of Object.entries(changes)) {
    const uri = toUri(key);
    uris.push(uri);
    for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error(`${label}: VS Code did not apply the edit (a file may be read-only)`);
  }
  for (const uri of uris) {
    if (dirtyBefore.has(uri.toString())) continue;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.isDirty && !(await doc.save())) throw new Error(`${label}: ${vscode.workspace.asRelativePath(uri)} could not be saved`);
  }
}
