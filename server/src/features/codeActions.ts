// Quick fixes, driven by the FixData the engine puts on diagnostics: add a missing required field,
// replace an invalid value with an allowed one (fixes/enumFixes.ts), create a stub for an unknown ID in
// the file where similar IDs live, give a duplicate the next free ID, exempt, test or re-stage an
// uncovered requirement (fixes/uncoveredFixes.ts). Each is a minimal text edit: comments,
// blank lines and formatting outside the edited spot stay as they are.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { describeSchemaProperty } from '../engine/schema/schemaSet';
import type { FixData, ItemKind, SpecDiagnostic, SpecFile, SpecItem } from '../engine/types';
import { toLspRange } from './lspRange';
import type { FeatureContext, FeatureRequest } from './featureContext';
import { EditBuilder } from './edits';
import { idPrefix } from '../engine/index/queries';
import { KIND_NAME, LIST_KEY, itemsOfKind, listOfKind, relativeLabel } from './items';
import { quoted } from '../engine/text/quote';
import { enumFixes } from './fixes/enumFixes';
import { uncoveredFixes } from './fixes/uncoveredFixes';
import { isReviewFixData, reviewFixes } from './fixes/reviewFixes';

function isFixData(v: unknown): v is FixData {
  if (typeof v !== 'object' || v === null) return false;
  const kind = (v as { kind?: unknown }).kind;
  return kind === 'missing-field' || kind === 'replace-value' || kind === 'unknown-id' || kind === 'duplicate-id' || kind === 'uncovered-requirement';
}

function sameRange(a: Diagnostic['range'], b: SpecDiagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function codeActions(req: FeatureRequest<CodeActionParams>): CodeAction[] {
  const { ctx, file, params } = req;
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
  const current = ctx.index.diagnosticsFor(file);
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source === 'spectrace' && isReviewFixData(d.data)) {
      const live = current.find((c) => c.code === d.code && sameRange(d.range, c.range));
      if (live) out.push(...reviewFixes(ctx, req.document, file, live, d));
      continue;
    }
    if (d.source !== 'spectrace' || !isFixData(d.data)) continue;
    // Only fix what is still true: a diagnostic from an older version of the document is ignored.
    const live = current.find((c) => c.code === d.code && sameRange(d.range, c.range));
    if (!live?.data) continue;
    if (live.data.kind === 'replace-value') {
      out.push(...enumFixes(req, live, live.data, d));
      continue;
    }
    if (live.data.kind === 'uncovered-requirement') {
      out.push(...uncoveredFixes(req, live.data, d));
      continue;
    }
    const action = fixFor(req, live, live.data, d);
    if (action) out.push(action);
  }
  return out;
}

type SingleFix = Exclude<FixData, { kind: 'replace-value' | 'uncovered-requirement' }>;

function fixFor(req: FeatureRequest<CodeActionParams>, live: SpecDiagnostic, data: SingleFix, lspDiag: Diagnostic): CodeAction | undefined {
  const { ctx, file, document } = req;
  const edits = new EditBuilder(ctx);
  let title: string;
  switch (data.kind) {
    case 'missing-field': {
      const line = Math.min(data.insertAfterLine, document.lineCount - 1);
      const lineEnd = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
      const value = defaultValue(ctx, file, data.itemKind, data.field);
      edits.add(file, { range: { start: { line, character: lineEnd }, end: { line, character: lineEnd } }, newText: `\n${' '.repeat(data.indent)}${data.field}: ${value}` });
      title = `Add missing field ${quoted(`${data.field}: ${value}`)}`;
      break;
    }
    case 'duplicate-id':
      edits.add(file, { range: toLspRange(live.range), newText: data.suggestion });
      title = `Change this ID to the next free ID, ${data.suggestion}`;
      break;
    case 'unknown-id': {
      const target = stubTarget(ctx, file, data.id, data.targetKind);
      if (!target) return undefined;
      const stub = stubEdit(ctx, target, data.id, data.targetKind);
      if (!stub) return undefined;
      edits.add(target.file, stub);
      title = `Create ${KIND_NAME[data.targetKind]} ${data.id} in ${relativeLabel(ctx.root, target.file)}`;
      break;
    }
    default:
      return undefined;
  }
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [lspDiag], isPreferred: data.kind !== 'unknown-id', edit: edits.build() };
}

