// The traceability matrix as GitHub-flavoured Markdown (for a PR comment, a wiki page, a job summary).
import { escapeMarkdownCell as cell } from './escape';
import { COVERAGE_TEXT } from '../../shared/traceRow';
import type { CoverageLabel, TraceLink, TraceRow } from '../../shared/traceRow';
import { progressText, totalsSentence } from './labels';
import type { TraceReport } from './reportModel';
import { hasValue } from './buildValue';
import { NO_UNADDRESSED, NO_UNPLANNED, UNADDRESSED_HEADING, UNPLANNED_HEADING, addressedByText, importanceText, insightsCellText, scoringSentence } from './valueText';

const COVERAGE_MARK: Record<CoverageLabel, string> = { covered: '✅', partial: '🟡', uncovered: '❌', exempt: '➖', 'not-required': '·' };

function links(list: readonly TraceLink[]): string {
  return list.length === 0 ? '—' : list.map((l) => cell(`${l.file}:${l.line}`)).join('<br>');
}

function roadmapCell(r: TraceRow): string {
  if (r.roadmap === undefined) return '—';
  return r.roadmapTitle !== undefined ? `${cell(r.roadmap)} (${cell(r.roadmapTitle)})` : cell(r.roadmap);
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function renderMarkdown(report: TraceReport): string {
  const products = report.products.length > 1 ? ` Products: ${report.products.map(cell).join(', ')}.` : '';
  const out: string[] = [
    `# Traceability report: ${cell(report.name)}`,
    '',
    `Generated ${report.generated} by ${cell(report.tool.name)} ${cell(report.tool.version)} from \`${report.folder.replace(/`/g, "'")}\`.${products}`,
    '',
    `**${totalsSentence(report.totals)}.**`,
    '',
    '## Requirements',
    '',
  ];
  // Score and insight columns appear when the workspace uses them (a scoring model, insights).
  const scored = report.value.model !== undefined;
  const cited = report.value.insights.length > 0 || report.rows.some((r) => r.insights?.length);
  if (report.rows.length === 0) out.push('No requirements found.');
  else {
    out.push(
      ...table(
        ['ID', 'Title', 'Priority', 'Status', 'Roadmap', 'Implementations', 'Tests', 'Coverage', ...(scored ? ['Score'] : []), ...(cited ? ['Insights'] : [])],
        report.rows.map((r) => [
          `**${cell(r.id)}**`,
          cell(r.title),
          cell(r.priority),
          cell(r.status),
          roadmapCell(r),
          links(r.implementations),
          links(r.tests),
          `${COVERAGE_MARK[r.coverage]} ${COVERAGE_TEXT[r.coverage]}`,
          ...(scored ? [r.score ? cell(r.score.label) : '—'] : []),
          ...(cited ? [cell(insightsCellText(r)) || '—'] : []),
        ]),
      ),
    );
  }
  out.push('', '## Roadmap', '');
  if (report.roadmap.length === 0) out.push('No roadmap items found.');
  else {
    out.push(
      ...table(
        ['Item', 'Title', 'Type', 'Status', 'Due', 'Progress', 'Requirements'],
        report.roadmap.map((r) => [
          `**${cell(r.id)}**`,
          cell(r.title),
          cell(r.type),
          cell(r.status),
          r.due === undefined ? '—' : `${cell(r.due)}${r.overdue ? ' ⚠️ **overdue**' : ''}`,
          progressText(r),
          r.requirements.length === 0 ? '—' : r.requirements.map(cell).join(', '),
        ]),
      ),
    );
  }
  if (hasValue(report.value)) out.push('', ...valueSection(report));
  return `${out.join('\n')}\n`;
}

function valueSection(report: TraceReport): string[] {
  const v = report.value;
  const out = ['## Value', '', cell(scoringSentence(v)), '', `### ${UNPLANNED_HEADING}`, ''];
  if (v.unplanned.length === 0) out.push(v.model ? NO_UNPLANNED : '—');
  else {
    out.push(
      ...table(
        ['ID', 'Title', 'Status', 'Score', 'Formula', 'Insights'],
        v.unplanned.map((r) => [`**${cell(r.id)}**`, cell(r.title), cell(r.status), cell(r.label), cell(r.formula), String(r.insights)]),
      ),
    );
  }
  out.push('', `### ${UNADDRESSED_HEADING}`, '');
  if (v.unaddressed.length === 0) out.push(NO_UNADDRESSED);
  else {
    out.push(
      ...table(
        ['Insight', 'Title', 'Customer', 'Segment', 'Importance'],
        v.unaddressed.map((i) => [`**${cell(i.id)}**`, cell(i.title), cell(i.customer ?? '—'), cell(i.segment ?? '—'), cell(importanceText(i.importance))]),
      ),
    );
  }
  if (v.insights.length > 0) {
    out.push(
      '',
      '### Insights',
      '',
      ...table(
        ['Insight', 'Title', 'Customer', 'Importance', 'Addressed by'],
        v.insights.map((i) => [`**${cell(i.id)}**`, cell(i.title), cell(i.customer ?? '—'), cell(importanceText(i.importance)) || '—', cell(addressedByText(i)) || '—']),
      ),
    );
  }
  return out;
}
