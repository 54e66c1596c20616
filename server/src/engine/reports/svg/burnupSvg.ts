// The burn-up chart as an SVG element tree: the scope as steps (a marker on each change, its tooltip
// naming the IDs that entered or left), the done line, axes with the first and last day and the
// scope's maximum. A tree, not markup: the release view builds DOM nodes from it (text-only, under
// its CSP) and the HTML report serializes it (escaped). Colours are classes the stylesheets map to
// VS Code's theme variables (BURNUP_CSS, with fallbacks for the report). Pure.
import type { BurnupSeries } from '../../releases/burnup';

export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  /** Elements, and strings for text content. */
  children: (SvgElement | string)[];
}

/** The chart's classes and their colours: VS Code's chart colours in the editor, these fallbacks elsewhere. */
export const BURNUP_CSS = `
.burnup { font: 11px var(--vscode-font-family, system-ui, sans-serif); }
.burnup-axis { stroke: var(--vscode-editorWidget-border, var(--vscode-foreground, #888)); stroke-width: 1; fill: none; opacity: 0.6; }
.burnup-grid { stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1; stroke-dasharray: 2 3; opacity: 0.4; fill: none; }
.burnup-label { fill: var(--vscode-descriptionForeground, var(--vscode-foreground, #666)); }
.burnup-scope { stroke: var(--vscode-charts-blue, #1a73e8); stroke-width: 2; fill: none; }
.burnup-done { stroke: var(--vscode-charts-green, #188038); stroke-width: 2; fill: none; }
.burnup-done-area { fill: var(--vscode-charts-green, #188038); opacity: 0.12; stroke: none; }
.burnup-step { fill: var(--vscode-charts-blue, #1a73e8); stroke: var(--vscode-editor-background, #fff); stroke-width: 1; }
.burnup-point { fill: var(--vscode-charts-green, #188038); opacity: 0; }
.burnup-point:hover, .burnup-step:hover { opacity: 1; stroke-width: 2; }
.burnup-legend-scope { fill: var(--vscode-charts-blue, #1a73e8); }
.burnup-legend-done { fill: var(--vscode-charts-green, #188038); }
`;

export interface BurnupSvgOptions {
  width?: number;
  height?: number;
}

const MARGIN = { left: 40, right: 16, top: 24, bottom: 28 };
const DAY_MS = 86_400_000;

function el(tag: string, attrs: Record<string, string | number>, children: (SvgElement | string)[] = []): SvgElement {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = typeof v === 'number' ? String(Math.round(v * 10) / 10) : v;
  return { tag, attrs: out, children };
}

function dayNumber(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? 0 : t / DAY_MS;
}

/** The tooltip of a point: its day, scope and done, and the IDs that moved. */
export function pointTitle(p: BurnupSeries['points'][number]): string {
  const moves = p.entered.length + p.left.length > 0 ? `\n${p.entered.length > 0 ? `entered: ${p.entered.join(', ')}` : ''}${p.entered.length > 0 && p.left.length > 0 ? '\n' : ''}${p.left.length > 0 ? `left: ${p.left.join(', ')}` : ''}` : '';
  const notes = p.notes.length > 0 ? `\n${p.notes.join('\n')}` : '';
  return `${p.date} (${p.commit.slice(0, 7)}): scope ${p.scope}, done ${p.done}${moves}${notes}`;
}

