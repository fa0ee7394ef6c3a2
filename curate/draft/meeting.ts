/**
 * Which meeting in the records the article reports: by the date window (published shortly after it, or a
 * day the text names), the city, the series' words, the round, and the countries named as taking part. A
 * meeting is chosen only when a date ties it to the article and it clearly leads the others; otherwise the
 * draft's meeting is null and the candidates say why.
 */
import type { Meeting, Participation } from '../../data/schema/domain.ts';
import { ordinal } from '../../data/schema/titles.ts';
import type { DraftMeetingCandidate } from '../../data/schema/draft.ts';
import type { FoundDate } from './dates.ts';

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86400000);

const ordinalWords = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

const seriesWords: Record<string, RegExp> = {
  'moscow-format': /\bMoscow[- ]format\b/i,
  'neighbours-foreign-ministers': /\b(?:neighbou?ring countries|neighbou?rs|(?:countries|nations|states) bordering Afghanistan)\b[\s\S]{0,200}\bforeign ministers\b|\bforeign ministers\b[\s\S]{0,200}\b(?:neighbou?ring countries|neighbou?rs|(?:countries|nations|states) bordering Afghanistan)\b/i,
};

export interface MeetingMatch {
  id: string | null;
  candidates: DraftMeetingCandidate[];
}

export function matchMeeting(input: {
  text: string;
  published: string | null;
  dates: readonly FoundDate[];
  meetings: readonly Meeting[];
  participations: readonly Participation[];
  attendees: ReadonlySet<string>;
}): MeetingMatch {
  const { text, published, dates, meetings, participations, attendees } = input;
  const scored: { candidate: DraftMeetingCandidate; dated: boolean }[] = [];
  for (const meeting of meetings) {
    const why: string[] = [];
    let score = 0;
    let dated = false;
    if (published !== null && published.length === 10) {
      const after = daysBetween(published, meeting.endDate);
      const before = daysBetween(meeting.startDate, published);
      if (after >= 0 && after <= 7) {
        score += 3;
        dated = true;
        why.push(after === 0 ? 'published on its last day' : `published ${after} day${after === 1 ? '' : 's'} after it`);
      } else if (before > 0 && before <= 3) {
        score += 1;
        dated = true;
        why.push(`published ${before} day${before === 1 ? '' : 's'} before it`);
      }
    } else if (published !== null && (meeting.startDate.startsWith(published) || meeting.endDate.startsWith(published))) {
      score += 1;
      dated = true;
      why.push('published in the month it was held');
    }
    const named = dates.filter((found) => found.date >= meeting.startDate && found.date <= meeting.endDate);
    if (named.length > 0) {
      score += named.some((found) => found.explicit) ? 3 : 2;
      dated = true;
      why.push(`the text names ${named[0]!.date}`);
    }
    if (meeting.city !== 'Online' && new RegExp(`\\b${meeting.city.split(' ')[0]}\\b`).test(text)) {
      score += 2;
      why.push(`names the city ${meeting.city.split(' ')[0]}`);
    }
    const series = seriesWords[meeting.series];
    if (series?.test(text)) {
      score += 2;
      why.push('uses the words of its series');
    }
    if (meeting.round !== null) {
      const word = ordinalWords[meeting.round - 1];
      const pattern = new RegExp(`\\b(?:${ordinal(meeting.round)}${word === undefined ? '' : `|${word}`})\\b(?:[^.]{0,60})\\b(?:meeting|round|session|gathering|consultations?|of its kind)\\b`, 'i');
      if (pattern.test(text)) {
        score += 2;
        why.push(`calls it the ${ordinal(meeting.round)}`);
      }
    }
    if (attendees.size > 0) {
      const recorded = new Set(participations.filter((p) => p.meeting === meeting.id && p.role !== 'invited-absent').map((p) => p.actor));
      const shared = [...attendees].filter((actor) => recorded.has(actor)).length;
      if (recorded.size > 0 && shared > 0) {
        const share = shared / Math.max(attendees.size, 1);
        score += Math.round(share * 2 * 10) / 10;
        why.push(`${shared} of the ${attendees.size} countries named as taking part attended it`);
      }
    }
    if (score > 0) scored.push({ candidate: { id: meeting.id, score, why }, dated });
  }
  scored.sort((a, b) => b.candidate.score - a.candidate.score);
  const candidates = scored.slice(0, 3).map((entry) => entry.candidate);
  const [best, second] = scored;
  const chosen = best !== undefined && best.dated && best.candidate.score >= 6 && (second === undefined || best.candidate.score - second.candidate.score >= 2);
  return { id: chosen ? best.candidate.id : null, candidates };
}
