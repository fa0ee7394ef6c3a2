/**
 * The first view (issue 15), against the bare MapLibre page of ./floor/ in the same run, same viewport:
 * - highlighted map visible: ours is the frame that painted the map picture built into the HTML (Element
 *   Timing's render time of its image, frontend/build/first-view.ts); the floor's is its
 *   `map-drawn` mark (MapLibre idle with the boundaries drawn);
 * - MapLibre interactive: ours is `map-interactive` (MapLibre first idle with the boundaries and highlights
 *   drawn), the floor's `map-drawn` (first idle with the boundaries drawn): the same event of the same library;
 * - Lighthouse 12 (mobile, simulated throttling) for both, run as a child process so nothing it audits shares
 *   its Node process; the medians of its runs;
 * - click to panel: from a click on a country on the map or a meeting in the list to its panel drawn (the
 *   frame after its heading and content appear), alternating, p75.
 * Loads alternate between the two pages, so drift hits both alike.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { Overview } from '../data/schema/api.ts';
import { chromiumArgs, chromiumPath, launchChromium } from '../frontend/test/chromium.ts';
import { buildFloor } from './page.ts';
import { startServerProcess, type ServerProcess } from './servers/child.ts';
import { formatTable, median, percentile, ratio, round } from './stats.ts';

const viewport = { width: 1280, height: 800 } as const;
const lighthouseCli = fileURLToPath(new URL('../node_modules/lighthouse/cli/index.js', import.meta.url));

export const firstViewTargets = {
  visibleToFloorRatio: 0.4,
  interactiveToFloorRatio: 1.0,
  lighthousePerformance: 75,
  lighthouseLeadPoints: 30,
  lcpMs: 1500,
  accessibility: 100,
  cls: 0,
  clickToPanelP75Ms: 100,
} as const;

interface LighthouseScores {
  readonly performance: number;
  readonly accessibility: number;
  readonly fcpMs: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
}

export interface FirstViewReport {
  readonly loads: number;
  readonly viewport: typeof viewport;
  readonly ours: { readonly visibleMs: number; readonly interactiveMs: number; readonly visibleSamplesMs: number[]; readonly interactiveSamplesMs: number[] };
  readonly floor: { readonly drawnMs: number; readonly samplesMs: number[] };
  readonly visibleRatio: number;
  readonly interactiveRatio: number;
  readonly lighthouse: { readonly runs: number; readonly ours: LighthouseScores; readonly floor: LighthouseScores } | { readonly error: string };
  readonly clickToPanel: { readonly p75Ms: number; readonly samplesMs: number[] };
}

/** Navigation → the first frame in which the map picture is laid out (not before first contentful paint). */
async function timeOurs(browser: Browser, url: string): Promise<{ visible: number; interactive: number }> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    // Source text, not a function: tsx's name-keeping helpers do not exist in the page. Element Timing gives
    // the frame in which the picture was painted, its image decoded (frontend/build/first-view.ts marks it).
    await page.addInitScript(`(() => {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.identifier === 'first-view-map') performance.mark('first-view-painted', { startTime: entry.renderTime || entry.loadTime });
        }
      }).observe({ type: 'element', buffered: true });
    })()`);
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('map-highlighted').length > 0, null, { timeout: 120_000 });
    const [interactive, painted] = await page.evaluate(() =>
      ['map-interactive', 'first-view-painted'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? -1),
    );
    // Without the picture, the map is first visible when MapLibre draws it.
    return { visible: painted! < 0 ? interactive! : painted!, interactive: interactive! };
  } finally {
    await context.close();
  }
}

async function timeFloor(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('map-drawn').length > 0, null, { timeout: 120_000 });
    return await page.evaluate(() => performance.getEntriesByName('map-drawn')[0]!.startTime);
  } finally {
    await context.close();
  }
}