/** The chart of `series`; `title` names it for screen readers. */
export function burnupSvg(series: BurnupSeries, title: string, options: BurnupSvgOptions = {}): SvgElement {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const points = series.points;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const first = points.length > 0 ? dayNumber(points[0].date) : 0;
  const last = points.length > 0 ? dayNumber(points[points.length - 1].date) : 0;
  // One more day on the right, so the last day has a width and a single point is not at the edge.
  const span = Math.max(1, last - first + 1);
  const maxY = Math.max(1, ...points.map((p) => p.scope));
  const x = (date: string) => MARGIN.left + ((dayNumber(date) - first) / span) * plotW;
  const y = (n: number) => MARGIN.top + plotH - (n / maxY) * plotH;
  const right = MARGIN.left + plotW;

  const children: SvgElement[] = [el('title', {}, [title])];
  const desc = points.length > 0 ? `${points.length} days from ${points[0].date} to ${points[points.length - 1].date}; now scope ${points[points.length - 1].scope}, done ${points[points.length - 1].done}` : 'no points';
  children.push(el('desc', {}, [desc]));
  // Grid and axes.
  const ticks = maxY >= 2 ? [0, Math.round(maxY / 2), maxY] : [0, maxY];
  for (const t of ticks) {
    children.push(el('line', { class: t === 0 ? 'burnup-axis' : 'burnup-grid', x1: MARGIN.left, x2: right, y1: y(t), y2: y(t) }));
    children.push(el('text', { class: 'burnup-label', x: MARGIN.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, [String(t)]));
  }
  children.push(el('line', { class: 'burnup-axis', x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: MARGIN.top + plotH }));
  if (points.length > 0) {
    children.push(el('text', { class: 'burnup-label', x: MARGIN.left, y: height - 8, 'text-anchor': 'start' }, [points[0].date]));
    if (points.length > 1) children.push(el('text', { class: 'burnup-label', x: right, y: height - 8, 'text-anchor': 'end' }, [points[points.length - 1].date]));
  }
  // Legend.
  children.push(el('rect', { class: 'burnup-legend-scope', x: MARGIN.left, y: 6, width: 10, height: 10 }));
  children.push(el('text', { class: 'burnup-label', x: MARGIN.left + 14, y: 15 }, ['scope']));
  children.push(el('rect', { class: 'burnup-legend-done', x: MARGIN.left + 60, y: 6, width: 10, height: 10 }));
  children.push(el('text', { class: 'burnup-label', x: MARGIN.left + 74, y: 15 }, ['done']));
  if (points.length === 0) return svgRoot(width, height, title, children);

  // Both lines as steps: a value holds until the next day with a commit, and the last one to the right edge.
  const steps = (value: (p: (typeof points)[number]) => number): string => {
    let d = `M${x(points[0].date).toFixed(1)},${y(value(points[0])).toFixed(1)}`;
    for (let i = 1; i < points.length; i++) {
      const px = x(points[i].date).toFixed(1);
      d += ` H${px} V${y(value(points[i])).toFixed(1)}`;
    }
    return `${d} H${right.toFixed(1)}`;
  };
  const done = steps((p) => p.done);
  children.push(el('path', { class: 'burnup-done-area', d: `${done} V${y(0).toFixed(1)} H${x(points[0].date).toFixed(1)} Z` }));
  children.push(el('path', { class: 'burnup-scope', d: steps((p) => p.scope), 'data-series': 'scope' }));
  children.push(el('path', { class: 'burnup-done', d: done, 'data-series': 'done' }));
  // A marker on every scope change (the tooltip names the IDs), an invisible one on every other day.
  points.forEach((p, i) => {
    const moved = p.entered.length + p.left.length > 0;
    const attrs = { class: moved ? 'burnup-step' : 'burnup-point', cx: x(p.date), cy: y(moved ? p.scope : p.done), r: moved ? 4 : 3, 'data-index': String(i), 'data-date': p.date };
    children.push(el('circle', attrs, [el('title', {}, [pointTitle(p)])]));
  });
  return svgRoot(width, height, title, children);
}

function svgRoot(width: number, height: number, title: string, children: SvgElement[]): SvgElement {
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'burnup', role: 'img', 'aria-label': title, viewBox: `0 0 ${width} ${height}`, width, height }, children);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** The tree as markup (the HTML report); every text and attribute escaped. */
export function svgMarkup(node: SvgElement): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  const inner = node.children.map((c) => (typeof c === 'string' ? escapeText(c) : svgMarkup(c))).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}
