// The traceability matrix as ONE self-contained HTML page: inline CSS, no scripts, no external
// resources, readable on screen and on paper. Every piece of spec text goes through escapeHtml, and a
// Content-Security-Policy forbids scripts and remote loads as a second line of defence.
import { escapeHtml as esc } from './escape';
import { REPORT_CSS } from './htmlStyle';
import { svgMarkup } from './svg/svgMarkup';
import { TIMELINE_CSS } from './svg/timelineSvg';
import { COVERAGE_TEXT } from '../../shared/traceRow';
import type { CoverageLabel, TraceLink, TraceRow } from '../../shared/traceRow';
import { percent } from './labels';
import type { InsightRow, RoadmapRow, TraceReport, UnplannedRow } from './reportModel';
import { hasValue } from './buildValue';
import { NO_UNADDRESSED, NO_UNPLANNED, UNADDRESSED_HEADING, UNPLANNED_HEADING, addressedByText, importanceText, insightsCellText, scoringSentence } from './valueText';
import type { ReportBurnup } from './reportBurnups';
import { BURNUP_CSS } from './svg/burnupSvg';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

// Pill colours by value. Only these fixed class names ever reach a class attribute; spec values are
// looked up, never interpolated.
const STATUS_TONE: Record<string, string> = {
  draft: 'quiet',
  proposed: 'quiet',
  approved: 'info',
  'in-progress': 'warn',
  implemented: 'good',
  verified: 'good',
  released: 'good',
  rejected: 'bad',
  deprecated: 'quiet',
  planned: 'quiet',
  active: 'info',
  done: 'good',
  cancelled: 'quiet',
};
const PRIORITY_TONE: Record<string, string> = { must: 'bad', should: 'warn', could: 'info', wont: 'quiet' };
const COVERAGE_TONE: Record<CoverageLabel, string> = { covered: 'good', partial: 'warn', uncovered: 'bad', exempt: 'quiet', 'not-required': 'quiet' };

function tone(map: Record<string, string>, value: string): string {
  return Object.prototype.hasOwnProperty.call(map, value) ? (map[value] ?? '') : '';
}

function pill(text: string, toneClass: string): string {
  if (text === '') return '<span class="none">—</span>';
  return `<span class="pill ${toneClass}">${esc(text)}</span>`;
}

function linkList(list: readonly TraceLink[]): string {
  if (list.length === 0) return '<td class="links none">—</td>';
  return `<td class="links mono"><ul>${list.map((l) => `<li>${esc(l.file)}:${l.line}</li>`).join('')}</ul></td>`;
}

function bar(done: number, total: number, late: boolean): string {
  // A number the code computed, clamped: safe to put in a style attribute.
  const width = Math.max(0, Math.min(100, percent(done, total)));
  return `<div class="bar${late ? ' late' : ''}"><span style="width:${width}%"></span></div>`;
}

/** The timeline as inline SVG (no script needed), with the items it cannot draw named under it. */
function timelineSection(report: TraceReport): string {
  const chart = report.timeline;
  if (!chart) return '';
  const undated = chart.undated.length === 0 ? '' : `<p class="none">Without a due date: ${chart.undated.map((i) => `<span class="mono">${esc(i.id)}</span> ${esc(i.title)}`).join(', ')}</p>\n`;
  return `<div class="timeline">${svgMarkup(chart.svg)}</div>\n${undated}`;
}

/** Which optional columns the requirements table has: a score with a scoring model, insights when the workspace has some. */
interface Columns {
  scored: boolean;
  cited: boolean;
}

function requirementRow(r: TraceRow, columns: Columns): string {
  const roadmap =
    r.roadmap === undefined
      ? '<td class="none">—</td>'
      : `<td><span class="mono">${esc(r.roadmap)}</span>${r.roadmapTitle !== undefined ? `<span class="sub">${esc(r.roadmapTitle)}</span>` : ''}</td>`;
  const coverageTitle = r.exemptReason !== undefined ? ` title="${esc(r.exemptReason)}"` : '';
  return [
    '<tr>',
    `<td class="id mono">${esc(r.id)}</td>`,
    `<td class="title"><span class="text">${esc(r.title)}</span><span class="where mono">${esc(r.file)}:${r.line}</span></td>`,
    `<td>${pill(r.priority, tone(PRIORITY_TONE, r.priority))}</td>`,
    `<td>${pill(r.status, tone(STATUS_TONE, r.status))}</td>`,
    roadmap,
    linkList(r.implementations),
    linkList(r.tests),
    `<td${coverageTitle}>${pill(COVERAGE_TEXT[r.coverage], COVERAGE_TONE[r.coverage])}</td>`,
    columns.scored ? (r.score ? `<td class="score mono" title="${esc(r.score.formula)}">${esc(r.score.label)}</td>` : '<td class="none">—</td>') : '',
    columns.cited ? (r.insights?.length ? `<td class="mono">${esc(insightsCellText(r))}</td>` : '<td class="none">—</td>') : '',
    '</tr>',
  ].join('');
}

