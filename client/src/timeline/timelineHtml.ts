// The timeline webview's HTML: the matrix's Content-Security-Policy (only the nonce'd script, the
// extension's stylesheet and the chart's own nonce'd style), the data as a JSON block the script reads
// with textContent. No spec text is in the markup: the script builds the chart with DOM calls.
import { contentSecurityPolicy, jsonForScriptBlock } from '../matrix/matrixHtml';
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

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderTimelineHtml(p: TimelinePage): string {
  const nonce = attr(p.nonce);
  // CSS cannot hold markup, and nothing may close the style element early.
  const css = p.chartCss.replace(/</g, '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(p.styleUri)}" nonce="${nonce}">
<style nonce="${nonce}">${css}</style>
<title>Roadmap Timeline</title>
</head>
<body>
<header class="toolbar">
  <span class="zoom" role="group" aria-label="Zoom">
    <button type="button" data-zoom="quarter">Quarter</button>
    <button type="button" data-zoom="month">Month</button>
    <button type="button" data-zoom="week">Week</button>
  </span>
  <span class="legend"><span class="key bar"></span> start to due, filled to done ÷ scope <span class="key milestone"></span> milestone <span class="key today"></span> today <span class="key overdue"></span> overdue</span>
</header>
<main id="charts"></main>
<p id="message" hidden></p>
<script type="application/json" id="timeline-data" nonce="${nonce}">${jsonForScriptBlock(p.initial)}</script>
<script nonce="${nonce}" src="${attr(p.scriptUri)}"></script>
</body>
</html>`;
}
