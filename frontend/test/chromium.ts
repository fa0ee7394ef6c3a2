/**
 * Headless Chromium for the browser tests and the screenshot script: the Debian package (never a
 * downloaded browser), software WebGL, nothing that phones home on a closed network.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export const chromiumArgs = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/**
 * Waits for the page's `map-highlighted` mark (boundaries drawn with the first highlights, see CountryMap)
 * and returns its time since navigation in milliseconds.
 */
export async function waitForHighlightedMap(page: Page, timeout = 30_000): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('map-highlighted').length > 0, null, { timeout });
  return page.evaluate(() => performance.getEntriesByName('map-highlighted')[0]!.startTime);
}
