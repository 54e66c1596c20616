// The traceability matrix as GitHub-flavoured Markdown (for a PR comment, a wiki page, a job summary).
import { escapeMarkdownCell as cell } from './escape';
import { COVERAGE_TEXT } from '../../shared/traceRow';
import type { CoverageLabel, TraceLink, TraceRow } from '../../shared/traceRow';
import { progressText, totalsSentence } from './labels';
import type { TraceReport } from './reportModel';

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
  if (report.rows.length === 0) out.push('No requirements found.');
  else {
    out.push(
      ...table(
        ['ID', 'Title', 'Priority', 'Status', 'Roadmap', 'Implementations', 'Tests', 'Coverage'],
        report.rows.map((r) => [
          `**${cell(r.id)}**`,
          cell(r.title),
          cell(r.priority),
          cell(r.status),
          roadmapCell(r),
          links(r.implementations),
          links(r.tests),
          `${COVERAGE_MARK[r.coverage]} ${COVERAGE_TEXT[r.coverage]}`,
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
  return `${out.join('\n')}\n`;
}
