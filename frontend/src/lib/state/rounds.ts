/**
 * Facts about meetings derived from the overview: attendance and how sure it is, the previous round of a
 * series and what changed since it, endorsements.
 */
import type { OverviewAttendee, OverviewMeeting } from '../../../../data/schema/api.ts';
import type { ParticipationRoleId } from '../../../../data/schema/labels.ts';

/** Present at the meeting in any role (in person or by video); "invited, absent" did not attend. */
export const attended = (a: Pick<OverviewAttendee, 'role'>): boolean => a.role !== 'invited-absent';

/**
 * How sure the record is. The data's confidence levels "partly" (named in advance as a speaker, or present
 * in a role no source states) and "unconfirmed" (invited; no source confirms attendance) are both "not
 * confirmed"; "disputed" (sources contradict each other) stays apart.
 */
export type Certainty = 'confirmed' | 'not-confirmed' | 'disputed';

export function certaintyOf(a: Pick<OverviewAttendee, 'confidence'>): Certainty {
  const level = a.confidence.level;
  return level === 'confirmed' || level === 'disputed' ? level : 'not-confirmed';
}

export interface CertaintyCounts {
  confirmed: number;
  notConfirmed: number;
  disputed: number;
}

const certaintyOrder: Certainty[] = ['confirmed', 'not-confirmed', 'disputed'];

/** One line of "who came": the attendees of one role whose records are equally sure. */
export interface RoleLine {
  role: ParticipationRoleId;
  certainty: Certainty;
  attendees: OverviewAttendee[];
}

/** Attendees by role (in the data model's order) and, within a role, confirmed first; empty lines left out. */
export function attendeesByRole(meeting: OverviewMeeting, roles: readonly ParticipationRoleId[]): RoleLine[] {
  return roles.flatMap((role) =>
    certaintyOrder
      .map((certainty) => ({
        role,
        certainty,
        attendees: meeting.attendees.filter((a) => a.role === role && certaintyOf(a) === certainty),
      }))
      .filter((line) => line.attendees.length > 0),
  );
}

interface ReasonGroup {
  role: ParticipationRoleId;
  certainty: Certainty;
  reason: string;
  attendees: OverviewAttendee[];
}

/**
 * Records that are not confirmed or are disputed, grouped by role, certainty and the data's reason (one
 * invitation, eight names), in first-seen order.
 */
