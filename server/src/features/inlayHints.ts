// Inlay hints in code files: after each tagged ID, `: <requirement title>`, so a reader sees what
// `@implements PAY-1` means without leaving the file. Off with `spectrace.inlayHints.enabled`.
import { InlayHintKind } from 'vscode-languageserver';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { cancelled } from './requestErrors';
import type { FeatureRequest } from './featureContext';
import { titleOf } from './items';

const MAX_TITLE = 60;

export function inlayHints(req: FeatureRequest<InlayHintParams>): InlayHint[] {
  const { ctx, file, params, token } = req;
  if (!ctx.settings.inlayHints.enabled) return [];
  const code = ctx.index.codeFile(file);
  if (!code) return [];
  const { start, end } = params.range;
  const out: InlayHint[] = [];
  for (let i = 0; i < code.tags.length; i++) {
    if (i % 256 === 0 && token.isCancellationRequested) throw cancelled();
    const tag = code.tags[i];
    if (tag.range.end.line < start.line || tag.range.start.line > end.line) continue;
    const item = ctx.index.item(tag.id);
    if (!item) continue;
    const title = titleOf(item);
    out.push({
      position: { line: tag.range.end.line, character: tag.range.end.character },
      label: `: ${title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title}`,
      kind: InlayHintKind.Type,
      tooltip: `${tag.id} — ${title}`,
    });
  }
  return out;
}
