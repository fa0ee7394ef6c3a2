/**
 * The curated data model. These zod schemas are the single source of the TypeScript types used by the
 * checker, the seed loader, the API handlers and the page. The field-by-field dictionary is data/README.md.
 *
 * Conventions that hold for every entity:
 * - ids are lowercase slugs (`moscow-format-5-kazan-2023`), except countries, keyed by ISO 3166-1 alpha-3.
 * - an "actor" (who attended, who a statement speaks for) is either a country's alpha-3 code (`RUS`) or an
 *   organisation's slug (`csto`); the two id spaces cannot collide because one is upper case, the other not.
 * - dates are calendar dates, `YYYY-MM-DD`; where only the month is known (a statement reported as made
 *   "in September 2021"), `YYYY-MM`. An unknown date is `null`, never a guess.
 * - `confidence` is one of confirmed, partly, disputed, unconfirmed; anything short of confirmed says why.
 * - text is either for readers (served by the API, shown on the page: plain prose, see reader-text.ts) or
 *   for curators (`curatorNote`: research trail, never served).
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

/**
 * A date known to the day (`2021-09-08`) or only to the month (`2021-09`). A month-precision date written
 * with day 00 is refused with the form to use instead.
 */
export const dayOrMonthSchema = z
  .string()
  .refine((value) => !/^\d{4}-\d{2}-00$/.test(value), 'has day 00: a date known only to the month is written YYYY-MM')
  .refine((value) => /^\d{4}-\d{2}(-\d{2})?$/.test(value), 'must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known')
  .refine((value) => {
    const day = value.length === 7 ? `${value}-01` : value;
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'is not a real calendar date');

/** The first and last day a day-or-month date can mean: `2021-09` spans 2021-09-01 to 2021-09-30. */
export function dateSpan(value: string): { first: string; last: string } {
  if (value.length !== 7) return { first: value, last: value };
  const [year, month] = value.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${value}-01`, last: `${value}-${String(lastDay).padStart(2, '0')}` };
}

export const httpUrlSchema = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL')
  // A citation URL is copied by readers: keep it in its plain form.
  .refine((value) => !/^https?:\/\/[^/]+:(443|80)(\/|$)/.test(value), 'names the default port (":443" or ":80"): leave it out')
  // An archive's copy embeds the original URL (`/web/2024/https://…`): its `://` is not a doubled slash.
  .refine((value) => !/^https?:\/\/[^/]+\/.*(?<!:)\/\//.test(value.split(/[?#]/)[0] ?? value), 'has "//" inside its path');

const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/**
 * Notes for the next curator: how a fact was found, what was searched, which copy was read. Kept in the
 * records, never served by the API (the read model drops it), so research shorthand may appear here.
 */
const curatorNote = nonEmptyText.optional();

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
    /** Publication date (day, or month when only the month is shown); null when nothing pins it. */
    published: dayOrMonthSchema.nullable(),
    /** A stored copy of the page (web archive), when one exists. */
    archived: httpUrlSchema.optional(),
    /** For readers, e.g. "AP wire copy", "a translation of an AFP story". */
    note: nonEmptyText.optional(),
    curatorNote,
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
    curatorNote,
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
    curatorNote,
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// People: speakers and heads of delegation, with the offices they held. Primary key: `id`.

export const officeSchema = z
  .object({
    /** As shown to readers: "Foreign Minister of Russia". */
    title: nonEmptyText,
    /** First day (or month) in office; null when no source read gives it (the range is then open). */
    from: dayOrMonthSchema.nullable(),
    /** Last day (or month) in office; null while held, or when no source read gives it. */
    to: dayOrMonthSchema.nullable(),
    /** Where the dates come from; required when either date is given. */
    sources: z.array(slugSchema).default([]),
    curatorNote,
  })
  .strict()
  .refine((office) => (office.from === null && office.to === null) || office.sources.length > 0, {
    message: 'needs a source for its dates',
    path: ['sources'],
  });

export const personSchema = z
  .object({
    id: slugSchema,
    /** The spelling the data uses: "Sergey Lavrov". */
    name: nonEmptyText,
    /** Other spellings met in sources ("Sergei Lavrov"), so search and the drafting tool find the person. */
    aliases: z.array(nonEmptyText).default([]),
    /** Who they speak for: a country (alpha-3) or an organisation. */
    actor: actorIdSchema,
    /**
     * The office shown with a statement is the first one held on its date. May be empty for a head of
     * delegation whose post no source gives; a speaker's statement needs an office held on its date.
     */
    offices: z.array(officeSchema),
    curatorNote,
  })
  .strict();

/**
 * Who spoke, or who led a delegation: a named person by id (name and office come from people.json, the
 * office the one held on the date), or an unnamed speaker ("US State Department spokesperson", the title of
 * a joint statement) by name and office.
 */
export const speakerSchema = z
  .object({
    person: slugSchema.optional(),
    name: nonEmptyText.optional(),
    office: nonEmptyText.nullable().optional(),
  })
  .strict()
  .superRefine((speaker, context) => {
    if (speaker.person !== undefined) {
      for (const field of ['name', 'office'] as const) {
        if (speaker[field] !== undefined) {
          context.addIssue({ code: 'custom', path: [field], message: 'comes from the person record: leave it out when "person" is given' });
        }
      }
    } else if (speaker.name === undefined) {
      context.addIssue({ code: 'custom', path: ['person'], message: 'is required, or "name" for an unnamed speaker' });
    }
  });

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
    /** For readers: why `rejectsForeignMilitaryInfrastructure` is what it is, above all when unknown. */
    note: nonEmptyText.optional(),
    curatorNote,
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
    curatorNote,
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
    /** The head of delegation, when a source names one. */
    headOfDelegation: speakerSchema.nullable().default(null),
    level: z.enum(delegationLevels).default('unknown'),
    endorsedOutcome: triStateSchema,
    confidence: confidenceSchema,
    note: nonEmptyText.optional(),
    curatorNote,
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
    speaker: speakerSchema,
    /** Who the words speak for: one actor, or every signatory of a joint statement. */
    actors: z
      .array(actorIdSchema)
      .min(1, 'needs at least one actor')
      .refine((ids) => new Set(ids).size === ids.length, 'lists the same actor twice'),
    /** The day, or `YYYY-MM` when the sources give only the month. */
    date: dayOrMonthSchema,
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
    curatorNote,
    sources: sourceRefsSchema,
  })
  .strict()
  .refine((s) => s.delivery !== 'written-message-read' || s.readBy !== undefined, {
    message: 'a written message read out needs "readBy"',
    path: ['readBy'],
  });

// ---------------------------------------------------------------------------------------------------------
// Coverage: what was searched for and when, so readers know how current the record is. Primary key: `id`.

export const coverageSchema = z
  .object({
    id: slugSchema,
    /** What was looked for, in a reader's words. */
    topic: nonEmptyText,
    /** When the search was made; the latest such date is shown as "data current to". */
    searched: isoDateSchema,
    /** The queries tried, so the next curator can repeat them. */
    queries: z.array(nonEmptyText).min(1, 'needs at least one query'),
    /** Whether anything that belongs in the record was found. */
    found: z.boolean(),
    /** For readers: what was found, or that nothing was. */
    result: nonEmptyText,
    curatorNote,
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Types

export type Source = z.infer<typeof sourceSchema>;
export type Person = z.infer<typeof personSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type Office = z.infer<typeof officeSchema>;
export type Speaker = z.infer<typeof speakerSchema>;
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
  people: Person[];
  sources: Source[];
  coverage: Coverage[];
}

/** One file per entity, in data/records/. The checker and the loader read exactly these. */
export const datasetFiles = {
  countries: { file: 'countries.json', schema: countrySchema, key: 'iso3' },
  organisations: { file: 'organisations.json', schema: organisationSchema, key: 'id' },
  meetings: { file: 'meetings.json', schema: meetingSchema, key: 'id' },
  participations: { file: 'participations.json', schema: participationSchema, key: null },
  statements: { file: 'statements.json', schema: statementSchema, key: 'id' },
  people: { file: 'people.json', schema: personSchema, key: 'id' },
  sources: { file: 'sources.json', schema: sourceSchema, key: 'id' },
  coverage: { file: 'coverage.json', schema: coverageSchema, key: 'id' },
} as const;

/** The month the record was last searched to: the latest coverage search, `YYYY-MM`; null with none. */
export function currentTo(coverage: readonly Coverage[]): string | null {
  const latest = coverage.reduce<string | null>((max, entry) => (max === null || entry.searched > max ? entry.searched : max), null);
  return latest === null ? null : latest.slice(0, 7);
}

export type EntityName = keyof typeof datasetFiles;
