/**
 * The page in real headless Chromium against the local stack (started in-process, serving frontend/dist:
 * `npm test` builds first). The stack serves the page with the production security headers
 * (frontend/security-headers.ts, the values CloudFront sends), so every test runs under the production CSP.
 *
 * Without a browser these tests skip with a message; with CI=true a missing browser fails them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CountryDetail, OverviewMeeting } from '../../data/schema/api.ts';
import { certaintyCountText, paraphraseLabel } from '../src/lib/format.ts';
import { baseStyles, roleCategories } from '../src/lib/map/palette.ts';
import { neighboursOf, roleCategory } from '../src/lib/state/highlights.ts';
import { meetingFacts } from '../src/lib/state/rounds.ts';
import { axeViolations, chromiumSuite, distance, hexToRgb, screenshotPixels, skipBrowserSuite, type OpenedPage, type Rgb } from './chromium.ts';

const MOSCOW_2025 = 'moscow-format-7-moscow-2025';
/** Eight invited countries there are coded member with confidence "unconfirmed": no source confirms they came. */
const MOSCOW_2018 = 'moscow-format-2-moscow-2018';

describe.skipIf(skipBrowserSuite)('the page in headless Chromium', () => {
  const suite = chromiumSuite();

  const open = (path: string, viewport = { width: 1280, height: 800 }): Promise<OpenedPage> => suite.open(path, { viewport });

  /** Page coordinates of a lng/lat on the map. */
  async function pointOf(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
    const box = (await page.locator('.map canvas').boundingBox())!;
    const [x, y] = await page.evaluate(([a, b]) => window.__countryMap!.project(a!, b!), [lng, lat]);
    return { x: box.x + x, y: box.y + y };
  }

  async function colourAt(page: Page, lng: number, lat: number): Promise<Rgb> {
    const { x, y } = await pointOf(page, lng, lat);
    return (await screenshotPixels(page, { x: Math.round(x), y: Math.round(y), width: 1, height: 1 })).first[0]!;
  }

  const featureState = (page: Page, iso3: string) =>
    page.evaluate((id) => window.__countryMap!.featureState(id), iso3);

  const meeting = (id: string): OverviewMeeting => {
    const found = suite.overview.meetings.find((m) => m.id === id);
    if (!found) throw new Error(`The data has no meeting ${id}`);
    return found;
  };

  it('draws the map, Afghanistan and its six neighbours highlighted, with no console errors', async () => {
    const { page, errors, highlightedAfterMs } = await open('/');
    console.info(`navigation → highlighted map: ${highlightedAfterMs.toFixed(0)} ms (1280×800, software WebGL)`);

    const box = (await page.locator('.map canvas').boundingBox())!;
    const { distinctColours } = await screenshotPixels(page, box);
    expect(distinctColours, 'distinct colours on the map canvas').toBeGreaterThan(20);

    // Afghanistan is drawn in its own colour (Kabul–Kandahar road, well inside the country).
    expect(distance(await colourAt(page, 67, 33), hexToRgb(baseStyles.afghanistan.fill))).toBeLessThan(12);
    // The neighbours' hatch, drawn from the outlines' own source (map/style.ts): the Kyzylkum in Uzbekistan,
    // away from any border, shows the fill and the hatch's lines, not one flat colour.
    const kyzylkum = await pointOf(page, 64, 41.5);
    const inside = await screenshotPixels(page, { x: Math.round(kyzylkum.x) - 6, y: Math.round(kyzylkum.y) - 6, width: 12, height: 12 });
    expect(inside.distinctColours, 'colours inside Uzbekistan').toBeGreaterThan(1);
    expect(await featureState(page, 'AFG')).toMatchObject({ base: 'afghanistan' });
    const neighbours = suite.overview.countries.filter((c) => c.neighbourBorderKm !== null).map((c) => c.iso3);
    expect(neighbours.sort()).toEqual(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);
    for (const iso3 of neighbours) expect(await featureState(page, iso3), iso3).toMatchObject({ base: 'neighbour' });
    expect(await page.evaluate(() => window.__countryMap!.drawnIn('neighbour-hatch'))).toEqual(neighbours);
    expect(await featureState(page, 'IND')).not.toHaveProperty('base');

    await expect.poll(() => page.locator('.legend').innerText()).toContain('Bordering neighbour');
    // How current the record is, from the data's own coverage searches.
    expect(suite.overview.currentTo).toMatch(/^\d{4}-\d{2}$/);
    const [year, month] = suite.overview.currentTo!.split('-').map(Number) as [number, number];
    const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    expect(await page.locator('.currency').innerText()).toBe(`Data current to ${monthName} ${year}`);
    expect(errors).toEqual([]);
  });

  it('selecting a meeting lights up its attendees by role, on the map, in the legend and for screen readers', async () => {
    const { page, errors } = await open('/');
    const moscow = meeting(MOSCOW_2025);
    const india = hexToRgb('#E4E1DA');
    expect(distance(await colourAt(page, 78, 22), india)).toBeLessThan(12);

    await page.getByRole('button', { name: /7 Oct 2025/ }).click();
    await expect.poll(() => page.url()).toContain(`meeting=${MOSCOW_2025}`);
    await page.waitForFunction(() => window.__countryMap!.featureState('RUS').cat === 'host');

    for (const attendee of moscow.attendees.filter((a) => a.kind === 'country')) {
      expect(await featureState(page, attendee.actor), attendee.actor).toMatchObject({ cat: roleCategory(attendee) });
    }
    // What the visitor sees: India now has its role's colour.
    const indiaRole = moscow.attendees.find((a) => a.actor === 'IND');
    if (indiaRole) {
      const fill = roleCategories.find((c) => c.key === roleCategory(indiaRole))!.fill;
      await expect.poll(async () => distance(await colourAt(page, 78, 22), hexToRgb(fill))).toBeLessThan(12);
    }
    await expect(page.locator('.legend').innerText()).resolves.toMatch(/Host\s*\(1\)/);
    const live = page.locator('[aria-live="polite"]');
    await expect.poll(() => live.innerText()).toContain('Host: Russia');
    await page.getByRole('heading', { name: moscow.title }).waitFor();
    expect(errors).toEqual([]);
  });

  it('at Moscow 2018 an attendance no source confirms is drawn, counted and listed as not confirmed', async () => {
    const { page, errors } = await open(`/?meeting=${MOSCOW_2018}`);
    const moscow = meeting(MOSCOW_2018);
    const kazakhstan = moscow.attendees.find((a) => a.actor === 'KAZ');
    // Named only in an opening-day report: partly confirmed, which the page counts as not confirmed.
    expect(kazakhstan, 'Kazakhstan at Moscow 2018').toMatchObject({ role: 'member', confidence: { level: 'partly' } });
    await page.waitForFunction(() => window.__countryMap!.featureState('RUS').cat === 'host');

    expect(await featureState(page, 'KAZ')).toMatchObject({ cat: 'member-not-confirmed' });
    for (const attendee of moscow.attendees.filter((a) => a.kind === 'country')) {
      expect(await featureState(page, attendee.actor), attendee.actor).toMatchObject({ cat: roleCategory(attendee) });
    }
    // What the visitor sees: Kazakhstan (Karaganda region, away from its borders) in the paler member colour.
    const notConfirmed = roleCategories.find((c) => c.key === 'member-not-confirmed')!;
    const member = roleCategories.find((c) => c.key === 'member')!;
    const kazakhstanColour = await colourAt(page, 70, 48);
    expect(distance(kazakhstanColour, hexToRgb(notConfirmed.fill))).toBeLessThan(12);
    expect(distance(kazakhstanColour, hexToRgb(member.fill))).toBeGreaterThan(30);
    await expect.poll(() => page.locator('.legend').innerText()).toMatch(/Member \(not confirmed\)\s*\(\d+\)/);

    const facts = meetingFacts(moscow, neighboursOf(suite.overview));
    expect(facts.attended.notConfirmed).toBeGreaterThanOrEqual(8);
    const summary = page.locator('section[aria-labelledby="meeting-title"]');
    await expect.poll(() => summary.locator('.facts').innerText()).toContain(certaintyCountText(facts.attended));
    expect(await summary.locator('.facts').innerText()).toContain(certaintyCountText(facts.neighboursAttended));
    expect(await summary.locator('.roles').innerText()).toMatch(/Member, not confirmed:[^\n]*Kazakhstan/);
    // the reason, on hover and in the expandable list
    expect(await summary.getByRole('button', { name: 'Kazakhstan' }).getAttribute('title')).toBe(kazakhstan!.confidence.reason);
    await summary.locator('details.uncertain summary').click();
    expect(await summary.locator('details.uncertain').innerText()).toContain(kazakhstan!.confidence.reason);
    expect(errors).toEqual([]);
  });

  it('the Afghanistan panel tags a commentator and shows a paraphrase without quotation marks', async () => {
    const afghanistan = (await (await fetch(`${suite.url}/api/countries/AFG`)).json()) as CountryDetail;
    const commentator = afghanistan.statements.find((s) => !s.official);
    const paraphrase = afghanistan.statements.find((s) => s.delivery === 'paraphrase' && s.official);
    expect(commentator, 'a commentator filed under Afghanistan').toBeDefined();
    expect(paraphrase, 'a paraphrase filed under Afghanistan').toBeDefined();

    const { page, errors } = await open('/?country=AFG');
    const panel = page.locator('section[aria-labelledby="country-title"]');
    await panel.locator('.statement').first().waitFor();
    // The list opens on the newest few; the rest on request.
    if (await panel.getByRole('button', { name: /^Show \d+ more/ }).count()) await panel.getByRole('button', { name: /^Show \d+ more/ }).click();
    const commentatorCard = panel.locator('.statement', { hasText: commentator!.speaker.name });
    expect(await commentatorCard.innerText()).toContain('Commentator, not an official');
    expect(await commentatorCard.innerText()).toContain('never counted as its stance');
    const paraphraseCard = panel.locator('.statement', { hasText: paraphrase!.speaker.name }).filter({ hasText: paraphraseLabel }).first();
    const paraphraseText = await paraphraseCard.locator('.paraphrase').innerText();
    expect(paraphraseText).toBe(paraphrase!.quote);
    expect(await paraphraseCard.locator('blockquote').count()).toBe(0);
    expect(await paraphraseCard.innerText()).not.toContain(`“${paraphrase!.quote}”`);
    // Officials' quotes keep their quotation marks and carry no commentator tag.
    const official = panel.locator('.statement').filter({ has: page.locator('blockquote') }).first();
    expect(await official.locator('blockquote').innerText()).toMatch(/“.*”/s);
    expect(await axeViolations(page, 'section[aria-labelledby="country-title"]')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("a click on Russia on the map opens its statements, Lavrov's among them, with source links", async () => {
    const { page, errors } = await open(`/?meeting=${MOSCOW_2025}`);
    const box = (await page.locator('.map canvas').boundingBox())!;
    const outlined = () => page.evaluate(() => window.__countryMap!.drawnIn('selected-outer'));
    expect(await outlined()).toEqual([]);
    let target = await pointOf(page, 62, 56); // between Chelyabinsk and Omsk
    for (let i = 0; i < 3 && target.y < box.y + 10; i++) {
      await page.getByRole('button', { name: 'Zoom out' }).click();
      await page.waitForTimeout(800); // the zoom animation
      target = await pointOf(page, 62, 56);
    }
    await page.mouse.click(target.x, target.y);

    await expect.poll(() => page.url()).toContain('country=RUS');
    const panel = page.locator('section[aria-labelledby="country-title"]');
    await expect.poll(() => panel.locator('h2').innerText()).toBe('Russia');
    await panel.locator('.statement').first().waitFor();
    const text = await panel.innerText();
    expect(text).toContain('Lavrov');
    const lavrov = panel.locator('.statement', { hasText: 'Lavrov' }).first();
    expect(await lavrov.locator('a[href^="http"]').count()).toBeGreaterThan(0);
    // The map applies a click's change in the frame after the panel has painted (CountryMap.scheduleFlush).
    await page.waitForFunction(() => window.__countryMap!.featureState('RUS').selected === true);
    // Outlined on the map: the outlines are drawn from a source of their own (map/style.ts).
    await expect.poll(outlined).toEqual(['RUS']);
    expect(errors).toEqual([]);
  });

  it('a deep link reopens exactly that view, and back and forward move between views', async () => {
    const { page, errors } = await open(`/?meeting=${MOSCOW_2025}&country=RUS&layer=changes`);
    await expect(page.getByRole('radio', { name: 'Change between rounds' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /7 Oct 2025/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('#country-title', { hasText: 'Russia' }).waitFor();
    await page.waitForFunction(() => window.__countryMap!.featureState('RUS').selected === true);
    expect(await featureState(page, 'RUS')).toMatchObject({ cat: expect.stringMatching(/^(joined|unchanged|role-changed)$/) });
    await expect(page.locator('.legend').innerText()).resolves.toContain('Change since the earlier round');

    await page.getByRole('button', { name: /4 Oct 2024/ }).click();
    await expect.poll(() => page.url()).toContain('meeting=moscow-format-6-moscow-2024');
    await page.goBack();
    await expect.poll(() => page.url()).toContain(`meeting=${MOSCOW_2025}`);
    await expect.poll(() => page.getByRole('button', { name: /7 Oct 2025/ }).getAttribute('aria-pressed')).toBe('true');
    await page.goForward();
    await expect.poll(() => page.getByRole('button', { name: /4 Oct 2024/ }).getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('works by keyboard: a country from the list opens its panel, Esc closes it', async () => {
    const { page, errors } = await open('/');
    const pakistan = page.getByRole('button', { name: /^Pakistan/ });
    await pakistan.focus();
    await page.keyboard.press('Enter');
    await page.locator('#country-title', { hasText: 'Pakistan' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('country-title');
    await expect.poll(() => page.locator('section[aria-labelledby="country-title"]').innerText()).toMatch(/km/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#country-title').count()).toBe(0);
    expect(page.url()).not.toContain('country=');
    expect(errors).toEqual([]);
  });

  it('axe finds no violations: default view, and a meeting with a country panel open at 375 px', async () => {
    const first = await open('/');
    expect(await axeViolations(first.page)).toEqual([]);

    const narrow = await open(`/?meeting=${MOSCOW_2025}&country=RUS`, { width: 375, height: 800 });
    await narrow.page.locator('section[aria-labelledby="country-title"] .statement').first().waitFor();
    expect(await axeViolations(narrow.page)).toEqual([]);
    // usable at 375 px: nothing wider than the screen
    expect(await narrow.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect([...first.errors, ...narrow.errors]).toEqual([]);
  });

  it('API down: a clear message and a Retry button that recovers, never a blank page', async () => {
    const context = await suite.newContext();
    const page = await context.newPage();
    let down = true;
    // The whole API down: the built page's first request is /api/health (its overview is in the HTML).
    await page.route('**/api/**', (route) =>
      down
        ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"Service unavailable"}}' })
        : route.continue(),
    );
    await page.goto(`${suite.url}/`);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Service unavailable');
    down = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { name: 'Meetings', exact: true }).waitFor();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });
});
