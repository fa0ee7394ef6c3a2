/**
 * Downloads in real headless Chromium against the local stack (serving frontend/dist, under the production
 * CSP): the files a reader gets by pressing the download controls, parsed with the same library that wrote
 * them, compared with what the page shows and what the API serves.
 *
 * Without a browser these tests skip with a message; with CI=true a missing browser fails them.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CountryDetail } from '../../data/schema/api.ts';
import { fromCsv } from '../../data/export/csv.ts';
import { stancesAsOf, topicsWithStances } from '../src/lib/state/stance.ts';
import { chromiumSuite, skipBrowserSuite } from './chromium.ts';

const MOSCOW_2025 = 'moscow-format-7-moscow-2025';

describe.skipIf(skipBrowserSuite)('downloads in headless Chromium', () => {
  const suite = chromiumSuite();

  // Nothing here needs the map drawn; on a loaded 2-core machine the first page can take long to render.
  const open = (path: string) => suite.open(path, { acceptDownloads: true, waitForMap: false, pageTimeout: 120_000 });

  /** Presses a control with the keyboard (focus, Enter) and returns the file it saves. */
  async function downloadBy(page: Page, control: ReturnType<Page['locator']>): Promise<{ name: string; bytes: Buffer }> {
    await control.focus();
    const [download] = (await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])) as [Download, void];
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  const text = (bytes: Buffer) => new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);

  it('Download CSV on the matrix gives one row per actor and meeting with a record, as the API lists them', async () => {
    const { page, errors } = await open('/?view=matrix&series=moscow-format');
    await page.locator('table.matrix').waitFor();
    const file = await downloadBy(page, page.locator('.matrix-page').getByRole('button', { name: 'Download CSV' }));
    expect(file.name).toMatch(/^attendance-moscow-format-\d{4}-\d{2}-\d{2}\.csv$/);
    const { columns, rows } = fromCsv(text(file.bytes));
    const at = (row: string[], header: string) => row[columns.indexOf(header)]!;
    const expected = suite.overview.meetings
      .filter((m) => m.series === 'moscow-format')
      .flatMap((m) => m.attendees.map((a) => `${a.actor}@${m.id}`))
      .sort();
    expect(rows.map((row) => `${at(row, 'Code')}@${at(row, 'Meeting id')}`).sort()).toEqual(expected);
    expect(errors).toEqual([]);
  });

  it("Download CSV on a meeting gives the meeting's attendees as the table shows them", async () => {
    const { page, errors } = await open(`/?meeting=${MOSCOW_2025}`);
    const table = page.locator('table[aria-labelledby="attendee-table-title"]');
    const meeting = suite.overview.meetings.find((m) => m.id === MOSCOW_2025)!;
    await expect.poll(() => table.locator('tbody tr').count()).toBe(meeting.attendees.length);
    // The delegations have arrived (no "…" left), so the table shows what the file should hold.
    await expect.poll(() => table.locator('tbody').innerText()).not.toContain('…');
    const shown = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({ actor: row.getAttribute('data-actor')!, cells: [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim()) })),
    );

    const section = page.locator('.layer-table');
    const file = await downloadBy(page, section.getByRole('button', { name: 'Download CSV' }));
    expect(file.name).toMatch(new RegExp(`^attendees-${MOSCOW_2025}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = text(file.bytes);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const { columns, rows } = fromCsv(csv);
    const at = (row: string[], header: string) => row[columns.indexOf(header)]!;
    expect(rows.map((row) => at(row, 'Code'))).toEqual(shown.map((row) => row.actor));
    rows.forEach((row, index) => {
      const [name, role, level, head, endorsed, sure] = shown[index]!.cells;
      expect(at(row, 'Country or organisation')).toBe(name);
      expect(at(row, 'Role')).toBe(role);
      expect(at(row, 'Level')).toBe(level);
      expect(at(row, 'Head of delegation') + (at(row, 'Office') ? `, ${at(row, 'Office')}` : '')).toBe(head);
      expect(at(row, 'Endorsed the outcome document')).toBe(endorsed);
      expect(at(row, 'How sure') + (at(row, 'Why') ? `: ${at(row, 'Why')}` : '')).toBe(sure);
    });

    const json = await downloadBy(page, section.getByRole('button', { name: 'Download JSON' }));
    const body = JSON.parse(text(json.bytes)) as { dataVersion: string; citation: string; accessed: string; url: string; rows: { actor: string }[] };
    expect(body.dataVersion).toBe(suite.overview.dataVersion);
    expect(body.citation).toContain(suite.overview.dataVersion);
    expect(body.accessed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.url).toContain(`meeting=${MOSCOW_2025}`);
    expect(body.rows.map((row) => row.actor)).toEqual(shown.map((row) => row.actor));
    expect(errors).toEqual([]);
  });

  it("a country's statements: the file has every statement the panel lists under its filter", async () => {
    const { page, errors } = await open('/?country=RUS');
    const russia = (await (await fetch(`${suite.url}/api/countries/RUS`)).json()) as CountryDetail;
    const panel = page.locator('section[aria-labelledby="country-title"]');
    await panel.locator('.statement').first().waitFor();
    const all = fromCsv(text((await downloadBy(page, panel.getByRole('button', { name: 'Download CSV' }))).bytes));
    expect(all.rows.map((row) => row[all.columns.indexOf('Statement')])).toEqual(russia.statements.map((s) => s.id));

    // Narrowed to one topic: the file narrows with the list.
    const topic = panel.locator('.statement-filter select').first();
    const choice = await topic.locator('option').nth(1).getAttribute('value');
    await topic.selectOption(choice!);
    const expected = russia.statements.filter((s) => s.stances.some((stance) => stance.topic === choice)).map((s) => s.id);
    const narrowed = fromCsv(text((await downloadBy(page, panel.getByRole('button', { name: 'Download CSV' }))).bytes));
    expect(narrowed.rows.map((row) => row[narrowed.columns.indexOf('Statement')])).toEqual(expected);
    expect(narrowed.rows.length).toBeLessThan(all.rows.length);
    expect(errors).toEqual([]);
  });

  it('an empty view gives a file with its header row, not an error', async () => {
    // The stance layer as of the first meeting, on a topic nobody had spoken to by then.
    const first = suite.overview.meetings[0]!;
    const topic = topicsWithStances(suite.overview).find((t) => stancesAsOf(suite.overview, t, first.endDate).length === 0);
    expect(topic, 'a topic with no stance by the first meeting').toBeDefined();
    const { page, errors } = await open(`/?meeting=${first.id}&layer=stance&topic=${topic}`);
    const section = page.locator('.layer-table');
    await section.getByText('No country has an official statement').waitFor();
    const file = await downloadBy(page, section.getByRole('button', { name: 'Download CSV' }));
    const { columns, rows } = fromCsv(text(file.bytes));
    expect(columns).toContain('Country');
    expect(rows).toEqual([]);
    expect(await section.locator('.error-text').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the whole data set (ZIP) and the boundaries (GeoJSON) download from the page, with the data version the API reports', async () => {
    const { page, errors } = await open('/');
    await page.locator('.data-downloads').waitFor();
    const zip = await downloadBy(page, page.getByRole('link', { name: 'Whole data set (ZIP)' }));
    expect(zip.name).toBe(`afghanistan-neighbours-data-${suite.overview.dataVersion}.zip`);
    const files = unzipSync(new Uint8Array(zip.bytes));
    const names = Object.keys(files).map((name) => name.split('/').at(-1));
    for (const name of ['README.md', 'CITATION.cff', 'data-version.txt']) expect(names).toContain(name);
    for (const entity of ['meetings', 'countries', 'organisations', 'participations', 'statements', 'people', 'sources']) {
      expect(names).toContain(`${entity}.csv`);
      expect(names).toContain(`${entity}.json`);
    }
    const version = Object.entries(files).find(([name]) => name.endsWith('/data-version.txt'))![1];
    expect(text(Buffer.from(version)).trim()).toBe(suite.overview.dataVersion);
    const meetings = JSON.parse(text(Buffer.from(Object.entries(files).find(([name]) => name.endsWith('/meetings.json'))![1]))) as { records: { id: string }[] };
    expect(meetings.records.map((m) => m.id).sort()).toEqual(suite.overview.meetings.map((m) => m.id).sort());

    const geojson = await downloadBy(page, page.getByRole('link', { name: 'Country boundaries (GeoJSON)' }));
    const collection = JSON.parse(text(geojson.bytes)) as { type: string; features: { properties: { iso3: string | null; neighbourOfAfghanistan: boolean } }[] };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.filter((f) => f.properties.neighbourOfAfghanistan).map((f) => f.properties.iso3).sort()).toEqual([
      'CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB',
    ]);
    expect(errors).toEqual([]);
  });
});
