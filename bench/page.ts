/**
 * Time to the highlighted map, in headless Chromium: navigation → the page's `map-highlighted` mark
 * (CountryMap: MapLibre idle after the boundaries and the first highlights are applied), over cold loads,
 * each in a fresh browser context (empty cache), against the local stack. Beside it the floor: a bare
 * MapLibre page (./floor/) drawing the same boundary file, built with Vite here and served by the same
 * static server code (local/static-site.ts) in a process of its own, same viewport, marking `map-drawn`.
 * Loads alternate between the two, so drift hits both alike; the report is the ratio of the medians.
 * Also records what the page requests on its first load (./first-load.ts).
 */
import './quiet-sdk.ts';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../frontend/test/chromium.ts';
import { distDir, recordFirstLoad } from './first-load.ts';
import { startServerProcess, type ServerProcess } from './servers/child.ts';
import { median, ratio, round } from './stats.ts';

const floorSource = fileURLToPath(new URL('./floor/', import.meta.url));
const viewport = { width: 1280, height: 800 } as const;

export type PageReport = Awaited<ReturnType<typeof benchPage>>;

/** The floor page built with Vite into a temporary folder, with the page's boundary file beside it. */
export async function buildFloor(): Promise<string> {
  const boundaries = (await readdir(path.join(distDir, 'assets'))).find((name) => /^countries-[\w-]+\.json$/.test(name));
  if (boundaries === undefined) throw new Error(`No boundary file in ${distDir}assets: run \`npm run build\` first`);
  const outDir = await mkdtemp(path.join(tmpdir(), 'bench-floor-'));
  await build({
    root: floorSource,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
  await cp(path.join(distDir, 'assets', boundaries), path.join(outDir, 'assets', 'countries.json'));
  return outDir;
}

async function timeToMark(browser: Browser, url: string, mark: string): Promise<number> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 60_000 });
    return await page.evaluate((name) => (performance.getEntriesByName(name)[0] as PerformanceEntry).startTime, mark);
  } finally {
    await context.close();
  }
}

/** Medians of `loads` cold loads each (ms from navigation to the mark), every sample, and the ratio page ÷ floor. */
export async function benchPage({ loads = 7, log = (_line: string) => {} } = {}) {
  const floorDir = await buildFloor();
  let stack: ServerProcess | undefined;
  let floor: ServerProcess | undefined;
  let browser: Browser | undefined;
  try {
    [stack, floor] = await Promise.all([startServerProcess({ mode: 'stack' }), startServerProcess({ mode: 'static', dir: floorDir })]);
    browser = await launchChromium();
    const pageUrl = `${stack.url}/`;
    const floorUrl = `${floor.url}/`;
    // One untimed load of each: the servers compress and cache each file on its first request.
    await timeToMark(browser, pageUrl, 'map-highlighted');
    await timeToMark(browser, floorUrl, 'map-drawn');
    const samples = { page: [] as number[], floor: [] as number[] };
    for (let load = 0; load < loads; load++) {
      const order = load % 2 === 0 ? (['page', 'floor'] as const) : (['floor', 'page'] as const);
      for (const which of order) {
        const ms = which === 'page' ? await timeToMark(browser, pageUrl, 'map-highlighted') : await timeToMark(browser, floorUrl, 'map-drawn');
        samples[which].push(round(ms));
      }
      log(`  load ${load + 1}: page ${samples.page.at(-1)} ms, floor ${samples.floor.at(-1)} ms`);
    }
    const firstLoad = await recordFirstLoad(browser, pageUrl, { viewport });
    const page = { medianMs: round(median(samples.page)), samplesMs: samples.page };
    const floorResult = { medianMs: round(median(samples.floor)), samplesMs: samples.floor };
    return { loads, viewport, chromium: browser.version(), page, floor: floorResult, ratio: ratio(page.medianMs, floorResult.medianMs), firstLoad };
  } finally {
    await browser?.close();
    await Promise.all([stack?.close(), floor?.close()]);
    await rm(floorDir, { recursive: true, force: true });
  }
}