/** A value that satisfies the built-in schema for a required field the user forgot. */
function defaultValue(ctx: FeatureContext, file: string, kind: ItemKind, field: string): string {
  const preferred: Record<string, string> =
    kind === 'requirement' ? { status: 'draft', priority: 'should', type: 'story' } : kind === 'roadmap' ? { status: 'planned', type: 'milestone' } : { importance: '1' };
  if (field === 'id') {
    const spec = ctx.index.specFile(file);
    const sibling = spec && listOfKind(spec, kind).find((it) => it.id);
    return ctx.index.nextFreeId((sibling?.id ? idPrefix(sibling.id) : undefined) ?? (kind === 'requirement' ? 'REQ' : kind === 'roadmap' ? 'R' : 'INS'));
  }
  const doc = describeSchemaProperty(kind, [field]);
  if (doc?.enum?.length) return preferred[field] && doc.enum.includes(preferred[field]) ? preferred[field] : doc.enum[0];
  if (doc?.type === 'array') return '[]';
  if (doc?.type === 'number' || doc?.type === 'integer') return '0';
  return 'TODO';
}

interface StubTarget {
  file: string;
  spec: SpecFile;
  /** The last item of the target list, after which the stub goes; undefined when the file has no such list. */
  last: SpecItem | undefined;
}

/**
 * Where a stub goes: the spec file where most IDs with the same prefix live; else the referencing file
 * when it already has a list of that kind; else the file with the most items of that kind; else the
 * referencing spec file, which gets a new list.
 */
function stubTarget(ctx: FeatureContext, referencingFile: string, id: string, kind: ItemKind): StubTarget | undefined {
  // An ID without a number (`LOGIN`) goes beside the IDs numbered after it (`LOGIN-1`).
  const prefix = idPrefix(id) ?? id;
  const samePrefix = new Map<string, number>();
  const sameKind = new Map<string, number>();
  const pool = itemsOfKind(ctx.index, kind);
  for (const it of pool) {
    sameKind.set(it.file, (sameKind.get(it.file) ?? 0) + 1);
    if (it.id && idPrefix(it.id) === prefix) samePrefix.set(it.file, (samePrefix.get(it.file) ?? 0) + 1);
  }
  const most = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0]?.[0];
  const listOf = (spec: SpecFile) => listOfKind(spec, kind);
  const candidates: [string | undefined, boolean][] = [
    [most(samePrefix), false],
    [referencingFile, false],
    [most(sameKind), false],
    [referencingFile, true],
  ];
  for (const [f, mayCreateList] of candidates) {
    if (!f) continue;
    const spec = ctx.index.specFile(f);
    if (!spec?.hasSpecLists) continue;
    const list = listOf(spec);
    // An empty list (`requirements: []`) cannot take a block item without rewriting it: skip the file.
    if (list.length || mayCreateList) return { file: f, spec, last: list[list.length - 1] };
  }
  return undefined;
}

function stubEdit(ctx: FeatureContext, target: StubTarget, id: string, kind: ItemKind): { range: ReturnType<typeof toLspRange>; newText: string } | undefined {
  const fields = kind === 'requirement' ? ['title: TODO', 'status: draft', 'priority: should'] : kind === 'roadmap' ? ['title: TODO', 'status: planned'] : ['title: TODO'];
  if (target.last) {
    const dash = target.last.range.start.character;
    const pad = ' '.repeat(Math.max(target.last.headRange.start.character, dash + 2));
    const body = [`${' '.repeat(dash)}- id: ${id}`, ...fields.map((f) => pad + f)].join('\n');
    const end = target.last.range.end;
    // The item's range ends at its last character (or at the start of the following line).
    const at = end.character === 0 && end.line > target.last.range.start.line ? { line: end.line, character: 0 } : end;
    const newText = at.character === 0 ? `${body}\n` : `\n${body}`;
    return { range: { start: at, end: at }, newText };
  }
  // The referencing file has no list of this kind: append one at the end of the file.
  const text = ctx.textOf(target.file);
  if (text === undefined) return undefined;
  const listKey = LIST_KEY[kind];
  if (new RegExp(`^${listKey}\\s*:`, 'm').test(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const last = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const sep = text.length === 0 || /\n$/.test(text) ? '' : '\n';
  const body = [`${listKey}:`, `  - id: ${id}`, ...fields.map((f) => `    ${f}`)].join('\n');
  return { range: { start: last, end: last }, newText: `${sep}${body}\n` };
}
