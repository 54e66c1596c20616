// The release page's HTML: its sections in the shared page skeleton (strict CSP, data as a JSON
// block), and no spec text in the markup: the script inserts all of it, the chart included, with DOM
// calls.
import { BURNUP_CSS } from '../../../server/src/shared/burnupCss';
import { renderWebviewPage } from '../webview/pageHtml';
import type { ToReleaseWebview } from './releaseMessages';

export interface ReleaseHtmlPage {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  initial: ToReleaseWebview;
}

const RELEASE_BODY = `<main id="release">
  <p id="message" role="status" hidden></p>
  <header>
    <h1><a id="item-link" href="#"><span id="item-id"></span></a> <span id="item-title"></span></h1>
    <p id="subtitle" class="muted"></p>
    <p id="summary"></p>
  </header>
  <section aria-labelledby="burnup-heading">
    <h2 id="burnup-heading">Burn-up</h2>
    <div id="burnup"></div>
    <p id="burnup-reason" class="muted" hidden></p>
    <details id="scope-changes" hidden><summary>Scope changes</summary><ul id="scope-list"></ul></details>
  </section>
  <div class="columns">
    <section aria-labelledby="status-heading"><h2 id="status-heading">By status</h2><table class="counts" id="by-status"></table></section>
    <section aria-labelledby="priority-heading"><h2 id="priority-heading">By priority</h2><table class="counts" id="by-priority"></table></section>
    <section aria-labelledby="coverage-heading"><h2 id="coverage-heading">Coverage</h2><table class="counts" id="coverage"></table></section>
  </div>
  <section aria-labelledby="attention-heading">
    <h2 id="attention-heading">Overdue and blocked</h2>
    <ul id="attention"></ul>
  </section>
  <section aria-labelledby="requirements-heading">
    <h2 id="requirements-heading">Requirements</h2>
    <table id="requirements">
      <thead><tr><th>ID</th><th>Title</th><th>Status</th><th>Priority</th><th>Planned for</th><th>Coverage</th><th>Code</th><th>Tests</th></tr></thead>
      <tbody id="requirement-rows"></tbody>
    </table>
  </section>
  <section aria-labelledby="items-heading">
    <h2 id="items-heading">Roadmap items</h2>
    <ul id="items"></ul>
  </section>
</main>`;

export function renderReleaseHtml(p: ReleaseHtmlPage): string {
  return renderWebviewPage({ ...p, title: 'Release', scriptUris: [p.scriptUri], dataId: 'release-data', body: RELEASE_BODY, inlineCss: BURNUP_CSS });
}
