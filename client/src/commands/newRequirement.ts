// New Requirement: pick a spec file, type a title, and the item is inserted at the end of the
// file's `requirements:` list as a snippet, with the next free ID from the server. With `{file,
// title}` arguments it asks nothing (tests, other extensions).
import * as vscode from 'vscode';
import { NextIdRequest } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { toUri } from '../protocolToVscode';
import type { SpecStore } from '../store';
import { field, uriFromArg } from './commandArgs';
import { allRequirements } from './pickRequirement';
import { commonPrefix, planRequirementInsertion, yamlScalar } from './specInsert';

export interface NewRequirementResult {
  id: string;
  uri: string;
}

interface FilePick extends vscode.QuickPickItem {
  uri: vscode.Uri;
}

async function pickSpecFile(store: SpecStore): Promise<vscode.Uri | undefined> {
  const counts = new Map<string, number>();
  for (const r of await allRequirements(store)) counts.set(r.location.uri, (counts.get(r.location.uri) ?? 0) + 1);
  let uris = [...counts.keys()].map((u) => toUri(u));
  if (uris.length === 0) uris = await vscode.workspace.findFiles('**/specs/**/*.{yaml,yml}', '**/node_modules/**', 200);
  if (uris.length === 0) {
    const create = await vscode.window.showInformationMessage('Spectrace: there is no spec file yet. Create a starter spec?', 'Create Starter Specs');
    if (create) await vscode.commands.executeCommand('spectrace.createStarter');
    return undefined;
  }
  if (uris.length === 1) return uris[0];
  const items: FilePick[] = uris
    .map((uri) => ({ uri, label: vscode.workspace.asRelativePath(uri), description: counts.has(uri.toString()) ? `${counts.get(uri.toString())} requirements` : undefined }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const activeItem = items.find((i) => i.uri.toString() === active);
  if (activeItem) {
    // The file being edited is the likely target: offer it first.
    items.splice(items.indexOf(activeItem), 1);
    items.unshift(activeItem);
  }
  return (await vscode.window.showQuickPick(items, { title: 'New Requirement: which spec file?', placeHolder: 'Spec file' }))?.uri;
}

/** The prefix for the new ID: the one most used in the file, else in the workspace, else REQ. */
async function prefixFor(store: SpecStore, file: vscode.Uri): Promise<string> {
  const reqs = await allRequirements(store);
  const inFile = reqs.filter((r) => toUri(r.location.uri).toString() === file.toString()).map((r) => r.id);
  return commonPrefix(inFile) ?? commonPrefix(reqs.map((r) => r.id)) ?? 'REQ';
}

export async function newRequirement(ctx: Ctx, store: SpecStore, args: unknown): Promise<NewRequirementResult | undefined> {
  const file = uriFromArg(field(args, 'file')) ?? (await pickSpecFile(store));
  if (!file) return undefined;
  let title = field(args, 'title');
  if (typeof title !== 'string') {
    title = await vscode.window.showInputBox({
      title: 'New Requirement',
      prompt: `Title of the new requirement in ${vscode.workspace.asRelativePath(file)}`,
      placeHolder: 'e.g. Pay with a saved card',
      validateInput: (v) => (v.trim() === '' ? 'A requirement needs a title' : undefined),
    });
    if (title === undefined) return undefined;
  }
  const prefix = typeof field(args, 'prefix') === 'string' ? String(field(args, 'prefix')) : await prefixFor(store, file);
  const { id } = await ctx.request(NextIdRequest, { prefix, uri: file.toString() });

  const doc = await vscode.workspace.openTextDocument(file);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const plan = planRequirementInsertion(doc.getText(), eol);
  const sub = `${eol}${plan.indent}  `;
  const snippet = new vscode.SnippetString()
    .appendText(`${plan.indent}- id: ${id}${sub}title: ${yamlScalar((title as string).trim())}${sub}type: `)
    .appendChoice(['story', 'feature', 'epic', 'nfr', 'constraint'])
    .appendText(`${sub}priority: `)
    .appendChoice(['should', 'must', 'could', 'wont'])
    .appendText(`${sub}status: draft${sub}description: `)
    .appendPlaceholder('Why this matters and for whom.')
    .appendText(`${sub}acceptance:${sub}  - `)
    .appendPlaceholder('Given a situation, when the user acts, then the outcome')
    .appendTabstop(0);
  // Two steps, one undo: first the line breaks (and key) that open an empty line, then the snippet
  // at column 0 of that line. A snippet inserted on an indented line would get that line's
  // indentation added to each of its lines (VS Code adjusts snippet whitespace).
  const start = new vscode.Position(plan.start.line, plan.start.character);
  const startOffset = doc.offsetAt(start);
  const opened = await editor.edit((b) => b.replace(new vscode.Range(start, new vscode.Position(plan.end.line, plan.end.character)), plan.lead), { undoStopBefore: true, undoStopAfter: false });
  if (!opened) throw new Error(`could not edit ${vscode.workspace.asRelativePath(file)}`);
  const at = doc.positionAt(startOffset + plan.lead.length);
  const inserted = await editor.insertSnippet(snippet, at, { undoStopBefore: false, undoStopAfter: true });
  if (!inserted) throw new Error(`could not insert the requirement into ${vscode.workspace.asRelativePath(file)}`);
  ctx.log.info(`new requirement ${id} in ${file.toString()}`);
  return { id, uri: file.toString() };
}
