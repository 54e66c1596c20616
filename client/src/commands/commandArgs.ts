// Commands are run from the palette (no arguments), tree items (the node), code lenses and tests
// (plain objects). These helpers read what each of them passes.
import * as vscode from 'vscode';
import { isObject } from '../../../server/src/shared/isObject';

/** A requirement ID from a string, `{id}`, a tree node with `req.id`, or a coverage-gap node. */
export function idFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (!isObject(arg)) return undefined;
  if (isObject(arg.req) && typeof arg.req.id === 'string') return arg.req.id;
  if (typeof arg.id === 'string' && arg.id !== '') return arg.id;
  return undefined;
}

/** A URI from a vscode.Uri or a string (a URI, or an absolute file path). */
export function uriFromArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') {
    return /^[a-z][a-z0-9+.-]+:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg) ? vscode.Uri.parse(arg, true) : vscode.Uri.file(arg);
  }
  // A Uri that crossed an API boundary arrives as its JSON form.
  if (isObject(arg) && typeof arg.scheme === 'string' && typeof arg.path === 'string') return vscode.Uri.from({ scheme: arg.scheme, path: arg.path, authority: typeof arg.authority === 'string' ? arg.authority : '' });
  return undefined;
}

/** The word under the cursor when it looks like a requirement ID (e.g. on "@implements PAY-1"). */
export function idAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[\p{L}][\p{L}\p{N}_.]*-\d+/u);
  return range ? editor.document.getText(range) : undefined;
}

export function field(arg: unknown, key: string): unknown {
  return isObject(arg) ? arg[key] : undefined;
}
