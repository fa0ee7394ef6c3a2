/** Display text shared by the components. */
import type { StatementView } from '../../../data/schema/api.ts';
import { deliveryLabels } from '../../../data/schema/labels.ts';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2024-10-04` → `4 Oct 2024`. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatDateRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

export const triStateLabels = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;

export const confidenceLabels = {
  confirmed: 'Confirmed',
  partly: 'Partly confirmed',
  disputed: 'Disputed',
  unconfirmed: 'Unconfirmed',
} as const;

/** e.g. "Written message read out by Zamir Kabulov". */
export function deliveryText(statement: Pick<StatementView, 'delivery' | 'readBy'>): string {
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
