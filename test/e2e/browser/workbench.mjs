// Playwright helpers for VS Code's web workbench (code-server 4.139 = VS Code 1.139). Selectors
// prefer what the workbench exposes for accessibility (aria labels, roles) and its stable class
// names (.monaco-list-row, .pane-header, .codelens-decoration, .squiggly-error).
import fs from 'node:fs';
import path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { tailFile } from '../lib/code-server.mjs';
import { waitFor } from '../lib/poll.mjs';

/** Escapes a string for use inside a RegExp. */
export function escapeRe(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Presses a key chord after focusing the workbench (not a webview or a quick input). */
async function press(page, keys) {
  await page.keyboard.press(keys);
}

/** Opens the command palette, types a command title and runs the first matching entry. */
export async function runCommand(page, title) {
  await press(page, 'Escape');
  await press(page, 'F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: new RegExp(escapeRe(title), 'i') }).first();
  await row.waitFor({ state: 'visible', timeout: 15000 });
  await row.click();
}

/** Waits until Spectrace is up: its status bar item shows, so its commands are in the palette. */
export async function spectraceReady(page, timeoutMs = 60_000) {
  await page.locator('.statusbar-item', { hasText: 'Specs:' }).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Opens a workspace file by (relative) path through Quick Open and waits for its editor tab. */
export async function openFile(page, relativePath) {
  const base = path.basename(relativePath);
  await press(page, 'Escape');
  await press(page, 'Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(relativePath);
  // Quick Open searches files asynchronously: wait for the row that names the file, then pick it.
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: base }).first();
  await row.waitFor({ state: 'visible', timeout: 20000 });
  await row.click();
  await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ state: 'visible', timeout: 20000 });
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/**
 * Clicks a view container in the activity bar (by its title, e.g. "Specs") unless it is open,
 * and waits for the side bar to show it.
 */
export async function openViewContainer(page, title) {
  const tab = page.locator(`.part.activitybar li.action-item:has(> a.action-label[aria-label^="${title}"])`).first();
  await tab.waitFor({ state: 'visible', timeout: 30000 });
  // Clicking the selected container would close the side bar: click only when it is not selected.
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  const sidebarTitle = page.locator('.part.sidebar .composite.title', { hasText: new RegExp(escapeRe(title), 'i') });
  await sidebarTitle.first().waitFor({ state: 'visible', timeout: 15000 });
  return page.locator('.part.sidebar');
}

/** The pane (a view inside the side bar) with this header title, expanded. */
export async function expandedPane(page, title) {
  const header = page.locator('.part.sidebar .pane-header', { hasText: new RegExp(`^\\s*${escapeRe(title)}`, 'i') }).first();
  await header.waitFor({ state: 'visible', timeout: 20000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.waitForFunction((h) => h?.getAttribute('aria-expanded') === 'true', await header.elementHandle(), { timeout: 10000 });
  return header.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " pane ")][1]');
}

/** A row label pattern: the text starts with `label`, not followed by more of an ID ("PAY-1" not "PAY-10"). */
function labelRe(label) {
  return new RegExp(`^\\s*${escapeRe(label)}(?![\\w-])`);
}

async function setExpanded(page, row, expanded) {
  const handle = await row.elementHandle();
  if (!handle || ((await handle.getAttribute('aria-expanded')) === 'true') === expanded) return;
  const twistie = await handle.$('.monaco-tl-twistie');
  // The twistie, not the row: a row whose item has a command runs it instead of expanding.
  await twistie?.click();
  // Rows are recycled by the virtual list; a detached handle also ends the wait.
  await page
    .waitForFunction(([el, want]) => !el.isConnected || el.getAttribute('aria-expanded') === want, [handle, String(expanded)], { timeout: 10000 })
    .catch(() => undefined);
}

/**
 * Reveals a tree row by its path of labels (["Acme Checkout", "PAY-1", "CART-1"]): at each level it
 * waits for the row (the provider loads lazily), collapsing the other expanded rows of that level
 * so the virtual list renders it, and expands it if a deeper label follows. Returns the last row.
 */
export async function revealTreePath(page, pane, labels, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let row;
  for (let i = 0; i < labels.length; i++) {
    const level = i + 1;
    const re = labelRe(labels[i]);
    // Matched on the label alone (.label-name): the row's text runs label and description together.
    row = pane.locator(`.monaco-list-row[aria-level="${level}"]`, { has: page.locator('.label-name', { hasText: re }) }).first();
    while (!(await row.isVisible().catch(() => false))) {
      if (Date.now() > deadline) {
        const rows = await pane.locator('.monaco-list-row').allInnerTexts().catch(() => []);
        throw new Error(`no tree row ${labels.slice(0, level).join(' > ')} within ${timeoutMs / 1000} s; rows: ${JSON.stringify(rows.slice(0, 30))}`);
      }
      const open = pane.locator(`.monaco-list-row[aria-level="${level}"][aria-expanded="true"]`);
      let collapsed = false;
      for (const other of await open.all()) {
        if (re.test((await other.locator('.label-name').first().textContent().catch(() => '')) ?? '')) continue;
        await setExpanded(page, other, false);
        collapsed = true;
        break;
      }
      // Nothing to collapse: the provider may still be loading the rows.
      if (!collapsed) await page.waitForTimeout(200);
    }
    if (i < labels.length - 1) await setExpanded(page, row, true);
  }
  return row;
}

/**
 * Waits for a frame (webviews are nested iframes) for which `predicate(frame)` resolves true,
 * polling page.frames(); returns it.
 */
export async function waitForFrame(page, predicate, what, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      if (await predicate(frame).catch(() => false)) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no frame with ${what} within ${timeoutMs / 1000} s (${page.frames().length} frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(', ')})`);
}

/** Writes a screenshot of the whole page to `dir/name.png`; returns its path. */
export async function screenshot(page, dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Drags the side bar's edge `by` pixels to the right (tree labels and descriptions then fit in
 * screenshots); resolves once the side bar is wider.
 */
export async function widenSidebar(page, by) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edge = box.x + box.width;
  // The sash between the side bar and the editor: the vertical sash closest to the side bar's edge.
  const sashes = await page.locator('.monaco-sash.vertical').all();
  let best;
  for (const sash of sashes) {
    const b = await sash.boundingBox().catch(() => null);
    if (!b || b.height < box.height / 2) continue;
    const d = Math.abs(b.x + b.width / 2 - edge);
    if (d < 12 && (!best || d < best.d)) best = { b, d };
  }
  if (!best) return;
  const x = best.b.x + best.b.width / 2;
  const y = best.b.y + best.b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((w) => (document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) > w, box.width, { timeout: 5000 }).catch(() => undefined);
}

/** Packs the VSIX of the current build into `vsix`, exactly as `vsce package` makes it. */
export async function packVsix(repoRoot, vsix) {
  const { baseContentUrl, baseImagesUrl } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'vsce-options.json'), 'utf8'));
  await createVSIX({ cwd: repoRoot, packagePath: vsix, dependencies: false, baseContentUrl, baseImagesUrl });
}

/**
 * Spectrace's row in Running Extensions once it shows VS Code's activation time, and that label. On
 * a busy machine the row can still say "Activating...": poll, asking for the view again in case it
 * does not redraw.
 */
export async function spectraceActivation(page, visibleTimeoutMs) {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Spectrace' }).first();
  await row.waitFor({ state: 'visible', timeout: visibleTimeoutMs });
  let label = '';
  await waitFor('an activation time for Spectrace in Running Extensions', async () => {
    label = (await row.locator('.activation-time').innerText()).trim();
    if (/[\d.]+\s*ms/.test(label)) return true;
    await runCommand(page, 'Developer: Show Running Extensions');
    return false;
  }, { timeoutMs: 60_000, intervalMs: 1000 });
  return { row, label };
}

/** After a failed test: a screenshot named `<prefix><test title>` and the code-server log's tail. */
export async function reportFailure(test, page, { shots, repoRoot, prefix, logFile }) {
  if (test?.state !== 'failed' || !page) return;
  const file = await screenshot(page, shots, `${prefix}${test.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
  if (file) console.log(`      screenshot of the failure: ${path.relative(repoRoot, file)}`);
  if (logFile) console.log(`      code-server log tail:\n${tailFile(logFile, 20)}`);
}
