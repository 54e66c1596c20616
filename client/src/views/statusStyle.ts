// Icons and colours for requirement and roadmap statuses. Theme icons and theme colours only, so
// every colour theme (and high contrast) styles them.
import * as vscode from 'vscode';
import type { RequirementNode, RoadmapItemNode } from '../../../server/src/shared/protocol';
import { plural } from '../../../server/src/shared/plural';
import { STAGES, STAGE_TEXT, stageOf } from '../../../server/src/shared/statusStages';
import type { Stage } from '../../../server/src/shared/statusStages';
import { COVERAGE_TEXT } from '../../../server/src/shared/traceRow';

/**
 * One icon per stage, each a different shape as well as a different colour, so they tell apart in
 * high contrast and to a colour-blind eye: dashed ring (not started), ring (planned), play (in
 * progress), filled check (done), slashed circle (closed).
 */
const STAGE_STYLE: Record<Stage, [icon: string, color: string | undefined]> = {
  'not-started': ['issue-draft', 'descriptionForeground'],
  planned: ['circle-large-outline', 'charts.blue'],
  'in-progress': ['play-circle', 'charts.orange'],
  done: ['pass-filled', 'charts.green'],
  closed: ['circle-slash', 'disabledForeground'],
  other: ['question', undefined],
};

function stageIcon(stage: Stage): vscode.ThemeIcon {
  const [icon, color] = STAGE_STYLE[stage];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

export function requirementIcon(req: RequirementNode): vscode.ThemeIcon {
  // Errors on the requirement's lines come first: that is what needs attention.
  if (req.problems > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  return stageIcon(stageOf(req.status));
}

/** The icons' legend, one "$(icon) stage: statuses" line each, for tooltips. */
export function stageLegend(): string {
  return STAGES.map((stage) => `$(${STAGE_STYLE[stage][0]}) ${STAGE_TEXT[stage].name}: ${STAGE_TEXT[stage].statuses}`).join('  \n') + '  \n$(error) errors on the requirement';
}

export function roadmapIcon(item: RoadmapItemNode): vscode.ThemeIcon {
  if (item.overdue) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  switch (item.status) {
    case 'done':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'));
    case 'active':
      return new vscode.ThemeIcon('milestone', new vscode.ThemeColor('charts.blue'));
    case 'cancelled':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    default:
      return new vscode.ThemeIcon('milestone');
  }
}

/** The hover card of a requirement in the trees. Spec text goes in as text, never as markdown. */
export function requirementTooltip(req: RequirementNode): vscode.MarkdownString {
  // Theme icons on from the start, so appendText escapes "$(" in spec text.
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  md.appendMarkdown('**').appendText(req.id).appendMarkdown('** ').appendText(req.title || '(no title)').appendMarkdown('\n\n');
  const rows: [string, string | undefined][] = [
    ['Status', req.status === undefined ? undefined : `${req.status} (${STAGE_TEXT[stageOf(req.status)].name})`],
    ['Priority', req.priority],
    ['Type', req.type],
    ['Owner', req.owner],
    ['Roadmap', req.roadmap],
    ['Parent', req.parent],
    ['Coverage', coverageLine(req)],
  ];
  for (const [name, value] of rows) {
    if (value === undefined || value === '') continue;
    md.appendMarkdown(`${name}: `).appendText(value).appendMarkdown('  \n');
  }
  if (req.tags.length > 0) md.appendMarkdown('Tags: ').appendText(req.tags.join(', ')).appendMarkdown('  \n');
  if (req.problems > 0) md.appendMarkdown(`\n$(error) ${plural(req.problems, 'error')} on this requirement  \n`);
  md.appendMarkdown(`\n---\n\n${stageLegend()}`);
  return md;
}

/** "not required · 1 implementation · 1 test": the coverage word and the real links, whatever the policy. */
export function coverageLine(req: RequirementNode): string {
  return `${COVERAGE_TEXT[req.coverage]} · ${plural(req.implementations.length, 'implementation')} · ${plural(req.tests.length, 'test')}`;
}
