// Inlay hints in spec files: with a scoring model on, the requirement's score after its ID
// (`PAY-1  RICE 320`), the formula with its inputs in the tooltip. Computed on request for the visible
// range only, so a scoring model costs a keystroke nothing.
import { InlayHintKind } from 'vscode-languageserver';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { requirementScore } from '../engine/index/evidence';
import type { FeatureRequest } from './featureContext';
import { cancelled } from './requestErrors';

export function scoreHints(req: FeatureRequest<InlayHintParams>): InlayHint[] {
  const { ctx, file, params, token } = req;
  if (!ctx.index.config.scoring) return [];
  const spec = ctx.index.specFile(file);
  if (!spec) return [];
  const { start, end } = params.range;
  const out: InlayHint[] = [];
  const list = spec.requirements;
  for (let i = firstEndingAtOrAfter(list, start.line); i < list.length; i++) {
    if (i % 256 === 0 && token.isCancellationRequested) throw cancelled();
    const item = list[i];
    if (item.range.start.line > end.line) break;
    if (!item.idRange || item.idRange.end.line < start.line || item.idRange.start.line > end.line) continue;
    const score = requirementScore(ctx.index, item);
    if (!score) continue;
    out.push({ position: item.idRange.end, label: score.label, paddingLeft: true, kind: InlayHintKind.Type, tooltip: score.formula });
  }
  return out;
}

/** The first item (items are in text order) whose range ends at or after `line`. */
function firstEndingAtOrAfter(list: readonly { range: { end: { line: number } } }[], line: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].range.end.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
