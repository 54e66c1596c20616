// Spectrace: Show Release. From a code lens ({id, uri}), the Roadmap view's context menu (a roadmap
// item node) or the palette (a pick of the roadmap items, active ones first).
import * as vscode from 'vscode';
import { RoadmapRequest } from '../../../server/src/shared/protocol';
import type { ReleaseParams } from '../../../server/src/shared/protocol';
import type { Ctx } from '../extensionContext';
import { ReleasePanel } from '../release/releasePanel';
import { orderRoadmapItems } from './requirementDraft';

/** The item and its folder an argument names: `{id, uri}` (a lens) or `{kind: 'roadmapItem', item}` (the Roadmap view). */
export function releaseTarget(arg: unknown): { id: string; uri: string | undefined } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  if (typeof a.id === 'string' && a.id !== '') return { id: a.id, uri: typeof a.uri === 'string' ? a.uri : undefined };
  const item = a.item as Record<string, unknown> | undefined;
  if (a.kind === 'roadmapItem' && typeof item?.id === 'string') {
    const location = item.location as { uri?: unknown } | undefined;
    return { id: item.id, uri: typeof location?.uri === 'string' ? location.uri : undefined };
  }
  return undefined;
}

function folderOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))?.uri.toString();
  } catch {
    return undefined; // not a URI VS Code can parse: let the server pick the folder that has the item
  }
}

async function pickItem(ctx: Ctx): Promise<ReleaseParams | undefined> {
  const roadmap = await ctx.request(RoadmapRequest, {});
  const entries = roadmap.folders.flatMap((f) => orderRoadmapItems(f.items).map((item) => ({ folderUri: f.folderUri, item })));
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('Spectrace: there is no roadmap item yet. Add a roadmap: list to a spec file.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({ label: e.item.id, description: e.item.title, detail: [e.item.type, e.item.status, e.item.due ? `due ${e.item.due}` : undefined, `${e.item.done}/${e.item.total} done`].filter(Boolean).join(' · '), entry: e })),
    { title: 'Show Release', placeHolder: 'Roadmap item', matchOnDescription: true },
  );
  return picked ? { id: picked.entry.item.id, folderUri: picked.entry.folderUri } : undefined;
}

export async function showRelease(ctx: Ctx, arg: unknown): Promise<ReleasePanel | undefined> {
  const target = releaseTarget(arg);
  const params = target ? { id: target.id, folderUri: folderOf(target.uri) } : await pickItem(ctx);
  if (!params) return undefined;
  return ReleasePanel.show(ctx, params);
}
