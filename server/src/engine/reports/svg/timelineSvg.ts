// The roadmap timeline as an SVG tree: one row per roadmap item, nested by `parent`, a bar from the
// day it starts to the end of its due day filled to its progress (done ÷ scope), a diamond for an item
// with no start anywhere above it, a dashed line for today, overdue items marked. Items without a due
// date are not drawn: they are returned apart for the caller to list. Colours are CSS classes whose
// rules (TIMELINE_CSS) read VS Code's theme variables, with fallbacks for the HTML report.
// Pure: the same items, day and zoom give the same tree.
import type { SvgNode } from '../../../shared/svgTree';
import type { TimelineItem } from '../../releases/timelineItems';

export type TimelineZoom = 'quarter' | 'month' | 'week';
export const TIMELINE_ZOOMS: readonly TimelineZoom[] = ['quarter', 'month', 'week'];

/** Pixels per day at each zoom. */
export const PIXELS_PER_DAY: Readonly<Record<TimelineZoom, number>> = { quarter: 1.5, month: 4, week: 12 };

export const LABEL_WIDTH = 300;
export const HEADER_HEIGHT = 40;
export const ROW_HEIGHT = 28;
const BAR_HEIGHT = 16;
const RIGHT_PAD = 90;
/** The most tick marks drawn; a roadmap spanning centuries gets one every few units. */
const MAX_TICKS = 400;
const LABEL_CHARS = 40;
const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface TimelineChart {
  svg: SvgNode;
  /** Items without a due date, in roadmap order. */
  undated: TimelineItem[];
  /** The first day of the axis (x = LABEL_WIDTH) and the pixels per day: x(date) = LABEL_WIDTH + days × pixelsPerDay. */
  axisStart: string;
  pixelsPerDay: number;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the zoom's unit holding `day` (quarter, month, or the Monday of the week). */
function unitStart(day: number, zoom: TimelineZoom): number {
  const d = new Date(day * DAY_MS);
  if (zoom === 'week') return day - ((d.getUTCDay() + 6) % 7);
  const month = zoom === 'quarter' ? d.getUTCMonth() - (d.getUTCMonth() % 3) : d.getUTCMonth();
  return Date.UTC(d.getUTCFullYear(), month, 1) / DAY_MS;
}

function nextUnit(day: number, zoom: TimelineZoom, units = 1): number {
  if (zoom === 'week') return day + 7 * units;
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (zoom === 'quarter' ? 3 : 1) * units, 1) / DAY_MS;
}

