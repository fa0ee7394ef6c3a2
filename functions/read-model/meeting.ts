/** The meeting documents: /api/meetings (every meeting's summary) and /api/meetings/{id} (one in full). */
import type { MeetingDetail, MeetingList, OverviewMeeting } from '../../data/schema/api.ts';
import type { Meeting } from '../../data/schema/domain.ts';
import type { DataSet } from './data-set.ts';
import { actorKind } from './lookup.ts';
import { attendeeView } from './participation.ts';

/** Every meeting, oldest first, as the map draws it: attendees by role with their endorsement and certainty. */
export function meetingSummaries(data: DataSet): OverviewMeeting[] {
  return data.meetingsOldestFirst.map((meeting) => ({
    ...meetingBasics(meeting),
    outcome: meeting.outcome && {
      name: meeting.outcome.name,
      adopted: meeting.outcome.adopted,
      rejectsForeignMilitaryInfrastructure: meeting.outcome.rejectsForeignMilitaryInfrastructure,
    },
    attendees: data.attendeesOf(meeting.id).map((participation) => ({
      actor: participation.actor,
      kind: actorKind(participation.actor),
      role: participation.role,
      endorsedOutcome: participation.endorsedOutcome,
      confidence: participation.confidence,
    })),
  }));
}

export function meetingList(data: DataSet): MeetingList {
  return { meetings: meetingSummaries(data) };
}

/** One document per meeting: everything known about it, its statements newest first. */
export function meetingDetails(data: DataSet): MeetingDetail[] {
  const { lookup } = data;
  return data.meetingsOldestFirst.map((meeting) => ({
    ...meetingBasics(meeting),
    summary: meeting.summary,
    confidence: meeting.confidence,
    hostName: lookup.country(meeting.host).name,
    outcome: meeting.outcome && {
      name: meeting.outcome.name,
      adopted: meeting.outcome.adopted,
      rejectsForeignMilitaryInfrastructure: meeting.outcome.rejectsForeignMilitaryInfrastructure,
      clause: meeting.outcome.clause,
      note: meeting.outcome.note,
      sources: lookup.sources(meeting.outcome.sources),
    },
    sources: lookup.sources(meeting.sources),
    attendees: data.attendeesOf(meeting.id).map((participation) => attendeeView(participation, lookup)),
    statements: data.statementsWhere((statement) => statement.meeting === meeting.id),
  }));
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
