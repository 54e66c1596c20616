// The roadmap timeline: bars at the x of their dates, nesting, inherited starts and milestone
// diamonds, progress over the whole scope, today's line, overdue marks, undated items apart, and
// spec text escaped in the markup.
import * as assert from 'node:assert/strict';
import { timelineItems } from '../../../server/src/engine/releases/timelineItems';
import { LABEL_WIDTH, PIXELS_PER_DAY, dayNumber, timelineChart } from '../../../server/src/engine/reports/svg/timelineSvg';
import { svgMarkup } from '../../../server/src/engine/reports/svg/svgMarkup';
import type { SvgNode } from '../../../server/src/shared/svgTree';
import { req, workspace, yaml } from '../rules/helpers';

const roadmap = yaml(
  'roadmap:',
  '  - id: R-1',
  '    title: "<b>First</b> & release"',
  '    start: 2026-01-05',
  '    due: 2026-06-30',
  '  - id: M-1',
  '    title: Inherits its start',
  '    parent: R-1',
  '    due: 2026-03-31',
  '  - id: M-2',
  '    title: A lone milestone',
  '    due: 2026-08-15',
  '  - id: R-9',
  '    title: No dates yet',
);
const specs = yaml(
  'requirements:',
  ...req('PAY-1', { status: 'implemented', roadmap: 'R-1' }),
  ...req('PAY-2', { status: 'approved', roadmap: 'M-1' }),
  ...req('PAY-3', { status: 'verified', roadmap: 'M-1' }),
);

function find(node: SvgNode, test: (n: SvgNode) => boolean): SvgNode[] {
  const out = test(node) ? [node] : [];
  for (const c of node.children ?? []) out.push(...find(c, test));
  return out;
}
const groupOf = (svg: SvgNode, id: string) => find(svg, (n) => n.tag === 'g' && n.attrs['data-id'] === id)[0];
const child = (g: SvgNode | undefined, kind: string) => g?.children?.find((c) => c.attrs['data-kind'] === kind || c.attrs.class === kind);

describe('timeline SVG', () => {
  const index = workspace({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs });
  const items = timelineItems(index.roadmapProgress());

  it('orders items nested by parent, inherits a start from the item above, counts progress over the scope', () => {
    assert.deepEqual(items.map((i) => `${i.id}@${i.depth} ${i.drawnStart ?? '-'} ${i.done}/${i.total}`), ['R-1@0 2026-01-05 2/3', 'M-1@1 2026-01-05 1/2', 'M-2@0 - 0/0', 'R-9@0 - 0/0']);
  });

  for (const zoom of ['quarter', 'month', 'week'] as const) {
    it(`puts each bar at x = ${LABEL_WIDTH} + days since the axis start × pixels per day (${zoom})`, () => {
      const chart = timelineChart(items, { today: '2026-05-20', zoom });
      const ppd = PIXELS_PER_DAY[zoom];
      const x = (date: string) => LABEL_WIDTH + (dayNumber(date) - dayNumber(chart.axisStart)) * ppd;
      const bar = child(groupOf(chart.svg, 'R-1'), 'bar');
      assert.equal(bar?.attrs.x, x('2026-01-05'));
      assert.equal(bar?.attrs.width, (dayNumber('2026-06-30') - dayNumber('2026-01-05') + 1) * ppd);
      const fill = child(groupOf(chart.svg, 'R-1'), 'tl-fill');
      assert.equal(fill?.attrs.width, ((bar?.attrs.width as number) * 2) / 3);
      assert.equal(child(groupOf(chart.svg, 'M-1'), 'bar')?.attrs.x, x('2026-01-05'));
      const diamond = child(groupOf(chart.svg, 'M-2'), 'milestone');
      assert.equal(String(diamond?.attrs.points).split(' ')[1], `${x('2026-08-15') + ppd / 2 + 8},${40 + 2 * 28 + 6 + 8}`);
      const today = find(chart.svg, (n) => n.attrs.class === 'tl-today')[0];
      assert.equal(today?.attrs.x1, x('2026-05-20'));
    });
  }

  it('starts the axis at the unit holding the earliest date', () => {
    assert.equal(timelineChart(items, { today: '2026-05-20', zoom: 'quarter' }).axisStart, '2026-01-01');
    assert.equal(timelineChart(items, { today: '2026-05-20', zoom: 'month' }).axisStart, '2026-01-01');
    assert.equal(timelineChart(items, { today: '2026-05-20', zoom: 'week' }).axisStart, '2026-01-05');
  });

  it('lists items without a due date apart, and marks overdue ones', () => {
    const chart = timelineChart(items, { today: '2026-11-28', zoom: 'month' });
    assert.deepEqual(chart.undated.map((i) => i.id), ['R-9']);
    assert.equal(groupOf(chart.svg, 'R-9'), undefined);
    const late = timelineChart(timelineItems(workspace({ 'specs/roadmap.yaml': roadmap, 'specs/pay.yaml': specs }).roadmapProgress()), { today: '2026-11-28', zoom: 'month' });
    assert.match(String(groupOf(late.svg, 'M-1')?.attrs.class), /\btl-overdue\b/);
    assert.doesNotMatch(String(groupOf(late.svg, 'R-1')?.attrs.class), /\btl-overdue\b/);
  });

  it('escapes spec text in the markup and keeps the tree free of anything but chart elements', () => {
    const markup = svgMarkup(timelineChart(items, { today: '2026-05-20', zoom: 'month' }).svg);
    assert.doesNotMatch(markup, /<b>/);
    assert.match(markup, /R-1 &lt;b&gt;First&lt;\/b&gt; &amp; release/);
    assert.deepEqual([...new Set(markup.match(/<[a-z]+/g))].sort(), ['<g', '<line', '<polygon', '<rect', '<svg', '<text', '<title']);
  });

  it('treats a date that is not a day of the calendar as no date (found by the fuzzer: the chart threw)', () => {
    const odd = workspace({
      'specs/roadmap.yaml': yaml('roadmap:', '  - id: R-1', '    title: Odd start', '    start: 2026-07-81', '    due: 2026-09-30', '  - id: R-2', '    title: Odd due', '    due: 2026-02-31', '  - id: R-3', '    title: Leap day', '    start: 2028-02-01', '    due: 2028-02-29'),
    });
    const oddItems = timelineItems(odd.roadmapProgress());
    assert.deepEqual(oddItems.map((i) => `${i.id} ${i.drawnStart ?? '-'} ${i.due ?? '-'}`), ['R-1 - 2026-09-30', 'R-3 2028-02-01 2028-02-29', 'R-2 - -']);
    const chart = timelineChart(oddItems, { today: '2026-05-20', zoom: 'quarter' });
    assert.deepEqual(chart.undated.map((i) => i.id), ['R-2']);
    assert.equal(groupOf(chart.svg, 'R-1')?.attrs['data-start'], '');
  });

  it('keeps a roadmap spanning centuries to a bounded number of ticks', () => {
    const far = workspace({ 'specs/roadmap.yaml': yaml('roadmap:', '  - id: R-1', '    title: Far', '    start: 2000-01-01', '    due: 9999-12-31') });
    const chart = timelineChart(timelineItems(far.roadmapProgress()), { today: '2026-05-20', zoom: 'week' });
    assert.ok(find(chart.svg, (n) => n.attrs.class === 'tl-grid').length <= 400);
  });
});