function tickLabel(day: number, zoom: TimelineZoom): string {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear();
  if (zoom === 'quarter') return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${year}`;
  if (zoom === 'month') return `${MONTHS[d.getUTCMonth()] ?? ''} ${year}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${year}`;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function timelineChart(items: readonly TimelineItem[], options: { today: string; zoom: TimelineZoom }): TimelineChart {
  const { zoom } = options;
  const ppd = PIXELS_PER_DAY[zoom];
  const drawn = items.filter((i) => i.due !== undefined);
  const undated = items.filter((i) => i.due === undefined);
  const today = dayNumber(options.today);
  const days: number[] = Number.isFinite(today) ? [today] : [];
  for (const i of drawn) {
    days.push(dayNumber(i.due as string));
    if (i.drawnStart !== undefined) days.push(dayNumber(i.drawnStart));
  }
  const valid = days.filter(Number.isFinite);
  const first = unitStart(valid.length > 0 ? Math.min(...valid) : 0, zoom);
  const last = nextUnit(unitStart(valid.length > 0 ? Math.max(...valid) : 0, zoom), zoom);
  const x = (day: number) => LABEL_WIDTH + (day - first) * ppd;
  const width = Math.ceil(x(last) + RIGHT_PAD);
  const height = HEADER_HEIGHT + Math.max(1, drawn.length) * ROW_HEIGHT + 8;

  const grid: SvgNode[] = [];
  let units = 0;
  for (let d = first; d < last; d = nextUnit(d, zoom)) units++;
  const step = Math.max(1, Math.ceil(units / MAX_TICKS));
  for (let d = first; d < last; d = nextUnit(d, zoom, step)) {
    grid.push({ tag: 'line', attrs: { class: 'tl-grid', x1: x(d), x2: x(d), y1: HEADER_HEIGHT - 8, y2: height } });
    grid.push({ tag: 'text', attrs: { class: 'tl-tick', x: x(d) + 4, y: HEADER_HEIGHT - 14 }, text: tickLabel(d, zoom) });
  }

  const rows: SvgNode[] = [];
  drawn.forEach((item, row) => {
    const top = HEADER_HEIGHT + row * ROW_HEIGHT;
    const due = dayNumber(item.due as string);
    const start = item.drawnStart !== undefined ? dayNumber(item.drawnStart) : undefined;
    const label = `${item.id} ${item.title}`;
    const progress = item.total > 0 ? `${item.done}/${item.total} done` : 'no requirements';
    const tooltip = [label, start !== undefined && start <= due ? `${isoOf(start)} to ${item.due ?? ''}` : `due ${item.due ?? ''}`, progress, ...(item.status ? [item.status] : []), ...(item.overdue ? ['overdue'] : [])].join(' · ');
    const children: SvgNode[] = [
      { tag: 'title', attrs: {}, text: tooltip },
      { tag: 'rect', attrs: { class: 'tl-hit', x: 0, y: top, width, height: ROW_HEIGHT } },
      { tag: 'text', attrs: { class: 'tl-label', x: 10 + item.depth * 14, y: top + 18 }, text: truncate(label, LABEL_CHARS - item.depth * 2) },
    ];
    let end: number;
    if (start !== undefined && start <= due) {
      const barX = x(start);
      const barWidth = (due - start + 1) * ppd;
      const share = item.total > 0 ? item.done / item.total : 0;
      children.push(
        { tag: 'rect', attrs: { class: 'tl-bar', x: barX, y: top + 6, width: barWidth, height: BAR_HEIGHT, rx: 3, 'data-kind': 'bar' } },
        { tag: 'rect', attrs: { class: 'tl-fill', x: barX, y: top + 6, width: barWidth * share, height: BAR_HEIGHT, rx: 3 } },
      );
      end = barX + barWidth;
    } else {
      const cx = x(due) + ppd / 2;
      const cy = top + 6 + BAR_HEIGHT / 2;
      const r = 8;
      children.push({ tag: 'polygon', attrs: { class: 'tl-milestone', points: `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`, 'data-kind': 'milestone' } });
      end = cx + r;
    }
    children.push({ tag: 'text', attrs: { class: 'tl-note', x: end + 6, y: top + 18 }, text: item.overdue ? `${progress} · overdue` : progress });
    const classes = ['tl-item', ...(item.overdue ? ['tl-overdue'] : []), ...(item.closed ? ['tl-closed'] : [])].join(' ');
    rows.push({
      tag: 'g',
      attrs: { class: classes, 'data-id': item.id, 'data-start': start !== undefined ? isoOf(start) : '', 'data-due': item.due ?? '', role: 'button', tabindex: 0, 'aria-label': tooltip },
      children,
    });
  });

  const overlay: SvgNode[] = [];
  if (Number.isFinite(today)) {
    overlay.push(
      { tag: 'line', attrs: { class: 'tl-today', x1: x(today), x2: x(today), y1: HEADER_HEIGHT - 8, y2: height, 'data-date': isoOf(today) } },
      { tag: 'text', attrs: { class: 'tl-today-label', x: x(today) + 4, y: HEADER_HEIGHT - 1 }, text: 'today' },
    );
  }
  if (drawn.length === 0) overlay.push({ tag: 'text', attrs: { class: 'tl-note', x: 10, y: HEADER_HEIGHT + 18 }, text: 'No roadmap item has a due date.' });

  const svg: SvgNode = {
    tag: 'svg',
    attrs: { xmlns: 'http://www.w3.org/2000/svg', class: 'spectrace-timeline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Roadmap timeline', 'data-axis-start': isoOf(first), 'data-pixels-per-day': ppd, 'data-label-width': LABEL_WIDTH },
    children: [{ tag: 'g', attrs: { class: 'axis' }, children: grid }, { tag: 'g', attrs: { class: 'rows' }, children: rows }, { tag: 'g', attrs: { class: 'overlay' }, children: overlay }],
  };
  return { svg, undated, axisStart: isoOf(first), pixelsPerDay: ppd };
}

/**
 * The timeline's colours: VS Code's theme variables where the chart is in a webview (light, dark and
 * high contrast follow the theme), the fallbacks in the HTML report.
 */
export const TIMELINE_CSS = [
  '.spectrace-timeline{font:12px var(--vscode-font-family,system-ui,sans-serif)}',
  '.spectrace-timeline .tl-hit{fill:transparent}',
  '.spectrace-timeline .tl-item:hover .tl-hit,.spectrace-timeline .tl-item:focus .tl-hit{fill:var(--vscode-list-hoverBackground,rgba(128,128,128,.12))}',
  '.spectrace-timeline .tl-item{cursor:pointer;outline:none}',
  '.spectrace-timeline .tl-grid{stroke:var(--vscode-editorWidget-border,#d0d7de);stroke-width:1}',
  '.spectrace-timeline .tl-tick,.spectrace-timeline .tl-note{fill:var(--vscode-descriptionForeground,#59636e)}',
  '.spectrace-timeline .tl-label{fill:var(--vscode-foreground,#1f2328)}',
  '.spectrace-timeline .tl-bar{fill:var(--vscode-charts-blue,#3794ff);fill-opacity:.3;stroke:var(--vscode-charts-blue,#3794ff)}',
  '.spectrace-timeline .tl-fill{fill:var(--vscode-charts-blue,#3794ff)}',
  '.spectrace-timeline .tl-closed .tl-bar{fill:var(--vscode-charts-green,#388a34);stroke:var(--vscode-charts-green,#388a34)}',
  '.spectrace-timeline .tl-closed .tl-fill{fill:var(--vscode-charts-green,#388a34)}',
  '.spectrace-timeline .tl-overdue .tl-bar{fill:var(--vscode-charts-red,#e5534b);stroke:var(--vscode-charts-red,#e5534b);stroke-width:2}',
  '.spectrace-timeline .tl-overdue .tl-fill{fill:var(--vscode-charts-red,#e5534b)}',
  '.spectrace-timeline .tl-overdue .tl-note{fill:var(--vscode-charts-red,#e5534b);font-weight:600}',
  '.spectrace-timeline .tl-milestone{fill:var(--vscode-charts-purple,#8957e5)}',
  '.spectrace-timeline .tl-today{stroke:var(--vscode-charts-orange,#d18616);stroke-width:2;stroke-dasharray:4 3}',
  '.spectrace-timeline .tl-today-label{fill:var(--vscode-charts-orange,#d18616)}',
  '.spectrace-timeline .tl-item:focus .tl-bar,.spectrace-timeline .tl-item:focus .tl-milestone{stroke:var(--vscode-focusBorder,#0969da);stroke-width:2}',
  '.vscode-high-contrast .spectrace-timeline .tl-bar,.vscode-high-contrast .spectrace-timeline .tl-milestone{stroke:var(--vscode-contrastBorder,#fff);stroke-width:2}',
  '.vscode-high-contrast .spectrace-timeline .tl-grid{stroke:var(--vscode-contrastBorder,#fff)}',
].join('\n');
