/**
 * A participation (meeting × actor) as the API shows it. A meeting's document lists it under the actor
 * (attendee); an actor's document lists it under the meeting. Both show the same facts about the delegation.
 */
import type { AttendeeView, ParticipationView } from '../../data/schema/api.ts';
import type { Participation } from '../../data/schema/domain.ts';
import type { Lookup } from './lookup.ts';

/** In a meeting's document: who attended. */
export function attendeeView(participation: Participation, lookup: Lookup): AttendeeView {
  return { actor: lookup.actor(participation.actor), ...delegation(participation, lookup) };
}

/** In a country's or organisation's document: which meeting. */
export function participationView(participation: Participation, lookup: Lookup): ParticipationView {
  const meeting = lookup.meeting(participation.meeting);
  return {
    meeting: { id: meeting.id, title: meeting.title, series: meeting.series, startDate: meeting.startDate },
    ...delegation(participation, lookup),
  };
}

/** The facts about the delegation, copied one by one so a curator-only field never leaks out. */
function delegation(participation: Participation, lookup: Lookup) {
  return {
    role: participation.role,
    // The office held on the meeting's first day.
    headOfDelegation:
      participation.headOfDelegation && lookup.speaker(participation.headOfDelegation, lookup.meeting(participation.meeting).startDate),
    level: participation.level,
    endorsedOutcome: participation.endorsedOutcome,
    confidence: participation.confidence,
    note: participation.note,
    sources: lookup.sources(participation.sources),
  };
}
