// Code lenses. Above each requirement: its implementations, its tests and its roadmap item, each a
// separate lens whose command opens those locations, and its evidence (`5 insights · 3 customers`).
// Above each roadmap item: its progress, and one that opens its release view. Above each insight: the
// requirements that address it. Above a
// tag line in code, only with `spectrace.codeLens.codeFiles`: the requirement it names (by default
// the inlay hint after the ID says it, and one title per tag is enough).
import type { CodeLens, CodeLensParams, Location } from 'vscode-languageserver';
import type { CodeTag, Range, SpecItem } from '../engine/types';
import { toLspRange } from './lspRange';
import { Commands } from '../shared/protocol';
import type { ShowLocationsArgs, ShowReleaseArgs } from '../shared/protocol';
import type { FeatureContext, FeatureRequest } from './featureContext';
import { fieldText } from '../engine/reports/fields';
import { progressByStage, shortDate, titleOf } from './items';
import { Pacer } from './pacer';
import { plural } from '../shared/plural';
import { revOf, suspectLinksOf, underReview } from '../engine/review/reviewModel';
import { addressingRequirements, citedInsights, distinctCustomers } from '../engine/index/evidence';
import { addressedText, evidenceText } from './card';

function lens(ctx: FeatureContext, file: string, at: Range, title: string, locations: Location[]): CodeLens {
  const range = toLspRange({ start: at.start, end: at.start });
  const args: ShowLocationsArgs = { uri: ctx.uriOf(file), position: range.start, locations };
  return { range, command: { title, command: Commands.showLocations, arguments: [args] } };
}

function tagLocations(ctx: FeatureContext, tags: CodeTag[]): Location[] {
  return tags.map((t) => ({ uri: ctx.uriOf(t.file), range: toLspRange(t.idRange) }));
}

function itemLocation(ctx: FeatureContext, item: SpecItem): Location {
  return { uri: ctx.uriOf(item.file), range: toLspRange(item.idRange ?? item.headRange) };
}

function requirementLenses(ctx: FeatureContext, item: SpecItem, now: Date, out: CodeLens[]): void {
  if (!item.id) return;
  const trace = ctx.index.trace(item.id);
  const impl = trace?.implementations ?? [];
  const tests = trace?.tests ?? [];
  if (underReview(item, ctx.index.config)) out.push(reviewLens(ctx, item, impl, tests));
  else out.push(lens(ctx, item.file, item.headRange, impl.length ? plural(impl.length, 'implementation', 'implementations') : 'no implementations', tagLocations(ctx, impl)));
  if (!underReview(item, ctx.index.config)) out.push(lens(ctx, item.file, item.headRange, tests.length ? plural(tests.length, 'test', 'tests') : 'no tests', tagLocations(ctx, tests)));
  const roadmapId = fieldText(item, 'roadmap');
  if (roadmapId) {
    const r = trace?.roadmapItem ?? ctx.index.item(roadmapId);
    const due = r && fieldText(r, 'due');
    const title = `${roadmapId}${due ? ` (due ${shortDate(due, now.getFullYear())})` : r ? '' : ' (unknown)'}`;
    out.push(lens(ctx, item.file, item.headRange, title, r ? [itemLocation(ctx, r)] : []));
  }
  if (item.references.some((ref) => ref.field === 'insights')) {
    const insights = citedInsights(ctx.index, item);
    out.push(lens(ctx, item.file, item.headRange, evidenceText(insights.length, distinctCustomers(insights).length), insights.map((i) => itemLocation(ctx, i))));
  }
}

/** How many requirements an insight lens names before `and N more`. */
const ADDRESSED_LIMIT = 4;

function insightLens(ctx: FeatureContext, item: SpecItem, out: CodeLens[]): void {
  if (!item.id) return;
  const addressing = addressingRequirements(ctx.index, item.id);
  const title = addressing.length ? `addressed by ${addressedText(addressing, ADDRESSED_LIMIT)}` : 'addressed by no requirement';
  out.push(lens(ctx, item.file, item.headRange, title, addressing.map((r) => itemLocation(ctx, r))));
}

/** A requirement under review: `rev 3 · 2 impl · 1 test · 1 suspect`; a click shows the suspect links (else the code and tests). */
function reviewLens(ctx: FeatureContext, item: SpecItem, impl: CodeTag[], tests: CodeTag[]): CodeLens {
  const suspect = suspectLinksOf(ctx.index, item);
  const parts = [`rev ${revOf(item)}`, `${impl.length} impl`, plural(tests.length, 'test')];
  if (suspect.length > 0) parts.push(`${suspect.length} suspect`);
  const locations = suspect.length > 0 ? suspect.map((l) => ({ uri: ctx.uriOf(l.file), range: toLspRange(l.fullRange) })) : tagLocations(ctx, [...impl, ...tests]);
  return lens(ctx, item.file, item.headRange, parts.join(' · '), locations);
}

function roadmapLenses(ctx: FeatureContext, item: SpecItem, progress: Map<string, { done: number; total: number; overdue: boolean; requirements: SpecItem[] }>, out: CodeLens[]): void {
  if (!item.id) return;
  const p = progress.get(item.id);
  const title = `${progressByStage(p?.requirements ?? [])}${p?.overdue ? ' · overdue' : ''}`;
  out.push(lens(ctx, item.file, item.headRange, title, (p?.requirements ?? []).map((r) => itemLocation(ctx, r))));
  const args: ShowReleaseArgs = { id: item.id, uri: ctx.uriOf(item.file) };
  const at = toLspRange({ start: item.headRange.start, end: item.headRange.start });
  out.push({ range: at, command: { title: 'Show release', command: Commands.showRelease, arguments: [args] } });
}

export async function codeLenses(req: FeatureRequest<CodeLensParams>, now: Date): Promise<CodeLens[]> {
  const { ctx, file, token } = req;
  if (!ctx.settings.codeLens.enabled) return [];
  const out: CodeLens[] = [];
  const spec = ctx.index.specFile(file);
  if (spec?.hasSpecLists) {
    const pacer = new Pacer(token);
    for (const item of spec.requirements) {
      if (pacer.due()) await pacer.yield();
      requirementLenses(ctx, item, now, out);
    }
    if (spec.roadmap.length) {
      const progress = new Map(ctx.index.roadmapProgress().map((p) => [p.item.id ?? '', p]));
      for (const item of spec.roadmap) roadmapLenses(ctx, item, progress, out);
    }
    for (const item of spec.insights) insightLens(ctx, item, out);
    return out;
  }
  const code = ctx.settings.codeLens.codeFiles ? ctx.index.codeFile(file) : undefined;
  if (!code) return out;
  for (const tag of code.tags) {
    const item = ctx.index.item(tag.id);
    const title = item ? `${tag.id}: ${titleOf(item)}` : `${tag.id}: unknown requirement`;
    out.push(lens(ctx, file, tag.wordRange, title, item ? [itemLocation(ctx, item)] : []));
  }
  return out;
}
