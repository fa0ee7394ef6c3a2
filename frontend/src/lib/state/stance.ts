/**
 * The stance layer as of a date: per country, its newest official stance on a topic stated on or before that
 * date. The map's colours (highlights.ts) and the stance table both come from `stancesAsOf`, so the table
 * lists exactly the countries the map colours.
 */
import type { Overview, OverviewMeeting, StanceRecord } from '../../../../data/schema/api.ts';
import { topics, type TopicId } from '../../../../data/schema/labels.ts';

/** Whose words a stance rests on: the country's own, a joint statement it co-signed, or a statement for several. */
export type Words = 'own' | 'joint-statement' | 'shared';

export const wordsOf = (record: Pick<StanceRecord, 'delivery' | 'actorCount'>): Words =>
  record.delivery === 'joint-statement' ? 'joint-statement' : record.actorCount > 1 ? 'shared' : 'own';

export interface StanceRow extends StanceRecord {
  iso3: string;
  name: string;
  words: Words;
  /** Not its own words (a joint or shared statement): the map marks it (the `joint` feature-state). */
  joint: boolean;
  /** Whole months from the stance's date to the reference date (the as-of date, or the data's currency). */
  ageMonths: number;
}

/** The date the layer is read at: the selected meeting's last day (what was said there counts), or none: the latest on record. */
export const asOfDate = (meeting: Pick<OverviewMeeting, 'endDate'> | null): string | null => meeting?.endDate ?? null;

/**
 * A day (`2024-10-04`) or a month (`2024-10`) is on or before `asOf` when it starts on or before it: a stance
 * known only to its month counts from the month's first day.
 */
const onOrBefore = (date: string, asOf: string): boolean => date <= asOf;

/** Whole months between two days or months (`2022-11-16` → `2024-10-04`: 22), never negative. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd = 1] = from.split('-').map(Number) as [number, number, number?];
  const [ty, tm, td = 1] = to.split('-').map(Number) as [number, number, number?];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** Every country with an official stance on `topic` by `asOf` (null: any date), by country name. */
export function stancesAsOf(overview: Overview, topic: TopicId, asOf: string | null): StanceRow[] {
  const reference = asOf ?? overview.currentTo ?? null;
  const rows: StanceRow[] = [];
  for (const country of overview.countries) {
    // The history is newest first: the first match is the latest by then.
    const record = country.stances.find((s) => s.topic === topic && (asOf === null || onOrBefore(s.date, asOf)));
    if (record === undefined) continue;
    rows.push({
      ...record,
      iso3: country.iso3,
      name: country.name,
      words: wordsOf(record),
      joint: wordsOf(record) !== 'own',
      ageMonths: reference === null ? 0 : monthsBetween(record.date, reference),
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The topics some country has an official stance on, in the data model's order: the only ones worth offering. */
export function topicsWithStances(overview: Overview | null): TopicId[] {
  const seen = new Set(overview?.countries.flatMap((country) => country.stances.map((s) => s.topic)));
  return topics.filter((topic) => seen.has(topic));
}
