/**
 * The read API's response shapes: the contract between functions/ (which produces them) and frontend/
 * (which consumes them). The OpenAPI document is generated from these schemas (z.toJSONSchema), so the
 * documentation, the handlers' tests and the page's types cannot drift apart.
 *
 * Records are the curated ones from ./domain.ts with their references resolved for display: source ids
 * become source objects, actor ids gain a name. Field names are camelCase throughout.
 */
import { z } from 'zod';
import {
  confidenceSchema,
  countrySchema,
  delegationLevels,
  deliveryModes,
  iso3Schema,
  meetingSchema,
  meetingSeriesSchema,
  organisationSchema,
  outcomeDocumentSchema,
  participationRoleSchema,
  slugSchema,
  sourceSchema,
  stanceSchema,
  stanceValueSchema,
  topicSchema,
  triStateSchema,
  coverageSchema,
  isoDateSchema,
  dayOrMonthSchema,
} from './domain.ts';

/** A reference to a country or organisation, with the name to show. */
export const actorRefSchema = z.object({
  id: z.string(),
  kind: z.enum(['country', 'organisation']),
  name: z.string(),
});

/** A source as readers see it: the curator's research note is never served. */
export const sourceViewSchema = sourceSchema.omit({ curatorNote: true });

/** A speaker or head of delegation: the person's id when named, with the office held on the date. */
export const speakerViewSchema = z.object({
  name: z.string(),
  office: z.string().nullable(),
  person: slugSchema.nullable(),
});

export const outcomeViewSchema = outcomeDocumentSchema.omit({ sources: true, curatorNote: true }).extend({
  sources: z.array(sourceViewSchema),
});

// ------------------------------------------------------------------------------------------------ overview

/** Latest stance of a country on one topic, from its newest statement tagged with that topic. */
export const latestStanceSchema = z.object({
  stance: stanceValueSchema,
  statementId: slugSchema,
  date: dayOrMonthSchema,
});

/**
 * One official stance of a country on one topic: the statement it comes from, who spoke (with the office
 * held on the day) and how it was delivered, so a reader can tell a country's own words from its signature
 * under a joint statement.
 */
export const stanceRecordSchema = z.object({
  topic: topicSchema,
  stance: stanceValueSchema,
  date: dayOrMonthSchema,
  statementId: slugSchema,
  speaker: speakerViewSchema,
  delivery: z.enum(deliveryModes),
  /** How many countries and organisations the statement speaks for: more than one when shared or joint. */
  actorCount: z.number().int().positive(),
});

export const overviewAttendeeSchema = z.object({
  actor: z.string(),
  kind: z.enum(['country', 'organisation']),
  role: participationRoleSchema,
  endorsedOutcome: triStateSchema,
  confidence: confidenceSchema,
});

