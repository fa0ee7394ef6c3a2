/**
 * The curated data model. These zod schemas are the single source of the TypeScript types used by the
 * checker, the seed loader, the API handlers and the page. The field-by-field dictionary is data/README.md.
 *
 * Conventions that hold for every entity:
 * - ids are lowercase slugs (`moscow-format-5-kazan-2023`), except countries, keyed by ISO 3166-1 alpha-3.
 * - an "actor" (who attended, who a statement speaks for) is either a country's alpha-3 code (`RUS`) or an
 *   organisation's slug (`csto`); the two id spaces cannot collide because one is upper case, the other not.
 * - dates are calendar dates, `YYYY-MM-DD`; an unknown date is `null`, never a guess.
 * - `confidence` carries the fact sheet's marks over: confirmed [C], partly [P], disputed [D],
 *   unconfirmed [U]. Anything short of confirmed must say why.
 */
import { z } from 'zod';
import { deliveryModes, meetingSeries, participationRoles, stanceValues, topics } from './labels.ts';
import { iso3Pattern, iso3Rule, slugPattern, slugRule } from './ids.ts';

export {
  deliveryLabels,
  deliveryModes,
  meetingSeries,
  participationRoles,
  roleLabels,
  seriesLabels,
  stanceValues,
  topicLabels,
  topics,
} from './labels.ts';

// ---------------------------------------------------------------------------------------------------------
// Primitives

export const slugSchema = z.string().regex(slugPattern, slugRule);

export const iso3Schema = z.string().regex(iso3Pattern, iso3Rule);

/** A country (alpha-3) or an organisation (slug). Which one is decided by the case: see the header. */
export const actorIdSchema = z.union([iso3Schema, slugSchema], {
  error: 'must be a country code (e.g. RUS) or an organisation id (e.g. csto)',
});

export const isCountryId = (actorId: string): boolean => /^[A-Z]{3}$/.test(actorId);

/** A real calendar date: the regex alone would accept 2023-02-30. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'is not a real calendar date');

export const httpUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL');

const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/** Source ids backing a record: at least one, no repeats. */
export const sourceRefsSchema = z
  .array(slugSchema)
  .min(1, 'needs at least one source')
  .refine((ids) => new Set(ids).size === ids.length, 'lists the same source twice');

export const confidenceLevels = ['confirmed', 'partly', 'disputed', 'unconfirmed'] as const;
export const confidenceLevelSchema = z.enum(confidenceLevels);

export const confidenceSchema = z
  .object({
    level: confidenceLevelSchema,
    /** Required unless confirmed: what the sources disagree on, or what could not be verified. */
    reason: nonEmptyText.optional(),
  })
  .strict()
  .refine((c) => c.level === 'confirmed' || c.reason !== undefined, {
    message: 'needs a reason when the level is not "confirmed"',
    path: ['reason'],
  });

export const triStateSchema = z.enum(['yes', 'no', 'unknown']);

// ---------------------------------------------------------------------------------------------------------
// Sources

