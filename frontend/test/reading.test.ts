/**
 * The page a reader can read, in headless Chromium under the production CSP (the local stack sends the
 * production headers): every layer as a table in step with the map, the outcome explained, sources cited,
 * focus returned on Esc, one notice for every link that leads nowhere, no curator wording, and axe in
 * every state. Needs a build (`npm test` builds first) and Chromium; skips with a message without one.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { topicLabels } from '../../data/schema/labels.ts';
import { findCuratorWording } from '../../data/schema/reader-text.ts';
import { stanceCategories } from '../src/lib/map/palette.ts';
import { asOfDate, stancesAsOf, topicsWithStances } from '../src/lib/state/stance.ts';
import { axeViolations, chromiumSuite, skipBrowserSuite } from './chromium.ts';

const KAZAN_2023 = 'moscow-format-5-kazan-2023';
const MOSCOW_2022 = 'moscow-format-4-moscow-2022';
const MOSCOW_2025 = 'moscow-format-7-moscow-2025';
const MOSCOW_2017 = 'moscow-format-1-moscow-2017';
const PRESENCE = 'foreign-military-presence';

describe.skipIf(skipBrowserSuite)('reading the page in headless Chromium', () => {
  const suite = chromiumSuite();

  const open = (path: string, viewport = { width: 1280, height: 800 }) => suite.open(path, { viewport });

  /** Reader text only: no research marks, schema field names or codes in what a region shows. */
  async function expectReaderText(page: Page, selector: string): Promise<void> {
    const text = await page.locator(selector).first().innerText();
    expect(findCuratorWording(text), `${selector}: ${text.slice(0, 200)}`).toBeNull();
  }

  /** Country code → the stance category and joint flag the map holds, for every country of the suite.overview. */
  async function mapStances(page: Page): Promise<Map<string, { cat: string; joint: boolean }>> {
    const keys = stanceCategories.map((c) => c.key);
    const states = await page.evaluate(
      (codes) => codes.map((iso3) => [iso3, window.__countryMap!.featureState(iso3)] as const),
      suite.overview.countries.map((c) => c.iso3),
    );
    return new Map(
      states
        .filter(([, state]) => keys.includes(String(state.cat)))
        .map(([iso3, state]) => [iso3, { cat: String(state.cat), joint: state.joint === true }]),
    );
  }

  async function tableRows(page: Page): Promise<Map<string, { stance: string; joint: boolean }>> {
    const rows = await page.locator('.stance-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-country')!, tr.querySelector('td')!.textContent!.trim(), tr.classList.contains('joint')] as const),
    );
    const labelToKey = new Map(stanceCategories.map((c) => [c.label, c.key]));
    return new Map(rows.map(([iso3, label, joint]) => [iso3, { stance: labelToKey.get(label) ?? label, joint }]));
  }

  it('the stance table lists the same countries as the map colours, with the same stance and joint mark, as of the meeting', async () => {
    for (const [path, meetingId] of [
      ['/?layer=stance', null],
      [`/?meeting=${MOSCOW_2022}&layer=stance`, MOSCOW_2022],
      [`/?meeting=${KAZAN_2023}&layer=stance`, KAZAN_2023],
    ] as const) {
      const { page, errors } = await open(path);
      const meeting = suite.overview.meetings.find((m) => m.id === meetingId) ?? null;
      const expected = stancesAsOf(suite.overview, PRESENCE, asOfDate(meeting));
      expect(expected.length, `${path}: countries with a stance`).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.stance-table tbody tr').count()).toBe(expected.length);
      await page.waitForFunction((iso3) => window.__countryMap!.featureState(iso3).cat !== undefined, expected[0]!.iso3);

      const onMap = await mapStances(page);
      const inTable = await tableRows(page);
      expect([...inTable.keys()].sort(), path).toEqual([...onMap.keys()].sort());
      for (const [iso3, row] of inTable) {
        expect(row, `${path} ${iso3}`).toEqual({ stance: onMap.get(iso3)!.cat, joint: onMap.get(iso3)!.joint });
      }
      // Some of each: the test would pass vacuously if every stance were own words or every one joint.
      if (meetingId === null) expect(new Set([...inTable.values()].map((r) => r.joint))).toEqual(new Set([true, false]));
      if (meeting) expect(await page.locator('#stance-table-title').innerText()).toContain(`as of ${meeting.title}`);
      await expectReaderText(page, '.layer-table');
      expect(await axeViolations(page), path).toEqual([]);
      expect(errors, path).toEqual([]);
    }
  });

  it('the stance layer offers only topics with a statement, and its table follows the topic', async () => {
    const { page, errors } = await open('/?layer=stance');
    const offered = await page.locator('.layer-picker select option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(topicsWithStances(suite.overview));
    const other = offered.find((topic) => topic !== PRESENCE)!;
    await page.locator('.layer-picker select').selectOption(other);
    await expect.poll(() => page.url()).toContain(`topic=${other}`);
    await expect.poll(() => page.locator('#stance-table-title').innerText()).toContain(topicLabels[other as keyof typeof topicLabels]);
    await expect.poll(async () => (await tableRows(page)).size).toBe(stancesAsOf(suite.overview, other as typeof PRESENCE, null).length);
    // The map follows the table a frame later (CountryMap.scheduleFlush).
    const inTable = [...(await tableRows(page)).keys()].sort();
    await expect.poll(async () => [...(await mapStances(page)).keys()].sort()).toEqual(inTable);
    expect(errors).toEqual([]);
  });

  it("a meeting's attendee table and the outcome note; no outcome document said so", async () => {
    const kazan = suite.overview.meetings.find((m) => m.id === KAZAN_2023)!;
    const { page, errors } = await open(`/?meeting=${KAZAN_2023}`);
    const table = page.locator('table[aria-labelledby="attendee-table-title"]');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(kazan.attendees.length);
    // Tajikistan: attended, did not endorse, attendance disputed, with the reason.
    const tajikistan = table.locator('tr[data-actor="TJK"]');
    await expect.poll(() => tajikistan.innerText()).toMatch(/Member\s+.*\s+No\s+Disputed: /s);
    // The delegations arrive with the meeting's document: Russia's head of delegation is named.
    await expect.poll(() => table.locator('tr[data-actor="RUS"]').innerText()).toContain('Kabulov');
    expect(kazan.outcome?.rejectsForeignMilitaryInfrastructure).toBe('unknown');
    const facts = page.locator('section[aria-labelledby="meeting-title"] .facts');
    await expect.poll(() => facts.innerText()).toMatch(/Calls foreign military infrastructure unacceptable\s+Not known\s+Why not known: /);
    await expectReaderText(page, '.layer-table');
    await expectReaderText(page, 'section[aria-labelledby="meeting-title"]');
    expect(await axeViolations(page)).toEqual([]);

    const first = await open(`/?meeting=${MOSCOW_2017}`);
    expect(suite.overview.meetings.find((m) => m.id === MOSCOW_2017)?.outcome).toBeNull();
    await expect.poll(() => first.page.locator('.facts').innerText()).toContain('No outcome document on record');
    await expect
      .poll(() => first.page.locator('table[aria-labelledby="attendee-table-title"] tbody tr').first().innerText())
      .toContain('No outcome document');
    expect(await first.page.locator('.facts').innerText()).not.toMatch(/Unknown/);
    expect([...errors, ...first.errors]).toEqual([]);
  });

  it("Russia's panel opens on a line per topic; statements filter by topic and meeting, newest first; sources are folded, cited and never a bare hostname", async () => {
    const { page, errors } = await open('/?country=RUS');
    const panel = page.locator('section[aria-labelledby="country-title"]');
    await panel.locator('.statement').first().waitFor();
    const summary = panel.locator('.topic-summary li', { hasText: topicLabels[PRESENCE] });
    expect(await summary.innerText()).toMatch(/Opposes \(\d+ \w+ \d{4}(, [a-z ]+)?; \d+ statements\)/);

    const dates = await panel.locator('.statement time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    // Sources folded; the confidence line only where a statement is not confirmed.
    expect(await panel.locator('details.statement-sources[open]').count()).toBe(0);
    expect(await panel.locator('.statement', { hasText: /^Confirmed/m }).count()).toBe(0);

    const total = Number((await panel.locator('#country-statements').innerText()).match(/\((\d+)\)/)![1]);
    const [topicFilter, meetingFilter] = [panel.locator('.statement-filter select').nth(0), panel.locator('.statement-filter select').nth(1)];
    await topicFilter.selectOption('counter-terrorism');
    await expect.poll(() => panel.locator('.statement-filter [role="status"]').innerText()).toMatch(new RegExp(`^\\d+ of ${total}, newest first`));
    const shown = await panel.locator('.statement').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    await topicFilter.selectOption('');
    await meetingFilter.selectOption(MOSCOW_2025);
    await expect.poll(() => panel.locator('.statement').count()).toBeGreaterThan(0);
    for (const meetingLink of await panel.locator('.statement .meta button.link').allInnerTexts()) {
      expect(meetingLink.trim()).toBe(suite.overview.meetings.find((m) => m.id === MOSCOW_2025)!.title);
    }

    const links = await panel.locator('.sources a[rel~="external"]').evaluateAll((anchors) =>
      anchors.map((a) => ({ text: a.textContent!.trim(), host: new URL((a as HTMLAnchorElement).href).hostname })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links.filter((l) => l.text !== 'stored copy')) {
      expect(link.text, 'a source shown as its bare hostname').not.toBe(link.host);
      expect(link.text).not.toBe(link.host.replace(/^www\./, ''));
    }
    await expectReaderText(page, 'section[aria-labelledby="country-title"]');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Esc returns focus to the control that opened the panel or chose the meeting', async () => {
    const { page, errors } = await open('/');
    const pakistan = page.getByRole('button', { name: /^Pakistan/ });
    await pakistan.focus();
    await page.keyboard.press('Enter');
    await page.locator('#country-title', { hasText: 'Pakistan' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('country-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#country-title').count()).toBe(0);
    await expect.poll(() => pakistan.evaluate((button) => button === document.activeElement)).toBe(true);

    const round5 = page.getByRole('button', { name: /29 Sept 2023/ });
    await round5.focus();
    await page.keyboard.press('Enter');
    await page.locator('#meeting-title').waitFor();
    // From the stance table: "Read it" opens the country on that statement; Esc comes back to the link.
    await page.getByRole('radio', { name: 'Latest stance' }).check();
    const readIt = page.locator('.stance-table tr[data-country="TJK"] a');
    await readIt.focus();
    await page.keyboard.press('Enter');
    await page.locator('#country-title', { hasText: 'Tajikistan' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-statement') ?? null))
      .toBe(stancesAsOf(suite.overview, PRESENCE, asOfDate(suite.overview.meetings.find((m) => m.id === KAZAN_2023)!)).find((r) => r.iso3 === 'TJK')!.statementId);
    await page.keyboard.press('Escape');
    await expect.poll(() => readIt.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#meeting-title').count()).toBe(0);
    await expect.poll(() => round5.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('Tab order follows the screen: header, lists, map and its table, details', async () => {
    const { page, errors } = await open(`/?meeting=${KAZAN_2023}`);
    await page.locator('.layer-table tbody tr').first().waitFor();
    const regions = await page.evaluate(() => {
      const tabbable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, [tabindex]')].filter(
        (element) => element.tabIndex >= 0 && !element.hasAttribute('disabled') && element.getClientRects().length > 0,
      );
      const positive = tabbable.filter((element) => element.tabIndex > 0).length;
      const region = (element: HTMLElement) =>
        element.closest('.top') ? 'header' : element.closest('.browse') ? 'lists' : element.closest('.layer-table') ? 'table' : element.closest('.map-area') ? 'map' : element.closest('.details') ? 'details' : 'other';
      const sequence = tabbable.map(region).filter((name, index, all) => index === 0 || all[index - 1] !== name);
      return { positive, sequence };
    });
    expect(regions.positive).toBe(0);
    expect(regions.sequence.filter((name) => name !== 'other')).toEqual(['header', 'lists', 'map', 'table', 'details']);
    expect(errors).toEqual([]);
  });

  it('every unknown or malformed id in a link gives one notice naming it; the rest of the view opens; codes in any case', async () => {
    const cases: { path: string; asked: string[]; keeps?: string }[] = [
      { path: '/?country=ZZZ', asked: ['no country with the code “ZZZ”'] },
      { path: '/?country=ZZZZ', asked: ['no country with the code “ZZZZ”'] },
      { path: '/?org=nope', asked: ['no organisation “nope”'] },
      { path: `/?meeting=x&layer=changes`, asked: ['no meeting “x”'], keeps: 'layer=changes' },
      { path: `/?meeting=${MOSCOW_2025}&country=ZZZ&layer=stance`, asked: ['no country with the code “ZZZ”'], keeps: `meeting=${MOSCOW_2025}` },
    ];
    for (const { path, asked, keeps } of cases) {
      const { page, errors } = await open(path);
      const notice = page.locator('.notice');
      await notice.waitFor();
      for (const words of asked) expect(await notice.innerText(), path).toContain(words);
      expect(await page.locator('#country-title, #organisation-title').count(), path).toBe(0);
      expect(await page.getByRole('button', { name: 'Retry' }).count(), path).toBe(0);
      if (keeps) expect(page.url(), path).toContain(keeps);
      expect(page.url(), path).not.toMatch(/country=ZZZ|org=nope|meeting=x(&|$)/);
      if (keeps?.startsWith('meeting=')) await page.locator('#meeting-title').waitFor();
      expect(await axeViolations(page), path).toEqual([]);
      expect(errors, path).toEqual([]);
    }

    const { page, errors } = await open('/?country=afg');
    await page.locator('#country-title', { hasText: 'Afghanistan' }).waitFor();
    await expect.poll(() => page.url()).toContain('country=AFG');
    expect(await page.locator('.notice').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('at 375 px: the tables and panels fit the screen, with no axe violations', async () => {
    for (const path of [`/?meeting=${KAZAN_2023}`, '/?layer=stance', '/?country=RUS']) {
      const { page, errors } = await open(path, { width: 375, height: 800 });
      await page.locator(path.includes('country') ? '.statement' : '.layer-table tbody tr').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
      expect(await axeViolations(page), path).toEqual([]);
      expect(errors, path).toEqual([]);
    }
  });
});
