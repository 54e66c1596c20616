// LSP shapes from the protocol's custom requests → VS Code objects. The views get plain JSON from
// the server (not through the language client's converters, which only know standard messages).
import * as vscode from 'vscode';
import type { LspLocation, LspPosition, LspRange } from '../../server/src/shared/protocol';

export function toPosition(p: LspPosition): vscode.Position {
  return new vscode.Position(Math.max(0, p.line), Math.max(0, p.character));
}

export function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

export function toUri(uri: string): vscode.Uri {
  return vscode.Uri.parse(uri, true);
}

export function toLocation(l: LspLocation): vscode.Location {
  return new vscode.Location(toUri(l.uri), toRange(l.range));
}

/** The command a tree item or webview click runs to open a location. */
export function openLocationCommand(l: LspLocation, title = 'Open'): vscode.Command {
  return {
    title,
    command: 'vscode.open',
    arguments: [toUri(l.uri), { selection: toRange(l.range), preserveFocus: false } satisfies vscode.TextDocumentShowOptions],
  };
}

/** Opens a location in an editor, selecting its range. */
export async function openLocation(l: LspLocation, preview = true): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(toUri(l.uri));
  const range = toRange(l.range);
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preview });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** "src/cart.ts:16" — a location as a person reads it. */
export function locationLabel(l: LspLocation): string {
  return `${vscode.workspace.asRelativePath(toUri(l.uri), false)}:${l.range.start.line + 1}`;
}