export const sourceSchema = z
  .object({
    id: slugSchema,
    publisher: nonEmptyText,
    url: httpUrlSchema,
    /** The headline as published; null when it was not recorded (never made up from the URL). */
    title: nonEmptyText.nullable(),
    /** Publication date; null when the source does not say and no other source pins it. */
    published: isoDateSchema.nullable(),
    /** e.g. "AP wire copy", "machine rendering; exact wording unverified". */
    note: nonEmptyText.optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Organisations: actors that speak or attend but are not drawn as countries.

export const organisationSchema = z
  .object({
    id: slugSchema,
    name: nonEmptyText,
    shortName: nonEmptyText,
    description: nonEmptyText.optional(),
    sources: z.array(slugSchema).default([]),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Countries

export const membershipSchema = z
  .object({
    organisation: slugSchema,
    status: z.enum(['member', 'former-member', 'observer', 'partner']),
    since: z.number().int().min(1945).max(2100).nullable().default(null),
    until: z.number().int().min(1945).max(2100).nullable().default(null),
    sources: sourceRefsSchema,
  })
  .strict();

export const borderFigureSchema = z
  .object({
    km: z.number().positive(),
    /** Who gives this figure, e.g. "Afghan Ministry of Borders and Tribal Affairs". */
    by: nonEmptyText,
    note: nonEmptyText.optional(),
    sources: sourceRefsSchema,
  })
  .strict();

export const neighbourSchema = z
  .object({
    /** The figure shown by default (CIA World Factbook). */
    borderKm: z.number().positive(),
    sources: sourceRefsSchema,
    /** Other published figures that disagree; kept, not averaged. */
    otherFigures: z.array(borderFigureSchema).default([]),
    note: nonEmptyText.optional(),
  })
  .strict();

export const countrySchema = z
  .object({
    iso3: iso3Schema,
    isoNumeric: z.string().regex(/^\d{3}$/, 'must be the three-digit ISO 3166-1 numeric code'),
    name: nonEmptyText,
    /** Present only for Afghanistan's land neighbours; checked against the Natural Earth boundaries. */
    neighbourOfAfghanistan: neighbourSchema.nullable().default(null),
    memberships: z.array(membershipSchema).default([]),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Meetings

export const meetingSeriesSchema = z.enum(meetingSeries);

export const outcomeDocumentSchema = z
  .object({
    name: nonEmptyText,
    adopted: triStateSchema,
    /** Does the document itself call foreign military infrastructure in/around Afghanistan unacceptable? */
    rejectsForeignMilitaryInfrastructure: triStateSchema,
    /** The clause as published, verbatim, when one is known. */
    clause: nonEmptyText.optional(),
    note: nonEmptyText.optional(),
    sources: sourceRefsSchema,
  })
  .strict();

export const meetingSchema = z
  .object({
    id: slugSchema,
    series: meetingSeriesSchema,
    /** Round within the series; null for one-off conferences. */
    round: z.number().int().positive().nullable(),
    title: nonEmptyText,
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    city: nonEmptyText,
    /** ISO alpha-3 of the host country. */
    host: iso3Schema,
    format: z.enum(['in-person', 'online', 'hybrid']),
    summary: nonEmptyText.optional(),
    /** null when no outcome document is known. */
    outcome: outcomeDocumentSchema.nullable(),
    confidence: confidenceSchema,
    sources: sourceRefsSchema,
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Participations: meeting × actor. Primary key: `${meeting}/${actor}` (see participationId).

export const participationRoleSchema = z.enum(participationRoles);

export const delegationLevels = [
  'head-of-state',
  'head-of-government',
  'minister',
  'deputy-minister',
  'special-representative',
  'ambassador',
  'official',
  'non-official',
  'unknown',
] as const;

export const participationSchema = z
  .object({
    meeting: slugSchema,
    actor: actorIdSchema,
    role: participationRoleSchema,
    /** Name and office of the head of delegation, when a source names one. */
    headOfDelegation: z
      .object({ name: nonEmptyText, office: nonEmptyText.nullable() })
      .strict()
      .nullable()
      .default(null),
    level: z.enum(delegationLevels).default('unknown'),
    endorsedOutcome: triStateSchema,
    confidence: confidenceSchema,
    note: nonEmptyText.optional(),
    sources: sourceRefsSchema,
  })
  .strict();

export const participationId = (p: { meeting: string; actor: string }): string => `${p.meeting}/${p.actor}`;

// ---------------------------------------------------------------------------------------------------------
// Statements

export const topicSchema = z.enum(topics);

export const stanceValueSchema = z.enum(stanceValues);

export const stanceSchema = z
  .object({
    topic: topicSchema,
    stance: stanceValueSchema,
    /** One line: what exactly is opposed or supported. */
    summary: nonEmptyText,
  })
  .strict();

export const statementSchema = z
  .object({
    id: slugSchema,
    speaker: z.object({ name: nonEmptyText, office: nonEmptyText.nullable() }).strict(),
    /** Who the words speak for: one actor, or every signatory of a joint statement. */
    actors: z
      .array(actorIdSchema)
      .min(1, 'needs at least one actor')
      .refine((ids) => new Set(ids).size === ids.length, 'lists the same actor twice'),
    date: isoDateSchema,
    meeting: slugSchema.nullable(),
    /**
     * Exactly as published by `quoteSource`, punctuation included; for delivery `paraphrase`, a one-sentence
     * summary of what that source reports (shown as a paraphrase, never in quotation marks).
     */
    quote: nonEmptyText,
    /** The source whose wording `quote` copies; must be one of `sources`. */
    quoteSource: slugSchema,
    /** `fragment` when the source quotes only a word or phrase. */
    extent: z.enum(['full', 'fragment']).default('full'),
    /** Other published wordings of the same words (other translations, other wire copies). */
    variants: z
      .array(z.object({ quote: nonEmptyText, source: slugSchema }).strict())
      .default([]),
    delivery: z.enum(deliveryModes),
    /**
     * false for commentators a source quotes (analysts, journalists): their words are shown with the actor
     * they are filed under, but never count as that actor's stance.
     */
    official: z.boolean().default(true),
    /** For `written-message-read`: who read it out. */
    readBy: nonEmptyText.optional(),
    stances: z.array(stanceSchema).default([]),
    confidence: confidenceSchema,
    note: nonEmptyText.optional(),
    sources: sourceRefsSchema,
  })
  .strict()
  .refine((s) => s.delivery !== 'written-message-read' || s.readBy !== undefined, {
    message: 'a written message read out needs "readBy"',
    path: ['readBy'],
  });

// ---------------------------------------------------------------------------------------------------------
// Types

export type Source = z.infer<typeof sourceSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Country = z.infer<typeof countrySchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingSeries = z.infer<typeof meetingSeriesSchema>;
export type OutcomeDocument = z.infer<typeof outcomeDocumentSchema>;
export type Participation = z.infer<typeof participationSchema>;
export type ParticipationRole = z.infer<typeof participationRoleSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type Stance = z.infer<typeof stanceSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type StanceValue = z.infer<typeof stanceValueSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type TriState = z.infer<typeof triStateSchema>;

/** The whole curated data set, as loaded from data/records/. */
export interface Dataset {
  countries: Country[];
  organisations: Organisation[];
  meetings: Meeting[];
  participations: Participation[];
  statements: Statement[];
  sources: Source[];
}

/** One file per entity, in data/records/. The checker and the loader read exactly these. */
export const datasetFiles = {
  countries: { file: 'countries.json', schema: countrySchema, key: 'iso3' },
  organisations: { file: 'organisations.json', schema: organisationSchema, key: 'id' },
  meetings: { file: 'meetings.json', schema: meetingSchema, key: 'id' },
  participations: { file: 'participations.json', schema: participationSchema, key: null },
  statements: { file: 'statements.json', schema: statementSchema, key: 'id' },
  sources: { file: 'sources.json', schema: sourceSchema, key: 'id' },
} as const;

export type EntityName = keyof typeof datasetFiles;
