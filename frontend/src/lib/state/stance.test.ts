import { describe, expect, it } from 'vitest';
import { overview, round6, round7 } from '../testing/fixtures.ts';
import { categoriesFor, highlightsFor } from './highlights.ts';
import { asOfDate, monthsBetween, stancesAsOf, topicsWithStances } from './stance.ts';

const presence = 'foreign-military-presence';

describe('stancesAsOf', () => {
  it('with no meeting: the latest official stance of every country that has one, by name', () => {
    const rows = stancesAsOf(overview, presence, null);
    expect(rows.map((r) => [r.iso3, r.stance, r.statementId])).toEqual([
      ['CHN', 'opposes', 's-1'],
      ['IRN', 'mixed', 's-2'],
      ['RUS', 'opposes', 's-3'],
    ]);
  });

  it('as of a meeting: only what was said by its last day; a stance from the day itself counts', () => {
    const rows = stancesAsOf(overview, presence, asOfDate(round6));
    expect(rows.map((r) => [r.iso3, r.stance, r.date])).toEqual([
      ['CHN', 'mixed', '2021-03'],
      ['IRN', 'mixed', '2024-10-04'],
    ]);
  });

  it('marks a stance from a joint statement, and gives its age at the as-of date', () => {
    const [china] = stancesAsOf(overview, presence, asOfDate(round7));
    expect(china).toMatchObject({ iso3: 'CHN', joint: true, ageMonths: 0, delivery: 'joint-statement' });
    const [older] = stancesAsOf(overview, presence, asOfDate(round6));
    expect(older).toMatchObject({ iso3: 'CHN', joint: false, ageMonths: 43 });
    // No meeting: the age at the month the data is current to (December 2026).
    expect(stancesAsOf(overview, presence, null).find((r) => r.iso3 === 'RUS')?.ageMonths).toBe(13);
  });

  it('tells own words from a co-signed joint statement and from a statement made for several', () => {
    expect(stancesAsOf(overview, 'narcotics', null)).toMatchObject([{ iso3: 'IRN', words: 'shared', joint: true }]);
    expect(stancesAsOf(overview, presence, null).map((r) => [r.iso3, r.words])).toEqual([
      ['CHN', 'joint-statement'],
      ['IRN', 'own'],
      ['RUS', 'own'],
    ]);
  });

  it('the map colours exactly the countries the table lists, with the same stance', () => {
    for (const meeting of [null, round6, round7]) {
      const rows = stancesAsOf(overview, presence, asOfDate(meeting));
      expect(Object.fromEntries(categoriesFor(overview, 'stance', meeting, presence))).toEqual(
        Object.fromEntries(rows.map((r) => [r.iso3, r.stance])),
      );
      const joint = [...highlightsFor(overview, 'stance', meeting, presence)].filter(([, h]) => h.joint).map(([iso3]) => iso3);
      expect(joint).toEqual(rows.filter((r) => r.joint).map((r) => r.iso3));
    }
  });

  it('no flag outside the stance layer', () => {
    expect([...highlightsFor(overview, 'roles', round7, presence).values()].some((h) => h.joint)).toBe(false);
  });
});

describe('topicsWithStances', () => {
  it('offers only topics some country has a stance on, in the data model order', () => {
    expect(topicsWithStances(overview)).toEqual(['foreign-military-presence', 'narcotics']);
    expect(topicsWithStances(null)).toEqual([]);
  });
});

describe('monthsBetween', () => {
  it('counts whole months, by day when both have one', () => {
    expect(monthsBetween('2022-11-16', '2024-10-04')).toBe(22);
    expect(monthsBetween('2024-10-04', '2024-10-04')).toBe(0);
    expect(monthsBetween('2024-10', '2026-12')).toBe(26);
    expect(monthsBetween('2025-01-01', '2024-01-01')).toBe(0);
  });
});
