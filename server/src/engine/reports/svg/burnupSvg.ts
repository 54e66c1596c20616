// The burn-up chart as an SVG element tree (shared/svgTree.ts): the scope as steps (a marker on each
// change, its tooltip naming the IDs that entered or left), the done line over a filled area, axes with
// the first and last day and the scope's maximum. A tree, not markup: the release view builds DOM nodes
// from it (text-only, under its CSP) and the HTML report serializes it (svgMarkup, escaped). Colours are
// classes the stylesheets map to VS Code's theme variables (BURNUP_CSS, with fallbacks for the report).
// Pure.
import type { BurnupSeries } from '../../releases/burnup';
import type { SvgNode, SvgTag } from '../../../shared/svgTree';

export { BURNUP_CSS } from '../../../shared/burnupCss';

export interface BurnupSvgOptions {
  width?: number;
  height?: number;
}

const MARGIN = { left: 40, right: 16, top: 24, bottom: 28 };
const DAY_MS = 86_400_000;

function el(tag: SvgTag, attrs: Record<string, string | number>, children: SvgNode[] = [], text?: string): SvgNode {
  return text === undefined ? { tag, attrs, children } : { tag, attrs, text, children };
}

function dayNumber(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? 0 : t / DAY_MS;
}

/** The tooltip of a point: its day, scope and done, the IDs that moved, the notes. */
export function pointTitle(p: BurnupSeries['points'][number]): string {
  const moves = [p.entered.length > 0 ? `entered: ${p.entered.join(', ')}` : '', p.left.length > 0 ? `left: ${p.left.join(', ')}` : '', ...p.notes].filter((l) => l !== '');
  return [`${p.date} (${p.commit.slice(0, 7)}): scope ${p.scope}, done ${p.done}`, ...moves].join('\n');
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The chart of `series`; `title` names it (the svg's label and first title, for screen readers and tooltips). */
export function burnupSvg(series: BurnupSeries, title: string, options: BurnupSvgOptions = {}): SvgNode {
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
  const x = (date: string) => round(MARGIN.left + ((dayNumber(date) - first) / span) * plotW);
  const y = (n: number) => round(MARGIN.top + plotH - (n / maxY) * plotH);
  const right = MARGIN.left + plotW;
  const bottom = y(0);

  const summary = points.length > 0 ? `${points.length} days from ${points[0].date} to ${points[points.length - 1].date}; now scope ${points[points.length - 1].scope}, done ${points[points.length - 1].done}` : 'no points';
  const children: SvgNode[] = [el('title', {}, [], `${title}: ${summary}`)];
  // Grid and axes.
  const ticks = maxY >= 2 ? [0, Math.round(maxY / 2), maxY] : [0, maxY];
  for (const t of ticks) {
    children.push(el('line', { class: t === 0 ? 'burnup-axis' : 'burnup-grid', x1: MARGIN.left, x2: right, y1: y(t), y2: y(t) }));
    children.push(el('text', { class: 'burnup-label', x: MARGIN.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, [], String(t)));
  }
  children.push(el('line', { class: 'burnup-axis', x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: bottom }));
  if (points.length > 0) {
    children.push(el('text', { class: 'burnup-label', x: MARGIN.left, y: height - 8, 'text-anchor': 'start' }, [], points[0].date));
    if (points.length > 1) children.push(el('text', { class: 'burnup-label', x: right, y: height - 8, 'text-anchor': 'end' }, [], points[points.length - 1].date));
  }
  // Legend.
  children.push(el('rect', { class: 'burnup-legend-scope', x: MARGIN.left, y: 6, width: 10, height: 10 }));
  children.push(el('text', { class: 'burnup-label', x: MARGIN.left + 14, y: 15 }, [], 'scope'));
  children.push(el('rect', { class: 'burnup-legend-done', x: MARGIN.left + 60, y: 6, width: 10, height: 10 }));
  children.push(el('text', { class: 'burnup-label', x: MARGIN.left + 74, y: 15 }, [], 'done'));
  if (points.length === 0) return svgRoot(width, height, title, children);

  // Both lines as steps: a value holds until the next day with a commit, and the last one to the right edge.
  const corners = (value: (p: (typeof points)[number]) => number): [number, number][] => {
    const out: [number, number][] = [[x(points[0].date), y(value(points[0]))]];
    for (let i = 1; i < points.length; i++) {
      const px = x(points[i].date);
      out.push([px, y(value(points[i - 1]))], [px, y(value(points[i]))]);
    }
    out.push([right, y(value(points[points.length - 1]))]);
    return out;
  };
  const segments = (cs: [number, number][]): SvgNode[] => {
    const out: SvgNode[] = [];
    for (let i = 1; i < cs.length; i++) if (cs[i][0] !== cs[i - 1][0] || cs[i][1] !== cs[i - 1][1]) out.push(el('line', { x1: cs[i - 1][0], y1: cs[i - 1][1], x2: cs[i][0], y2: cs[i][1] }));
    return out;
  };
  const done = corners((p) => p.done);
  const area = [...done, [right, bottom], [done[0][0], bottom]].map(([px, py]) => `${px},${py}`).join(' ');
  children.push(el('polygon', { class: 'burnup-done-area', points: area }));
  children.push(el('g', { class: 'burnup-scope', 'data-series': 'scope' }, segments(corners((p) => p.scope))));
  children.push(el('g', { class: 'burnup-done', 'data-series': 'done' }, segments(done)));
  // A round marker on every scope change (the tooltip names the IDs), an invisible one on every other day.
  points.forEach((p, i) => {
    const moved = p.entered.length + p.left.length > 0;
    const r = moved ? 4 : 3;
    const cx = x(p.date);
    const cy = y(moved ? p.scope : p.done);
    const attrs = { class: moved ? 'burnup-step' : 'burnup-point', x: round(cx - r), y: round(cy - r), width: 2 * r, height: 2 * r, rx: r, 'data-index': String(i), 'data-date': p.date };
    children.push(el('rect', attrs, [el('title', {}, [], pointTitle(p))]));
  });
  return svgRoot(width, height, title, children);
}

function svgRoot(width: number, height: number, title: string, children: SvgNode[]): SvgNode {
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'burnup', role: 'img', 'aria-label': title, viewBox: `0 0 ${width} ${height}`, width, height }, children);
}
