// Release Notes: the notes `spectrace release-notes` writes, for a roadmap item picked from the
// Roadmap view's context menu or a quick pick, opened as Markdown in an untitled editor tab.
import * as vscode from 'vscode';
import { ReleaseNotesRequest, RoadmapRequest } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { compareRoadmapItemsForPicking } from '../../../server/src/shared/roadmapOrder';
import { isObject } from '../../../server/src/shared/isObject';
import { field } from './commandArgs';

/** A roadmap item ID from a string, `{roadmapId}`, `{id}` or a Roadmap view node (`item.id`). */
export function roadmapIdFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  const item = field(arg, 'item');
  if (isObject(item) && typeof item.id === 'string') return item.id;
  for (const key of ['roadmapId', 'id']) {
    const v = field(arg, key);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

async function pickRoadmapItem(ctx: Ctx): Promise<{ id: string; folderUri: string } | undefined> {
  const { folders } = await ctx.request(RoadmapRequest, {});
  const picks = folders.flatMap((f) =>
    [...f.items].sort(compareRoadmapItemsForPicking).map((i) => ({
      label: `${i.id} ${i.title}`,
      description: [i.type, i.status, i.due ? `due ${i.due}` : undefined, `${i.done}/${i.total} done`].filter(Boolean).join(' · '),
      detail: folders.length > 1 ? f.name : undefined,
      id: i.id,
      folderUri: f.folderUri,
    })),
  );
  if (picks.length === 0) {
    void vscode.window.showInformationMessage('Spectrace: there are no roadmap items to write release notes for.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(picks, { title: 'Release Notes', placeHolder: 'Roadmap item', matchOnDescription: true });
  return pick ? { id: pick.id, folderUri: pick.folderUri } : undefined;
}

/** Opens the notes in an untitled Markdown tab; returns the document (tests read it). */
export async function releaseNotes(ctx: Ctx, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const given = roadmapIdFromArg(arg);
  const target = given !== undefined ? { id: given, folderUri: undefined } : await pickRoadmapItem(ctx);
  if (!target) return undefined;
  const { content } = await ctx.request(ReleaseNotesRequest, { roadmapId: target.id, format: 'md', ...(target.folderUri ? { folderUri: target.folderUri } : {}) });
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
