// Debian's Chromium driven by playwright-core (never `playwright install`: no downloads here).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { onCleanup } from './cleanup.mjs';

export const CHROMIUM = process.env.SPECTRACE_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium; it is closed by the cleanup stack whatever happens. */
export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set SPECTRACE_CHROMIUM)`);
  }
  // Playwright's own signal handlers would exit the process before our cleanups ran; ours close
  // the browser instead (and Chromium exits by itself if this process dies: its pipe closes).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    timeout: 60000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = onCleanup('chromium', () => browser.close());
  return { browser, close };
}

/** A new page of a fixed size, so screenshots and layouts are comparable between runs. */
export async function newPage(browser, viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** The workbench URL for a folder (or a .code-workspace file), with the smoke-test `payload` when given. */
export function workbenchUrl(serverUrl, folder, payload) {
  const q = new URLSearchParams(folder.endsWith('.code-workspace') ? { workspace: folder } : { folder });
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${serverUrl}/?${q.toString()}`;
}

/** Waits until the workbench has rendered (the main parts exist). */
export async function waitForWorkbench(page, timeoutMs = 60000) {
  await page.waitForSelector('.monaco-workbench .part.activitybar, .monaco-workbench .part.statusbar', { timeout: timeoutMs });
}