async function lighthouse(url: string): Promise<LighthouseScores> {
  const flags = ['--headless=new', ...chromiumArgs].join(' ');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [lighthouseCli, url, '--quiet', '--output=json', '--output-path=stdout', '--only-categories=performance,accessibility', `--chrome-flags=${flags}`],
    { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024, timeout: 900_000 },
  ).catch((error: { stderr?: string; killed?: boolean; message: string }) => {
    const reason = error.killed ? 'timed out after 15 minutes' : (error.stderr ?? error.message).trim().split('\n').at(-1);
    throw new Error(`Lighthouse on ${url}: ${reason}`);
  });
  const result = JSON.parse(stdout) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
    runtimeError?: { message: string };
  };
  if (result.runtimeError) throw new Error(`Lighthouse: ${result.runtimeError.message}`);
  const audit = (id: string) => round(result.audits[id]?.numericValue ?? Number.NaN, 3);
  return {
    performance: Math.round((result.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((result.categories.accessibility?.score ?? 0) * 100),
    fcpMs: Math.round(audit('first-contentful-paint')),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    cls: audit('cumulative-layout-shift'),
  };
}

/** The median of each score over several runs. */
function medianScores(runs: readonly LighthouseScores[]): LighthouseScores {
  const pick = (key: keyof LighthouseScores) => median(runs.map((run) => run[key]));
  return { performance: pick('performance'), accessibility: pick('accessibility'), fcpMs: pick('fcpMs'), lcpMs: pick('lcpMs'), tbtMs: pick('tbtMs'), cls: pick('cls') };
}

/**
 * Click → panel drawn, in one page: alternately a meeting in the list (until its summary's heading shows
 * its title) and a country on the map (until its panel shows content, not "Loading"), each timed from the
 * click event to the frame after the panel appeared.
 */
export async function clickToPanel(browser: Browser, url: string, clicks: number): Promise<number[]> {
  const overview = (await (await fetch(`${url}api/overview`)).json()) as Overview;
  const context = await browser.newContext({ viewport });
  const samples: number[] = [];
  try {
    const page = await context.newPage();
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('map-highlighted').length > 0, null, { timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __countryMap?: { settled(): boolean } }).__countryMap?.settled());
    const meetings = overview.meetings.slice(-4);
    const countries = ['PAK', 'IRN', 'UZB', 'TJK', 'TKM', 'KAZ', 'IND', 'AFG'];
    for (let i = 0; i < clicks; i++) {
      if (i % 2 === 0) {
        const meeting = meetings[(i / 2) % meetings.length]!;
        const button = page.locator(`.timeline button:has(time[datetime="${meeting.startDate}"])`).first();
        samples.push(await timeClick(page, '#meeting-title', meeting.title, () => button.click()));
      } else {
        const iso3 = countries[((i - 1) / 2) % countries.length]!;
        const name = overview.countries.find((c) => c.iso3 === iso3)!.name;
        // A reader clicks a country they see: wait for the camera to stop (the meeting clicked before may still
        // be moving it), or the point computed here would be under another country by the time of the click.
        await page.waitForFunction(() => (window as unknown as { __countryMap: { settled(): boolean } }).__countryMap.settled(), null, { timeout: 30_000 });
        samples.push(
          await timeClick(page, '.details section.panel h2', name, async () => {
            const hook = await page.evaluate((code) => {
              const map = (window as unknown as { __countryMap: { labelPoint(c: string): [number, number] | null; project(a: number, b: number): [number, number] } }).__countryMap;
              const point = map.labelPoint(code)!;
              return map.project(point[0], point[1]);
            }, iso3);
            const box = (await page.locator('.map canvas').boundingBox())!;
            await page.mouse.click(box.x + hook[0], box.y + hook[1]);
          }),
        );
      }
    }
  } finally {
    await context.close();
  }
  return samples;
}

