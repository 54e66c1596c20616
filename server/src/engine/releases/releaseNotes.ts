// Release notes for one roadmap item: its finished requirements (its own and those of the items below
// it) grouped by type, each with its title and `release_note:` sentence, and the unfinished ones
// listed apart as "not in this release". Rendered as Markdown, HTML or JSON; pure and deterministic
// (no clock: the notes of a release read the same whenever they are written).
import { REQUIREMENT_TYPES, compareInOrder } from '../../shared/schemaOrder';
import { plural } from '../../shared/plural';
import { citedInsights, distinctCustomers } from '../index/evidence';
import { escapeHtml, escapeMarkdownCell } from '../reports/escape';
import { fieldText } from '../reports/fields';
import { compareTraceRows } from '../reports/traceRows';
import type { IndexModel } from '../rules/ruleModel';
import { releaseScope } from './releaseScope';
import type { ScopeRequirement } from './releaseScope';
import type { SpecItem } from '../types';

export type ReleaseNotesFormat = 'md' | 'html' | 'json';
export const RELEASE_NOTES_FORMATS: readonly ReleaseNotesFormat[] = ['md', 'html', 'json'];

export interface ReleaseNote {
  id: string;
  title: string;
  type: string;
  status: string;
  /** The `release_note:` sentence, when written. */
  note: string | undefined;
  /** The roadmap item it is planned for (the release or an item below it). */
  roadmap: string;
  /** Distinct customers of the insights it cites; absent when it cites none with a customer. */
  customers?: number;
}

export interface ReleaseNotes {
  roadmap: { id: string; title: string; type: string | undefined; status: string | undefined; start: string | undefined; due: string | undefined; description: string | undefined };
  /** Finished requirements by type, in the schema's order (epics, features, stories, NFRs, constraints), then other types, then none. */
  groups: { type: string; heading: string; notes: ReleaseNote[] }[];
  /** Planned here but not finished (rejected and deprecated ones are left out). */
  notInRelease: ReleaseNote[];
  /** Distinct customers whose insights the finished requirements answer; absent when there are none. */
  customers?: number;
}

const HEADINGS: Record<string, string> = { epic: 'Epics', feature: 'Features', story: 'Stories', nfr: 'Quality', constraint: 'Constraints', '': 'Other changes' };

/** The notes of roadmap item `roadmapId`; undefined when no roadmap item has that ID. */
export function buildReleaseNotes(index: IndexModel, roadmapId: string): ReleaseNotes | undefined {
  // The date only decides what is overdue, which notes do not show.
  const scope = releaseScope(index, roadmapId, '0000-01-01');
  if (!scope) return undefined;
  const item = scope.item.item;
  const byType = new Map<string, ReleaseNote[]>();
  const notInRelease: ReleaseNote[] = [];
  const answered: SpecItem[] = [];
  // Spec order, not plan order: the requirements of one product stay together, as written.
  const ordered = [...scope.requirements].sort((a, b) => compareTraceRows(a.row, b.row));
  for (const r of ordered) {
    if (r.state === 'dropped') continue;
    const insights = citedInsights(index, r.item);
    const note = noteOf(r, distinctCustomers(insights).length);
    if (r.state === 'unfinished') {
      notInRelease.push(note);
      continue;
    }
    answered.push(...insights);
    const list = byType.get(note.type) ?? [];
    list.push(note);
    byType.set(note.type, list);
  }
  const compareTypes = compareInOrder(REQUIREMENT_TYPES);
  const types = [...byType.keys()].sort((a, b) => (a === '') !== (b === '') ? (a === '' ? 1 : -1) : compareTypes(a, b));
  const customers = distinctCustomers([...new Set(answered)]).length;
  const notes: ReleaseNotes = {
    roadmap: {
      id: scope.item.id,
      title: scope.item.title,
      type: fieldText(item, 'type'),
      status: scope.item.status,
      start: scope.item.start,
      due: scope.item.due,
      description: fieldText(item, 'description')?.trim() || undefined,
    },
    groups: types.map((type) => ({ type, heading: HEADINGS[type] ?? type, notes: byType.get(type) ?? [] })),
    notInRelease,
  };
  if (customers > 0) notes.customers = customers;
  return notes;
}

