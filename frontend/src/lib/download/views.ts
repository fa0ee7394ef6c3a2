/**
 * The columns of each view's download, with the cells worded as the view words them (the attendee table's
 * cells come from `attendeeCells`, which the table itself renders), so a downloaded file has the rows and the
 * words the reader saw, plus the ids a spreadsheet needs to join files.
 */
import type { MeetingDetail, OverviewAttendee, OverviewMeeting, StatementView } from '../../../../data/schema/api.ts';
import { roleLabels, topicLabels } from '../../../../data/schema/labels.ts';
import { ageText, certaintyLabels, confidenceLabels, deliveryText, levelLabels, triStateLabels } from '../format.ts';
import { stanceCategories } from '../map/palette.ts';
import { attended, certaintyOf, type RoundChange } from '../state/rounds.ts';
import type { StanceRow } from '../state/stance.ts';
import type { Column } from './download.ts';

const capitalised = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

/** Whether an attendee endorsed the meeting's outcome document, in the words the tables use. */
const endorsementText = (meeting: OverviewMeeting, attendee: OverviewAttendee) =>
  meeting.outcome === null
    ? 'No outcome document'
    : !attended(attendee)
      ? 'Did not attend'
      : attendee.endorsedOutcome === 'unknown'
        ? 'Not on record'
        : triStateLabels[attendee.endorsedOutcome];

/** One attendee's cells as the table shows them; `detail` null: the meeting's document has not arrived yet. */
export function attendeeCells(meeting: OverviewMeeting, attendee: OverviewAttendee, detail: MeetingDetail | null) {
  const full = detail?.attendees.find((a) => a.actor.id === attendee.actor);
  const missing = detail ? 'Not on record' : '…';
  const certainty = certaintyOf(attendee);
  return {
    level: full ? levelLabels[full.level] : missing,
    head: full?.headOfDelegation?.name ?? missing,
    office: full?.headOfDelegation?.office ?? null,
    endorsement: endorsementText(meeting, attendee),
    certainty: certainty === 'confirmed' ? 'Confirmed' : capitalised(certaintyLabels[certainty]),
    reason: attendee.confidence.reason ?? null,
  };
}

export interface AttendeeRow {
  readonly attendee: OverviewAttendee;
  readonly name: string;
  readonly cells: ReturnType<typeof attendeeCells>;
}

export const attendeeColumns: readonly Column<AttendeeRow>[] = [
  { key: 'name', header: 'Country or organisation', value: (r) => r.name },
  { key: 'actor', header: 'Code', value: (r) => r.attendee.actor },
  { key: 'role', header: 'Role', value: (r) => roleLabels[r.attendee.role] },
  { key: 'level', header: 'Level', value: (r) => r.cells.level },
  { key: 'headOfDelegation', header: 'Head of delegation', value: (r) => r.cells.head },
  { key: 'office', header: 'Office', value: (r) => r.cells.office },
  { key: 'endorsedOutcome', header: 'Endorsed the outcome document', value: (r) => r.cells.endorsement },
  { key: 'howSure', header: 'How sure', value: (r) => r.cells.certainty },
  { key: 'why', header: 'Why', value: (r) => r.cells.reason },
];

export const changeLabels = { joined: 'Joined', left: 'Left', 'role-changed': 'Changed role', unchanged: 'Same role' } as const;

export interface ChangeRow {
  readonly change: RoundChange;
  readonly name: string;
}

export const changeColumns: readonly Column<ChangeRow>[] = [
  { key: 'name', header: 'Country or organisation', value: (r) => r.name },
  { key: 'actor', header: 'Code', value: (r) => r.change.actor },
  { key: 'change', header: 'Change', value: (r) => changeLabels[r.change.change] },
  { key: 'before', header: 'Before', value: (r) => (r.change.before ? roleLabels[r.change.before] : 'Not listed') },
  { key: 'now', header: 'Now', value: (r) => (r.change.after ? roleLabels[r.change.after] : 'Not listed') },
  { key: 'howSure', header: 'How sure', value: (r) => (r.change.confirmed ? 'Confirmed' : 'Not confirmed at one of the rounds') },
];

const stanceLabel = (key: string) => stanceCategories.find((c) => c.key === key)?.label ?? key;

