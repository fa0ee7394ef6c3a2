/**
 * Dates in the article's words ("on Tuesday", "late on Sunday", "on October 27"), resolved against the
 * publication date with chrono-node, looking back: news reports what happened, so "on Thursday" in a
 * Monday article is the Thursday before, and "September 8" in an August article is last year's. chrono's
 * own default resolves such words to the nearest day, often a day to come; the refiner below moves them.
 */
import * as chrono from 'chrono-node';
import { dateSpan } from '../../data/schema/domain.ts';

export interface FoundDate {
  /** YYYY-MM-DD, or YYYY-MM when the article is dated only to a month and the words count from its day. */
  date: string;
  start: number;
  end: number;
  /** The words named the day exactly (a calendar date), not only a weekday or "today". */
  explicit: boolean;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Words that place an event at a time other than a day: such a sentence has no day of its own. */
export const vagueTime = /\b(?:last|next|this|earlier this|later this) (?:week|month|year)\b|\brepeatedly\b|\bpreviously\b/i;

const lookBack = chrono.casual.clone();
lookBack.refiners.push({
  refine: (context, results) => {
    const reference = context.reference.instant;
    for (const result of results) {
      const start = result.start;
      if (start.isCertain('year')) continue;
      const resolved = start.date();
      if (resolved.getTime() <= reference.getTime() + 12 * 3600 * 1000) continue;
      if (start.isCertain('weekday') && !start.isCertain('day')) {
        const back = new Date(resolved.getTime() - 7 * 86400 * 1000);
        start.assign('day', back.getUTCDate());
        start.assign('month', back.getUTCMonth() + 1);
        start.assign('year', back.getUTCFullYear());
      } else if (start.isCertain('month')) {
        start.assign('year', resolved.getUTCFullYear() - 1);
      }
    }
    return results;
  },
});

/**
 * Dates in `text` (a sentence), resolved against `published`: a day (YYYY-MM-DD) or only a month (YYYY-MM).
 * Against a publication day, every date found is a day. Against a publication month, a calendar date ("on
 * September 18") is still a day, resolved from the month's last day; words that count from the publication
 * day ("on Thursday", "yesterday") can only be placed in the month of publication, so they give that month
 * (`YYYY-MM`, which the records accept) rather than a day nobody can check. With no publication date, only
 * dates that name their year are returned.
 */
export function findDates(text: string, offset: number, published: string | null): FoundDate[] {
  const month = published !== null && published.length === 7 ? published : null;
  const reference = month !== null ? dateSpan(month).last : published;
  const instant = reference === null ? new Date('2000-01-01T12:00:00Z') : new Date(`${reference}T12:00:00Z`);
  const found: FoundDate[] = [];
  for (const result of lookBack.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    const start = result.start;
    const words = result.text.toLowerCase();
    const relative = /\b(?:today|yesterday|tonight)\b/.test(words);
    const hasDay = start.isCertain('day') || start.isCertain('weekday') || relative;
    if (!hasDay) continue;
    if (/\b(?:week|month|year)\b/.test(words)) continue;
    if (published === null && !start.isCertain('year')) continue;
    const explicit = /\d/.test(result.text);
    // "on Thursday", "yesterday": no digits, so the day is counted from the publication day.
    const date = month !== null && !explicit ? month : day(start.date());
    found.push({ date, start: offset + result.index, end: offset + result.index + result.text.length, explicit });
  }
  return found;
}

/** Today in UTC, YYYY-MM-DD: a publication date after it is refused. */
export const today = () => day(new Date());
