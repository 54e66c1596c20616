// New Requirement: a title, then parent, roadmap item, priority and owner (each prefilled from the
// requirement the cursor is in, each skippable), and the item is inserted as a snippet with the next
// free ID from the server: under its parent (after the parent's subtree) or at the end of the file's
// `requirements:` list. Given a `title` argument (`{file, title, parent, roadmap, priority, owner,
// type, prefix}`) it asks nothing and writes only the given fields plus what every requirement needs.
import * as vscode from 'vscode';
import { NextIdRequest } from '../../../server/src/shared/protocol';
import type { RequirementNode, RoadmapItemNode } from '../../../server/src/shared/protocol';
import { isObject } from '../../../server/src/shared/isObject';
import type { Ctx } from '../extensionContext';
import { toUri } from '../protocolToVscode';
import type { SpecStore } from '../store';
import { field, uriFromArg } from './commandArgs';
import { allRequirements } from './pickRequirement';
import { childPrefix, draftFields, orderRoadmapItems, ownersByUse, prefixesByUse, requirementAt, subtreeEndLine } from './requirementDraft';
import type { DraftField, RequirementDraft } from './requirementDraft';
import { requirementEnum } from './requirementEnums';
import { commonPrefix, planInsertionAfterItem, planRequirementInsertion } from './specInsert';
import type { InsertionPlan } from './specInsert';

export interface NewRequirementResult {
  id: string;
  uri: string;
}

interface Choice<T> extends vscode.QuickPickItem {
  value: T | undefined;
}

/**
 * One quick pick with `active` highlighted. Resolves to the chosen item's value wrapped in an object
 * (a skip item's value is undefined), or undefined when dismissed. `typed` turns typed text into an
 * extra first item (a new owner).
 */
async function pickOne<T>(title: string, placeholder: string, items: Choice<T>[], active?: Choice<T>, typed?: (text: string) => Choice<T> | undefined): Promise<{ value: T | undefined } | undefined> {
  const qp = vscode.window.createQuickPick<Choice<T>>();
  qp.title = title;
  qp.placeholder = placeholder;
  qp.matchOnDescription = true;
  qp.items = items;
  if (active) qp.activeItems = [active];
  try {
    return await new Promise((resolve) => {
      if (typed) {
        qp.onDidChangeValue((text) => {
          const extra = text.trim() && !items.some((i) => i.label === text.trim()) ? typed(text.trim()) : undefined;
          qp.items = extra ? [extra, ...items] : items;
        });
      }
      qp.onDidAccept(() => {
        const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
        resolve(chosen ? { value: chosen.value } : undefined);
      });
      qp.onDidHide(() => resolve(undefined));
      qp.show();
    });
  } finally {
    qp.dispose();
  }
}

async function pickSpecFile(reqs: RequirementNode[]): Promise<vscode.Uri | undefined> {
  const counts = new Map<string, number>();
  for (const r of reqs) counts.set(r.location.uri, (counts.get(r.location.uri) ?? 0) + 1);
  let uris = [...counts.keys()].map((u) => toUri(u));
  if (uris.length === 0) uris = await vscode.workspace.findFiles('**/specs/**/*.{yaml,yml}', '**/node_modules/**', 200);
  if (uris.length === 0) {
    const create = await vscode.window.showInformationMessage('Spectrace: there is no spec file yet. Create a starter spec?', 'Create Starter Specs');
    if (create) await vscode.commands.executeCommand('spectrace.createStarter');
    return undefined;
  }
  if (uris.length === 1) return uris[0];
  const items = uris
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

/** The requirement the cursor is in (or under) in the active spec file. */
function requirementAtCursor(reqs: RequirementNode[]): RequirementNode | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const doc = editor.document;
  return requirementAt(reqs, doc.uri.toString(), doc.getText().split(/\r?\n/), editor.selection.active.line);
}

function fileLabel(uri: string): string {
  return vscode.workspace.asRelativePath(toUri(uri), false);
}

async function askParent(reqs: RequirementNode[], suggested: RequirementNode | undefined, title: string): Promise<{ value: RequirementNode | undefined } | undefined> {
  const item = (r: RequirementNode): Choice<RequirementNode> => ({ label: r.id, description: r.title, detail: [r.type, r.status, fileLabel(r.location.uri)].filter(Boolean).join(' · '), value: r });
  const none: Choice<RequirementNode> = { label: 'No parent', description: 'a top-level requirement', value: undefined };
  const first = suggested ? [item(suggested), none] : [none];
  const rest = reqs.filter((r) => r !== suggested).map(item);
  return pickOne(`New Requirement "${title}": parent`, 'The requirement this one belongs to (type to search), or none', [...first, { label: '', kind: vscode.QuickPickItemKind.Separator, value: undefined }, ...rest], first[0]);
}

