// Completion. In spec files: keys from the schema (with their documentation), whole requirement /
// roadmap item snippets where a new item can start, and in value positions only values: enum values,
// and IDs for roadmap / parent / depends_on (titles and due dates beside them).
// In spectrace.yaml: its keys and values. In code files: IDs after a tag word.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver';
import type { CompletionItem, CompletionList, CompletionParams, Range as LspRange } from 'vscode-languageserver';
import { describeSchemaProperty } from '../engine/schema/schemaSet';
import type { ItemKind, Position, SpecItem } from '../engine/types';
import { cancelled } from './requestErrors';
import type { FeatureContext, FeatureRequest } from './featureContext';
import { idPrefix } from '../engine/index/queries';
import { fieldText } from '../engine/reports/fields';
import { KIND_NAME, itemAtLine, itemsOfKind, listOfKind, shortDate, titleOf } from './items';
import { insightFacts } from './insightText';
import { compareRoadmapItemsForPicking, isClosedRoadmapItem } from '../shared/roadmapOrder';
import type { PickableRoadmapItem } from '../shared/roadmapOrder';
import { schemaKeys, schemaPathOf } from './schemaPath';
import type { SchemaPath } from './schemaPath';
import { ITEM, cursorContext } from './yamlCursor';
import type { CursorContext } from './yamlCursor';
import { revOf } from '../engine/review/reviewModel';

export const ID_COMPLETION_LIMIT = 1000;

export interface CompletionOptions {
  isConfig: boolean;
  isSpec: boolean;
}

export function completion(req: FeatureRequest<CompletionParams>, opts: CompletionOptions): CompletionList | null {
  if (opts.isSpec || opts.isConfig) return yamlCompletion(req, opts.isConfig);
  return tagCompletion(req);
}

// ---------------------------------------------------------------------------------------------
// Code files

function tagCompletion(req: FeatureRequest<CompletionParams>): CompletionList | null {
  const { ctx, document, params } = req;
  const lineText = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
  const words = [...ctx.index.config.tags.implements, ...ctx.index.config.tags.verifies];
  // After `@implements ` or `@verifies PAY-1, ` the cursor is on an ID (possibly partial).
  for (const word of words) {
    const at = lineText.lastIndexOf(word);
    if (at < 0) continue;
    const rest = lineText.slice(at + word.length);
    const m = /^[:\s]\s*(?:[^\s,]+\s*,\s*)*([^\s,]*)$/.exec(rest);
    if (!m) continue;
    const partial = m[1];
    const range: LspRange = { start: { line: params.position.line, character: params.position.character - partial.length }, end: params.position };
    return idItems(req, ctx.index.requirements(), partial, range, undefined, true);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Spec files and spectrace.yaml

function yamlCompletion(req: FeatureRequest<CompletionParams>, isConfig: boolean): CompletionList | null {
  const { document, params } = req;
  const cursor = cursorContext(document.getText(), params.position, document.offsetAt(params.position));
  if (!cursor) return null;
  const range: LspRange = { start: cursor.wordRange.start, end: maxPos(cursor.wordRange.end, params.position) };
  if (cursor.position === 'value') return valueCompletion(req, cursor, range, isConfig);
  return keyCompletion(req, cursor, range, isConfig);
}

function maxPos(a: Position, b: Position): Position {
  return a.line > b.line || (a.line === b.line && a.character >= b.character) ? a : b;
}

const ID_FIELDS: Record<ItemKind, Record<string, ItemKind>> = {
  requirement: { roadmap: 'roadmap', parent: 'requirement', depends_on: 'requirement', insights: 'insight' },
  roadmap: { parent: 'roadmap', requirements: 'requirement' },
  insight: {},
};

function valueCompletion(req: FeatureRequest<CompletionParams>, cursor: CursorContext, range: LspRange, isConfig: boolean): CompletionList | null {
  const { ctx } = req;
  const where = schemaPathOf(cursor.path, isConfig);
  if (!where) return null;
  if (where.kind === 'requirement' || where.kind === 'roadmap') {
    const field = where.keyPath[0];
    const target = field !== undefined ? ID_FIELDS[where.kind][field] : undefined;
    const isIdValue = target && (where.keyPath.length === 1 || (where.keyPath.length === 2 && where.keyPath[1] === ITEM));
    if (target && isIdValue) {
      const self = currentItem(req);
      const candidates = target === 'roadmap' ? ctx.index.roadmapItems() : target === 'insight' ? ctx.index.insights() : ctx.index.requirements();
      return idItems(req, candidates, cursor.word, range, self?.id);
    }
  }
  const doc = describeSchemaProperty(where.kind, where.keyPath);
  if (!doc?.enum) return null;
  const items = doc.enum.map(
    (value, i): CompletionItem => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      textEdit: { range, newText: value },
      sortText: String(i).padStart(3, '0'),
      detail: `${where.keyPath[where.keyPath.length - 1] ?? ''} value`,
    }),
  );
  return { isIncomplete: false, items };
}

