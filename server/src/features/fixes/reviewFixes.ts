// The change-review quick fixes: Baseline (write the fingerprint), Substantive change (bump to rev
// N+1), Editorial change (refresh the fingerprint, keep rev N), Mark reviewed (rewrite one link's
// suffix) and Mark all suspect links in this file reviewed. Each is a minimal edit computed by
// engine/review/reviewEdits.ts: only the value or suffix changes, or one line is inserted.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { baselineEdits, bumpEdits, eolOf, reviewedEdit } from '../../engine/review/reviewEdits';
import type { FileEdit, LineReader } from '../../engine/review/reviewEdits';
import { linksTo } from '../../engine/review/reviewModel';
import type { ReviewLink } from '../../engine/review/reviewModel';
import type { FixData, Range, SpecDiagnostic } from '../../engine/types';
import { plural } from '../../shared/plural';
import { EditBuilder } from '../edits';
import type { FeatureContext } from '../featureContext';
import { toLspRange } from '../lspRange';

type ReviewFixData = Extract<FixData, { kind: 'review' | 'suspect' }>;

export function isReviewFixData(v: unknown): v is ReviewFixData {
  const kind = typeof v === 'object' && v !== null ? (v as { kind?: unknown }).kind : undefined;
  return kind === 'review' || kind === 'suspect';
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function documentLines(document: TextDocument): LineReader {
  return (line) => (line < document.lineCount ? document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '') : undefined);
}

/** The quick fixes for one live change-review diagnostic of `file`. */
export function reviewFixes(ctx: FeatureContext, document: TextDocument, file: string, live: SpecDiagnostic, lspDiag: Diagnostic): CodeAction[] {
  const data = live.data;
  if (!isReviewFixData(data)) return [];
  if (data.kind === 'suspect') return suspectFixes(ctx, file, live, data, lspDiag);
  const item = ctx.index.definitions(data.id).find((d) => d.kind === 'requirement' && d.file === file);
  if (!item) return [];
  const lineAt = documentLines(document);
  const eol = eolOf(document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }));
  const action = (title: string, edits: FileEdit[] | undefined, preferred: boolean): CodeAction[] =>
    edits ? [{ title, kind: CodeActionKind.QuickFix, diagnostics: [lspDiag], isPreferred: preferred, edit: build(ctx, edits) }] : [];
  if (live.code === 'unbaselined-requirement') return action('Baseline: record the fingerprint of its text', baselineEdits(item, data.fingerprint, lineAt, eol), true);
  if (live.code !== 'unrecorded-change') return [];
  const needing = data.links > 0 ? ` (${plural(data.links, 'link')} will need review)` : '';
  return [
    ...action(`Substantive change: bump to rev ${data.rev + 1}${needing}`, bumpEdits(item, data.fingerprint, false, lineAt, eol), false),
    ...action(`Editorial change: keep rev ${data.rev}`, bumpEdits(item, data.fingerprint, true, lineAt, eol), false),
  ];
}

function suspectFixes(ctx: FeatureContext, file: string, live: SpecDiagnostic, data: Extract<FixData, { kind: 'suspect' }>, lspDiag: Diagnostic): CodeAction[] {
  const link = linkAt(ctx, data.id, file, live.range);
  if (!link) return [];
  const out: CodeAction[] = [
    { title: `Mark reviewed (${data.id}@${data.rev})`, kind: CodeActionKind.QuickFix, diagnostics: [lspDiag], isPreferred: true, edit: build(ctx, [reviewedEdit(link, data.rev)]) },
  ];
  const all: FileEdit[] = [];
  for (const d of ctx.index.diagnosticsFor(file)) {
    if (d.code !== 'suspect-link' || d.data?.kind !== 'suspect') continue;
    const other = linkAt(ctx, d.data.id, file, d.range);
    if (other) all.push(reviewedEdit(other, d.data.rev));
  }
  if (all.length > 1) out.push({ title: 'Mark all suspect links in this file reviewed', kind: CodeActionKind.QuickFix, diagnostics: [lspDiag], edit: build(ctx, all) });
  return out;
}

function linkAt(ctx: FeatureContext, id: string, file: string, range: Range): ReviewLink | undefined {
  return linksTo(ctx.index, id).find((l) => l.file === file && sameRange(l.fullRange, range));
}

function build(ctx: FeatureContext, edits: FileEdit[]): ReturnType<EditBuilder['build']> {
  const builder = new EditBuilder(ctx);
  for (const e of edits) builder.add(e.file, { range: toLspRange(e.range), newText: e.newText });
  return builder.build();
}

