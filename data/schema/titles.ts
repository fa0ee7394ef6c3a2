/**
 * One title pattern per series with numbered rounds, so the meeting list reads alike and the spelling is
 * one ("neighbouring", not also "neighboring"). Related conferences ("other") keep their own names.
 */
import type { MeetingSeriesId } from './labels.ts';

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const patterns: Partial<Record<MeetingSeriesId, (round: string) => string>> = {
  'moscow-format': (round) => `${round} meeting of the Moscow Format consultations on Afghanistan`,
  'neighbours-foreign-ministers': (round) => `${round} meeting of the foreign ministers of Afghanistan's neighbouring countries`,
};

/** The title a numbered round must have, or null when the series names its meetings freely. */
export function seriesTitle(meeting: { series: MeetingSeriesId; round: number | null }): string | null {
  const pattern = patterns[meeting.series];
  return pattern === undefined || meeting.round === null ? null : pattern(ordinal(meeting.round));
}