async function askRoadmap(items: RoadmapItemNode[], suggested: string | undefined): Promise<{ value: string | undefined } | undefined> {
  const none: Choice<string> = { label: 'No roadmap item', value: undefined };
  const choices = orderRoadmapItems(items).map(
    (i): Choice<string> => ({ label: i.id, description: i.title, detail: [i.type, i.status, i.due && `due ${i.due}`].filter(Boolean).join(' · '), value: i.id }),
  );
  const active = choices.find((c) => c.value === suggested);
  const ordered = active ? [active, none, ...choices.filter((c) => c !== active)] : [none, ...choices];
  return pickOne('New Requirement: roadmap item', 'The release or milestone it is planned for (active first, then by due date), or none', ordered, active ?? none);
}

async function askPriority(suggested: string | undefined): Promise<{ value: string | undefined } | undefined> {
  const choices = requirementEnum('priority').map((p): Choice<string> => ({ label: p, value: p }));
  const later: Choice<string> = { label: 'Choose in the editor', description: 'a choice to tab through in the new item', value: undefined };
  const items = [...choices, later];
  return pickOne('New Requirement: priority', 'MoSCoW priority', items, items.find((c) => c.value === (suggested ?? 'should')));
}

async function askOwner(reqs: RequirementNode[], suggested: string | undefined): Promise<{ value: string | undefined } | undefined> {
  const none: Choice<string> = { label: 'No owner', value: undefined };
  const owners = ownersByUse(reqs);
  const ordered = suggested ? [suggested, ...owners.filter((o) => o !== suggested)] : owners;
  const items = [...ordered.map((o): Choice<string> => ({ label: o, value: o })), none];
  return pickOne('New Requirement: owner', 'Who owns it: pick one or type a new name', items, items[0], (text) => ({ label: text, description: 'new owner', value: text }));
}

async function askPrefix(prefixes: string[], counts: Map<string, number>, file: vscode.Uri): Promise<string | undefined> {
  const items = prefixes.map((p): Choice<string> => ({ label: `${p}-`, description: `${counts.get(p) ?? 0} requirements`, value: p }));
  return (await pickOne(`New Requirement: ID prefix in ${vscode.workspace.asRelativePath(file)}`, 'This file uses several prefixes', items, items[0]))?.value;
}

/** A string argument, undefined when absent; `null` or '' means "none" for optional fields. */
function textArg(args: unknown, key: string): string | undefined {
  const v = field(args, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new Error(`New Requirement: ${key} must be text`);
  return v.trim();
}

function checkEnum(value: string | undefined, key: 'priority' | 'type'): string | undefined {
  const allowed = requirementEnum(key);
  if (value !== undefined && !allowed.includes(value)) throw new Error(`New Requirement: ${value} is not a ${key}; use ${allowed.join(', ')}`);
  return value;
}

function toSnippet(fields: DraftField[], indent: string, eol: string): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  fields.forEach((f, i) => {
    snippet.appendText(i === 0 ? `${indent}- ${f.key}: ` : `${eol}${indent}  ${f.key}: `);
    if ('value' in f) snippet.appendText(f.value);
    else snippet.appendChoice(f.choices);
  });
  return snippet.appendTabstop(0);
}

