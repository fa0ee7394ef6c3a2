/**
 * The attendance matrix, comparing any two rounds, the about page and the title per view, in headless
 * Chromium against the local stack (production headers and CSP). Needs a build and Chromium; skips with a
 * message without one, fails in CI.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CoverageDocument } from '../../data/schema/api.ts';
import { roleLabels } from '../../data/schema/labels.ts';
import { findCuratorWording } from '../../data/schema/reader-text.ts';
import { changeCategory } from '../src/lib/state/highlights.ts';
import { attended, certaintyOf, compareRounds, previousRound } from '../src/lib/state/rounds.ts';
import { SITE_TITLE } from '../src/lib/state/title.ts';
import { axeViolations, chromiumSuite, skipBrowserSuite, waitForHighlightedMap } from './chromium.ts';

const KAZAN_2023 = 'moscow-format-5-kazan-2023';
const MOSCOW_2018 = 'moscow-format-2-moscow-2018';
const MOSCOW_2025 = 'moscow-format-7-moscow-2025';

const certaintyWords = { confirmed: 'confirmed', 'not-confirmed': 'not confirmed', disputed: 'disputed' } as const;

describe.skipIf(skipBrowserSuite)('the matrix, comparisons and the about page in headless Chromium', () => {
  const suite = chromiumSuite();

  // The matrix and the about page need no map; a test that needs it drawn waits for it.
  const open = (path: string, viewport = { width: 1280, height: 800 }) => suite.open(path, { viewport, waitForMap: false });

  async function openMatrix(path = '/?view=matrix', viewport?: { width: number; height: number }) {
    const opened = await open(path, viewport);
    await opened.page.locator('table.matrix').waitFor();
    return opened;
  }

  /** The grid position of the focused element (`row:column`), or null when focus is outside the grid. */
  const focusedPosition = (page: Page) =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('table.matrix [data-pos]')?.dataset.pos ?? null);

  it('has a row per actor and a column per meeting, and every cell says what the API says', async () => {
    const { page, errors } = await openMatrix();
    const table = page.locator('table.matrix');
    const columns = await table.locator('thead .column-button').evaluateAll((buttons) => buttons.map((b) => b.closest('th')!.textContent!));
    expect(columns).toHaveLength(suite.overview.meetings.length);

    const actors = new Set(suite.overview.meetings.flatMap((m) => m.attendees.map((a) => a.actor)));
    const rowNames = await table.locator('tbody th[scope="row"]').allInnerTexts();
    expect(rowNames).toHaveLength(actors.size);
    expect(await table.locator('tbody tr:not(.group-row)').count()).toBe(actors.size);

    // Every record of every meeting in its cell, in words; every other cell "not on record".
    const cells = await table.locator('[data-meeting][data-actor]').evaluateAll((elements) =>
      elements.map((e) => ({
        meeting: e.getAttribute('data-meeting')!,
        actor: e.getAttribute('data-actor')!,
        label: e.getAttribute('aria-label') ?? e.textContent!.trim(),
      })),
    );
    expect(cells).toHaveLength(actors.size * suite.overview.meetings.length);
    const byKey = new Map(cells.map((c) => [`${c.meeting}/${c.actor}`, c.label]));
    let records = 0;
    for (const meeting of suite.overview.meetings) {
      for (const attendee of meeting.attendees) {
        records++;
        const label = byKey.get(`${meeting.id}/${attendee.actor}`);
        expect(label, `${meeting.id} ${attendee.actor}`).toContain(`: ${roleLabels[attendee.role]}, ${certaintyWords[certaintyOf(attendee)]}`);
        if (meeting.outcome === null) expect(label).toContain('no outcome document');
        else if (attended(attendee) && attendee.endorsedOutcome === 'no') expect(label).toContain('did not endorse the outcome document');
      }
    }
    expect(cells.filter((c) => c.label === 'not on record')).toHaveLength(cells.length - records);

    // The count column: meetings attended, in any role but "invited, absent".
    const russia = suite.overview.meetings.filter((m) => m.attendees.some((a) => a.actor === 'RUS' && attended(a))).length;
    expect(await table.locator('tr', { has: page.locator('th', { hasText: /^Russia$/ }) }).locator('td.count').innerText()).toBe(String(russia));
    expect(errors).toEqual([]);
  });

  it('orders rows by neighbours, name or attendance and shows one series, each in the URL', async () => {
    const { page, errors } = await openMatrix();
    const rows = () => page.locator('table.matrix tbody th[scope="row"]').allInnerTexts();
    const countryNames = new Map(suite.overview.countries.map((c) => [c.iso3, c.name]));
    const neighbours = suite.overview.countries.filter((c) => c.neighbourBorderKm !== null).map((c) => c.name).sort();
    expect((await rows()).slice(0, 7)).toEqual([countryNames.get('AFG'), ...neighbours]);

    await page.locator('.matrix-controls').getByLabel('Order').selectOption('name');
    await expect.poll(() => page.url()).toContain('sort=name');
    const byName = (await rows()).slice(0, 5);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'en')));

    await page.locator('.matrix-controls').getByLabel('Order').selectOption('attended');
    await expect.poll(() => page.url()).toContain('sort=attended');
    const counts = (await page.locator('table.matrix tbody td.count').allInnerTexts()).map(Number);
    const countryCounts = counts.slice(0, suite.overview.countries.filter((c) => suite.overview.meetings.some((m) => m.attendees.some((a) => a.actor === c.iso3))).length);
    expect(countryCounts).toEqual([...countryCounts].sort((a, b) => b - a));

    await page.locator('.matrix-controls').getByLabel('Series').selectOption('neighbours-foreign-ministers');
    await expect.poll(() => page.url()).toContain('series=neighbours-foreign-ministers');
    const shown = suite.overview.meetings.filter((m) => m.series === 'neighbours-foreign-ministers');
    await expect.poll(() => page.locator('table.matrix thead .column-button').count()).toBe(shown.length);
    expect(await page.locator('table.matrix tbody th[scope="row"]').count()).toBe(new Set(shown.flatMap((m) => m.attendees.map((a) => a.actor))).size);

    // Back undoes the filter.
    await page.goBack();
    await expect.poll(() => page.locator('table.matrix thead .column-button').count()).toBe(suite.overview.meetings.length);
    expect(errors).toEqual([]);
  });

  it('moves through the cells with the keyboard alone, opens one with its sources, and Esc returns to it', async () => {
    const { page, errors } = await openMatrix();
    // One tab stop in the grid.
    expect(await page.locator('table.matrix [data-pos][tabindex="0"]').count()).toBe(1);
    // Tab from the series filter (the last control before the table) into the grid.
    await page.locator('.matrix-controls').getByLabel('Series').focus();
    await page.keyboard.press('Tab');
    expect(await focusedPosition(page)).toBe('1:1');

    await page.keyboard.press('ArrowRight');
    expect(await focusedPosition(page)).toBe('1:2');
    await page.keyboard.press('ArrowDown');
    expect(await focusedPosition(page)).toBe('2:2');
    await page.keyboard.press('Home');
    expect(await focusedPosition(page)).toBe('2:0');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedPosition(page), 'stops at the header row').toBe('0:0');
    // Still one tab stop, the focused one.
    expect(await page.locator('table.matrix [data-pos][tabindex="0"]').getAttribute('data-pos')).toBe('0:0');

    // To Tajikistan at Kazan 2023 (disputed) by arrows: its row and column from the table itself.
    const target = page.locator(`table.matrix button.cell[data-meeting="${KAZAN_2023}"][data-actor="TJK"]`);
    const [row, column] = (await target.getAttribute('data-pos'))!.split(':').map(Number) as [number, number];
    for (let r = 0; r < row; r++) await page.keyboard.press('ArrowDown');
    for (let c = 0; c < column; c++) await page.keyboard.press('ArrowRight');
    expect(await focusedPosition(page)).toBe(`${row}:${column}`);
    expect(await target.getAttribute('aria-label')).toMatch(/^Tajikistan, Kazan 2023: Member, disputed/);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`meeting=${KAZAN_2023}`);
    expect(page.url()).toContain('country=TJK');
    expect(page.url()).toContain('view=matrix');
    const panel = page.locator('section[aria-labelledby="participation-title"]');
    await expect.poll(() => panel.locator('h2').innerText()).toContain('Tajikistan at ');
    // The focus moved to the participation, which says why it is disputed and cites its sources.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('participation-title');
    await expect.poll(() => panel.locator('.sources a[rel~="external"]').count()).toBeGreaterThan(0);
    const tajikistan = suite.overview.meetings.find((m) => m.id === KAZAN_2023)!.attendees.find((a) => a.actor === 'TJK')!;
    expect(await panel.innerText()).toContain(`Disputed: ${tajikistan.confidence.reason}`);
    expect(findCuratorWording(await panel.innerText())).toBeNull();
    await expect.poll(() => page.title()).toBe(`Tajikistan at ${suite.overview.meetings.find((m) => m.id === KAZAN_2023)!.title} – All meetings at a glance – ${SITE_TITLE}`);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).not.toContain('country=');
    expect(await panel.count()).toBe(0);
    await expect.poll(() => focusedPosition(page)).toBe(`${row}:${column}`);
    expect(errors).toEqual([]);
  });

  it('a column header opens the meeting, a row header the country, both on the map', async () => {
    const { page, errors } = await openMatrix();
    await page.locator('table.matrix thead .column-button', { hasText: 'Kazan' }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`\\?meeting=${KAZAN_2023}$`));
    await page.locator('section[aria-labelledby="meeting-title"]').waitFor();
    await waitForHighlightedMap(page);

    await page.goBack();
    await page.locator('table.matrix').waitFor();
    await page.locator('table.matrix tbody th[scope="row"] button', { hasText: /^Iran$/ }).click();
    await expect.poll(() => page.url()).toMatch(/\?country=IRN$/);
    await page.locator('section[aria-labelledby="country-title"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('compares two rounds that are not consecutive, from the matrix and from the meeting panel, on the map and in words', async () => {
    const earlier = suite.overview.meetings.find((m) => m.id === MOSCOW_2018)!;
    const later = suite.overview.meetings.find((m) => m.id === MOSCOW_2025)!;
    expect(previousRound(suite.overview.meetings, later)?.id, 'the pair is not consecutive').not.toBe(earlier.id);
    const changes = compareRounds(earlier, later);
    const joined = changes.filter((c) => c.change === 'joined').map((c) => c.actor);
    expect(joined.length, 'something changed between the two').toBeGreaterThan(0);

    const { page, errors } = await openMatrix();
    // Later first: the comparison orders them by date.
    await page.getByLabel('From', { exact: true }).selectOption(MOSCOW_2025);
    await page.getByLabel('To', { exact: true }).selectOption(MOSCOW_2018);
    await page.getByRole('button', { name: 'Show the changes on the map' }).click();
    await expect.poll(() => page.url()).toContain(`meeting=${MOSCOW_2025}`);
    expect(page.url()).toContain(`compare=${MOSCOW_2018}`);
    expect(page.url()).toContain('layer=changes');
    await waitForHighlightedMap(page);

    const summary = page.locator('section[aria-labelledby="meeting-title"]');
    await expect.poll(() => summary.innerText()).toContain(`Compared with ${earlier.title}`);
    const joinedLine = await summary.locator('.changes li', { hasText: /^Joined:/ }).innerText();
    const names = new Map([...suite.overview.countries.map((c) => [c.iso3, c.name] as const), ...suite.overview.organisations.map((o) => [o.id, o.shortName] as const)]);
    for (const actor of joined) expect(joinedLine).toContain(names.get(actor)!);

    // The map draws exactly those changes.
    const countryChanges = changes.filter((c) => c.kind === 'country');
    await page.waitForFunction(([iso3, cat]) => window.__countryMap!.featureState(iso3!).cat === cat, [countryChanges[0]!.actor, changeCategory(countryChanges[0]!)]);
    for (const change of countryChanges) {
      expect(await page.evaluate((iso3) => window.__countryMap!.featureState(iso3).cat, change.actor), change.actor).toBe(changeCategory(change));
    }

    // From the meeting panel: back to the previous round, which leaves the URL without a comparison.
    const previous = previousRound(suite.overview.meetings, later)!;
    await summary.getByLabel('Compare with').selectOption(previous.id);
    await expect.poll(() => page.url()).not.toContain('compare=');
    await expect.poll(() => summary.innerText()).toContain(`Compared with ${previous.title}`);
    // And to any earlier meeting again.
    await summary.getByLabel('Compare with').selectOption(MOSCOW_2018);
    await expect.poll(() => page.url()).toContain(`compare=${MOSCOW_2018}`);
    expect(errors).toEqual([]);
  });

  it('an unknown meeting to compare with is named in the not-found notice and dropped', async () => {
    const { page, errors } = await open(`/?meeting=${MOSCOW_2025}&compare=no-such-meeting`);
    await expect.poll(() => page.locator('.notice').innerText()).toContain('no meeting to compare with “no-such-meeting”');
    await expect.poll(() => page.url()).not.toContain('compare=');
    expect(errors).toEqual([]);
  });

  it('the title follows the view, and back and forward move between map, matrix and about', async () => {
    const { page, errors } = await open('/');
    await expect.poll(() => page.title()).toBe(SITE_TITLE);
    await page.getByRole('link', { name: 'All meetings at a glance' }).click();
    await expect.poll(() => page.title()).toBe(`All meetings at a glance – ${SITE_TITLE}`);
    expect(new URL(page.url()).search).toBe('?view=matrix');
    await page.getByRole('link', { name: 'About the record' }).click();
    await expect.poll(() => page.title()).toBe(`About the record – ${SITE_TITLE}`);
    expect(new URL(page.url()).search).toBe('?view=about');
    await page.goBack();
    await expect.poll(() => page.title()).toBe(`All meetings at a glance – ${SITE_TITLE}`);
    await page.locator('table.matrix').waitFor();
    await page.goBack();
    await expect.poll(() => page.title()).toBe(SITE_TITLE);
    await page.goForward();
    await expect.poll(() => page.locator('table.matrix').count()).toBe(1);

    const kazan = suite.overview.meetings.find((m) => m.id === KAZAN_2023)!;
    const meeting = await open(`/?meeting=${KAZAN_2023}`);
    await expect.poll(() => meeting.page.title()).toBe(`${kazan.title} – ${SITE_TITLE}`);
    const country = await open('/?country=RUS');
    await expect.poll(() => country.page.title()).toBe(`Russia – ${SITE_TITLE}`);
    expect([...errors, ...meeting.errors, ...country.errors]).toEqual([]);
  });

  it('the about page says how current, how sure and how stances are read, from the coverage document', async () => {
    const coverage = (await (await fetch(`${suite.url}/api/coverage`)).json()) as CoverageDocument;
    const { page, errors } = await open('/?view=about');
    const about = page.locator('section[aria-labelledby="about-title"]');
    await about.locator('.searches li').first().waitFor();
    const text = await about.innerText();
    expect(text).toContain(`${coverage.totals.meetings} meetings`);
    expect(text).toContain(`Data version ${suite.overview.dataVersion}`);
    expect(coverage.dataVersion).toBe(suite.overview.dataVersion);
    expect(await about.locator('.searches li').count()).toBe(coverage.searches.length);
    for (const heading of ['How current it is', 'How sure each record is', 'How stances are read', 'Found an error?']) expect(text).toContain(heading);
    for (const term of ['Not confirmed', 'Disputed', 'Co-signed joint statement', 'Commentators']) expect(text).toContain(term);
    expect(findCuratorWording(text), text.slice(0, 200)).toBeNull();
    expect(errors).toEqual([]);
  });

  it('axe finds nothing on the matrix (with an open cell) and the about page, at desktop and phone widths', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 375, height: 800 },
    ]) {
      const matrix = await openMatrix(`/?view=matrix&meeting=${KAZAN_2023}&country=TJK`, viewport);
      await matrix.page.locator('section[aria-labelledby="participation-title"] .sources').first().waitFor();
      expect(await axeViolations(matrix.page), `matrix ${viewport.width}`).toEqual([]);
      const about = await open('/?view=about', viewport);
      await about.page.locator('.searches li').first().waitFor();
      expect(await axeViolations(about.page), `about ${viewport.width}`).toEqual([]);
      expect([...matrix.errors, ...about.errors]).toEqual([]);
    }
  });

  it('on a phone the names stay in view while the meetings scroll sideways', async () => {
    const { page, errors } = await openMatrix('/?view=matrix', { width: 375, height: 800 });
    const scroller = page.locator('.matrix-scroll');
    const box = (await scroller.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);
    expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const name = page.locator('table.matrix tbody th[scope="row"]').first();
    const before = (await name.boundingBox())!.x;
    await scroller.evaluate((e) => (e.scrollLeft = 300));
    await expect.poll(async () => (await name.boundingBox())!.x).toBe(before);
    // Cells keep their size: not squashed to fit.
    expect((await page.locator('table.matrix button.cell').first().boundingBox())!.width).toBeGreaterThanOrEqual(36);
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  });
});
