// The Markdown card shown when hovering an ID in a spec or code file: what the requirement (or
// roadmap item) is, where it is planned, and links to the code and tests that carry it.
import type { CodeTag, SpecItem } from '../engine/types';
import type { FeatureContext } from './featureContext';
import { fieldText } from '../engine/reports/fields';
import { progressByStage, relativeLabel, shortDate, titleOf } from './items';
import { plural } from '../shared/plural';

/** Markdown-escape text the user wrote (titles may hold `*`, `<`, `[`...). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

const LINK_LIMIT = 10;

function links(ctx: FeatureContext, tags: CodeTag[]): string[] {
  const out = tags.slice(0, LINK_LIMIT).map((t) => {
    const line = t.idRange.start.line + 1;
    return `[${escapeMarkdown(relativeLabel(ctx.root, t.file))}:${line}](${ctx.uriOf(t.file)}#L${line})`;
  });
  if (tags.length > LINK_LIMIT) out.push(`… and ${tags.length - LINK_LIMIT} more`);
  return out;
}

const DATE_FIELDS = new Set(['start', 'due']);

function facts(item: SpecItem, keys: string[], currentYear?: number): string {
  return keys
    .map((k) => {
      const v = fieldText(item, k);
      return [k, v !== undefined && currentYear !== undefined && DATE_FIELDS.has(k) ? shortDate(v, currentYear) : v] as const;
    })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} \`${String(v).replace(/`/g, "'")}\``)
    .join(' · ');
}

export function requirementCard(ctx: FeatureContext, item: SpecItem, now: Date): string {
  const id = item.id ?? '';
  const parts = [`**${escapeMarkdown(id)}** — ${escapeMarkdown(titleOf(item))}`];
  const f = facts(item, ['status', 'priority', 'type', 'owner']);
  if (f) parts.push(f);
  const roadmapId = fieldText(item, 'roadmap');
  if (roadmapId) {
    const r = ctx.index.item(roadmapId);
    const due = r && fieldText(r, 'due');
    parts.push(
      r
        ? `Roadmap: **${escapeMarkdown(roadmapId)}** — ${escapeMarkdown(titleOf(r))}${due ? ` (due ${shortDate(due, now.getFullYear())})` : ''}`
        : `Roadmap: ${escapeMarkdown(roadmapId)} (unknown roadmap item)`,
    );
  }
  const trace = ctx.index.trace(id);
  if (trace) {
    const impl = trace.implementations;
    const tests = trace.tests;
    parts.push(`${plural(impl.length, 'implementation', 'implementations')} · ${plural(tests.length, 'test', 'tests')}`);
    if (impl.length) parts.push(`Implementations: ${links(ctx, impl).join(', ')}`);
    if (tests.length) parts.push(`Tests: ${links(ctx, tests).join(', ')}`);
    if (trace.coverage.underPolicy && !trace.coverage.satisfied) parts.push('⚠ does not meet the coverage policy');
  }
  const description = fieldText(item, 'description');
  if (description) parts.push(escapeMarkdown(description.length > 400 ? `${description.slice(0, 400)}…` : description));
  return parts.join('\n\n');
}

export function roadmapCard(ctx: FeatureContext, item: SpecItem, now: Date): string {
  const id = item.id ?? '';
  const parts = [`**${escapeMarkdown(id)}** — ${escapeMarkdown(titleOf(item))}`];
  const f = facts(item, ['type', 'status', 'start', 'due', 'owner'], now.getFullYear());
  if (f) parts.push(f);
  const progress = ctx.index.roadmapProgress().find((p) => p.item.id === id);
  if (progress) parts.push(`${progressByStage(progress.requirements)}${progress.overdue ? ' · **overdue**' : ''}`);
  const due = fieldText(item, 'due');
  if (due && !progress) parts.push(`due ${shortDate(due, now.getFullYear())}`);
  const description = fieldText(item, 'description');
  if (description) parts.push(escapeMarkdown(description.length > 400 ? `${description.slice(0, 400)}…` : description));
  return parts.join('\n\n');
}

/** The card for any ID: requirement, roadmap item, or a note that nothing defines it. */
export function idCard(ctx: FeatureContext, id: string, now: Date): string {
  const defs = ctx.index.definitions(id);
  const item = defs[0];
  if (!item) return `**${escapeMarkdown(id)}** — unknown ID: no requirement or roadmap item defines it.`;
  const card = item.kind === 'requirement' ? requirementCard(ctx, item, now) : roadmapCard(ctx, item, now);
  return defs.length > 1 ? `${card}\n\n⚠ defined ${defs.length} times` : card;
}
