/**
 * /api/search-index: everything the page's search box can find, in one document the page fetches once and
 * matches on the client (the whole record is small: tens of statements, a few dozen names).
 */
import type { SearchEntry, SearchIndex, SearchTarget } from '../../data/schema/api.ts';
import { isCountryId } from '../../data/schema/domain.ts';
import type { DataSet } from './data-set.ts';
import { byName, compareText } from './order.ts';

/** A country's or an organisation's panel. */
const actorTarget = (actor: string): SearchTarget => (isCountryId(actor) ? { country: actor } : { organisation: actor });

export function searchIndex(data: DataSet): SearchIndex {
  const { dataset, lookup } = data;
  const countries = [...dataset.countries].sort(byName).map(
    (country): SearchEntry => ({
      kind: 'country',
      id: country.iso3,
      label: country.name,
      detail: country.neighbourOfAfghanistan ? "Afghanistan's neighbour" : 'Country',
      aliases: [country.iso3],
      opens: { country: country.iso3 },
    }),
  );
  const organisations = [...dataset.organisations].sort(byName).map(
    (organisation): SearchEntry => ({
      kind: 'organisation',
      id: organisation.id,
      label: organisation.name,
      detail: 'Organisation',
      aliases: organisation.shortName === organisation.name ? [] : [organisation.shortName],
      opens: { organisation: organisation.id },
    }),
  );
  const people = [...dataset.people].sort(byName).map((person): SearchEntry => {
    // The latest office: the one a reader most likely knows the person by.
    const latest = [...person.offices].sort((a, b) => compareText(b.from ?? '', a.from ?? ''))[0];
    const actor = lookup.actor(person.actor).name;
    return {
      kind: 'person',
      id: person.id,
      label: person.name,
      detail: latest ? latest.title : actor,
      aliases: person.aliases,
      opens: actorTarget(person.actor),
    };
  });
  const meetings = [...data.meetingsOldestFirst].reverse().map(
    (meeting): SearchEntry => ({
      kind: 'meeting',
      id: meeting.id,
      label: meeting.title,
      detail: meeting.city,
      date: meeting.startDate,
      aliases: [],
      opens: { meeting: meeting.id },
    }),
  );
  const statements = data.statements.map(({ record, view }): SearchEntry => {
    const first = record.actors[0] as string;
    return {
      kind: 'statement',
      id: record.id,
      label: view.speaker.name,
      detail: view.actors.map((actor) => actor.name).join(', '),
      date: record.date,
      aliases: [],
      text: [view.quote, ...view.variants.map((variant) => variant.quote)].join('\n'),
      opens: { ...actorTarget(first), statement: record.id },
    };
  });
  return { dataVersion: data.dataVersion, entries: [...countries, ...organisations, ...people, ...meetings, ...statements] };
}
