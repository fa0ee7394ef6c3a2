/**
 * What each country looks like in the current view: its category in the chosen layer (a key of the
 * palette table) and its base style (Afghanistan, bordering neighbour). Plain data, applied to the map as
 * feature-state by CountryMap and counted by the legend. The stance layer reads the stances as of the selected
 * meeting (stance.ts), the same rows the stance table shows.
 */
import type { Overview, OverviewAttendee, OverviewMeeting } from '../../../../data/schema/api.ts';
import type { TopicId } from '../../../../data/schema/labels.ts';
import { notConfirmedKey, type CountryHighlight, type LayerId } from './view-types.ts';
import { certaintyOf, compareRounds, previousRound, type RoundChange } from './rounds.ts';
import { asOfDate, stancesAsOf } from './stance.ts';

const AFGHANISTAN = 'AFG';

/**
 * The role category of one attendee: a disputed attendance is shown as disputed, whatever the role; a role
 * that is not confirmed as that role's not-confirmed form (see palette.ts).
 */
export function roleCategory(attendee: Pick<OverviewAttendee, 'role' | 'confidence'>): string {
  const certainty = certaintyOf(attendee);
  if (certainty === 'disputed') return 'disputed';
  return certainty === 'not-confirmed' ? notConfirmedKey(attendee.role) : attendee.role;
}

/** The change category: a change resting on a record that is not confirmed (or disputed) is not confirmed. */
export function changeCategory(change: Pick<RoundChange, 'change' | 'confirmed'>): string {
  return change.confirmed ? change.change : notConfirmedKey(change.change);
}

/** Category key per country code for the layer; countries without one are left out. */
export function categoriesFor(
  overview: Overview,
  layer: LayerId,
  meeting: OverviewMeeting | null,
  topic: TopicId,
  previous: OverviewMeeting | null = meeting === null ? null : previousRound(overview.meetings, meeting),
): Map<string, string> {
  const categories = new Map<string, string>();
  if (layer === 'stance') {
    for (const row of stancesAsOf(overview, topic, asOfDate(meeting))) categories.set(row.iso3, row.stance);
    return categories;
  }
  if (meeting === null) return categories;
  if (layer === 'roles') {
    for (const attendee of meeting.attendees) {
      if (attendee.kind === 'country') categories.set(attendee.actor, roleCategory(attendee));
    }
    return categories;
  }
  if (previous === null) return categories;
  for (const change of compareRounds(previous, meeting)) {
    if (change.kind === 'country') categories.set(change.actor, changeCategory(change));
  }
  return categories;
}

export function neighboursOf(overview: Overview | null): Set<string> {
  return new Set(overview?.countries.filter((c) => c.neighbourBorderKm !== null).map((c) => c.iso3));
}

/** Display names of every actor with curated data: country codes and organisation ids. */
export function actorNames(overview: Overview | null): Map<string, string> {
  return new Map([
    ...(overview?.countries.map((c) => [c.iso3, c.name] as const) ?? []),
    ...(overview?.organisations.map((o) => [o.id, o.shortName] as const) ?? []),
  ]);
}

/** Nothing is highlighted until the overview has arrived. */
export function highlightsFor(
  overview: Overview | null,
  layer: LayerId,
  meeting: OverviewMeeting | null,
  topic: TopicId,
  /** The round the changes layer compares `meeting` with; by default the previous round of its series. */
  previous?: OverviewMeeting | null,
): Map<string, CountryHighlight> {
  const highlights = new Map<string, CountryHighlight>();
  if (overview === null) return highlights;
  highlights.set(AFGHANISTAN, { base: 'afghanistan' });
  for (const iso3 of neighboursOf(overview)) highlights.set(iso3, { base: 'neighbour' });
  for (const [iso3, cat] of categoriesFor(overview, layer, meeting, topic, previous)) {
    highlights.set(iso3, { ...highlights.get(iso3), cat });
  }
  if (layer === 'stance') {
    for (const row of stancesAsOf(overview, topic, asOfDate(meeting))) {
      if (row.joint) highlights.set(row.iso3, { ...highlights.get(row.iso3), joint: true });
    }
  }
  return highlights;
}

/** How many countries are drawn in each category, for the legend. */
export function countByCategory(highlights: ReadonlyMap<string, CountryHighlight>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { cat } of highlights.values()) if (cat != null) counts.set(cat, (counts.get(cat) ?? 0) + 1);
  return counts;
}
