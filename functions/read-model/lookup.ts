/**
 * Id → record maps for the read model. Documents show names and sources, the records hold ids: every
 * reference is resolved here once, and a missing one stops the seed with the id it could not find rather
 * than serving a document with a hole in it.
 */
import type { ActorRef, SourceView } from '../../data/schema/api.ts';
import {
  isCountryId,
  type Country,
  type Dataset,
  type Meeting,
  type Organisation,
  type Person,
  type Source,
  type Speaker,
} from '../../data/schema/domain.ts';
import { resolveSpeaker, type ResolvedSpeaker } from '../../data/people.ts';

/** A reference in the data points at a record that is not there (the data checker should have said so). */
export class DatasetReferenceError extends Error {
  override readonly name = 'DatasetReferenceError';
}

export class Lookup {
  private readonly countries: Map<string, Country>;
  private readonly organisations: Map<string, Organisation>;
  private readonly meetings: Map<string, Meeting>;
  private readonly sourcesById: Map<string, Source>;
  private readonly people: Map<string, Person>;

  constructor(dataset: Dataset) {
    this.people = new Map(dataset.people.map((person) => [person.id, person]));
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

  /** A source as readers see it: the curator's note stays in the records. */
  source(id: string): SourceView {
    const { curatorNote: _curatorNote, ...shown } = required(this.sourcesById.get(id), `source ${id}`);
    return shown;
  }

  sources(ids: readonly string[]): SourceView[] {
    return ids.map((id) => this.source(id));
  }

  /** A speaker or head of delegation: a named person with the office held on `date`, or as the record names them. */
  speaker(speaker: Speaker, date: string): ResolvedSpeaker {
    if (speaker.person !== undefined) required(this.people.get(speaker.person), `person ${speaker.person}`);
    return resolveSpeaker(speaker, date, this.people);
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
