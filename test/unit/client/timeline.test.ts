// The timeline webview's page and messages: a strict CSP, no spec text in the markup, the chart's CSS
// unable to close its element, and only well-formed messages accepted from the page.
import * as assert from 'node:assert/strict';
import { renderTimelineHtml } from '../../../client/src/timeline/timelineHtml';
import { parseFromTimeline } from '../../../client/src/timeline/timelineMessages';
import type { SvgNode } from '../../../server/src/shared/svgTree';

const hostile = '<img src=x onerror=alert(1)></script>';
const svg: SvgNode = { tag: 'svg', attrs: { class: 'spectrace-timeline' }, children: [{ tag: 'g', attrs: { 'data-id': 'R-1' }, children: [{ tag: 'text', attrs: {}, text: hostile }] }] };

describe('timeline webview', () => {
  it('puts the chart in the page as escaped JSON data, under a nonce-only CSP', () => {
    const html = renderTimelineHtml({
      cspSource: 'https://webview.test',
      nonce: 'abc123',
      scriptUri: 'https://webview.test/timeline.js',
      styleUri: 'https://webview.test/timeline.css',
      chartCss: '.x{fill:red}</style><script>alert(3)</script>',
      initial: { type: 'data', version: 1, zoom: 'quarter', folders: [{ name: 'shop', svg, undated: [{ id: 'R-9', title: hostile }] }] },
    });
    assert.ok(!html.includes('<img'), 'no element from spec text');
    assert.ok(!html.includes('</script><script>alert(3)'), 'the CSS cannot close its element');
    assert.equal(html.match(/<script\b/g)?.length, 2, 'the data block and the page script only');
    assert.match(html, /script-src 'nonce-abc123'/);
    assert.ok(html.includes('\\u003cimg src=x onerror=alert(1)\\u003e'), 'the title travels as escaped JSON');
  });

  it('accepts only well-formed messages from the page', () => {
    assert.deepEqual(parseFromTimeline({ type: 'zoom', zoom: 'week' }), { type: 'zoom', zoom: 'week' });
    assert.equal(parseFromTimeline({ type: 'zoom', zoom: 'decade' }), undefined);
    assert.deepEqual(parseFromTimeline({ type: 'open', version: 2, folder: 0, id: 'M-1' }), { type: 'open', version: 2, folder: 0, id: 'M-1' });
    assert.equal(parseFromTimeline({ type: 'open', version: 2, folder: -1, id: 'M-1' }), undefined);
    assert.equal(parseFromTimeline({ type: 'open', version: 2, folder: 0, id: '' }), undefined);
    assert.equal(parseFromTimeline({ type: 'run', code: 'alert(1)' }), undefined);
    assert.equal(parseFromTimeline(null), undefined);
  });
});
