/**
 * The attendance matrix: every country and organisation on record against every meeting, grouped by
 * series in date order. Built from the overview alone (every meeting with its attendees), so opening it
 * asks the API for nothing.
 */
import type { Overview, OverviewAttendee, OverviewMeeting } from '../../../../data/schema/api.ts';
import { meetingSeries, roleLabels, type MeetingSeriesId, type ParticipationRoleId } from '../../../../data/schema/labels.ts';
import { attended, certaintyOf, type Certainty } from './rounds.ts';
import type { MatrixSort } from './url.ts';

export interface MatrixSeries {
  series: MeetingSeriesId;
  meetings: OverviewMeeting[];
}

export interface MatrixRow {
  actor: string;
  kind: 'country' | 'organisation';
  name: string;
  /** One per column, in column order: the actor's record at that meeting, or null when it is not listed. */
  cells: (OverviewAttendee | null)[];
  /** Meetings of the shown columns the actor attended, in any role and however sure the record. */
  attended: number;
}

export interface Matrix {
  series: MatrixSeries[];
  /** The meetings of every shown series, in column order. */
  columns: OverviewMeeting[];
  countries: MatrixRow[];
  organisations: MatrixRow[];
}

const AFGHANISTAN = 'AFG';

/**
 * Rows for every actor listed at one of the shown meetings (an actor listed only elsewhere is left out);
 * countries and organisations apart, each in the chosen order. "Neighbours first" puts Afghanistan, then its
 * bordering neighbours, then the rest, each by name; "attended" puts the most meetings first.
 */
export function buildMatrix(
  overview: Overview,
  options: { sort: MatrixSort; series: MeetingSeriesId | null },
  nameOf: (actor: string) => string,
  neighbours: ReadonlySet<string>,
): Matrix {
  const series = meetingSeries
    .filter((id) => options.series === null || id === options.series)
    .map((id) => ({
      series: id,
      meetings: overview.meetings
        .filter((m) => m.series === id)
        .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id)),
    }))
    .filter((group) => group.meetings.length > 0);
  const columns = series.flatMap((group) => group.meetings);

  const rows = new Map<string, MatrixRow>();
  columns.forEach((meeting, column) => {
    for (const attendee of meeting.attendees) {
      let row = rows.get(attendee.actor);
      if (row === undefined) {
        row = { actor: attendee.actor, kind: attendee.kind, name: nameOf(attendee.actor), cells: columns.map(() => null), attended: 0 };
        rows.set(attendee.actor, row);
      }
      row.cells[column] = attendee;
      if (attended(attendee)) row.attended++;
    }
  });

  const byName = (a: MatrixRow, b: MatrixRow) => a.name.localeCompare(b.name, 'en');
  const rank = (row: MatrixRow) => (row.actor === AFGHANISTAN ? 0 : neighbours.has(row.actor) ? 1 : 2);
  const order: Record<MatrixSort, (a: MatrixRow, b: MatrixRow) => number> = {
    name: byName,
    attended: (a, b) => b.attended - a.attended || byName(a, b),
    neighbours: (a, b) => rank(a) - rank(b) || byName(a, b),
  };
  const sorted = [...rows.values()].sort(order[options.sort]);
  return {
    series,
    columns,
    countries: sorted.filter((row) => row.kind === 'country'),
    organisations: sorted.filter((row) => row.kind === 'organisation'),
  };
}

/** A glyph per role, so the matrix reads without colour (the legend says which is which). */
export const roleGlyphs: Record<ParticipationRoleId, string> = {
  host: '★',
  member: '●',
  guest: '◆',
  observer: '○',
  'by-video': '▷',
  'invited-absent': '✕',
};

/** A mark after the role glyph for a record that is not confirmed or is disputed. */
export const certaintyGlyphs: Record<Certainty, string> = { confirmed: '', 'not-confirmed': '?', disputed: '!' };

/** The endorsement mark: only where the meeting had an outcome document and the record says yes or no. */
export function endorsementGlyph(attendee: OverviewAttendee, meeting: OverviewMeeting): string {
  if (meeting.outcome === null || !attended(attendee)) return '';
  return attendee.endorsedOutcome === 'yes' ? '✓' : attendee.endorsedOutcome === 'no' ? '⊘' : '';
}

const certaintyWords: Record<Certainty, string> = {
  confirmed: 'confirmed',
  'not-confirmed': 'not confirmed',
  disputed: 'disputed',
};

/** Whether the actor endorsed the meeting's outcome document, in words; null when it did not attend. */
export function endorsementText(attendee: OverviewAttendee, meeting: OverviewMeeting): string | null {
  if (meeting.outcome === null) return 'no outcome document';
  if (!attended(attendee)) return null;
  return attendee.endorsedOutcome === 'yes'
    ? 'endorsed the outcome document'
    : attendee.endorsedOutcome === 'no'
      ? 'did not endorse the outcome document'
      : 'endorsement not on record';
}

/** What a cell says, in words: its accessible name, and the same words a screen reader user hears. */
export function cellText(attendee: OverviewAttendee | null, meeting: OverviewMeeting): string {
  if (attendee === null) return 'not on record';
  const endorsement = endorsementText(attendee, meeting);
  return [roleLabels[attendee.role], certaintyWords[certaintyOf(attendee)], ...(endorsement ? [endorsement] : [])].join(', ');
}

/** A column's short label: the city and the year ("Kazan 2023"); the full title goes with it for readers. */
export function columnLabel(meeting: OverviewMeeting): { place: string; year: string } {
  return { place: meeting.city.replace(/\s*\(.*\)$/, ''), year: meeting.startDate.slice(0, 4) };
}