function currentItem(req: FeatureRequest<CompletionParams>): SpecItem | undefined {
  const spec = req.ctx.index.specFile(req.file);
  return spec ? itemAtLine(spec, req.params.position.line) : undefined;
}

/**
 * ID candidates filtered by the typed word (ID prefix first, then anything containing it, title matches
 * last). Roadmap items come in picking order (shared/roadmapOrder.ts: active first, by due date, closed
 * last) with their due date beside the title; requirements by ID with their status, rejected and
 * deprecated ones last.
 */
function idItems(req: FeatureRequest<CompletionParams>, candidates: SpecItem[], word: string, range: LspRange, exclude: string | undefined, inTag = false): CompletionList {
  const { token } = req;
  const w = word.toLowerCase();
  const scored: { item: SpecItem; rank: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    if (i % 1024 === 0 && token.isCancellationRequested) throw cancelled();
    const item = candidates[i];
    if (!item.id || item.id === exclude) continue;
    const id = item.id.toLowerCase();
    const rank = !w || id.startsWith(w) ? 0 : id.includes(w) ? 1 : titleOf(item).toLowerCase().includes(w) ? 2 : -1;
    if (rank >= 0) scored.push({ item, rank });
  }
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const year = req.ctx.index.now().getFullYear();
  for (const { item } of scored.sort(byRankThenPickingOrder)) {
    const id = item.id as string;
    if (seen.has(id)) continue;
    seen.add(id);
    if (items.length >= ID_COMPLETION_LIMIT) break;
    const status = fieldText(item, 'status');
    const closed = item.kind === 'roadmap' ? isClosedRoadmapItem(pickable(item)) : status === 'rejected' || status === 'deprecated';
    const due = item.kind === 'roadmap' ? fieldText(item, 'due') : undefined;
    const facts =
      item.kind === 'insight' ? insightFacts(item) : [due ? `due ${shortDate(due, year)}` : undefined, status].filter((f): f is string => f !== undefined).join(' · ');
    items.push({
      label: id,
      labelDetails: { detail: ` ${titleOf(item)}`, ...(facts ? { description: facts } : {}) },
      kind: item.kind === 'roadmap' ? CompletionItemKind.Event : item.kind === 'insight' ? CompletionItemKind.Text : CompletionItemKind.Reference,
      detail: titleOf(item),
      documentation: status || item.kind === 'insight' ? `${KIND_NAME[item.kind]} · ${facts}` : undefined,
      // The title takes part in filtering so `saved card` finds PAY-3.
      filterText: `${id} ${titleOf(item)}`,
      // The position in this (already ordered) list, so the client keeps the order.
      sortText: String(items.length).padStart(5, '0'),
      textEdit: { range, newText: inTag ? withRevision(req.ctx, item) : id },
      tags: closed && item.kind === 'requirement' ? [1] : undefined,
    });
  }
  return { isIncomplete: items.length < scored.length || scored.length >= ID_COMPLETION_LIMIT, items };
}

function pickable(item: SpecItem): PickableRoadmapItem {
  return { id: item.id ?? '', status: fieldText(item, 'status'), due: fieldText(item, 'due') };
}

