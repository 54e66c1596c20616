// Inlay hints in code files: after each tagged ID, the requirement's title and status ("Pay with a
// saved card · in progress"), so a reader sees what `@implements PAY-1` means and where it stands
// without leaving the file. In spec files, with a scoring model on, the score after each requirement's
// ID (scoreHints.ts). Off with `spectrace.inlayHints.enabled`.
import { InlayHintKind } from 'vscode-languageserver';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { fieldText } from '../engine/reports/fields';
import type { CodeTag, SpecItem } from '../engine/types';
import { cancelled } from './requestErrors';
import type { FeatureRequest } from './featureContext';
import { titleOf } from './items';
import { scoreHints } from './scoreHints';

/** VS Code cuts a line's hints beyond `editor.inlayHints.maximumLength` (43 by default) mid-word, status included. */
export const MAX_HINT_LENGTH = 43;

/** `in-progress` as people say it. */
function statusWords(status: string): string {
  return status.replace(/[-_]+/g, ' ');
}

/** The title, shortened at a word boundary (with "…") so that title and suffix fit in `max` characters. */
export function fitTitle(title: string, suffix: string, max = MAX_HINT_LENGTH): string {
  const room = max - suffix.length;
  if (title.length <= room) return title + suffix;
  if (room < 2) return title.slice(0, Math.max(1, max - 1)) + '…';
  const cut = title.slice(0, room - 1);
  const space = cut.lastIndexOf(' ');
  const head = (space > room / 3 ? cut.slice(0, space) : cut).replace(/[\s,;:.·-]+$/, '');
  return `${head}…${suffix}`;
}

/**
 * How many characters each hint may take: all it needs when a line's hints fit the limit together,
 * else the short ones keep theirs and the rest share what is left.
 */
export function lineBudgets(lines: readonly number[], needs: readonly number[], max = MAX_HINT_LENGTH): number[] {
  const budgets = needs.slice();
  const byLine = new Map<number, number[]>();
  lines.forEach((line, i) => byLine.set(line, [...(byLine.get(line) ?? []), i]));
  for (const indices of byLine.values()) {
    let left = max;
    const ascending = indices.slice().sort((a, b) => needs[a] - needs[b]);
    ascending.forEach((i, k) => {
      budgets[i] = Math.min(needs[i], Math.floor(left / (ascending.length - k)));
      left -= budgets[i];
    });
  }
  return budgets;
}

export function inlayHints(req: FeatureRequest<InlayHintParams>): InlayHint[] {
  const { ctx, file, params, token } = req;
  if (!ctx.settings.inlayHints.enabled) return [];
  const code = ctx.index.codeFile(file);
  if (!code) return ctx.index.specFile(file) ? scoreHints(req) : [];
  const { start, end } = params.range;
  const shown: { tag: CodeTag; item: SpecItem }[] = [];
  for (let i = 0; i < code.tags.length; i++) {
    if (i % 256 === 0 && token.isCancellationRequested) throw cancelled();
    const tag = code.tags[i];
    if (tag.idRange.end.line < start.line || tag.idRange.start.line > end.line) continue;
    const item = ctx.index.item(tag.id);
    if (item) shown.push({ tag, item });
  }
  // The length limit is per line: `@implements PAY-3, PAY-5` shares it between two hints.
  const labels = shown.map(({ item }) => {
    const status = fieldText(item, 'status');
    return { title: titleOf(item), status, suffix: status ? ` · ${statusWords(status)}` : '' };
  });
  const budgets = lineBudgets(
    shown.map(({ tag }) => tag.idRange.end.line),
    labels.map((l) => l.title.length + l.suffix.length),
  );
  const out: InlayHint[] = [];
  shown.forEach(({ tag, item }, i) => {
    const { title, status, suffix } = labels[i];
    const priority = fieldText(item, 'priority');
    out.push({
      position: { line: tag.idRange.end.line, character: tag.idRange.end.character },
      label: fitTitle(title, suffix, budgets[i]),
      paddingLeft: true,
      kind: InlayHintKind.Type,
      tooltip: [`${tag.id}: ${title}`, status && `status: ${status}`, priority && `priority: ${priority}`].filter(Boolean).join('\n'),
    });
  });
  return out;
}