/** Whose words a stance rests on, as the stance table says it. */
export const wordsText = (row: Pick<StanceRow, 'words' | 'actorCount'>): string =>
  row.words === 'own' ? 'Own words' : row.words === 'joint-statement' ? 'Co-signed joint statement' : `Statement made for ${row.actorCount} parties, not its own words`;

export const stanceColumns: readonly Column<StanceRow>[] = [
  { key: 'country', header: 'Country', value: (r) => r.name },
  { key: 'iso3', header: 'Code', value: (r) => r.iso3 },
  { key: 'topic', header: 'Topic', value: (r) => topicLabels[r.topic] },
  { key: 'stance', header: 'Stance', value: (r) => stanceLabel(r.stance) },
  { key: 'date', header: 'Date', value: (r) => r.date },
  { key: 'age', header: 'Age', value: (r) => ageText(r.ageMonths) },
  { key: 'speaker', header: 'Speaker', value: (r) => r.speaker.name },
  { key: 'office', header: 'Office', value: (r) => r.speaker.office },
  { key: 'words', header: 'Whose words', value: wordsText },
  { key: 'statement', header: 'Statement', value: (r) => r.statementId },
];

export const statementColumns: readonly Column<StatementView>[] = [
  { key: 'id', header: 'Statement', value: (s) => s.id },
  { key: 'date', header: 'Date', value: (s) => s.date },
  { key: 'speaker', header: 'Speaker', value: (s) => s.speaker.name },
  { key: 'office', header: 'Office', value: (s) => s.speaker.office },
  { key: 'speaksFor', header: 'Speaks for', value: (s) => s.actors.map((a) => a.name).join('; ') },
  { key: 'official', header: 'Official', value: (s) => (s.official ? 'Yes' : 'No: a commentator, never counted as a stance') },
  { key: 'words', header: 'Words', value: (s) => s.quote },
  { key: 'extent', header: 'Extent', value: (s) => (s.extent === 'fragment' ? 'Fragment' : 'Full') },
  { key: 'delivery', header: 'Delivery', value: deliveryText },
  { key: 'stances', header: 'Stances', value: (s) => s.stances.map((st) => `${topicLabels[st.topic]}: ${st.stance}`).join('; ') },
  { key: 'meeting', header: 'Meeting', value: (s) => s.meeting?.title ?? null },
  { key: 'howSure', header: 'How sure', value: (s) => confidenceLabels[s.confidence.level] },
  { key: 'why', header: 'Why', value: (s) => s.confidence.reason ?? null },
  { key: 'note', header: 'Note', value: (s) => s.note ?? null },
  { key: 'quotedFrom', header: 'Quoted from (or reported by)', value: (s) => s.quoteSource.publisher },
  { key: 'quotedFromUrl', header: 'Source address', value: (s) => s.quoteSource.url },
  { key: 'otherSources', header: 'Other sources', value: (s) => s.sources.filter((x) => x.id !== s.quoteSource.id).map((x) => x.url).join('; ') },
];

/** One cell of the attendance matrix that holds a record: one row per actor and meeting (one fact a row). */
export interface MatrixCellRow {
  readonly name: string;
  readonly actor: string;
  readonly meeting: OverviewMeeting;
  readonly attendee: OverviewAttendee;
}

export const matrixColumns: readonly Column<MatrixCellRow>[] = [
  { key: 'name', header: 'Country or organisation', value: (r) => r.name },
  { key: 'actor', header: 'Code', value: (r) => r.actor },
  { key: 'meeting', header: 'Meeting id', value: (r) => r.meeting.id },
  { key: 'meetingTitle', header: 'Meeting', value: (r) => r.meeting.title },
  { key: 'startDate', header: 'Date', value: (r) => r.meeting.startDate },
  { key: 'role', header: 'Role', value: (r) => roleLabels[r.attendee.role] },
  {
    key: 'endorsedOutcome',
    header: 'Endorsed the outcome document',
    value: (r) => endorsementText(r.meeting, r.attendee),
  },
  { key: 'howSure', header: 'How sure', value: (r) => capitalised(certaintyLabels[certaintyOf(r.attendee)]) },
  { key: 'why', header: 'Why', value: (r) => r.attendee.confidence.reason ?? null },
];
