/**
 * Headless Chromium for the browser tests and the screenshot script: the Debian package (never a
 * downloaded browser), software WebGL, nothing that phones home on a closed network.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

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

/**
 * A page in a fresh context that records what a reader would never see but a test must: console errors,
 * uncaught exceptions and Content-Security-Policy violations (a blocked worker, image or style is reported
 * there even where the console stays quiet).
 */
export async function newWatchedPage(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.exposeFunction('__reportCspViolation', (text: string) => errors.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `CSP violation: ${event.effectiveDirective} ${event.blockedURI}`,
      ),
    ),
  );
  return { page, errors, context };
}
