// Go to Requirement, Reveal in Requirements view, Copy ID and the code lenses' Show Locations.
import * as vscode from 'vscode';
import type { ShowLocationsArgs } from '../../../server/src/shared/protocol';
import { openLocation, toLocation, toPosition, toUri } from '../protocolToVscode';
import type { SpecStore } from '../store';
import type { RequirementsViewProvider } from '../views/requirementsView';
import { idAtCursor, idFromArg } from './commandArgs';
import { findRequirement, pickRequirement } from './pickRequirement';

/** Opens a requirement's definition. Resolves to the ID opened, or undefined. */
export async function goToRequirement(store: SpecStore, arg: unknown): Promise<string | undefined> {
  // The editor's context menu passes the editor's URI, and offers the command only on an ID: that ID.
  const id = idFromArg(arg) ?? (arg instanceof vscode.Uri ? idAtCursor() : undefined);
  const req = id !== undefined ? await findRequirement(store, id) : await pickRequirement(store, 'Go to Requirement');
  if (!req) {
    if (id !== undefined) void vscode.window.showWarningMessage(`Spectrace: no requirement ${id} in this workspace.`);
    return undefined;
  }
  await openLocation(req.location, false);
  return req.id;
}

export async function revealRequirement(store: SpecStore, view: RequirementsViewProvider, arg: unknown): Promise<string | undefined> {
  const id = idFromArg(arg) ?? idAtCursor() ?? (await pickRequirement(store, 'Reveal in Requirements View'))?.id;
  if (id === undefined) return undefined;
  if (!(await view.reveal(id))) {
    void vscode.window.showWarningMessage(`Spectrace: no requirement ${id} in this workspace.`);
    return undefined;
  }
  return id;
}

export async function copyId(store: SpecStore, arg: unknown): Promise<string | undefined> {
  const id = idFromArg(arg) ?? idAtCursor() ?? (await pickRequirement(store, 'Copy Requirement ID'))?.id;
  if (id === undefined) return undefined;
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(`$(clippy) Copied ${id}`, 3000);
  return id;
}

function isLspPosition(v: unknown): v is { line: number; character: number } {
  return typeof v === 'object' && v !== null && typeof (v as { line?: unknown }).line === 'number' && typeof (v as { character?: unknown }).character === 'number';
}

function isShowLocationsArgs(v: unknown): v is ShowLocationsArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Partial<ShowLocationsArgs>;
  return (
    typeof a.uri === 'string' &&
    isLspPosition(a.position) &&
    Array.isArray(a.locations) &&
    a.locations.every((l) => typeof l === 'object' && l !== null && typeof l.uri === 'string' && isLspPosition(l.range?.start) && isLspPosition(l.range?.end))
  );
}

/** A code lens click: the locations in the peek view (or the one location opened directly). */
export async function showLocations(arg: unknown): Promise<number> {
  if (!isShowLocationsArgs(arg)) throw new Error('Show Locations needs {uri, position, locations} (it is run by code lenses)');
  const locations = arg.locations.map(toLocation);
  if (locations.length === 0) {
    vscode.window.setStatusBarMessage('Spectrace: nothing to show', 3000);
    return 0;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', toUri(arg.uri), toPosition(arg.position), locations);
  return locations.length;
}
