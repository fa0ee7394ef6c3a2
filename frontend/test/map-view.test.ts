/**
 * The map a reader can read (issue 11), in real headless Chromium under the production CSP: names on the
 * map for every coloured country, the selection framed, small states marked, the phone's scrolling, the
 * focus ring, print. Same setup as browser.test.ts (the local stack serving frontend/dist).
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, chromiumSuite, skipBrowserSuite } from './chromium.ts';

const KAZAN_2023 = 'moscow-format-5-kazan-2023';
const MOSCOW_2025 = 'moscow-format-7-moscow-2025';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 800 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(skipBrowserSuite)('the map a reader can read', () => {
  const suite = chromiumSuite();

  async function open(path: string, options: BrowserContextOptions = { viewport: DESKTOP }) {
    const opened = await suite.open(path, options);
    await settled(opened.page);
    return opened;
  }

  /** The camera is still and the names are placed for this view. */
  const settled = (page: Page) => page.waitForFunction(() => window.__countryMap?.settled() === true);

  /** The countries a meeting colours in the roles layer: its country attendees, Afghanistan, the neighbours. */
  function colouredAt(meetingId: string): string[] {
    const meeting = suite.overview.meetings.find((m) => m.id === meetingId);
    if (!meeting) throw new Error(`The data has no meeting ${meetingId}`);
    const neighbours = suite.overview.countries.filter((c) => c.neighbourBorderKm !== null).map((c) => c.iso3);
    return [...new Set([...meeting.attendees.filter((a) => a.kind === 'country').map((a) => a.actor), 'AFG', ...neighbours])].sort();
  }

  /** The page box of each visible name on the map, by country. */
  async function visibleLabels(page: Page): Promise<Map<string, Box & { text: string }>> {
    const found = await page.locator('.map-labels .map-label:not([hidden])').evaluateAll((spans) =>
      spans.map((span) => {
        const box = span.getBoundingClientRect();
        return { iso3: (span as HTMLElement).dataset.iso3!, text: span.textContent ?? '', x: box.x, y: box.y, width: box.width, height: box.height };
      }),
    );
    return new Map(found.map(({ iso3, ...rest }) => [iso3, rest]));
  }

  async function labelPointOnPage(page: Page, iso3: string): Promise<{ x: number; y: number } | null> {
    const box = (await page.locator('.map canvas').boundingBox())!;
    const point = await page.evaluate((id) => {
      const lngLat = window.__countryMap!.labelPoint(id);
      return lngLat ? window.__countryMap!.project(lngLat[0], lngLat[1]) : null;
    }, iso3);
    return point ? { x: box.x + point[0], y: box.y + point[1] } : null;
  }

  for (const [meetingId, title] of [
    [KAZAN_2023, 'Kazan 2023'],
    [MOSCOW_2025, 'Moscow 2025'],
  ] as const) {
    for (const viewport of [DESKTOP, PHONE]) {
      it(`${title} at ${viewport.width}×${viewport.height}: every coloured country named, in view, no two names overlapping; axe clean`, async () => {
        const { page, errors } = await open(`/?meeting=${meetingId}`, { viewport });
        const coloured = colouredAt(meetingId);
        expect(coloured.length).toBeGreaterThan(10);
        const canvas = (await page.locator('.map canvas').boundingBox())!;

        // every attendee inside the map's viewport after selection (its label point, the heart of the country)
        for (const iso3 of coloured) {
          const point = await labelPointOnPage(page, iso3);
          expect(point, `${iso3} label point`).not.toBeNull();
          expect(inside({ ...point!, width: 0, height: 0 }, canvas), `${iso3} in view`).toBe(true);
        }

        const labels = await visibleLabels(page);
        expect([...labels.keys()].filter((iso3) => coloured.includes(iso3)).sort()).toEqual(coloured);
        const entries = [...labels.entries()];
        for (const [iso3, box] of entries) {
          expect(box.text.trim().length, iso3).toBeGreaterThan(1);
          expect(inside(box, canvas), `${iso3} name inside the map`).toBe(true);
        }
        for (const [i, [a, boxA]] of entries.entries()) {
          for (const [b, boxB] of entries.slice(i + 1)) expect(overlap(boxA, boxB), `${a} and ${b} overlap`).toBe(false);
        }
        // the page's font; hidden from screen readers, which get the same names from the lists and the summary
        const fonts = await page.evaluate(() => [
          getComputedStyle(document.querySelector('.map-label')!).fontFamily,
          getComputedStyle(document.body).fontFamily,
        ]);
        expect(fonts[0]).toBe(fonts[1]);
        expect(await page.locator('.map-labels').getAttribute('aria-hidden')).toBe('true');
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }

  for (const viewport of [DESKTOP, PHONE]) {
    it(`the start view at ${viewport.width}×${viewport.height} names Afghanistan and all six neighbours, China from its visible part`, async () => {
      const { page, errors } = await open('/', { viewport });
      const neighbours = suite.overview.countries.filter((c) => c.neighbourBorderKm !== null).map((c) => c.iso3);
      const labels = await visibleLabels(page);
      expect([...labels.keys()].sort()).toEqual(['AFG', ...neighbours].sort());
      // China's label point (central China) is east of the start view; its name sits on the part in view
      const canvas = (await page.locator('.map canvas').boundingBox())!;
      const china = (await labelPointOnPage(page, 'CHN'))!;
      expect(inside({ ...china, width: 0, height: 0 }, canvas)).toBe(false);
      expect(inside(labels.get('CHN')!, canvas)).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('a country too small to see gets a marker in its colour (Qatar at Kazan 2023 on a phone)', async () => {
    const { page } = await open(`/?meeting=${KAZAN_2023}`, { viewport: PHONE });
    const marker = page.locator('.map-marker[data-iso3="QAT"]:not([hidden])');
    await expect.poll(() => marker.count()).toBe(1);
    const box = (await marker.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(10);
    const point = (await labelPointOnPage(page, 'QAT'))!;
    expect(Math.abs(box.x + box.width / 2 - point.x)).toBeLessThan(2);
    expect(Math.abs(box.y + box.height / 2 - point.y)).toBeLessThan(2);
    // and Qatar's own polygon is that small there: its label point and the UAE's are close
    const uae = (await labelPointOnPage(page, 'ARE'))!;
    expect(Math.hypot(uae.x - point.x, uae.y - point.y)).toBeLessThan(40);
  });

  it('the stance layer frames its countries; choosing a country brings it into view; Reset view returns to the region', async () => {
    const { page, errors } = await open('/?layer=stance');
    const coloured = await page.evaluate(
      (codes) => codes.filter((iso3) => window.__countryMap!.featureState(iso3).cat != null),
      suite.overview.countries.map((c) => c.iso3),
    );
    expect(coloured.length).toBeGreaterThan(3);
    const canvas = (await page.locator('.map canvas').boundingBox())!;
    for (const iso3 of coloured) {
      const point = (await labelPointOnPage(page, iso3))!;
      expect(inside({ ...point, width: 0, height: 0 }, canvas), `${iso3} in view`).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Role at meeting' }).check();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Reset view' }).click();
    await settled(page);
    // the start view: Afghanistan and its region, from eastern Turkey to western China
    for (const iso3 of ['AFG', 'IRN', 'PAK', 'TKM', 'UZB', 'TJK']) {
      const point = (await labelPointOnPage(page, iso3))!;
      expect(inside({ ...point, width: 0, height: 0 }, canvas), `${iso3} in the start view`).toBe(true);
    }

    // a country far outside the start view, chosen from the list
    await page.getByRole('button', { name: /^United States/ }).first().click();
    await expect.poll(() => page.url()).toContain('country=USA');
    await page.waitForFunction(() => window.__countryMap!.featureState('USA').selected === true);
    await settled(page);
    const usa = (await labelPointOnPage(page, 'USA'))!;
    expect(inside({ ...usa, width: 0, height: 0 }, canvas), 'USA brought into view').toBe(true);
    expect((await visibleLabels(page)).has('USA')).toBe(true);

    // a country larger than the view: its whole mainland is brought into view, not a frame of its interior
    await page.getByRole('button', { name: /^Russia/ }).first().click();
    await page.waitForFunction(() => window.__countryMap!.featureState('RUS').selected === true);
    await settled(page);
    // Moscow in the west and Kamchatka in the east, both on the map (a frame of the interior showed neither).
    const framed = await page.evaluate(() => {
      const { width, height } = document.querySelector('.map canvas')!.getBoundingClientRect();
      return ([[37.6, 55.75], [158.6, 53.0]] as const).every(([lng, lat]) => {
        const [x, y] = window.__countryMap!.project(lng, lat);
        return x >= 0 && y >= 0 && x <= width && y <= height;
      });
    });
    expect(framed, "Russia's mainland in view").toBe(true);
    expect(errors).toEqual([]);
  });

  it('on a touch phone one finger over the map scrolls the page, and choosing a meeting brings its summary up', async () => {
    const { page, context, errors } = await open('/', { viewport: PHONE, hasTouch: true, isMobile: true });
    const frame = (await page.locator('.map-frame').boundingBox())!;
    // the map fits the screen's width and leaves room above and below it
    expect(frame.width).toBeLessThanOrEqual(PHONE.width);
    expect(frame.height).toBeLessThanOrEqual(PHONE.height * 0.6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Afghanistan's place on the map's own canvas: unchanged unless the map itself pans
    const onCanvas = () =>
      page.evaluate(() => {
        const [lng, lat] = window.__countryMap!.labelPoint('AFG')!;
        return window.__countryMap!.project(lng, lat);
      });
    const before = await onCanvas();
    const cdp = await context.newCDPSession(page);
    const x = Math.round(frame.x + frame.width / 2);
    const startY = Math.round(frame.y + frame.height - 40);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: startY }] });
    for (let step = 1; step <= 10; step++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: startY - step * 25 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(50);
    // the map itself did not move
    const after = await onCanvas();
    expect(Math.abs(after[0] - before[0])).toBeLessThan(1);
    expect(Math.abs(after[1] - before[1])).toBeLessThan(1);

    await page.getByRole('button', { name: /29 Sept 2023/ }).click();
    await expect.poll(() => page.url()).toContain(`meeting=${KAZAN_2023}`);
    await expect
      .poll(async () => {
        const heading = await page.locator('#meeting-title').boundingBox();
        return heading ? Math.round(heading.y) : -1;
      })
      .toBeGreaterThanOrEqual(0);
    const heading = (await page.locator('#meeting-title').boundingBox())!;
    expect(heading.y).toBeLessThan(PHONE.height / 4);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a pointer resting on a country asks for its records before the click, and the click opens them from there', async () => {
    const { page, errors } = await open('/');
    const asked: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/countries/')) asked.push(pathname);
    });
    const [x, y] = await page.evaluate(() => {
      const map = window.__countryMap!;
      const point = map.labelPoint('PAK')!;
      return map.project(point[0], point[1]);
    });
    const canvas = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.move(canvas.x + x, canvas.y + y);
    await expect.poll(() => asked, { timeout: 5_000 }).toEqual(['/api/countries/PAK']);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(() => [...document.querySelectorAll('.details section.panel h2')].some((h) => h.textContent?.trim() === 'Pakistan'));
    expect(asked).toEqual(['/api/countries/PAK']);
    expect(errors).toEqual([]);
  });

  it('the map shows a focus ring when reached by keyboard, not clipped by the map', async () => {
    const { page } = await open('/');
    // The lists of meetings, countries and organisations come first in the tab order: well over 40 stops.
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    const frame = (await page.locator('.map-frame').boundingBox())!;
    // a pixel 1 px inside the frame's left edge, halfway down: the focus colour (#0072B2)
    const png = await page.screenshot({ clip: { x: Math.round(frame.x) + 1, y: Math.round(frame.y + frame.height / 2), width: 1, height: 1 } });
    const [r, g, b] = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    }, png.toString('base64'));
    expect(Math.max(Math.abs(r! - 0x00), Math.abs(g! - 0x72), Math.abs(b! - 0xb2))).toBeLessThan(12);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('prints the map as drawn (names included), its legend and the open panel, without controls', async () => {
    const { page, errors } = await open(`/?meeting=${KAZAN_2023}&country=RUS`);
    await page.locator('section[aria-labelledby="country-title"] .statement').first().waitFor();
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const image = page.locator('.map-print');
    await expect.poll(() => image.isVisible()).toBe(true);
    // a real picture of the map, not a blank canvas
    const colours = await image.evaluate(async (element) => {
      const img = element as HTMLImageElement;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(20);
    expect(await page.locator('.maplibregl-control-container').isVisible()).toBe(false);
    expect(await page.locator('.map canvas').isVisible()).toBe(false);
    expect(await page.locator('.legend').isVisible()).toBe(true);
    expect(await page.locator('#country-title').isVisible()).toBe(true);
    expect(await page.locator('.browse').isVisible()).toBe(false);
    expect(await page.locator('.layer-picker').isVisible()).toBe(false);
    expect(await page.locator('button:visible').count()).toBe(await page.locator('button.link:visible').count());

    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await expect.poll(() => image.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
