// The burn-up chart's SVG tree: steps at the right coordinates, a marker with a tooltip naming the
// moved IDs on each scope change, escaped markup, colours only through the classes of BURNUP_CSS, which
// the report and the release view's page both carry.
import * as assert from 'node:assert/strict';
import { renderReleaseHtml } from '../../../client/src/release/releaseHtml';
import { BURNUP_CSS, burnupSvg } from '../../../server/src/engine/reports/svg/burnupSvg';
import { svgMarkup } from '../../../server/src/engine/reports/svg/svgMarkup';
import { SVG_TAGS, isSafeSvgAttribute } from '../../../server/src/shared/svgTree';
import type { SvgNode } from '../../../server/src/shared/svgTree';
import type { BurnupSeries } from '../../../server/src/engine/releases/burnup';

const series: BurnupSeries = {
  item: 'R-1',
  points: [
    { date: '2026-01-01', commit: 'a'.repeat(40), scope: 2, done: 0, entered: ['A-1', 'A-2'], left: [], notes: [] },
    { date: '2026-01-03', commit: 'b'.repeat(40), scope: 2, done: 1, entered: [], left: [], notes: [] },
    { date: '2026-01-04', commit: 'c'.repeat(40), scope: 4, done: 1, entered: ['<img src=x onerror=alert(1)>', 'B-1'], left: ['A-2'], notes: ['specs/x.yaml does not parse'] },
  ],
};

function all(node: SvgNode, out: SvgNode[] = []): SvgNode[] {
  out.push(node);
  for (const c of node.children ?? []) all(c, out);
  return out;
}

/** A series' line segments as "x1,y1 x2,y2". */
function segments(g: SvgNode | undefined): string[] {
  return (g?.children ?? []).map((l) => `${l.attrs.x1},${l.attrs.y1} ${l.attrs.x2},${l.attrs.y2}`);
}

describe('burn-up SVG', () => {
  const svg = burnupSvg(series, 'Burn-up of R-1');
  const nodes = all(svg);

  it('draws scope and done as steps over the days (4 days wide, 40 px left margin, 584 px plot)', () => {
    const scope = nodes.find((n) => n.attrs['data-series'] === 'scope');
    const done = nodes.find((n) => n.attrs['data-series'] === 'done');
    // x: 40 + day/4 * 584 (days 0, 2, 3); y: 24 + 188 - n/4 * 188.
    assert.deepEqual(segments(scope), ['40,118 332,118', '332,118 478,118', '478,118 478,24', '478,24 624,24']);
    assert.deepEqual(segments(done), ['40,212 332,212', '332,212 332,165', '332,165 478,165', '478,165 624,165']);
    assert.equal(nodes.find((n) => n.attrs.class === 'burnup-done-area')?.attrs.points, '40,212 332,212 332,165 478,165 478,165 624,165 624,212 40,212');
  });

  it('puts a marker on each scope change with a tooltip naming the IDs, and escapes every text in markup', () => {
    const steps = nodes.filter((n) => n.attrs.class === 'burnup-step');
    assert.deepEqual(
      steps.map((s) => s.attrs['data-date']),
      ['2026-01-01', '2026-01-04'],
    );
    const tooltip = steps[1].children?.[0]?.text;
    assert.equal(tooltip, `2026-01-04 (ccccccc): scope 4, done 1\nentered: <img src=x onerror=alert(1)>, B-1\nleft: A-2\nspecs/x.yaml does not parse`);
    const markup = svgMarkup(svg);
    assert.ok(!markup.includes('<img'), 'spec text is escaped');
    assert.ok(markup.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.match(markup, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="burnup" role="img" aria-label="Burn-up of R-1"/);
  });

  it('uses only the tags and attributes of shared/svgTree.ts', () => {
    for (const n of nodes) {
      assert.ok((SVG_TAGS as readonly string[]).includes(n.tag), n.tag);
      for (const name of Object.keys(n.attrs)) assert.ok(isSafeSvgAttribute(name), `${n.tag} ${name}`);
    }
  });

  it('colours only through classes that BURNUP_CSS defines, and the release page carries those rules', () => {
    const classes = new Set(nodes.map((n) => n.attrs.class).filter((c): c is string => c !== undefined));
    for (const c of classes) assert.match(BURNUP_CSS, new RegExp(`\\.${c}[ ,:{]`), c);
    assert.ok(nodes.every((n) => n.attrs.style === undefined && n.attrs.fill === undefined && n.attrs.stroke === undefined));
    const css = renderReleaseHtml({ cspSource: 'https://x', nonce: 'n0nce', scriptUri: 'https://x/release.js', styleUri: 'https://x/release.css', initial: { type: 'error', message: '' } });
    for (const rule of BURNUP_CSS.trim().split('\n')) assert.ok(css.includes(rule), `the release page lacks ${rule}`);
  });

  it('draws axes and a legend without points', () => {
    const empty = all(burnupSvg({ item: 'R-1', points: [] }, 'Burn-up of R-1'));
    assert.equal(empty.filter((n) => n.attrs['data-series'] !== undefined).length, 0);
    assert.equal(empty[1].text, 'Burn-up of R-1: no points');
  });
});