function byRankThenPickingOrder(a: { item: SpecItem; rank: number }, b: { item: SpecItem; rank: number }): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.item.kind === 'roadmap' && b.item.kind === 'roadmap') return compareRoadmapItemsForPicking(pickable(a.item), pickable(b.item));
  const inactive = (it: SpecItem) => (['rejected', 'deprecated'].includes(fieldText(it, 'status') ?? '') ? 1 : 0);
  return inactive(a.item) - inactive(b.item) || (a.item.id ?? '').localeCompare(b.item.id ?? '', undefined, { numeric: true });
}

function keyCompletion(req: FeatureRequest<CompletionParams>, cursor: CursorContext, range: LspRange, isConfig: boolean): CompletionList | null {
  const { ctx } = req;
  const items: CompletionItem[] = [];
  // On a new line inside `requirements:` / `roadmap:`, or right after a lone `- `: a whole new item.
  const list = !isConfig && cursor.path.length === 1 ? cursor.path[0] : !isConfig && cursor.path.length === 2 && cursor.path[1] === ITEM && cursor.afterDash ? cursor.path[0] : undefined;
  const lineText = req.document.getText({ start: { line: req.params.position.line, character: 0 }, end: { line: req.params.position.line + 1, character: 0 } });
  const loneDash = /^\s*-\s*[\w-]*\s*$/.test(lineText);
  if ((list === 'requirements' || list === 'roadmap' || list === 'insights') && (cursor.path.length === 1 || loneDash)) {
    items.push(...itemSnippets(req, list === 'requirements' ? 'requirement' : list === 'roadmap' ? 'roadmap' : 'insight', cursor, range));
  }
  const where: SchemaPath | undefined = schemaPathOf(cursor.path, isConfig);
  if (!where) return { isIncomplete: false, items };
  const present = presentKeys(req, cursor, where);
  const keys = schemaKeys(where.kind, where.keyPath);
  keys.forEach((key, i) => {
    if (present.has(key)) return;
    const doc = describeSchemaProperty(where.kind, [...where.keyPath, key]);
    const text = ctx.markdown ? (doc?.markdownDescription ?? doc?.description) : doc?.description;
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: doc?.type,
      documentation: text ? (ctx.markdown ? { kind: MarkupKind.Markdown, value: text } : text) : undefined,
      sortText: `1${String(i).padStart(3, '0')}`,
      ...keyInsert(ctx, key, doc?.enum, doc?.type, cursor, range),
    });
  });
  return { isIncomplete: false, items };
}

/** Keys already written in the item (or mapping) at the cursor: not offered again. */
function presentKeys(req: FeatureRequest<CompletionParams>, cursor: CursorContext, where: SchemaPath): Set<string> {
  if ((where.kind === 'requirement' || where.kind === 'roadmap' || where.kind === 'insight') && where.keyPath.length === 0) {
    const item = currentItem(req);
    if (item) {
      const keys = new Set(item.fields.keys());
      // The key being typed is not "present" yet.
      if (cursor.word) keys.delete(cursor.word);
      return keys;
    }
  }
  return new Set();
}

function keyInsert(
  ctx: FeatureContext,
  key: string,
  enums: string[] | undefined,
  type: string | undefined,
  cursor: CursorContext,
  range: LspRange,
): Pick<CompletionItem, 'textEdit' | 'insertTextFormat' | 'insertTextMode'> {
  const indent = ' '.repeat(cursor.column);
  if (!ctx.snippets) return { textEdit: { range, newText: `${key}: ` }, insertTextFormat: InsertTextFormat.PlainText };
  let body: string;
  if (enums?.length) body = `${key}: \${1|${enums.map(escapeChoice).join(',')}|}`;
  else if (type === 'array') body = `${key}:\n${indent}  - $1`;
  else if (type === 'object') body = `${key}:\n${indent}  $1`;
  else body = `${key}: $1`;
  return { textEdit: { range, newText: body }, insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs };
}

