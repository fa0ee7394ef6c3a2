/** The country documents: /api/countries (every country's summary) and /api/countries/{iso3}. */
import type { CountryDetail, CountryList, OverviewCountry, StanceRecord } from '../../data/schema/api.ts';
import type { Country } from '../../data/schema/domain.ts';
import type { DataSet } from './data-set.ts';
import { byName } from './order.ts';
import { participationView } from './participation.ts';

/** Every country by name, with its meetings and its latest stance on each topic. */
export function countrySummaries(data: DataSet): OverviewCountry[] {
  return sortedCountries(data).map((country) => ({
    iso3: country.iso3,
    name: country.name,
    neighbourBorderKm: country.neighbourOfAfghanistan?.borderKm ?? null,
    meetings: data.participationsOf(country.iso3).map((participation) => ({
      meetingId: participation.meeting,
      role: participation.role,
      // The map marks a disputed attendance differently; the other levels of doubt are in the detail.
      disputed: participation.confidence.level === 'disputed',
    })),
    latestStances: latestStances(data, country.iso3),
    stances: stanceRecords(data, country.iso3),
  }));
}

export function countryList(data: DataSet): CountryList {
  return { countries: countrySummaries(data) };
}

/** One document per country: profile, memberships, participations oldest first, statements newest first. */
export function countryDetails(data: DataSet): CountryDetail[] {
  const { lookup } = data;
  return sortedCountries(data).map((country) => ({
    iso3: country.iso3,
    isoNumeric: country.isoNumeric,
    name: country.name,
    neighbourOfAfghanistan: country.neighbourOfAfghanistan && {
      borderKm: country.neighbourOfAfghanistan.borderKm,
      sources: lookup.sources(country.neighbourOfAfghanistan.sources),
      otherFigures: country.neighbourOfAfghanistan.otherFigures.map((figure) => ({
        ...figure,
        sources: lookup.sources(figure.sources),
      })),
      note: country.neighbourOfAfghanistan.note,
    },
    memberships: country.memberships.map((membership) => ({
      organisation: lookup.actor(membership.organisation),
      status: membership.status,
      since: membership.since,
      until: membership.until,
      sources: lookup.sources(membership.sources),
    })),
    participations: data.participationsOf(country.iso3).map((participation) => participationView(participation, data.lookup)),
    statements: data.statementsWhere((statement) => statement.actors.includes(country.iso3)),
  }));
}

/**
 * A country's position on each topic: the stance of its newest official statement on that topic. A
 * commentator's words (`official: false`) are shown with the country they are filed under, but an analyst
 * or a journalist does not speak for a state, so they never set its stance.
 */
function latestStances(data: DataSet, iso3: string): OverviewCountry['latestStances'] {
  const stances: OverviewCountry['latestStances'] = {};
  for (const { record: statement } of data.statements) {
    if (!statement.official || !statement.actors.includes(iso3)) continue;
    for (const { topic, stance } of statement.stances) {
      // Statements come newest first, so the first stance seen on a topic is the latest one.
      stances[topic] ??= { stance, statementId: statement.id, date: statement.date };
    }
  }
  return stances;
}

/** Every official stance of a country, newest first, under the same rule as `latestStances`. */
function stanceRecords(data: DataSet, iso3: string): StanceRecord[] {
  return data.statements.flatMap(({ record: statement, view }) =>
    statement.official && statement.actors.includes(iso3)
      ? statement.stances.map(({ topic, stance }) => ({
          topic,
          stance,
          date: statement.date,
          statementId: statement.id,
          speaker: view.speaker,
          delivery: statement.delivery,
          actorCount: statement.actors.length,
        }))
      : [],
  );
}

function sortedCountries(data: DataSet): Country[] {
  return [...data.dataset.countries].sort(byName);
}