function roadmapRow(r: RoadmapRow): string {
  const due = r.due === undefined ? '<span class="none">—</span>' : esc(r.due);
  return [
    '<tr>',
    `<td class="id mono">${esc(r.id)}</td>`,
    `<td class="title">${esc(r.title)}</td>`,
    `<td>${esc(r.type)}</td>`,
    `<td>${pill(r.status, tone(STATUS_TONE, r.status))}</td>`,
    `<td>${esc(r.start ?? '—')}</td>`,
    `<td>${due}${r.overdue ? ' <span class="pill bad">overdue</span>' : ''}</td>`,
    `<td class="progress">${r.done}/${r.total} done${bar(r.done, r.total, r.overdue)}</td>`,
    '</tr>',
  ].join('');
}

function card(label: string, value: string, detail: string, toneClass = '', barHtml = ''): string {
  return `<div class="card ${toneClass}"><div class="label">${esc(label)}</div><div class="value">${value}${detail ? ` <small>${detail}</small>` : ''}</div>${barHtml}</div>`;
}

function unplannedRow(r: UnplannedRow): string {
  return `<tr><td class="id mono">${esc(r.id)}</td><td class="title"><span class="text">${esc(r.title)}</span><span class="where mono">${esc(r.file)}:${r.line}</span></td><td>${pill(r.status, tone(STATUS_TONE, r.status))}</td><td class="score mono">${esc(r.label)}</td><td class="mono">${esc(r.formula)}</td><td>${r.insights}</td></tr>`;
}

function insightRow(i: InsightRow, withAddressed: boolean): string {
  const cellOr = (text: string | undefined) => (text ? `<td>${esc(text)}</td>` : '<td class="none">—</td>');
  return `<tr><td class="id mono">${esc(i.id)}</td><td class="title"><span class="text">${esc(i.title)}</span><span class="where mono">${esc(i.file)}:${i.line}</span></td>${cellOr(i.customer)}${cellOr(i.segment)}${cellOr(importanceText(i.importance))}${withAddressed ? cellOr(addressedByText(i)) : ''}</tr>`;
}

function valueSection(report: TraceReport): string {
  const v = report.value;
  const unplanned =
    v.unplanned.length === 0
      ? `<p class="none">${v.model ? esc(NO_UNPLANNED) : '—'}</p>`
      : `<table class="value"><thead><tr><th>ID</th><th>Title</th><th>Status</th><th>Score</th><th>Formula</th><th>Insights</th></tr></thead><tbody>
${v.unplanned.map(unplannedRow).join('\n')}
</tbody></table>`;
  const unaddressed =
    v.unaddressed.length === 0
      ? `<p class="none">${esc(NO_UNADDRESSED)}</p>`
      : `<table class="value"><thead><tr><th>Insight</th><th>Title</th><th>Customer</th><th>Segment</th><th>Importance</th></tr></thead><tbody>
${v.unaddressed.map((i) => insightRow(i, false)).join('\n')}
</tbody></table>`;
  const all =
    v.insights.length === 0
      ? ''
      : `<h3>Insights</h3>
<table class="value"><thead><tr><th>Insight</th><th>Title</th><th>Customer</th><th>Segment</th><th>Importance</th><th>Addressed by</th></tr></thead><tbody>
${v.insights.map((i) => insightRow(i, true)).join('\n')}
</tbody></table>`;
  return `<h2 id="value">Value</h2>
<p>${esc(scoringSentence(v))}</p>
<h3>${esc(UNPLANNED_HEADING)}</h3>
${unplanned}
<h3>${esc(UNADDRESSED_HEADING)}</h3>
${unaddressed}
${all}`;
}

