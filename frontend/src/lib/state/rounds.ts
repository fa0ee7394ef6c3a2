/**
 * Facts about meetings derived from the overview: attendance, the previous round of a series and what
 * changed since it, endorsements.
 */
import type { OverviewAttendee, OverviewMeeting } from '../../../../data/schema/api.ts';
import type { ParticipationRoleId } from '../../../../data/schema/labels.ts';

/** Present at the meeting in any role (in person or by video); "invited, absent" did not attend. */
export const attended = (a: Pick<OverviewAttendee, 'role'>): boolean => a.role !== 'invited-absent';

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

export type ChangeKind = 'joined' | 'left' | 'role-changed' | 'unchanged';

export interface RoundChange {
  actor: string;
  kind: 'country' | 'organisation';
  change: ChangeKind;
  /** Role at the previous round; null if the actor was not listed there. */
  before: ParticipationRoleId | null;
  /** Role at this round; null if the actor is not listed here. */
  after: ParticipationRoleId | null;
}

/**
 * Joined: attends now, did not attend before (absent, or invited but absent). Left: attended before, does
 * not attend now. Role changed: attended both, in different roles. Sorted by change, then actor.
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
    });
  }
  const order: ChangeKind[] = ['joined', 'left', 'role-changed', 'unchanged'];
  return changes.sort((a, b) => order.indexOf(a.change) - order.indexOf(b.change) || a.actor.localeCompare(b.actor));
}

export interface MeetingFacts {
  attendedCount: number;
  /** Of Afghanistan's bordering neighbours, how many attended. */
  neighboursAttended: number;
  /** Attended but did not endorse the outcome document. */
  notEndorsing: string[];
  /** Attended; endorsement of the outcome document not on record. */
  endorsementUnknown: string[];
}

export function meetingFacts(meeting: OverviewMeeting, neighbours: ReadonlySet<string>): MeetingFacts {
  const present = meeting.attendees.filter(attended);
  return {
    attendedCount: present.length,
    neighboursAttended: present.filter((a) => neighbours.has(a.actor)).length,
    notEndorsing: present.filter((a) => a.endorsedOutcome === 'no').map((a) => a.actor),
    endorsementUnknown:
      meeting.outcome === null ? [] : present.filter((a) => a.endorsedOutcome === 'unknown').map((a) => a.actor),
  };
}
