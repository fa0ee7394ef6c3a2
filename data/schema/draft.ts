/**
 * What `npm run draft` prints: records drafted from one news article, for a curator to review before they
 * become data (`--write`). Not part of the served data set: nothing here is read by the API or the page.
 * The field-by-field description is in data/README.md ("Drafts"); the tool is in curate/.
 *
 * Every offset is a UTF-16 index into the article's text (JavaScript's `slice`), so `quote` is always
 * exactly `text.slice(start, end)`: checkDraftAgainstText() holds the tool to that.
 */
import { z } from 'zod';
import {
  actorIdSchema,
  confidenceLevelSchema,
  dayOrMonthSchema,
  deliveryModes,
  httpUrlSchema,
  participationRoleSchema,
  slugSchema,
  stanceSchema,
} from './domain.ts';

const offset = z.number().int().nonnegative();

/** Where in the article something was read. */
export const draftSpanSchema = z.object({ start: offset, end: offset }).strict();

export const draftMeetingCandidateSchema = z
  .object({
    id: slugSchema,
    /** Higher is a better match; only comparable within one draft. */
    score: z.number(),
    /** The clues that matched, in words: "published 1 day after it", "names the city Kazan". */
    why: z.array(z.string()),
  })
  .strict();

export const draftSpeakerSchema = z
  .object({
    /** The name as the records spell it (a person), or as the article gives it (anyone else). */
    name: z.string().min(1),
    /** The office the person held on the statement's date, from people.json; null when unknown. */
    office: z.string().nullable(),
    /** A people.json id, or null for a speaker with no person record (a ministry, an unknown official). */
    person: slugSchema.nullable(),
  })
  .strict();

export const draftConfidenceSchema = z
  .object({
    /** 0 to 1: how sure the tool is of the attribution. */
    score: z.number().min(0).max(1),
    /** The level `--write` gives the record. */
    level: confidenceLevelSchema,
    /** Why, in a reader's words; null when the level is confirmed. */
    reason: z.string().min(1).nullable(),
  })
  .strict();

export const draftStatementSchema = z
  .object({
    quote: z.string().min(1),
    start: offset,
    end: offset,
    /** null when the article does not say who spoke in a way the tool can resolve: never a guess. */
    speaker: draftSpeakerSchema.nullable(),
    actors: z.array(actorIdSchema),
    /** The day (or month) the words were said, read from the article against its publication date. */
    date: dayOrMonthSchema.nullable(),
    /** The meeting the words were said at; null for words said elsewhere or when no meeting matched. */
    meeting: slugSchema.nullable(),
    delivery: z.enum(deliveryModes),
    stances: z.array(stanceSchema),
    confidence: draftConfidenceSchema,
    /** The statement in the records that already has these words, or null. */
    existing: slugSchema.nullable(),
    /** How the speaker and the date were found, for the reviewer. */
    why: z.array(z.string()),
  })
  .strict();

export const draftParticipationSchema = z
  .object({
    actor: actorIdSchema,
    meeting: slugSchema.nullable(),
    role: participationRoleSchema,
    evidence: draftSpanSchema,
  })
  .strict();

export const draftMentionSchema = z
  .object({
    /** A country's alpha-3, an organisation's id or a person's id; null for a person with no record. */
    id: z.string().nullable(),
    /** The words as written in the article. */
    text: z.string(),
    start: offset,
    end: offset,
  })
  .strict();

export const draftSchema = z
  .object({
    article: z
      .object({
        url: httpUrlSchema.nullable(),
        publisher: z.string().min(1).nullable(),
        published: dayOrMonthSchema.nullable(),
        characters: offset,
      })
      .strict(),
    /** Set when the draft is empty on purpose: the article is not about this story. */
    emptyBecause: z.string().min(1).nullable(),
    meeting: z
      .object({
        id: slugSchema.nullable(),
        candidates: z.array(draftMeetingCandidateSchema),
      })
      .strict(),
    participations: z.array(draftParticipationSchema),
    statements: z.array(draftStatementSchema),
    mentions: z
      .object({
        countries: z.array(draftMentionSchema),
        organisations: z.array(draftMentionSchema),
        people: z.array(draftMentionSchema),
      })
      .strict(),
  })
  .strict();

export type Draft = z.infer<typeof draftSchema>;
export type DraftStatement = z.infer<typeof draftStatementSchema>;
export type DraftParticipation = z.infer<typeof draftParticipationSchema>;
export type DraftSpeaker = z.infer<typeof draftSpeakerSchema>;
export type DraftMention = z.infer<typeof draftMentionSchema>;
export type DraftMeetingCandidate = z.infer<typeof draftMeetingCandidateSchema>;

/** The rules a schema cannot state alone: every quote and span is where it says it is in `text`. */
export function checkDraftAgainstText(draft: Draft, text: string): string[] {
  const problems: string[] = [];
  const inText = (start: number, end: number) => start <= end && end <= text.length;
  draft.statements.forEach((statement, index) => {
    if (!inText(statement.start, statement.end)) problems.push(`statements[${index}]: span ${statement.start}-${statement.end} is outside the text`);
    else if (text.slice(statement.start, statement.end) !== statement.quote) problems.push(`statements[${index}]: quote is not the text at ${statement.start}-${statement.end}`);
  });
  draft.participations.forEach((participation, index) => {
    if (!inText(participation.evidence.start, participation.evidence.end)) problems.push(`participations[${index}]: evidence is outside the text`);
  });
  for (const kind of ['countries', 'organisations', 'people'] as const) {
    draft.mentions[kind].forEach((mention, index) => {
      if (text.slice(mention.start, mention.end) !== mention.text) problems.push(`mentions.${kind}[${index}]: text is not at ${mention.start}-${mention.end}`);
    });
  }
  return problems;
}
