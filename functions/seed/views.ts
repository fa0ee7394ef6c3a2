/**
 * Dataset → the API's response documents (data/schema/api.ts), resolved and sorted once at seed time so a
 * request never joins or sorts anything. Pure: no I/O, deterministic for a given dataset (the seed's
 * idempotence depends on it).
 *
 * Orders used everywhere: meetings and participations oldest first (start date, then id); statements newest
 * first (date, then id, both descending: the order of their DynamoDB sort key read backwards); attendees
 * by role (host first), then name; countries and organisations by name.
 */
import { createHash } from 'node:crypto';
import {
  countryDetailSchema,
  healthSchema,
  meetingDetailSchema,
  organisationDetailSchema,
  overviewSchema,
  statementViewSchema,
  type ActorRef,
  type AttendeeView,
  type CountryDetail,
  type Health,
  type MeetingDetail,
  type OrganisationDetail,
  type Overview,
  type OverviewCountry,
  type OverviewMeeting,
  type OverviewOrganisation,
  type ParticipationView,
  type SourceView,
  type StatementView,
} from '../../data/schema/api.ts';
import {
  isCountryId,
  participationRoles,
  type Country,
  type Dataset,
  type Meeting,
  type OutcomeDocument,
  type Participation,
  type Person,
  type Source,
  type Speaker,
  type Statement,
} from '../../data/schema/domain.ts';
import { resolveSpeaker, type ResolvedSpeaker } from '../../data/people.ts';

export interface Views {
  /** Content hash of the dataset; changes whenever any record does. */
  readonly dataVersion: string;
  readonly health: Health;
  readonly overview: Overview;
  readonly meetings: readonly MeetingDetail[];
  readonly countries: readonly CountryDetail[];
  readonly organisations: readonly OrganisationDetail[];
  /** Every statement, newest first; with the records they came from (for filter facts). */
  readonly statements: readonly { readonly record: Statement; readonly view: StatementView }[];
}

/** A reference in the data points at a record that is not there (the data checker should have said so). */
export class DatasetReferenceError extends Error {
  override readonly name = 'DatasetReferenceError';
}

export function buildViews(dataset: Dataset): Views {
  const lookup = new Lookup(dataset);
  const meetingsOldestFirst = [...dataset.meetings].sort(byMeetingDate);
  const statementsNewestFirst = [...dataset.statements].sort(byStatementDateDescending);
  const statementViews = new Map(
    statementsNewestFirst.map((statement) => [statement.id, statementView(statement, lookup)] as const),
  );
  const statementsOf = (predicate: (statement: Statement) => boolean): StatementView[] =>
    statementsNewestFirst.filter(predicate).map((statement) => statementViews.get(statement.id) as StatementView);
  const participationsOf = (actor: string): Participation[] =>
    dataset.participations
      .filter((participation) => participation.actor === actor)
      .sort((a, b) => byMeetingDate(lookup.meeting(a.meeting), lookup.meeting(b.meeting)));

  const dataVersion = createHash('sha256').update(JSON.stringify(dataset)).digest('hex').slice(0, 16);

  const overview: Overview = {
    dataVersion,
    countries: [...dataset.countries]
      .sort(byName)
      .map((country) => overviewCountry(country, participationsOf(country.iso3), statementsNewestFirst)),
    organisations: [...dataset.organisations].sort(byName).map(
      (organisation): OverviewOrganisation => ({
        id: organisation.id,
        name: organisation.name,
        shortName: organisation.shortName,
        statementCount: dataset.statements.filter((statement) => statement.actors.includes(organisation.id)).length,
      }),
    ),
    meetings: meetingsOldestFirst.map((meeting) =>
      overviewMeeting(meeting, attendeesOf(meeting.id, dataset, lookup)),
    ),
  };

  const meetings = meetingsOldestFirst.map(
    (meeting): MeetingDetail => ({
      ...meetingBasics(meeting),
      summary: meeting.summary,
      confidence: meeting.confidence,
      hostName: lookup.country(meeting.host).name,
      outcome: meeting.outcome && outcomeView(meeting.outcome, lookup),
      sources: lookup.sources(meeting.sources),
      attendees: attendeesOf(meeting.id, dataset, lookup).map((participation) =>
        attendeeView(participation, lookup),
      ),
      statements: statementsOf((statement) => statement.meeting === meeting.id),
    }),
  );

  const countries = [...dataset.countries].sort(byName).map(
    (country): CountryDetail => ({
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
      participations: participationsOf(country.iso3).map((participation) => participationView(participation, lookup)),
      statements: statementsOf((statement) => statement.actors.includes(country.iso3)),
    }),
  );

  const organisations = [...dataset.organisations].sort(byName).map(
    (organisation): OrganisationDetail => ({
      id: organisation.id,
      name: organisation.name,
      shortName: organisation.shortName,
      description: organisation.description,
      sources: lookup.sources(organisation.sources),
      participations: participationsOf(organisation.id).map((participation) =>
        participationView(participation, lookup),
      ),
      statements: statementsOf((statement) => statement.actors.includes(organisation.id)),
    }),
  );

  // Parse every document with its contract schema: a view that drifts from data/schema/api.ts fails the
  // seed, not the page. The parsed copy also drops anything the contract does not name.
  return {
    dataVersion,
    health: healthSchema.parse({ status: 'ok', dataVersion }),
    overview: overviewSchema.parse(overview),
    meetings: meetings.map((meeting) => meetingDetailSchema.parse(meeting)),
    countries: countries.map((country) => countryDetailSchema.parse(country)),
    organisations: organisations.map((organisation) => organisationDetailSchema.parse(organisation)),
    statements: statementsNewestFirst.map((record) => ({
      record,
      view: statementViewSchema.parse(statementViews.get(record.id)),
    })),
  };
}

