/** View downloads: the CSV parses back (with the same library) to the rows given, an empty view gives its header row. */
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../../../data/schema/api.ts';
import { participationRoles } from '../../../../data/schema/labels.ts';
import { fromCsv } from '../../../../data/export/csv.ts';
import { overview, round7 } from '../testing/fixtures.ts';
import { attendeesByRole } from '../state/rounds.ts';
import { stancesAsOf } from '../state/stance.ts';
import { citationLine, fileSlug, tableFile, type DownloadMeta } from './download.ts';
import { attendeeCells, attendeeColumns, stanceColumns, type AttendeeRow } from './views.ts';

const meta: DownloadMeta = { title: 'Attendees: round 7', dataVersion: 'abc123', url: 'http://127.0.0.1/?meeting=x', accessed: '2026-12-01' };

/** The rows the attendee table shows for round 7, before and after the meeting's document arrives. */
function attendeeRows(detail: MeetingDetail | null): AttendeeRow[] {
  return attendeesByRole(round7, participationRoles)
    .flatMap((line) => line.attendees)
    .map((attendee) => ({ attendee, name: attendee.actor, cells: attendeeCells(round7, attendee, detail) }));
}

const detail = {
  attendees: [
    {
      actor: { id: 'RUS', kind: 'country', name: 'Russia' },
      role: 'host',
      headOfDelegation: { name: 'Sergey Lavrov', office: 'Foreign Minister of Russia', person: 'sergey-lavrov' },
      level: 'minister',
      endorsedOutcome: 'yes',
      confidence: { level: 'confirmed' },
      sources: [],
    },
  ],
} as unknown as MeetingDetail;

describe('a view as CSV', () => {
  it('parses back to the rows the view shows, header first, with a byte-order mark and no comment line', async () => {
    const rows = attendeeRows(detail);
    const { text, type } = await tableFile('csv', attendeeColumns, rows, meta);
    expect(type).toBe('text/csv;charset=utf-8');
    expect(text.startsWith('\uFEFFCountry or organisation,')).toBe(true);
    const parsed = fromCsv(text);
    expect(parsed.columns).toEqual(attendeeColumns.map((c) => c.header));
    expect(parsed.rows).toHaveLength(round7.attendees.length);
    expect(parsed.rows.map((r) => r[1])).toEqual(rows.map((r) => r.attendee.actor));
    const russia = parsed.rows.find((r) => r[1] === 'RUS')!;
    expect(russia).toEqual(['RUS', 'RUS', 'Host', 'Minister', 'Sergey Lavrov', 'Foreign Minister of Russia', 'Yes', 'Confirmed', '']);
    const turkmenistan = parsed.rows.find((r) => r[1] === 'TKM')!;
    expect(turkmenistan.slice(7)).toEqual(['Disputed', 'reports differ']);
    expect(parsed.rows.find((r) => r[1] === 'IRN')![6]).toBe('Did not attend');
  });

  it('gives the header row alone for an empty view', async () => {
    const { text } = await tableFile('csv', stanceColumns, [], meta);
    expect(text).toBe(`\uFEFF${stanceColumns.map((c) => c.header).join(',')}\r\n`);
    expect(fromCsv(text)).toEqual({ columns: stanceColumns.map((c) => c.header), rows: [] });
  });

  it('writes the stance table with the topic, the stance and whose words, dates ISO', async () => {
    const rows = stancesAsOf(overview, 'foreign-military-presence', null);
    const parsed = fromCsv((await tableFile('csv', stanceColumns, rows, meta)).text);
    expect(parsed.rows.map((r) => r[1])).toEqual(rows.map((r) => r.iso3));
    const china = parsed.rows.find((r) => r[1] === 'CHN')!;
    expect(china).toEqual(['China', 'CHN', 'Foreign military presence', 'Opposes', '2025-10-07', '1 year 1 month', 'Speaker of s-1', 'Minister', 'Co-signed joint statement', 's-1']);
  });
});

describe('a view as JSON', () => {
  it('carries the data version, the citation line and the access date as fields, and one object per row', async () => {
    const rows = attendeeRows(null);
    const body = JSON.parse((await tableFile('json', attendeeColumns, rows, meta)).text);
    expect(body).toMatchObject({ title: meta.title, dataVersion: 'abc123', url: meta.url, accessed: '2026-12-01' });
    expect(body.citation).toBe(citationLine(meta));
    expect(body.citation).toContain('Data version abc123');
    expect(body.columns.map((c: { key: string }) => c.key)).toEqual(attendeeColumns.map((c) => c.key));
    expect(body.rows).toHaveLength(rows.length);
    expect(body.rows[0]).toMatchObject({ actor: 'RUS', role: 'Host', level: '…' });
  });

  it('is an empty list of rows for an empty view', async () => {
    const body = JSON.parse((await tableFile('json', stanceColumns, [], meta)).text);
    expect(body.rows).toEqual([]);
    expect(body.columns).toHaveLength(stanceColumns.length);
  });
});

describe('fileSlug', () => {
  it('keeps file names to lower-case letters, digits and hyphens', () => {
    expect(fileSlug('statements', 'RUS', '', 'moscow-format-7-moscow-2025')).toBe('statements-rus-moscow-format-7-moscow-2025');
    expect(fileSlug('stance', "Women's rights / Bagram")).toBe('stance-women-s-rights-bagram');
  });
});
