// The burn-up chart's SVG tree: steps at the right coordinates, a marker with a tooltip naming the
// moved IDs on each scope change, escaped markup, colours only through classes that both stylesheets
// (the report's BURNUP_CSS and the release view's release.css) define.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BURNUP_CSS, burnupSvg, svgMarkup } from '../../../server/src/engine/reports/svg/burnupSvg';
import type { SvgElement } from '../../../server/src/engine/reports/svg/burnupSvg';
import type { BurnupSeries } from '../../../server/src/engine/releases/burnup';

const series: BurnupSeries = {
  item: 'R-1',
  points: [
    { date: '2026-01-01', commit: 'a'.repeat(40), scope: 2, done: 0, entered: ['A-1', 'A-2'], left: [], notes: [] },
    { date: '2026-01-03', commit: 'b'.repeat(40), scope: 2, done: 1, entered: [], left: [], notes: [] },
    { date: '2026-01-04', commit: 'c'.repeat(40), scope: 4, done: 1, entered: ['<img src=x onerror=alert(1)>', 'B-1'], left: ['A-2'], notes: ['specs/x.yaml does not parse'] },
  ],
};

function all(node: SvgElement, out: SvgElement[] = []): SvgElement[] {
  out.push(node);
  for (const c of node.children) if (typeof c !== 'string') all(c, out);
  return out;
}

describe('burn-up SVG', () => {
  const svg = burnupSvg(series, 'Burn-up of R-1');
  const nodes = all(svg);

  it('draws scope and done as steps over the days (4 days wide, 40 px left margin, 584 px plot)', () => {
    const scope = nodes.find((n) => n.attrs['data-series'] === 'scope');
    const done = nodes.find((n) => n.attrs['data-series'] === 'done');
    // x: 40 + day/4 * 584 (days 0, 2, 3); y: 24 + 188 - n/4 * 188.
    assert.equal(scope?.attrs.d, 'M40.0,118.0 H332.0 V118.0 H478.0 V24.0 H624.0');
    assert.equal(done?.attrs.d, 'M40.0,212.0 H332.0 V165.0 H478.0 V165.0 H624.0');
  });

  it('puts a marker on each scope change with a tooltip naming the IDs, and escapes every text in markup', () => {
    const steps = nodes.filter((n) => n.attrs.class === 'burnup-step');
    assert.deepEqual(
      steps.map((s) => s.attrs['data-date']),
      ['2026-01-01', '2026-01-04'],
    );
    const tooltip = (steps[1].children[0] as SvgElement).children[0];
    assert.equal(tooltip, `2026-01-04 (ccccccc): scope 4, done 1\nentered: <img src=x onerror=alert(1)>, B-1\nleft: A-2\nspecs/x.yaml does not parse`);
    const markup = svgMarkup(svg);
    assert.ok(!markup.includes('<img'), 'spec text is escaped');
    assert.ok(markup.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.match(markup, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="burnup" role="img" aria-label="Burn-up of R-1"/);
  });

  it('colours only through classes that BURNUP_CSS and release.css define, with the same rules', () => {
    const classes = new Set(nodes.map((n) => n.attrs.class).filter((c): c is string => c !== undefined));
    for (const c of classes) assert.match(BURNUP_CSS, new RegExp(`\\.${c}[ ,:{]`), c);
    assert.ok(nodes.every((n) => n.attrs.style === undefined && n.attrs.fill === undefined && n.attrs.stroke === undefined));
    const css = fs.readFileSync(path.resolve(__dirname, '../../../client/media/release.css'), 'utf8');
    for (const rule of BURNUP_CSS.trim().split('\n')) assert.ok(css.includes(rule), `release.css lacks ${rule}`);
  });

  it('draws axes and a legend without points', () => {
    const empty = all(burnupSvg({ item: 'R-1', points: [] }, 'Burn-up of R-1'));
    assert.equal(empty.filter((n) => n.tag === 'path').length, 0);
    assert.ok(empty.some((n) => n.tag === 'desc' && n.children[0] === 'no points'));
  });
});
