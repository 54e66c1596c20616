#!/usr/bin/env node
// Renders media/src/icon.svg to the 128x128 media/icon.png the Marketplace shows, with Debian's
// Chromium (playwright-core, no downloads). Run after changing that SVG: node scripts/render-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const media = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media');
// The source lives in media/src/ so the allowlist (media/*.png, media/*.svg) leaves it out of the VSIX.
const svg = fs.readFileSync(path.join(media, 'src', 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.SPECTRACE_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const out = path.join(media, 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${out} (${fs.statSync(out).size} bytes)`);
} finally {
  await browser.close();
}
