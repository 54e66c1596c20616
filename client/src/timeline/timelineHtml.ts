// The timeline webview's HTML: its zoom bar and legend in the shared page skeleton (strict CSP, the
// chart's own CSS in a nonce'd style, data as a JSON block). No spec text is in the markup: the script
// builds the chart with DOM calls.
import { renderWebviewPage } from '../webview/pageHtml';
import type { ToTimeline } from './timelineMessages';

export interface TimelinePage {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The chart's CSS rules (from the server; our own constant, never spec text). */
  chartCss: string;
  initial: ToTimeline;
}

const TIMELINE_BODY = `<header class="toolbar">
  <span class="zoom" role="group" aria-label="Zoom">
    <button type="button" data-zoom="quarter">Quarter</button>
    <button type="button" data-zoom="month">Month</button>
    <button type="button" data-zoom="week">Week</button>
  </span>
  <span class="legend"><span class="key bar"></span> start to due, filled to done ÷ scope <span class="key milestone"></span> milestone <span class="key today"></span> today <span class="key overdue"></span> overdue</span>
</header>
<main id="charts"></main>
<p id="message" hidden></p>`;

export function renderTimelineHtml(p: TimelinePage): string {
  return renderWebviewPage({ ...p, title: 'Roadmap Timeline', scriptUris: [p.scriptUri], dataId: 'timeline-data', body: TIMELINE_BODY, inlineCss: p.chartCss });
}