export function groupByReason(attendees: readonly OverviewAttendee[]): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const attendee of attendees) {
    const certainty = certaintyOf(attendee);
    const reason = attendee.confidence.reason ?? 'No reason recorded.';
    const key = JSON.stringify([attendee.role, certainty, reason]);
    const group = groups.get(key) ?? { role: attendee.role, certainty, reason, attendees: [] };
    group.attendees.push(attendee);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function countByCertainty(attendees: readonly OverviewAttendee[]): CertaintyCounts {
  const counts: CertaintyCounts = { confirmed: 0, notConfirmed: 0, disputed: 0 };
  for (const attendee of attendees) {
    const certainty = certaintyOf(attendee);
    if (certainty === 'confirmed') counts.confirmed++;
    else if (certainty === 'disputed') counts.disputed++;
    else counts.notConfirmed++;
  }
  return counts;
}

/** The latest earlier meeting of the same series; one-off conferences ("other") have no previous round. */
export function previousRound(meetings: readonly OverviewMeeting[], meeting: OverviewMeeting): OverviewMeeting | null {
  if (meeting.series === 'other') return null;
  let previous: OverviewMeeting | null = null;
  for (const candidate of meetings) {
    if (candidate.id === meeting.id || candidate.series !== meeting.series) continue;
    if (candidate.startDate >= meeting.startDate) continue;
    if (previous === null || candidate.startDate > previous.startDate) previous = candidate;
  }
  return previous;
}

/**
 * The round a meeting is compared with: the one the visitor chose (`compare`), when it is another meeting
 * held before this one, of any series; otherwise the previous round of the meeting's series.
 */
export function comparedWith(
  meetings: readonly OverviewMeeting[],
  meeting: OverviewMeeting,
  compare: string | null,
): OverviewMeeting | null {
  const chosen = compare === null ? undefined : meetings.find((m) => m.id === compare);
  if (chosen !== undefined && chosen.id !== meeting.id && chosen.startDate < meeting.startDate) return chosen;
  return previousRound(meetings, meeting);
}

/** The meetings a meeting can be compared with: every one held before it, newest first. */
export function earlierMeetings(meetings: readonly OverviewMeeting[], meeting: OverviewMeeting): OverviewMeeting[] {
  return meetings.filter((m) => m.startDate < meeting.startDate).sort((a, b) => b.startDate.localeCompare(a.startDate));
}

type ChangeKind = 'joined' | 'left' | 'role-changed' | 'unchanged';

export interface RoundChange {
  actor: string;
  kind: 'country' | 'organisation';
  change: ChangeKind;
  /** Role at the previous round; null if the actor was not listed there. */
  before: ParticipationRoleId | null;
  /** Role at this round; null if the actor is not listed here. */
  after: ParticipationRoleId | null;
  /** false when a record the change rests on (at either round) is not confirmed or is disputed. */
  confirmed: boolean;
}

/**
 * Joined: attends now, did not attend before (absent, or invited but absent). Left: attended before, does
 * not attend now. Role changed: attended both, in different roles. Sorted by change, then actor.
 *
 * Every listed role counts, whatever its confidence (a coded role is the data's best reading), and the
 * change is marked `confirmed: false` when either round's record of the actor is not confirmed or disputed:
 * "joined" after an unconfirmed attendance may be no change at all.
 */
export function compareRounds(previous: OverviewMeeting, current: OverviewMeeting): RoundChange[] {
  const before = new Map(previous.attendees.map((a) => [a.actor, a]));
  const after = new Map(current.attendees.map((a) => [a.actor, a]));
  const actors = [...new Set([...before.keys(), ...after.keys()])];
  const changes: RoundChange[] = [];
  for (const actor of actors) {
    const was = before.get(actor);
    const is = after.get(actor);
    const wasThere = was !== undefined && attended(was);
    const isThere = is !== undefined && attended(is);
    let change: ChangeKind | null = null;
    if (isThere && !wasThere) change = 'joined';
    else if (wasThere && !isThere) change = 'left';
    else if (wasThere && isThere) change = was.role === is.role ? 'unchanged' : 'role-changed';
    if (change === null) continue;
    changes.push({
      actor,
      kind: (is ?? was)!.kind,
      change,
      before: was?.role ?? null,
      after: is?.role ?? null,
      confirmed: [was, is].every((record) => record === undefined || certaintyOf(record) === 'confirmed'),
    });
  }
  const order: ChangeKind[] = ['joined', 'left', 'role-changed', 'unchanged'];
  return changes.sort((a, b) => order.indexOf(a.change) - order.indexOf(b.change) || a.actor.localeCompare(b.actor));
}

interface MeetingFacts {
  /** Present in any role, by how sure the record is. */
  attended: CertaintyCounts;
  /** Of Afghanistan's bordering neighbours, how many attended, by how sure the record is. */
  neighboursAttended: CertaintyCounts;
  /** Every record (any role) that is not confirmed or is disputed: listed with the data's reason. */
  uncertain: OverviewAttendee[];
  /** Attended but did not endorse the outcome document. */
  notEndorsing: string[];
  /** Attended; endorsement of the outcome document not on record. */
  endorsementUnknown: string[];
}

export function meetingFacts(meeting: OverviewMeeting, neighbours: ReadonlySet<string>): MeetingFacts {
  const present = meeting.attendees.filter(attended);
  return {
    attended: countByCertainty(present),
    neighboursAttended: countByCertainty(present.filter((a) => neighbours.has(a.actor))),
    uncertain: meeting.attendees.filter((a) => certaintyOf(a) !== 'confirmed'),
    notEndorsing: present.filter((a) => a.endorsedOutcome === 'no').map((a) => a.actor),
    endorsementUnknown:
      meeting.outcome === null ? [] : present.filter((a) => a.endorsedOutcome === 'unknown').map((a) => a.actor),
  };
}
