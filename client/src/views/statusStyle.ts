// Icons and colours for requirement and roadmap statuses. Theme icons and theme colours only, so
// every colour theme (and high contrast) styles them.
import * as vscode from 'vscode';
import type { RequirementNode, RoadmapItemNode } from '../../../server/src/shared/protocol';

const REQUIREMENT_STYLE: Record<string, [icon: string, color: string | undefined]> = {
  draft: ['circle-large-outline', 'disabledForeground'],
  proposed: ['circle-large-outline', 'charts.blue'],
  approved: ['circle-large-filled', 'charts.blue'],
  'in-progress': ['play-circle', 'charts.yellow'],
  implemented: ['pass', 'charts.green'],
  verified: ['verified', 'charts.green'],
  released: ['rocket', 'charts.green'],
  rejected: ['circle-slash', 'charts.red'],
  deprecated: ['archive', 'disabledForeground'],
};

export function requirementIcon(req: RequirementNode): vscode.ThemeIcon {
  // Errors on the requirement's lines come first: that is what needs attention.
  if (req.problems > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  const [icon, color] = REQUIREMENT_STYLE[req.status ?? ''] ?? ['circle-large-outline', undefined];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
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
    ['Status', req.status],
    ['Priority', req.priority],
    ['Type', req.type],
    ['Owner', req.owner],
    ['Roadmap', req.roadmap],
    ['Parent', req.parent],
    ['Coverage', `${req.coverage} · ${req.implementations.length} implementation(s) · ${req.tests.length} test(s)`],
  ];
  for (const [name, value] of rows) {
    if (value === undefined || value === '') continue;
    md.appendMarkdown(`${name}: `).appendText(value).appendMarkdown('  \n');
  }
  if (req.tags.length > 0) md.appendMarkdown('Tags: ').appendText(req.tags.join(', ')).appendMarkdown('  \n');
  if (req.problems > 0) md.appendMarkdown(`\n$(error) ${req.problems} error(s) on this requirement`);
  return md;
}