function noteOf(r: ScopeRequirement, customers: number): ReleaseNote {
  const note: ReleaseNote = { id: r.id, title: r.row.title, type: r.row.type, status: r.row.status, note: fieldText(r.item, 'release_note')?.trim() || undefined, roadmap: r.plannedFor };
  if (customers > 0) note.customers = customers;
  return note;
}

/** "asked for by 3 customers": who the change answers, from the insights it cites. */
function customersText(n: number): string {
  return `asked for by ${plural(n, 'customer')}`;
}

export function renderReleaseNotes(notes: ReleaseNotes, format: ReleaseNotesFormat): string {
  if (format === 'json') return `${JSON.stringify(notes, null, 2)}\n`;
  return format === 'html' ? renderHtml(notes) : renderMarkdown(notes);
}

/** "due 2026-06-30 · done": what the item's dates and status say, for the line under the heading. */
function facts(notes: ReleaseNotes): string[] {
  const r = notes.roadmap;
  const out: string[] = [];
  if (r.type) out.push(r.type);
  if (r.start && r.due) out.push(`${r.start} to ${r.due}`);
  else if (r.due) out.push(`due ${r.due}`);
  if (r.status) out.push(r.status);
  const finished = notes.groups.reduce((n, g) => n + g.notes.length, 0);
  out.push(`${finished} of ${finished + notes.notInRelease.length} finished`);
  if (notes.customers !== undefined) out.push(`answers ${plural(notes.customers, 'customer')}`);
  return out;
}

const md = escapeMarkdownCell;

function renderMarkdown(notes: ReleaseNotes): string {
  const r = notes.roadmap;
  const out = [`# Release notes: ${md(r.title)} (${md(r.id)})`, '', facts(notes).map(md).join(' · '), ''];
  if (r.description) out.push(...r.description.split(/\r?\n/).map((l) => l.trimEnd()), '');
  if (notes.groups.length === 0) out.push('Nothing is finished yet.', '');
  for (const group of notes.groups) {
    out.push(`## ${md(group.heading)}`, '');
    for (const n of group.notes) out.push(`- **${md(n.title)}** (${md(n.id)})${n.note ? `: ${md(n.note)}` : ''}${n.customers ? ` (${customersText(n.customers)})` : ''}`);
    out.push('');
  }
  if (notes.notInRelease.length > 0) {
    out.push('## Not in this release', '');
    for (const n of notes.notInRelease) out.push(`- ${md(n.title)} (${md(n.id)}, ${md(n.status || 'no status')})`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}' +
  'h1{font-size:1.6rem;margin-bottom:.2rem}.facts{color:#59636e;margin-top:0}li{margin:.3rem 0}.id{font-family:ui-monospace,monospace;color:#59636e}' +
  '.apart{color:#59636e}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}.facts,.id,.apart{color:#9198a1}}';

function renderHtml(notes: ReleaseNotes): string {
  const r = notes.roadmap;
  const esc = escapeHtml;
  const body: string[] = [`<h1>${esc(r.title)} <span class="id">${esc(r.id)}</span></h1>`, `<p class="facts">${facts(notes).map(esc).join(' · ')}</p>`];
  if (r.description) body.push(`<p>${esc(r.description)}</p>`);
  if (notes.groups.length === 0) body.push('<p>Nothing is finished yet.</p>');
  for (const group of notes.groups) {
    body.push(`<h2>${esc(group.heading)}</h2>`, '<ul>');
    for (const n of group.notes) body.push(`<li><strong>${esc(n.title)}</strong> <span class="id">${esc(n.id)}</span>${n.customers ? ` <span class="apart">(${esc(customersText(n.customers))})</span>` : ''}${n.note ? `<br>${esc(n.note)}` : ''}</li>`);
    body.push('</ul>');
  }
  if (notes.notInRelease.length > 0) {
    body.push('<h2>Not in this release</h2>', '<ul class="apart">');
    for (const n of notes.notInRelease) body.push(`<li>${esc(n.title)} <span class="id">${esc(n.id)}</span> (${esc(n.status || 'no status')})</li>`);
    body.push('</ul>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Release notes: ${esc(r.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
