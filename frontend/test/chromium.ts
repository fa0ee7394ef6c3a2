/**
 * Headless Chromium for the browser tests, the screenshot script and the benchmark: the Debian package (never
 * a downloaded browser), software WebGL, nothing that phones home on a closed network; and the set-up the
 * browser suites share (chromiumSuite).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Overview } from '../../data/schema/api.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { contentSecurityPolicy } from '../security-headers.ts';
import type { CountryMapTestHook } from '../src/lib/map/CountryMap.ts';

declare global {
  interface Window {
    /** The map's hook for the browser tests, set only under browser automation (see CountryMap.ts). */
    __countryMap?: CountryMapTestHook;
  }
}

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

/**
 * What axe-core finds on the page (or the part `include` selects), one line a violation with the elements it
 * names; an empty list passes. axe is loaded on first use, so the build and benchmark scripts that launch
 * Chromium through this module do not load it.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** A browser suite skips without Chromium, with a message, except under CI=true, where it fails instead. */
export const skipBrowserSuite = !hasChromium && process.env.CI !== 'true';
if (skipBrowserSuite) {
  console.warn(`Browser tests skipped: no Chromium at ${chromiumPath}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
}

export interface LoadedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  readonly errors: string[];
  readonly context: BrowserContext;
}

export interface OpenedPage extends LoadedPage {
  /** Milliseconds from navigation to the highlighted, idle map. */
  readonly highlightedAfterMs: number;
}

/** The page's context options (viewport 1280x800 unless given) and what `open` does around the navigation. */
export interface OpenOptions extends BrowserContextOptions {
  /** How long to wait for the highlighted map (waitForHighlightedMap's 30 s unless given). */
  readonly mapTimeout?: number;
  /** The page's default timeout for its navigation and actions (Playwright's 30 s unless given). */
  readonly pageTimeout?: number;
  /** Runs in the page before its own scripts, e.g. an observer that must see the first paint. */
  readonly initScript?: () => void;
}

export interface ChromiumSuite {
  /** The local stack, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly browser: Browser;
  /** `/api/overview` as the stack serves it. */
  readonly overview: Overview;
  /** A fresh watched page on `path`, served with the production CSP, once the map is highlighted. */
  open(path: string, options?: OpenOptions & { waitForMap?: true }): Promise<OpenedPage>;
  /** The same, returned once the page has loaded: for a view that does not need the map drawn. */
  open(path: string, options: OpenOptions & { waitForMap: false }): Promise<LoadedPage>;
  /** A bare context, closed with the suite: for a test that must act before the page loads. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * The set-up every browser suite shares, registered as its beforeAll and afterAll: the local stack over the
 * real data serving frontend/dist, one Chromium, the overview; pages opened by `open` are closed afterwards.
 * Call it at the top of `describe.skipIf(skipBrowserSuite)(…, () => { const suite = chromiumSuite(); … })`;
 * its fields are there from the first test on.
 */
export function chromiumSuite(): ChromiumSuite {
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;
  let overview: Overview | undefined;
  const contexts: BrowserContext[] = [];
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('chromiumSuite: used before its beforeAll ran');
    return value;
  };

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true and no Chromium at ${chromiumPath}: the browser tests must run in CI.`);
    if (!existsSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)))) {
      throw new Error('frontend/dist is missing: run `npm run build` first.');
    }
    stack = await startLocalStack({ port: 0, quiet: true });
    browser = await launchChromium();
    overview = (await (await fetch(`${stack.url}/api/overview`)).json()) as Overview;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.close();
  });

  function open(path: string, options?: OpenOptions & { waitForMap?: true }): Promise<OpenedPage>;
  function open(path: string, options: OpenOptions & { waitForMap: false }): Promise<LoadedPage>;
  async function open(path: string, options: OpenOptions & { waitForMap?: boolean } = {}): Promise<LoadedPage> {
    const { waitForMap = true, mapTimeout, pageTimeout, initScript, ...contextOptions } = options;
    const { page, errors, context } = await newWatchedPage(ready(browser), { viewport: { width: 1280, height: 800 }, ...contextOptions });
    contexts.push(context);
    if (pageTimeout !== undefined) page.setDefaultTimeout(pageTimeout);
    if (initScript) await page.addInitScript(initScript);
    const response = await page.goto(`${ready(stack).url}${path}`);
    // The local stack's own header, not one a test injected: the page runs under the production policy.
    expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    if (!waitForMap) return { page, errors, context };
    const opened: OpenedPage = { page, errors, context, highlightedAfterMs: await waitForHighlightedMap(page, mapTimeout) };
    return opened;
  }

  return {
    get url() {
      return ready(stack).url;
    },
    get browser() {
      return ready(browser);
    },
    get overview() {
      return ready(overview);
    },
    async newContext(options) {
      const context = await ready(browser).newContext(options);
      contexts.push(context);
      return context;
    },
    open,
  };
}

export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The largest difference of one channel: colours within a few levels are the same to the eye. */
export const distance = (a: Rgb, b: Rgb) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/**
 * Reads a real screenshot (what the visitor sees, not what the code meant), decoded with sharp: how many
 * distinct colours the clip has, and the RGB of its first 16 pixels.
 */
export async function screenshotPixels(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  // The fills only: the names over the map (HTML, see map/LabelLayer.ts) are hidden for the shot.
  const png = await page.screenshot({ clip, style: '.map-labels { visibility: hidden; }' });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const colours = new Set<number>();
  const first: Rgb[] = [];
  for (let i = 0; i < data.length; i += info.channels) {
    colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    if (first.length < 16) first.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  }
  return { distinctColours: colours.size, first };
}