export async function newRequirement(ctx: Ctx, store: SpecStore, args: unknown): Promise<NewRequirementResult | undefined> {
  const reqs = await allRequirements(store);
  const given = (key: string) => isObject(args) && key in args;
  // A group of the Requirements view grouped by file passes its node.
  const fileArg = uriFromArg(field(args, 'file')) ?? (isObject(args) && args.kind === 'group' && typeof args.uri === 'string' ? toUri(args.uri) : undefined);
  let title = textArg(args, 'title');
  const interactive = title === undefined;
  const atCursor = interactive ? requirementAtCursor(reqs) : undefined;

  if (title === undefined) {
    title = await vscode.window.showInputBox({
      title: 'New Requirement',
      prompt: atCursor ? `Title of the new requirement (next: its parent, ${atCursor.id} suggested)` : 'Title of the new requirement',
      placeHolder: 'e.g. Pay with a saved card',
      validateInput: (v) => (v.trim() === '' ? 'A requirement needs a title' : undefined),
    });
    if (title === undefined) return undefined;
  }
  if (title.trim() === '') throw new Error('New Requirement: a requirement needs a title');

  let parent: RequirementNode | undefined;
  const parentId = textArg(args, 'parent');
  if (parentId) {
    parent = reqs.find((r) => r.id === parentId);
    if (!parent) throw new Error(`New Requirement: there is no requirement ${parentId} to be the parent`);
  } else if (interactive && !given('parent') && reqs.length > 0) {
    const picked = await askParent(reqs, atCursor, title.trim());
    if (!picked) return undefined;
    parent = picked.value;
  }

  const file = fileArg ?? (parent ? toUri(parent.location.uri) : await pickSpecFile(reqs));
  if (!file) return undefined;

  let roadmap = textArg(args, 'roadmap');
  if (interactive && !given('roadmap')) {
    const items = (await store.roadmap()).folders.flatMap((f) => f.items);
    if (items.length > 0) {
      const picked = await askRoadmap(items, parent?.roadmap ?? atCursor?.roadmap);
      if (!picked) return undefined;
      roadmap = picked.value;
    }
  }

  let priority = checkEnum(textArg(args, 'priority') || undefined, 'priority');
  if (interactive && !given('priority')) {
    const picked = await askPriority(parent?.priority);
    if (!picked) return undefined;
    priority = picked.value;
  }

  let owner = textArg(args, 'owner');
  if (interactive && !given('owner')) {
    const picked = await askOwner(reqs, parent?.owner ?? atCursor?.owner);
    if (!picked) return undefined;
    owner = picked.value;
  }

  let prefix = textArg(args, 'prefix') || (parent ? childPrefix(reqs, parent) : undefined);
  if (!prefix) {
    const inFile = reqs.filter((r) => toUri(r.location.uri).toString() === file.toString()).map((r) => r.id);
    const prefixes = prefixesByUse(inFile);
    if (prefixes.length > 1 && interactive) {
      const counts = new Map(prefixes.map((p) => [p, inFile.filter((id) => id.startsWith(p)).length]));
      prefix = await askPrefix(prefixes, counts, file);
      if (!prefix) return undefined;
    } else {
      prefix = prefixes[0] ?? commonPrefix(reqs.map((r) => r.id)) ?? 'REQ';
    }
  }
  const { id } = await ctx.request(NextIdRequest, { prefix, uri: file.toString() });

  const type = checkEnum(textArg(args, 'type') || undefined, 'type');
  // Without UI, what every requirement needs gets the usual value; with UI, a choice to tab through
  // whose first value is what stays when the item is left as inserted.
  const draft: RequirementDraft = interactive
    ? { id, title, type, priority, owner, roadmap, parent: parent?.id }
    : { id, title, type: type ?? 'story', priority: priority ?? 'should', owner, roadmap, parent: parent?.id };
  const firstOf = (values: string[], first: string) => [first, ...values.filter((v) => v !== first)];
  const fields = draftFields(draft, { type: firstOf(requirementEnum('type'), 'story'), priority: firstOf(requirementEnum('priority'), 'should') });

  const doc = await vscode.workspace.openTextDocument(file);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = doc.getText();
  let plan: InsertionPlan | undefined;
  if (parent && toUri(parent.location.uri).toString() === file.toString()) {
    const parentLine = parent.location.range.start.line;
    // The index may lag behind unsaved edits: use the parent's position only if it still holds its ID.
    if (doc.lineCount > parentLine && doc.lineAt(parentLine).text.includes(parent.id)) plan = planInsertionAfterItem(text, subtreeEndLine(reqs, parent), eol);
  }
  plan ??= planRequirementInsertion(text, eol);
  // Two steps, one undo: first the line breaks (and key) that open an empty line, then the snippet
  // at column 0 of that line. A snippet inserted on an indented line would get that line's
  // indentation added to each of its lines (VS Code adjusts snippet whitespace).
  const start = new vscode.Position(plan.start.line, plan.start.character);
  const startOffset = doc.offsetAt(start);
  const lead = plan.lead;
  const opened = await editor.edit((b) => b.replace(new vscode.Range(start, new vscode.Position(plan.end.line, plan.end.character)), lead), { undoStopBefore: true, undoStopAfter: false });
  if (!opened) throw new Error(`could not edit ${vscode.workspace.asRelativePath(file)}`);
  const at = doc.positionAt(startOffset + lead.length);
  const inserted = await editor.insertSnippet(toSnippet(fields, plan.indent, eol), at, { undoStopBefore: false, undoStopAfter: true });
  if (!inserted) throw new Error(`could not insert the requirement into ${vscode.workspace.asRelativePath(file)}`);
  ctx.log.info(`new requirement ${id} in ${file.toString()}${parent ? ` under ${parent.id}` : ''}`);
  return { id, uri: file.toString() };
}