/** Times one click: from the click event to the frame after `selector` shows `text` and nothing is loading. */
async function timeClick(page: Page, selector: string, text: string, click: () => Promise<void>): Promise<number> {
  await page.evaluate(`(() => {
    const [selector, text] = ${JSON.stringify([selector, text])};
    window.__click = undefined;
    window.__drawn = undefined;
    addEventListener('click', (event) => (window.__click = event.timeStamp), { capture: true, once: true });
    const check = () => {
      const done = [...document.querySelectorAll(selector)].some((element) => element.textContent.trim() === text);
      const loading = document.querySelector('.details .loading');
      if (window.__click !== undefined && done && !loading) requestAnimationFrame(() => (window.__drawn = performance.now()));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  await click();
  await page.waitForFunction(() => (window as unknown as { __drawn?: number }).__drawn !== undefined, null, { timeout: 30_000 });
  return round(await page.evaluate(() => (window as unknown as { __drawn: number; __click: number }).__drawn - (window as unknown as { __click: number }).__click));
}

export async function benchFirstView({ loads = 5, lighthouseRuns = 3, clicks = 16, log = (_line: string) => {} } = {}): Promise<FirstViewReport> {
  const floorDir = await buildFloor();
  let stack: ServerProcess | undefined;
  let floor: ServerProcess | undefined;
  let browser: Browser | undefined;
  try {
    [stack, floor] = await Promise.all([startServerProcess({ mode: 'stack' }), startServerProcess({ mode: 'static', dir: floorDir })]);
    browser = await launchChromium();
    const [pageUrl, floorUrl] = [`${stack.url}/`, `${floor.url}/`];
    // One untimed load of each: the servers compress and cache each file on its first request.
    await timeOurs(browser, pageUrl);
    await timeFloor(browser, floorUrl);
    const visible: number[] = [];
    const interactive: number[] = [];
    const drawn: number[] = [];
    for (let load = 0; load < loads; load++) {
      const order = load % 2 === 0 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const);
      for (const which of order) {
        if (which === 'floor') drawn.push(round(await timeFloor(browser, floorUrl)));
        else {
          const times = await timeOurs(browser, pageUrl);
          visible.push(round(times.visible));
          interactive.push(round(times.interactive));
        }
      }
      log(`  first view ${load + 1}: visible ${visible.at(-1)} ms, interactive ${interactive.at(-1)} ms, floor ${drawn.at(-1)} ms`);
    }
    const clicksMs = await clickToPanel(browser, pageUrl, clicks);
    log(`  click to panel: ${clicksMs.join(' ')} ms`);
    await browser.close();
    browser = undefined;

    let lighthouseResult: FirstViewReport['lighthouse'];
    try {
      const runs = { ours: [] as LighthouseScores[], floor: [] as LighthouseScores[] };
      for (let run = 0; run < lighthouseRuns; run++) {
        runs.ours.push(await lighthouse(pageUrl));
        runs.floor.push(await lighthouse(floorUrl));
        log(`  Lighthouse ${run + 1}: ours ${runs.ours.at(-1)!.performance}, floor ${runs.floor.at(-1)!.performance}`);
      }
      lighthouseResult = { runs: lighthouseRuns, ours: medianScores(runs.ours), floor: medianScores(runs.floor) };
    } catch (error) {
      lighthouseResult = { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }

    const ours = { visibleMs: round(median(visible)), interactiveMs: round(median(interactive)), visibleSamplesMs: visible, interactiveSamplesMs: interactive };
    const floorResult = { drawnMs: round(median(drawn)), samplesMs: drawn };
    return {
      loads,
      viewport,
      ours,
      floor: floorResult,
      visibleRatio: ratio(ours.visibleMs, floorResult.drawnMs),
      interactiveRatio: ratio(ours.interactiveMs, floorResult.drawnMs),
      lighthouse: lighthouseResult,
      clickToPanel: { p75Ms: round(percentile(clicksMs, 75)), samplesMs: clicksMs },
    };
  } finally {
    await browser?.close();
    await Promise.all([stack?.close(), floor?.close()]);
    await rm(floorDir, { recursive: true, force: true });
  }
}

export function formatFirstViewTable(report: FirstViewReport): string {
  const rows: (string | number)[][] = [
    ['highlighted map visible (ms)', report.ours.visibleMs, report.floor.drawnMs, report.visibleRatio],
    ['MapLibre interactive (ms)', report.ours.interactiveMs, report.floor.drawnMs, report.interactiveRatio],
  ];
  if ('error' in report.lighthouse) rows.push(['Lighthouse', report.lighthouse.error, '', '']);
  else {
    const { ours, floor } = report.lighthouse;
    for (const key of ['performance', 'accessibility', 'fcpMs', 'lcpMs', 'tbtMs', 'cls'] as const) rows.push([`Lighthouse mobile ${key}`, ours[key], floor[key], '']);
  }
  rows.push(['click to panel p75 (ms)', report.clickToPanel.p75Ms, '', '']);
  return formatTable(['first view', 'ours', 'bare MapLibre', 'ratio'], rows);
}

/** The targets, each with the figure and the bare page's from the same run: [name, target, measured, met]. */
export function evaluateFirstView(report: FirstViewReport): [string, string, string, boolean][] {
  const t = firstViewTargets;
  const rows: [string, string, string, boolean][] = [
    ['first view: highlighted map visible vs bare MapLibre drawn', `≤ ${t.visibleToFloorRatio}×`, `${report.visibleRatio}× (${report.ours.visibleMs} vs ${report.floor.drawnMs} ms)`, report.visibleRatio <= t.visibleToFloorRatio],
    ['first view: MapLibre interactive vs bare MapLibre', `≤ ${t.interactiveToFloorRatio}×`, `${report.interactiveRatio}× (${report.ours.interactiveMs} vs ${report.floor.drawnMs} ms)`, report.interactiveRatio <= t.interactiveToFloorRatio],
  ];
  if ('error' in report.lighthouse) rows.push(['Lighthouse mobile', 'runs', report.lighthouse.error, false]);
  else {
    const { ours, floor } = report.lighthouse;
    rows.push(
      ['Lighthouse mobile performance', `≥ ${t.lighthousePerformance} and ≥ bare + ${t.lighthouseLeadPoints}`, `${ours.performance} (bare ${floor.performance})`, ours.performance >= t.lighthousePerformance && ours.performance >= floor.performance + t.lighthouseLeadPoints],
      ['Lighthouse mobile LCP', `≤ ${t.lcpMs} ms`, `${ours.lcpMs} ms (bare ${floor.lcpMs} ms)`, ours.lcpMs <= t.lcpMs],
      ['Lighthouse mobile accessibility', `${t.accessibility}`, `${ours.accessibility} (bare ${floor.accessibility})`, ours.accessibility >= t.accessibility],
      ['Lighthouse mobile CLS', `${t.cls}`, `${ours.cls} (bare ${floor.cls})`, ours.cls <= t.cls],
    );
  }
  rows.push(['click to panel p75', `≤ ${t.clickToPanelP75Ms} ms`, `${report.clickToPanel.p75Ms} ms`, report.clickToPanel.p75Ms <= t.clickToPanelP75Ms]);
  return rows;
}
