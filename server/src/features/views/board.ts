// The backlog board's requests (protocol.ts): every requirement as a card, and the edit that moves one
// to another status column. The move is computed here, against the index and the file's current text,
// and refused (with the reason) rather than guessed at: an unknown status, a file with YAML errors.
import type { CancellationToken } from 'vscode-languageserver';
import type { BoardCard, BoardMoveParams, BoardMoveResult, BoardResult } from '../../shared/protocol';
import type { SpecItem } from '../../engine/types';
import { requirementScore } from '../../engine/index/evidence';
import { fieldText } from '../../engine/reports/fields';
import { eolOf, lineReader } from '../../engine/review/reviewEdits';
import { statusEdit } from '../../engine/spec/statusEdit';
import { REQUIREMENT_STATUSES } from '../../shared/schemaOrder';
import type { FeatureContext } from '../featureContext';
import { titleOf } from '../items';
import { toLspRange } from '../lspRange';
import { Pacer } from '../pacer';
import type { FolderView } from './nodes';
import { itemLocation } from './nodes';

/** The requirement's prioritisation score under the folder's scoring model; none without `scoring:`. */
function scoreOf(ctx: FeatureContext, item: SpecItem): BoardCard['score'] {
  const score = requirementScore(ctx.index, item);
  return score ? { value: score.value, label: score.label } : undefined;
}

/** Distinct insight IDs the requirement cites (`insights: [INS-1, INS-2]`). */
export function insightCountOf(item: SpecItem): number {
  const value = item.fields.get('insights')?.value;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return new Set(list.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x !== '')).size;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function cardOf(ctx: FeatureContext, item: SpecItem, roadmapTitles: Map<string, string>): BoardCard {
  const roadmap = fieldText(item, 'roadmap');
  const card: BoardCard = {
    id: item.id ?? '',
    title: titleOf(item),
    status: fieldText(item, 'status'),
    priority: fieldText(item, 'priority'),
    owner: fieldText(item, 'owner'),
    roadmap,
    roadmapTitle: roadmap === undefined ? undefined : roadmapTitles.get(roadmap),
    product: ctx.index.specFile(item.file)?.product?.name,
    tags: stringList(item.fields.get('tags')?.value),
    insightCount: insightCountOf(item),
    location: itemLocation(ctx, item),
  };
  const score = scoreOf(ctx, item);
  if (score) card.score = score;
  return card;
}

export async function board(folders: FolderView[], token: CancellationToken): Promise<BoardResult> {
  const pacer = new Pacer(token);
  const result: BoardResult = { cards: [], roadmapItems: [] };
  const seenRoadmap = new Set<string>();
  for (const { ctx } of folders) {
    const titles = new Map<string, string>();
    for (const p of ctx.index.roadmapProgress()) {
      const id = p.item.id;
      if (!id) continue;
      titles.set(id, titleOf(p.item));
      if (!seenRoadmap.has(id)) {
        seenRoadmap.add(id);
        result.roadmapItems.push({ id, title: titleOf(p.item) });
      }
    }
    for (const item of ctx.index.requirements()) {
      if (pacer.due()) await pacer.yield();
      if (item.id) result.cards.push(cardOf(ctx, item, titles));
    }
  }
  return result;
}

/** The requirement `id` defined in the document `uri` (a duplicate ID elsewhere is another card). */
function definitionIn(ctx: FeatureContext, id: string, uri: string): SpecItem | undefined {
  const file = ctx.pathOf(uri);
  return ctx.index.definitions(id).find((d) => d.kind === 'requirement' && d.file === file);
}

export function boardMove(folders: FolderView[], params: BoardMoveParams): BoardMoveResult {
  const id = String(params?.id ?? '');
  const status = String(params?.status ?? '');
  if (id === '') return { refused: 'The move names no requirement.' };
  if (!REQUIREMENT_STATUSES.includes(status)) return { refused: `"${status}" is not a requirement status (${REQUIREMENT_STATUSES.join(', ')}).` };
  for (const { ctx } of folders) {
    const item = definitionIn(ctx, id, String(params?.uri ?? ''));
    if (!item) continue;
    const text = ctx.textOf(item.file);
    if (text === undefined) return { refused: `${id}'s file could not be read.` };
    // The edit could land in text the parser misread.
    if (ctx.index.diagnosticsFor(item.file).some((d) => d.code === 'yaml-syntax')) {
      return { refused: `${id} was not moved: its file has YAML errors. Fix them (see the Problems panel), then move it again.` };
    }
    if (fieldText(item, 'status') === status) return { edit: { uri: ctx.uriOf(item.file), version: ctx.versionOf(item.file) ?? null, edits: [] } };
    const result = statusEdit(item, status, lineReader(text), eolOf(text));
    if ('refused' in result) return result;
    return { edit: { uri: ctx.uriOf(item.file), version: ctx.versionOf(item.file) ?? null, edits: result.edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })) } };
  }
  return { refused: `There is no requirement ${id} in that file any more.` };
}
