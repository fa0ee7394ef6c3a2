/**
 * The orders every document uses. Each is total (ties end on an id or the exact text) and independent of
 * the machine's locale, so the seed writes the same bytes on every run: its idempotence and the ETags
 * depend on it.
 */
import { participationRoles, type Meeting, type ParticipationRole, type Statement } from '../../data/schema/domain.ts';

/** Code-unit order for ids and ISO dates (which sort as text): the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names sort as readers expect ("Türkiye" before "Turkmenistan"), in a fixed locale. */
const nameCollator = new Intl.Collator('en');

/** Countries, organisations, and attendees within one role: by name. */
export function byName(a: { name: string }, b: { name: string }): number {
  return nameCollator.compare(a.name, b.name) || compareText(a.name, b.name);
}

/** Meetings and an actor's participations: oldest first, the order of the rounds and of the timeline. */
export function byMeetingDate(a: Meeting, b: Meeting): number {
  return compareText(a.startDate, b.startDate) || compareText(a.id, b.id);
}

/**
 * Statements: newest first, what a reader looks for. It is the order of their DynamoDB sort key
 * (`<date>#<id>`) read backwards, so a statement list inside a document and one from /api/statements agree.
 */
export function byStatementDateDescending(a: Statement, b: Statement): number {
  return compareText(b.date, a.date) || compareText(b.id, a.id);
}

/** Attendees of a meeting: by role in the order of `participationRoles`, host first (the map's legend order). */
export function byRole(a: ParticipationRole, b: ParticipationRole): number {
  return participationRoles.indexOf(a) - participationRoles.indexOf(b);
}
