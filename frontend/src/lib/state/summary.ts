/** The selected meeting in one paragraph, for the screen-reader live region. */
import type { OverviewMeeting } from '../../../../data/schema/api.ts';
import { participationRoles } from '../../../../data/schema/labels.ts';
import { certaintyCountText, formatDateRange, listText, roleLineLabel } from '../format.ts';
import { attendeesByRole, meetingFacts } from './rounds.ts';

export function meetingSummaryText(
  meeting: OverviewMeeting,
  neighbours: ReadonlySet<string>,
  nameOf: (actor: string) => string,
): string {
  const facts = meetingFacts(meeting, neighbours);
  const parts = [
    `${meeting.title}, ${meeting.city}, ${formatDateRange(meeting.startDate, meeting.endDate)}.`,
    `Attended: ${certaintyCountText(facts.attended)}; of Afghanistan's ${neighbours.size} bordering neighbours: ${certaintyCountText(facts.neighboursAttended)}.`,
  ];
  for (const line of attendeesByRole(meeting, participationRoles)) {
    parts.push(`${roleLineLabel(line)}: ${listText(line.attendees.map((a) => nameOf(a.actor)))}.`);
  }
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
