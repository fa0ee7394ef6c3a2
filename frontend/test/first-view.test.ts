/**
 * The first view built into index.html (frontend/build/first-view.ts) and the map images, in headless
 * Chromium against the local stack under the production security headers: with JavaScript off the page
 * shows the highlighted map with its names and the meeting list, and links where the app has buttons; with
 * JavaScript on, MapLibre takes the picture's place with no layout shift and the names where they were;
 * "Download PNG" and "Download SVG" give a composed PNG at least 1200 px wide and a vector SVG.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allCategories, baseStyles } from '../src/lib/map/palette.ts';
import { neighboursOf, roleCategory } from '../src/lib/state/highlights.ts';
import { chromiumSuite, distance, hexToRgb, screenshotPixels, skipBrowserSuite } from './chromium.ts';

const desktop = { width: 1280, height: 800 };

describe.skipIf(skipBrowserSuite)('the first view and the map images in headless Chromium', () => {
  const suite = chromiumSuite();

  async function openWithoutJavaScript(path: string, viewport = desktop): Promise<Page> {
    const { page } = await suite.open(path, { viewport, javaScriptEnabled: false, waitForMap: false });
    return page;
  }

  const neighbourNames = () =>
    [...neighboursOf(suite.overview)].map((iso3) => suite.overview.countries.find((c) => c.iso3 === iso3)!.name).sort();

  /** Centre of each name written over the map, by country code. */
  const labelCentres = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((spans) =>
      Object.fromEntries(
        spans
          .filter((span) => !(span as HTMLElement).hidden)
          .map((span) => {
            const box = span.getBoundingClientRect();
            return [(span as HTMLElement).dataset.iso3!, [box.left + box.width / 2, box.top + box.height / 2]];
          }),
      ),
    );

  it.each([
    ['desktop', desktop],
    ['phone', { width: 375, height: 800 }],
  ])('with JavaScript off (%s), shows the highlighted map with names and the meeting list, as links', async (_name, viewport) => {
    const page = await openWithoutJavaScript('/', viewport);
    const map = page.locator('.map-first-view img');
    await expect(map.isVisible()).resolves.toBe(true);
    // Loaded and decoded: the AVIF for this browser, not the fallback, and not a broken image.
    const image = await map.evaluate((img: HTMLImageElement) => ({ source: img.currentSrc, width: img.naturalWidth }));
    expect(image.source).toMatch(/\/assets\/first-view-map-\w+\.avif$/);
    expect(image.width).toBeGreaterThan(600);
    const frameBox = (await page.locator('.map-frame').boundingBox())!;
    expect(frameBox.width).toBeGreaterThan(200);
    expect(frameBox.height).toBeGreaterThan(150);
    // What the picture shows, read from a screenshot at the names' anchors (each name sits on its country's
    // label point, well inside it): Afghanistan in its fill, Uzbekistan with the neighbours' hatch (the fill
    // and the hatch's lines, not one flat colour).
    const anchors = await labelCentres(page, '.map-first-view .map-label');
    const [ax, ay] = anchors.AFG as [number, number];
    const afghanistan = await screenshotPixels(page, { x: Math.round(ax), y: Math.round(ay), width: 1, height: 1 });
    expect(distance(afghanistan.first[0]!, hexToRgb(baseStyles.afghanistan.fill)), 'Afghanistan\'s fill').toBeLessThan(16);
    const [ux, uy] = anchors.UZB as [number, number];
    const uzbekistan = await screenshotPixels(page, { x: Math.round(ux) - 6, y: Math.round(uy) - 6, width: 12, height: 12 });
    expect(uzbekistan.distinctColours, 'colours inside Uzbekistan').toBeGreaterThan(1);
    const neighbourFill = hexToRgb(baseStyles.neighbour.fill);
    expect(Math.min(...uzbekistan.first.map((pixel) => distance(pixel, neighbourFill))), 'the neighbours\' fill').toBeLessThan(16);
    // The names: Afghanistan's and its six neighbours', each inside the map.
    const names = (await page.locator('.map-first-view .map-label').allInnerTexts()).sort();
    expect(names).toEqual(['Afghanistan', ...neighbourNames()].sort());
    for (const [iso3, [x, y]] of Object.entries(anchors)) {
      expect(x, iso3).toBeGreaterThan(frameBox.x);
      expect(x, iso3).toBeLessThan(frameBox.x + frameBox.width);
      expect(y, iso3).toBeGreaterThan(frameBox.y);
      expect(y, iso3).toBeLessThan(frameBox.y + frameBox.height);
    }
    await expect(map.getAttribute('alt')).resolves.toContain('Afghanistan');

    // Every meeting is a link to the URL the app uses for it; so is every country and the latest meeting.
    const meetingLinks = await page.locator('.timeline a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(meetingLinks.sort()).toEqual(suite.overview.meetings.map((m) => `?meeting=${m.id}`).sort());
    await expect(page.getByRole('link', { name: /^Pakistan/ }).getAttribute('href')).resolves.toBe('?country=PAK');
    const latest = suite.overview.meetings.at(-1)!;
    await expect(page.getByRole('link', { name: `Show the latest meeting: ${latest.title}` }).getAttribute('href')).resolves.toBe(
      `?meeting=${latest.id}`,
    );
    await expect(page.locator('#intro-title ~ p').nth(1).innerText()).resolves.toContain(latest.city);
    await expect(page.locator('.legend').innerText()).resolves.toContain(baseStyles.neighbour.label);

    // A link leads to a page that opens, with the same first view.
    await page.locator('.timeline a').first().click();
    await page.waitForURL(/\?meeting=/);
    await expect(page.locator('.map-first-view img').count()).resolves.toBe(1);
  });

  it('hands over to MapLibre with no layout shift, the names where the picture had them', async () => {
    const withoutJs = await openWithoutJavaScript('/');
    const before = await labelCentres(withoutJs, '.map-first-view .map-label');

    const { page, errors } = await suite.open('/', {
      viewport: desktop,
      mapTimeout: 90_000,
      initScript: () => {
        (window as unknown as { __shift: number }).__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) (window as unknown as { __shift: number }).__shift += (entry as unknown as { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
      },
    });
    await expect.poll(() => page.locator('.map-first-view').count(), { timeout: 10_000 }).toBe(0);
    await page.waitForFunction(() => window.__countryMap?.settled());
    const after = await labelCentres(page, '.map .map-labels .map-label, .map-frame .map-labels .map-label');
    // Afghanistan and the neighbours whose names sit on their label point: the same pixels, give or take the
    // text measure (the picture estimates widths at build time).
    for (const iso3 of ['AFG', 'IRN', 'PAK', 'UZB', 'TKM']) {
      const [x0, y0] = before[iso3] as [number, number];
      const [x1, y1] = after[iso3] as [number, number];
      expect(Math.abs(x1 - x0), iso3).toBeLessThanOrEqual(4);
      expect(Math.abs(y1 - y0), iso3).toBeLessThanOrEqual(4);
    }
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('downloads the current map as a composed PNG at least 1200 px wide and as a vector SVG', async () => {
    const meeting = suite.overview.meetings.at(-1)!;
    const { page, errors } = await suite.open(`/?meeting=${meeting.id}`, { viewport: desktop, acceptDownloads: true, mapTimeout: 90_000 });

    const download = async (kind: 'PNG' | 'SVG') => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${kind}` }).click()]);
      expect(file.suggestedFilename()).toBe(`afghanistan-neighbours-map-${meeting.id}.${kind.toLowerCase()}`);
      return readFile((await file.path())!);
    };
    const png = await download('PNG');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1200);
    expect(png.readUInt32BE(20)).toBeGreaterThan(600);

    const svg = (await download('SVG')).toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain('<image');
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(30);
    // Title, legend and source line; the attendees in their role colours, their names on the map.
    const text = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(meeting.title);
    expect(svg).toContain('Bordering neighbour');
    expect(svg).toContain('Natural Earth');
    const host = meeting.attendees.find((a) => a.role === 'host' && a.kind === 'country')!;
    const hostFill = allCategories.find((c) => c.key === roleCategory(host))!.fill;
    expect(svg).toContain(`fill="${hostFill}" data-iso3="${host.actor}"`);
    expect(svg).toContain(`>${suite.overview.countries.find((c) => c.iso3 === host.actor)!.name}</text>`);
    expect(errors).toEqual([]);
  });
});
