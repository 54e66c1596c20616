// Playwright helpers for VS Code's web workbench (code-server 4.139 = VS Code 1.139). Selectors
// prefer what the workbench exposes for accessibility (aria labels, roles) and its stable class
// names (.monaco-list-row, .pane-header, .codelens-decoration, .squiggly-error).
import fs from 'node:fs';
import path from 'node:path';

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

/**
 * Expands collapsed tree rows in `pane` until a row with `text` shows or nothing is left to
 * expand; returns that row. Rows load lazily, so each round waits for the tree to settle.
 */
export async function revealTreeRow(page, pane, text, timeoutMs = 30000) {
  const target = pane.locator('.monaco-list-row', { hasText: text }).first();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await target.isVisible().catch(() => false)) return target;
    const collapsed = pane.locator('.monaco-list-row[aria-expanded="false"]');
    if ((await collapsed.count()) > 0) {
      // The twistie, not the row: a row whose item has a command runs it instead of expanding.
      // A handle, not a locator: after the click "the first collapsed row" is another row.
      const row = await collapsed.first().elementHandle();
      const twistie = await row?.$('.monaco-tl-twistie');
      if (row && twistie) {
        await twistie.click();
        // Rows are recycled by the virtual list; a detached handle also ends the wait.
        await page
          .waitForFunction((el) => !el.isConnected || el.getAttribute('aria-expanded') !== 'false', row, { timeout: 10000 })
          .catch(() => undefined);
      }
    } else {
      // Nothing to expand yet: the provider may still be loading its first rows.
      await page.waitForTimeout(200);
    }
  }
  const rows = await pane.locator('.monaco-list-row').allInnerTexts().catch(() => []);
  throw new Error(`no tree row with "${text}" within ${timeoutMs / 1000} s; rows: ${JSON.stringify(rows.slice(0, 30))}`);
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
