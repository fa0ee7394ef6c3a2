/** Display text shared by the components. */
import type { StatementView } from '../../../data/schema/api.ts';
import { deliveryLabels, roleLabels } from '../../../data/schema/labels.ts';
import type { Certainty, CertaintyCounts, RoleLine } from './state/rounds.ts';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A panel formats the same few hundred dates again on every change; Intl's formatting is the slow part. */
const formattedDates = new Map<string, string>();

/** `2024-10-04` → `4 Oct 2024`; a date known only to the month, `2021-09` → `September 2021`. */
export function formatDate(isoDate: string): string {
  let formatted = formattedDates.get(isoDate);
  if (formatted === undefined) {
    formatted = isoDate.length === 7 ? formatMonth(isoDate) : dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
    formattedDates.set(isoDate, formatted);
  }
  return formatted;
}

/** `2026-12` → `December 2026`. */
export function formatMonth(yearMonth: string): string {
  return monthFormat.format(new Date(`${yearMonth}-01T00:00:00Z`));
}

export function formatDateRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

/** A delegation's level, as a reader says it. */
export const levelLabels = {
  'head-of-state': 'Head of state',
  'head-of-government': 'Head of government',
  minister: 'Minister',
  'deputy-minister': 'Deputy minister',
  'special-representative': 'Special representative',
  ambassador: 'Ambassador',
  official: 'Official',
  'non-official': 'Not an official',
  unknown: 'Not on record',
} as const;

/** How old a stance is at the date the layer is read: "under a month", "8 months", "2 years 3 months". */
export function ageText(months: number): string {
  if (months < 1) return 'under a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [...(years > 0 ? [plural(years, 'year')] : []), ...(rest > 0 ? [plural(rest, 'month')] : [])];
  return parts.join(' ');
}

export const triStateLabels = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;

export const confidenceLabels = {
  confirmed: 'Confirmed',
  partly: 'Partly confirmed',
  disputed: 'Disputed',
  unconfirmed: 'Unconfirmed',
} as const;

/** How sure a participation record is, as the meeting summary words it (see certaintyOf in state/rounds.ts). */
export const certaintyLabels: Record<Certainty, string> = {
  confirmed: 'confirmed',
  'not-confirmed': 'not confirmed',
  disputed: 'disputed',
};

/** "4 confirmed, 9 not confirmed"; "3 confirmed, 1 disputed"; the confirmed count always, the others when any. */
export function certaintyCountText(counts: CertaintyCounts): string {
  const parts = [`${counts.confirmed} ${certaintyLabels.confirmed}`];
  if (counts.notConfirmed > 0) parts.push(`${counts.notConfirmed} ${certaintyLabels['not-confirmed']}`);
  if (counts.disputed > 0) parts.push(`${counts.disputed} ${certaintyLabels.disputed}`);
  return parts.join(', ');
}

/** "Member", "Member, not confirmed", "Invited, absent, disputed". */
export function roleLineLabel(line: Pick<RoleLine, 'role' | 'certainty'>): string {
  return line.certainty === 'confirmed' ? roleLabels[line.role] : `${roleLabels[line.role]}, ${certaintyLabels[line.certainty]}`;
}

/** A paraphrase is the reporting source's words: shown without quotation marks and labelled so. */
export const paraphraseLabel = 'Paraphrase of what the source reports, not a quote';

/** e.g. "Written message read out by Zamir Kabulov". */
export function deliveryText(statement: Pick<StatementView, 'delivery' | 'readBy'>): string {
  if (statement.delivery === 'paraphrase') return paraphraseLabel;
  const label = deliveryLabels[statement.delivery];
  return statement.delivery === 'written-message-read' && statement.readBy ? `${label} by ${statement.readBy}` : label;
}

export function formatKm(km: number): string {
  return `${new Intl.NumberFormat('en-GB').format(km)} km`;
}

/** "a, b and c" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `plural(1, 'statement')` → "1 statement"; 2 → "2 statements". */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}
