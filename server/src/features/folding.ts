// Folding and selection ranges for spec files, from the index's item ranges: fold a requirement,
// a roadmap item or a multi-line field; expand a selection ID -> field -> item -> document.
import { FoldingRangeKind } from 'vscode-languageserver';
import type { FoldingRange, FoldingRangeParams, SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import type { Position, Range } from '../engine/types';
import { toLspRange } from './lspRange';
import type { FeatureRequest } from './featureContext';
import { contains, itemAtLine } from './items';

export function foldingRanges(req: FeatureRequest<FoldingRangeParams>): FoldingRange[] {
  const spec = req.ctx.index.specFile(req.file);
  if (!spec?.hasSpecLists) return [];
  const out: FoldingRange[] = [];
  for (const item of [...spec.requirements, ...spec.roadmap]) {
    if (item.range.end.line > item.range.start.line) out.push({ startLine: item.range.start.line, endLine: item.range.end.line, kind: FoldingRangeKind.Region });
    for (const f of item.fields.values()) {
      if (f.valueRange.end.line > f.keyRange.start.line) out.push({ startLine: f.keyRange.start.line, endLine: f.valueRange.end.line });
    }
  }
  return out;
}

function lastPosition(text: string, lineCount: number): Position {
  const lastBreak = Math.max(text.lastIndexOf('\n'), -1);
  return { line: lineCount - 1, character: text.length - lastBreak - 1 };
}

export function selectionRanges(req: FeatureRequest<SelectionRangeParams>): SelectionRange[] {
  const { ctx, file, document, params } = req;
  const spec = ctx.index.specFile(file);
  const whole: Range = { start: { line: 0, character: 0 }, end: lastPosition(document.getText(), document.lineCount) };
  return params.positions.map((pos) => {
    const chain: Range[] = [whole];
    const item = spec?.hasSpecLists ? itemAtLine(spec, pos.line) : undefined;
    if (item && contains(item.range, pos)) {
      chain.push(item.range);
      for (const f of item.fields.values()) {
        const fieldRange: Range = { start: f.keyRange.start, end: f.valueRange.end };
        if (!contains(fieldRange, pos)) continue;
        chain.push(fieldRange);
        if (contains(f.valueRange, pos)) chain.push(f.valueRange);
        break;
      }
    }
    const hit = ctx.index.idAt(file, pos);
    if (hit && contains(hit.range, pos)) chain.push(hit.range);
    // Build from the outside in, skipping ranges that do not nest (each parent must contain its child).
    let sel: SelectionRange | undefined;
    let outer: Range | undefined;
    for (const r of chain) {
      if (outer && !(contains(outer, r.start) && contains(outer, r.end))) continue;
      if (outer && sameRange(outer, r)) continue;
      sel = { range: toLspRange(r), parent: sel };
      outer = r;
    }
    return sel ?? { range: { start: pos, end: pos } };
  });
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
