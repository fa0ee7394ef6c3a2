/**
 * Id → record maps for the read model. Documents show names and sources, the records hold ids: every
 * reference is resolved here once, and a missing one stops the seed with the id it could not find rather
 * than serving a document with a hole in it.
 */
import type { ActorRef } from '../../data/schema/api.ts';
import { isCountryId, type Country, type Dataset, type Meeting, type Organisation, type Source } from '../../data/schema/domain.ts';

/** A reference in the data points at a record that is not there (the data checker should have said so). */
export class DatasetReferenceError extends Error {
  override readonly name = 'DatasetReferenceError';
}

export class Lookup {
  private readonly countries: Map<string, Country>;
  private readonly organisations: Map<string, Organisation>;
  private readonly meetings: Map<string, Meeting>;
  private readonly sourcesById: Map<string, Source>;

  constructor(dataset: Dataset) {
    this.countries = new Map(dataset.countries.map((country) => [country.iso3, country]));
    this.organisations = new Map(dataset.organisations.map((organisation) => [organisation.id, organisation]));
    this.meetings = new Map(dataset.meetings.map((meeting) => [meeting.id, meeting]));
    this.sourcesById = new Map(dataset.sources.map((source) => [source.id, source]));
  }

  country(iso3: string): Country {
    return required(this.countries.get(iso3), `country ${iso3}`);
  }

  meeting(id: string): Meeting {
    return required(this.meetings.get(id), `meeting ${id}`);
  }

  source(id: string): Source {
    return required(this.sourcesById.get(id), `source ${id}`);
  }

  sources(ids: readonly string[]): Source[] {
    return ids.map((id) => this.source(id));
  }

  /** An attendee or a statement's speaker-for: a country or an organisation, told apart by the id's case. */
  actor(id: string): ActorRef {
    if (isCountryId(id)) return { id, kind: 'country', name: this.country(id).name };
    return { id, kind: 'organisation', name: required(this.organisations.get(id), `organisation ${id}`).name };
  }
}

export function actorKind(actor: string): ActorRef['kind'] {
  return isCountryId(actor) ? 'country' : 'organisation';
}

function required<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw new DatasetReferenceError(`The data refers to ${what}, which is not in data/records/`);
  return record;
}