export const overviewMeetingSchema = z.object({
  id: slugSchema,
  series: meetingSeriesSchema,
  round: z.number().int().nullable(),
  title: z.string(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  city: z.string(),
  host: iso3Schema,
  format: z.enum(['in-person', 'online', 'hybrid']),
  outcome: z
    .object({
      name: z.string(),
      adopted: triStateSchema,
      rejectsForeignMilitaryInfrastructure: triStateSchema,
    })
    .nullable(),
  attendees: z.array(overviewAttendeeSchema),
});

export const overviewCountrySchema = z.object({
  iso3: iso3Schema,
  name: z.string(),
  /** Border with Afghanistan in km (Factbook figure) for the six neighbours; null otherwise. */
  neighbourBorderKm: z.number().nullable(),
  meetings: z.array(z.object({ meetingId: slugSchema, role: participationRoleSchema, disputed: z.boolean() })),
  latestStances: z.partialRecord(topicSchema, latestStanceSchema),
  /** Every official stance of the country, newest first: the stance layer as of any date. */
  stances: z.array(stanceRecordSchema),
});

export const overviewOrganisationSchema = z.object({
  id: slugSchema,
  name: z.string(),
  shortName: z.string(),
  statementCount: z.number().int().nonnegative(),
});

export const overviewSchema = z.object({
  /** Content hash of the data set the response was built from. */
  dataVersion: z.string(),
  /** The month (`YYYY-MM`) of the latest search for new events: the record is current to then. */
  currentTo: z.string().nullable(),
  countries: z.array(overviewCountrySchema),
  organisations: z.array(overviewOrganisationSchema),
  /** Every meeting, oldest first. */
  meetings: z.array(overviewMeetingSchema),
});

// ---------------------------------------------------------------------------------------------- statements

export const statementViewSchema = z.object({
  id: slugSchema,
  speaker: speakerViewSchema,
  actors: z.array(actorRefSchema),
  date: dayOrMonthSchema,
  meeting: z.object({ id: slugSchema, title: z.string() }).nullable(),
  quote: z.string(),
  quoteSource: sourceViewSchema,
  extent: z.enum(['full', 'fragment']),
  variants: z.array(z.object({ quote: z.string(), source: sourceViewSchema })),
  delivery: z.enum(deliveryModes),
  /** false for a commentator, not an official: never counted as the actor's stance. */
  official: z.boolean(),
  readBy: z.string().optional(),
  stances: z.array(stanceSchema),
  confidence: confidenceSchema,
  note: z.string().optional(),
  sources: z.array(sourceViewSchema),
});

export const statementListSchema = z.object({
  /** Newest first. */
  statements: z.array(statementViewSchema),
});

// ------------------------------------------------------------------------------------------------ meetings

/** What a participation says about a delegation: the same in a meeting's document and in an actor's. */
const delegationViewShape = {
  role: participationRoleSchema,
  headOfDelegation: speakerViewSchema.nullable(),
  level: z.enum(delegationLevels),
  endorsedOutcome: triStateSchema,
  confidence: confidenceSchema,
  note: z.string().optional(),
  sources: z.array(sourceViewSchema),
};

/** A participation in a meeting's document: who attended. */
export const attendeeViewSchema = z.object({ actor: actorRefSchema, ...delegationViewShape });

export const meetingDetailSchema = meetingSchema
  .omit({ sources: true, outcome: true, curatorNote: true })
  .extend({
    hostName: z.string(),
    outcome: outcomeViewSchema.nullable(),
    sources: z.array(sourceViewSchema),
    attendees: z.array(attendeeViewSchema),
    /** Newest first. */
    statements: z.array(statementViewSchema),
  });

export const meetingListSchema = z.object({ meetings: z.array(overviewMeetingSchema) });

// ------------------------------------------------------------------------------------ countries and orgs

/** A participation in an actor's document: which meeting. */
export const participationViewSchema = z.object({
  meeting: z.object({
    id: slugSchema,
    title: z.string(),
    series: meetingSeriesSchema,
    startDate: isoDateSchema,
  }),
  ...delegationViewShape,
});

const neighbourViewSchema = z
  .object({
    borderKm: z.number(),
    sources: z.array(sourceViewSchema),
    otherFigures: z.array(
      z.object({ km: z.number(), by: z.string(), note: z.string().optional(), sources: z.array(sourceViewSchema) }),
    ),
    note: z.string().optional(),
  })
  .nullable();

export const countryDetailSchema = countrySchema.omit({ neighbourOfAfghanistan: true, memberships: true, curatorNote: true }).extend({
  neighbourOfAfghanistan: neighbourViewSchema,
  memberships: z.array(
    z.object({
      organisation: actorRefSchema,
      status: z.enum(['member', 'former-member', 'observer', 'partner']),
      since: z.number().nullable(),
      until: z.number().nullable(),
      sources: z.array(sourceViewSchema),
    }),
  ),
  /** Oldest meeting first. */
  participations: z.array(participationViewSchema),
  /** Newest first. */
  statements: z.array(statementViewSchema),
});

export const countryListSchema = z.object({ countries: z.array(overviewCountrySchema) });

export const organisationDetailSchema = organisationSchema.omit({ sources: true, curatorNote: true }).extend({
  sources: z.array(sourceViewSchema),
  participations: z.array(participationViewSchema),
  statements: z.array(statementViewSchema),
});

export const organisationListSchema = z.object({ organisations: z.array(overviewOrganisationSchema) });

// -------------------------------------------------------------------------------------------------- search

/** What picking a search result opens: a panel, a meeting, or one statement in its actor's panel. */
export const searchTargetSchema = z.object({
  country: iso3Schema.optional(),
  organisation: slugSchema.optional(),
  meeting: slugSchema.optional(),
  statement: slugSchema.optional(),
});

export const searchKinds = ['country', 'organisation', 'person', 'meeting', 'statement'] as const;

/** One thing the search box can find: what it shows, the other words it is found by, what it opens. */
export const searchEntrySchema = z.object({
  kind: z.enum(searchKinds),
  /** The record's id: an ISO alpha-3 code, a slug. */
  id: z.string(),
  /** The result's first line: a name, a meeting's title, a statement's speaker. */
  label: z.string(),
  /** Its second line: an office, a city, the country a statement speaks for. */
  detail: z.string(),
  /** When a meeting began or a statement was made (a day, or a month when only that is known). */
  date: dayOrMonthSchema.optional(),
  /** Other names it is found by: a person's other spellings, an organisation's short name. */
  aliases: z.array(z.string()),
  /** Words it is found by that the result does not show in full: a statement's quote and other wordings, one a line. */
  text: z.string().optional(),
  opens: searchTargetSchema,
});

export const searchIndexSchema = z.object({
  /** Content hash of the data set the index was built from (the overview's). */
  dataVersion: z.string(),
  /** Grouped by kind in the order of `searchKinds`; within a kind, by name (statements newest first). */
  entries: z.array(searchEntrySchema),
});

// ------------------------------------------------------------------------------------------------- errors

export const apiErrorSchema = z.object({
  error: z.object({
    /** Stable, machine-readable: bad_request, not_found, method_not_allowed, not_modified never appears. */
    code: z.string(),
    message: z.string(),
  }),
});

export const healthSchema = z.object({ status: z.literal('ok'), dataVersion: z.string().nullable() });

// ------------------------------------------------------------------------------------------------ coverage

/**
 * What the record covers and how current it is, for the page's "About the record": how many records of
 * each kind, the span of the meetings, and the searches for new events with what each found.
 */
export const coverageDocumentSchema = z.object({
  dataVersion: z.string(),
  /** The month (`YYYY-MM`) of the latest search for new events, as in the overview. */
  currentTo: z.string().nullable(),
  /** The day of the latest search for new events. */
  lastSearched: isoDateSchema.nullable(),
  totals: z.object({
    meetings: z.number().int().nonnegative(),
    countries: z.number().int().nonnegative(),
    organisations: z.number().int().nonnegative(),
    statements: z.number().int().nonnegative(),
    sources: z.number().int().nonnegative(),
  }),
  /** First day of the earliest meeting and of the latest; null with no meetings. */
  meetingsFrom: isoDateSchema.nullable(),
  meetingsTo: isoDateSchema.nullable(),
  /** The searches for new events, newest first: what was looked for, when, and what was found. */
  searches: z.array(coverageSchema.pick({ topic: true, searched: true, found: true, result: true })),
});

export type ActorRef = z.infer<typeof actorRefSchema>;
export type SourceView = z.infer<typeof sourceViewSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type OverviewMeeting = z.infer<typeof overviewMeetingSchema>;
export type OverviewAttendee = z.infer<typeof overviewAttendeeSchema>;
export type OverviewCountry = z.infer<typeof overviewCountrySchema>;
export type StanceRecord = z.infer<typeof stanceRecordSchema>;
export type OverviewOrganisation = z.infer<typeof overviewOrganisationSchema>;
export type StatementView = z.infer<typeof statementViewSchema>;
export type StatementList = z.infer<typeof statementListSchema>;
export type AttendeeView = z.infer<typeof attendeeViewSchema>;
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;
export type MeetingList = z.infer<typeof meetingListSchema>;
export type ParticipationView = z.infer<typeof participationViewSchema>;
export type CountryDetail = z.infer<typeof countryDetailSchema>;
export type CountryList = z.infer<typeof countryListSchema>;
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;
export type OrganisationList = z.infer<typeof organisationListSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;
export type Health = z.infer<typeof healthSchema>;
export type CoverageDocument = z.infer<typeof coverageDocumentSchema>;
export type SearchTarget = z.infer<typeof searchTargetSchema>;
export type SearchKind = (typeof searchKinds)[number];
export type SearchEntry = z.infer<typeof searchEntrySchema>;
export type SearchIndex = z.infer<typeof searchIndexSchema>;
