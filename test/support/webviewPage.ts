// A webview page (client/media/*.js) in Debian's Chromium, outside VS Code: the HTML the extension
// renders, served from a made-up origin with its CSP, its own files from client/media, and a
// stand-in for the webview's acquireVsCodeApi that records what the page posts in window.__rec.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const CHROMIUM = process.env.SPECTRACE_CHROMIUM ?? '/usr/bin/chromium';
export const MEDIA = path.resolve(__dirname, '..', '..', 'client', 'media');

/**
 * What VS Code injects into a webview, reduced to a recorder. A string, not a function: tsx's
 * transpiled functions may reference helpers the page lacks (init scripts are not subject to the CSP).
 */
export const ACQUIRE_VSCODE_API_STUB = `
  window.__rec = { posted: [] };
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__rec.posted.push(m),
    getState: () => window.__state,
    setState: (s) => { window.__state = s; },
  });
`;

/** Headless Chromium, or a clear message when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set SPECTRACE_CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** Serves `html()` as `<origin>/index.html` and the client/media files whose names match `media`; nothing else. */
export async function serveWebview(page: Page, origin: string, html: () => string, media: RegExp): Promise<void> {
  await page.route(`${origin}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: html() });
    if (media.test(name)) return route.fulfill({ contentType: name.endsWith('.js') ? 'text/javascript' : 'text/css', body: fs.readFileSync(path.join(MEDIA, name)) });
    return route.fulfill({ status: 404, body: '' });
  });
}

/**
 * Polls `expression` until it is truthy. Playwright's waitForFunction evaluates a string predicate with
 * eval once it has to poll, which the page's nonce-only CSP refuses; page.evaluate goes through the
 * debugger protocol, which the CSP does not govern.
 */
export async function waitInPage(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
