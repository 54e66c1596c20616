// The Markdown card shown when hovering an ID in a spec or code file: what the requirement (or
// roadmap item, or insight) is, where it is planned, its score and evidence, and links to the code and
// tests that carry it.
import type { CodeTag, SpecItem } from '../engine/types';
import type { FeatureContext } from './featureContext';
import { fieldText } from '../engine/reports/fields';
import { progressByStage, relativeLabel, shortDate, titleOf } from './items';
import { plural } from '../shared/plural';
import { addressingRequirements, citedInsights, distinctCustomers, requirementScore } from '../engine/index/evidence';
import { insightFacts } from './insightText';

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
  const score = requirementScore(ctx.index, item);
  if (score) parts.push(`Score: **${escapeMarkdown(score.label)}** — ${escapeMarkdown(score.formula)}`);
  const insights = citedInsights(ctx.index, item);
  if (insights.length) {
    const customers = distinctCustomers(insights);
    const who = customers.length ? `: ${customers.slice(0, LINK_LIMIT).map(escapeMarkdown).join(', ')}${customers.length > LINK_LIMIT ? ', …' : ''}` : '';
    parts.push(`Evidence: ${evidenceText(insights.length, customers.length)}${who}`);
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

/** `5 insights · 3 customers`. */
export function evidenceText(insights: number, customers: number): string {
  return `${plural(insights, 'insight')} · ${plural(customers, 'customer')}`;
}

export function insightCard(ctx: FeatureContext, item: SpecItem): string {
  const id = item.id ?? '';
  const parts = [`**${escapeMarkdown(id)}** — ${escapeMarkdown(titleOf(item))}`];
  const who = insightFacts(item);
  if (who) parts.push(escapeMarkdown(who));
  const f = facts(item, ['source', 'date']);
  if (f) parts.push(f);
  const quote = fieldText(item, 'quote');
  if (quote) parts.push(`> ${escapeMarkdown(quote.length > 400 ? `${quote.slice(0, 400)}…` : quote).replace(/\n/g, '\n> ')}`);
  const url = fieldText(item, 'url');
  if (url && /^https?:\/\//i.test(url)) parts.push(`[${escapeMarkdown(url)}](${encodeURI(url).replace(/[()]/g, encodeURIComponent)})`);
  const addressing = addressingRequirements(ctx.index, id);
  parts.push(addressing.length ? `Addressed by ${addressedText(addressing, LINK_LIMIT, escapeMarkdown)}` : 'Addressed by no requirement');
  return parts.join('\n\n');
}

/** `PAY-1 (released), PAY-4 (draft)`, at most `limit` of them, then `and N more`. */
export function addressedText(requirements: readonly SpecItem[], limit: number, escape: (s: string) => string = (s) => s): string {
  const shown = requirements.slice(0, limit).map((r) => {
    const status = fieldText(r, 'status');
    return `${escape(r.id ?? '')}${status ? ` (${escape(status)})` : ''}`;
  });
  if (requirements.length > limit) shown.push(`and ${requirements.length - limit} more`);
  return shown.join(', ');
}

/** The card for any ID: requirement, roadmap item, insight, or a note that nothing defines it. */
export function idCard(ctx: FeatureContext, id: string, now: Date): string {
  const defs = ctx.index.definitions(id);
  const item = defs[0];
  if (!item) return `**${escapeMarkdown(id)}** — unknown ID: no requirement or roadmap item defines it.`;
  const card = item.kind === 'requirement' ? requirementCard(ctx, item, now) : item.kind === 'roadmap' ? roadmapCard(ctx, item, now) : insightCard(ctx, item);
  return defs.length > 1 ? `${card}\n\n⚠ defined ${defs.length} times` : card;
}
