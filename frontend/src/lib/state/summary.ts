/** The selected meeting in one paragraph, for the screen-reader live region. */
import type { OverviewMeeting } from '../../../../data/schema/api.ts';
import { participationRoles, roleLabels } from '../../../../data/schema/labels.ts';
import { formatDateRange, listText } from '../format.ts';
import { meetingFacts } from './rounds.ts';

export function meetingSummaryText(
  meeting: OverviewMeeting,
  neighbours: ReadonlySet<string>,
  nameOf: (actor: string) => string,
): string {
  const facts = meetingFacts(meeting, neighbours);
  const parts = [
    `${meeting.title}, ${meeting.city}, ${formatDateRange(meeting.startDate, meeting.endDate)}.`,
    `${facts.attendedCount} attended, including ${facts.neighboursAttended} of Afghanistan's ${neighbours.size} bordering neighbours.`,
  ];
  for (const role of participationRoles) {
    const actors = meeting.attendees.filter((a) => a.role === role).map((a) => nameOf(a.actor));
    if (actors.length > 0) parts.push(`${roleLabels[role]}: ${listText(actors)}.`);
  }
  const disputed = meeting.attendees.filter((a) => a.confidence.level === 'disputed').map((a) => nameOf(a.actor));
  if (disputed.length > 0) parts.push(`Attendance disputed: ${listText(disputed)}.`);
  if (meeting.outcome) {
    const clause = {
      yes: 'which calls foreign military infrastructure unacceptable.',
      no: 'which does not call foreign military infrastructure unacceptable.',
      unknown: 'whose position on foreign military infrastructure is not on record.',
    }[meeting.outcome.rejectsForeignMilitaryInfrastructure];
    parts.push(`Outcome: ${meeting.outcome.name}, ${clause}`);
    if (facts.notEndorsing.length > 0) {
      parts.push(`Attended but did not endorse it: ${listText(facts.notEndorsing.map(nameOf))}.`);
    }
  } else {
    parts.push('No outcome document on record.');
  }
  return parts.join(' ');
}