function escapeChoice(s: string): string {
  return s.replace(/[\\|,$}]/g, (c) => `\\${c}`);
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The most common ID prefix in the current file's list of this kind (else in the workspace). */
function likelyPrefix(req: FeatureRequest<CompletionParams>, kind: ItemKind): string {
  const spec = req.ctx.index.specFile(req.file);
  const own = spec && listOfKind(spec, kind);
  const pool = own?.length ? own : itemsOfKind(req.ctx.index, kind);
  const counts = new Map<string, number>();
  for (const it of pool) {
    const prefix = it.id ? idPrefix(it.id) : undefined;
    if (prefix !== undefined) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best = kind === 'requirement' ? 'REQ' : kind === 'roadmap' ? 'R' : 'INS';
  let n = 0;
  for (const [p, c] of counts) if (c > n) [best, n] = [p, c];
  return best;
}

function itemSnippets(req: FeatureRequest<CompletionParams>, kind: ItemKind, cursor: CursorContext, range: LspRange): CompletionItem[] {
  const { ctx } = req;
  const id = ctx.index.nextFreeId(likelyPrefix(req, kind));
  // After `- ` the body starts at the key column; on a bare line it brings its own dash.
  const dash = cursor.afterDash ? '' : '- ';
  const keyCol = cursor.afterDash ? cursor.column : cursor.column + 2;
  const pad = ' '.repeat(keyCol);
  const enumOf = (key: string) => describeSchemaProperty(kind, [key])?.enum ?? [];
  const choice = (n: number, key: string, first?: string) => {
    const values = enumOf(key);
    const ordered = first && values.includes(first) ? [first, ...values.filter((v) => v !== first)] : values;
    return ctx.snippets ? `\${${n}|${ordered.map(escapeChoice).join(',')}|}` : (ordered[0] ?? '');
  };
  const ph = (n: number, text: string) => (ctx.snippets ? `\${${n}:${escapeSnippet(text)}}` : text);
  const lines =
    kind === 'requirement'
      ? [
          `${dash}id: ${ph(1, id)}`,
          `${pad}title: ${ph(2, 'Short, user-facing title')}`,
          `${pad}type: ${choice(3, 'type', 'story')}`,
          `${pad}priority: ${choice(4, 'priority', 'should')}`,
          `${pad}status: ${choice(5, 'status', 'draft')}`,
          `${pad}description: ${ph(6, 'Why this matters and for whom.')}`,
          `${pad}acceptance:`,
          `${pad}  - ${ph(7, 'Given a situation, when the user acts, then the outcome')}`,
        ]
      : kind === 'insight'
        ? [
            `${dash}id: ${ph(1, id)}`,
            `${pad}title: ${ph(2, 'The customer problem in a few words')}`,
            `${pad}customer: ${ph(3, 'Customer name')}`,
            `${pad}source: ${choice(4, 'source', 'interview')}`,
            `${pad}importance: ${ph(5, '2')}`,
            `${pad}quote: ${ph(6, 'What the customer said')}`,
          ]
        : [
          `${dash}id: ${ph(1, id)}`,
          `${pad}title: ${ph(2, 'Release name')}`,
          `${pad}type: ${choice(3, 'type', 'milestone')}`,
          `${pad}status: ${choice(4, 'status', 'planned')}`,
          `${pad}start: ${ph(5, 'YYYY-MM-DD')}`,
          `${pad}due: ${ph(6, 'YYYY-MM-DD')}`,
        ];
  return [
    {
      label: `new ${KIND_NAME[kind]} ${id}`,
      kind: CompletionItemKind.Snippet,
      detail: `A whole ${KIND_NAME[kind]} with the next free ID`,
      filterText: `${cursor.word} ${kind === 'roadmap' ? 'roadmap' : kind} - id`,
      sortText: '0',
      textEdit: { range, newText: lines.join('\n') + (ctx.snippets ? '$0' : '') },
      insertTextFormat: ctx.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
    },
  ];
}

/** A link written today is reviewed against today's text: with review on, `ID@rev` above rev 1. */
function withRevision(ctx: FeatureRequest<CompletionParams>['ctx'], item: SpecItem): string {
  const id = item.id as string;
  if (!ctx.index.config.review) return id;
  const rev = revOf(item);
  return rev > 1 ? `${id}@${rev}` : id;
}