/** The releases' burn-ups: each chart inline (no script needed to read it), or why there is none. */
function burnupSection(burnups: readonly ReportBurnup[] | undefined): string {
  if (!burnups || burnups.length === 0) return '';
  const figures = burnups.map((b) =>
    b.chart
      ? `<figure class="burnup-figure">${svgMarkup(b.chart)}<figcaption>${esc(b.title)}</figcaption></figure>`
      : `<p class="none">${esc(b.title)}: no chart, ${esc(b.reason ?? 'no history')}.</p>`,
  );
  return `<h2>Burn-up</h2>\n${figures.join('\n')}\n`;
}

export function renderHtml(report: TraceReport): string {
  const t = report.totals;
  const name = report.name;
  const products = report.products.length > 1 ? `<div class="products">Products: ${report.products.map((p) => `<span>${esc(p)}</span>`).join(' · ')}</div>` : '';
  const failing = t.underPolicy - t.satisfied;
  const cards = [
    card('Requirements', String(t.requirements), ''),
    card('Coverage policy', `${t.satisfied}/${t.underPolicy}`, `${percent(t.satisfied, t.underPolicy)}% satisfied`, failing > 0 ? 'bad' : 'ok', bar(t.satisfied, t.underPolicy, false)),
    card('Implemented', String(t.implemented), `${percent(t.implemented, t.requirements)}% have code`, '', bar(t.implemented, t.requirements, false)),
    card('Tested', String(t.tested), `${percent(t.tested, t.requirements)}% have tests`, '', bar(t.tested, t.requirements, false)),
    card('Roadmap items', String(t.roadmapItems), t.overdue > 0 ? `${t.overdue} overdue` : 'none overdue', t.overdue > 0 ? 'bad' : ''),
  ].join('\n');

  const columns: Columns = { scored: report.value.model !== undefined, cited: report.value.insights.length > 0 || report.rows.some((r) => r.insights?.length) };
  const requirements =
    report.rows.length === 0
      ? '<p class="none">No requirements found.</p>'
      : `<table class="matrix">
<thead><tr><th>ID</th><th>Title</th><th>Priority</th><th>Status</th><th>Roadmap</th><th>Implementations</th><th>Tests</th><th>Coverage</th>${columns.scored ? '<th>Score</th>' : ''}${columns.cited ? '<th>Insights</th>' : ''}</tr></thead>
<tbody>
${report.rows.map((r) => requirementRow(r, columns)).join('\n')}
</tbody>
</table>`;
  const roadmap =
    report.roadmap.length === 0
      ? '<p class="none">No roadmap items found.</p>'
      : `<table class="roadmap">
<thead><tr><th>Item</th><th>Title</th><th>Type</th><th>Status</th><th>Start</th><th>Due</th><th>Progress</th></tr></thead>
<tbody>
${report.roadmap.map(roadmapRow).join('\n')}
</tbody>
</table>`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(report.tool.name)} ${esc(report.tool.version)}">
<title>Traceability report: ${esc(name)}</title>
<style>${REPORT_CSS}
.timeline { overflow-x: auto; margin-bottom: 16px; }
${TIMELINE_CSS}${report.burnups && report.burnups.length > 0 ? BURNUP_CSS : ''}</style>
</head>
<body>
<main>
<header class="top">
<div><h1>Traceability report: <span class="product">${esc(name)}</span></h1>${products}</div>
<div class="meta">Generated ${esc(report.generated)} from <code>${esc(report.folder)}</code><br>${esc(report.tool.name)} ${esc(report.tool.version)}</div>
</header>
<section class="cards">
${cards}
</section>
<h2>Roadmap</h2>
${timelineSection(report)}${roadmap}
${burnupSection(report.burnups)}<h2>Requirements</h2>
${requirements}
${hasValue(report.value) ? valueSection(report) : ''}
<footer>Coverage: <b>covered</b> meets the coverage policy in spectrace.yaml; <b>uncovered</b> does not; <b>exempt</b> has a written <code>coverage_exempt</code> reason; <b>not required</b> is outside the policy. Implementations are <code>@implements</code> tags, tests are <code>@verifies</code> tags.</footer>
</main>
</body>
</html>
`;
}