// ------------------------------------------------------------------------------------------------- pieces

function overviewCountry(
  country: Country,
  participations: readonly Participation[],
  statementsNewestFirst: readonly Statement[],
): OverviewCountry {
  const latestStances: OverviewCountry['latestStances'] = {};
  for (const statement of statementsNewestFirst) {
    // A commentator's words are shown with the country, but they are not the country's position.
    if (!statement.official || !statement.actors.includes(country.iso3)) continue;
    for (const { topic, stance } of statement.stances) {
      // Newest first, so the first stance seen on a topic is the latest one.
      latestStances[topic] ??= { stance, statementId: statement.id, date: statement.date };
    }
  }
  return {
    iso3: country.iso3,
    name: country.name,
    neighbourBorderKm: country.neighbourOfAfghanistan?.borderKm ?? null,
    meetings: participations.map((participation) => ({
      meetingId: participation.meeting,
      role: participation.role,
      disputed: participation.confidence.level === 'disputed',
    })),
    latestStances,
  };
}

/** The fields every view of a meeting shows, copied one by one so no curated-only field leaks out. */
function meetingBasics(meeting: Meeting) {
  return {
    id: meeting.id,
    series: meeting.series,
    round: meeting.round,
    title: meeting.title,
    startDate: meeting.startDate,
    endDate: meeting.endDate,
    city: meeting.city,
    host: meeting.host,
    format: meeting.format,
  };
}

function overviewMeeting(meeting: Meeting, attendees: readonly Participation[]): OverviewMeeting {
  return {
    ...meetingBasics(meeting),
    outcome: meeting.outcome && {
      name: meeting.outcome.name,
      adopted: meeting.outcome.adopted,
      rejectsForeignMilitaryInfrastructure: meeting.outcome.rejectsForeignMilitaryInfrastructure,
    },
    attendees: attendees.map((participation) => ({
      actor: participation.actor,
      kind: actorKind(participation.actor),
      role: participation.role,
      endorsedOutcome: participation.endorsedOutcome,
      confidence: participation.confidence,
    })),
  };
}

function attendeesOf(meetingId: string, dataset: Dataset, lookup: Lookup): Participation[] {
  return dataset.participations
    .filter((participation) => participation.meeting === meetingId)
    .sort(
      (a, b) =>
        participationRoles.indexOf(a.role) - participationRoles.indexOf(b.role) ||
        byName(lookup.actor(a.actor), lookup.actor(b.actor)),
    );
}

function attendeeView(participation: Participation, lookup: Lookup): AttendeeView {
  return {
    actor: lookup.actor(participation.actor),
    role: participation.role,
    headOfDelegation: headOfDelegation(participation, lookup),
    level: participation.level,
    endorsedOutcome: participation.endorsedOutcome,
    confidence: participation.confidence,
    note: participation.note,
    sources: lookup.sources(participation.sources),
  };
}

/** The head of delegation with the office held on the meeting's first day. */
function headOfDelegation(participation: Participation, lookup: Lookup): ResolvedSpeaker | null {
  const head = participation.headOfDelegation;
  return head === null ? null : lookup.speaker(head, lookup.meeting(participation.meeting).startDate);
}

function participationView(participation: Participation, lookup: Lookup): ParticipationView {
  const meeting = lookup.meeting(participation.meeting);
  return {
    meeting: { id: meeting.id, title: meeting.title, series: meeting.series, startDate: meeting.startDate },
    role: participation.role,
    headOfDelegation: headOfDelegation(participation, lookup),
    level: participation.level,
    endorsedOutcome: participation.endorsedOutcome,
    confidence: participation.confidence,
    note: participation.note,
    sources: lookup.sources(participation.sources),
  };
}

function statementView(statement: Statement, lookup: Lookup): StatementView {
  const meeting = statement.meeting === null ? null : lookup.meeting(statement.meeting);
  return {
    id: statement.id,
    speaker: lookup.speaker(statement.speaker, statement.date),
    actors: statement.actors.map((actor) => lookup.actor(actor)),
    date: statement.date,
    meeting: meeting && { id: meeting.id, title: meeting.title },
    quote: statement.quote,
    quoteSource: lookup.source(statement.quoteSource),
    extent: statement.extent,
    variants: statement.variants.map((variant) => ({ quote: variant.quote, source: lookup.source(variant.source) })),
    delivery: statement.delivery,
    official: statement.official,
    readBy: statement.readBy,
    stances: statement.stances,
    confidence: statement.confidence,
    note: statement.note,
    sources: lookup.sources(statement.sources),
  };
}

// ----------------------------------------------------------------------------------------- lookups, order

/** Id → record maps that throw a DatasetReferenceError naming the missing id. */
class Lookup {
  private readonly countries: Map<string, Country>;
  private readonly organisations: Map<string, Dataset['organisations'][number]>;
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

  speaker(speaker: Speaker, date: string): ResolvedSpeaker {
    return resolveSpeaker(speaker, date, this.people);
  }

  /** A source as readers see it: the curator's note stays in the records. */
  source(id: string): SourceView {
    const { curatorNote: _curatorNote, ...source } = required(this.sourcesById.get(id), `source ${id}`);
    return source;
  }

  sources(ids: readonly string[]): SourceView[] {
    return ids.map((id) => this.source(id));
  }

  actor(id: string): ActorRef {
    if (isCountryId(id)) return { id, kind: 'country', name: this.country(id).name };
    return { id, kind: 'organisation', name: required(this.organisations.get(id), `organisation ${id}`).name };
  }
}

function outcomeView(outcome: OutcomeDocument, lookup: Lookup) {
  const { curatorNote: _curatorNote, ...shown } = outcome;
  return { ...shown, sources: lookup.sources(outcome.sources) };
}

function required<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw new DatasetReferenceError(`The data refers to ${what}, which is not in data/records/`);
  return record;
}

function actorKind(actor: string): ActorRef['kind'] {
  return isCountryId(actor) ? 'country' : 'organisation';
}

/** Code-unit order for ids and ISO dates: the same on every machine, so the seed writes the same bytes. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names sort as readers expect ("Türkiye" before "Turkmenistan"), in a fixed locale. */
const nameCollator = new Intl.Collator('en');

function byName(a: { name: string }, b: { name: string }): number {
  return nameCollator.compare(a.name, b.name) || compareText(a.name, b.name);
}

function byMeetingDate(a: Meeting, b: Meeting): number {
  return compareText(a.startDate, b.startDate) || compareText(a.id, b.id);
}

function byStatementDateDescending(a: Statement, b: Statement): number {
  return compareText(b.date, a.date) || compareText(b.id, a.id);
}
