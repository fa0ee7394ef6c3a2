import { describe, expect, it } from 'vitest';
import { ageText, certaintyCountText, deliveryText, formatDate, formatMonth, roleLineLabel } from './format.ts';

describe('certaintyCountText', () => {
  it('always gives the confirmed count, the others only when there are any', () => {
    expect(certaintyCountText({ confirmed: 4, notConfirmed: 9, disputed: 0 })).toBe('4 confirmed, 9 not confirmed');
    expect(certaintyCountText({ confirmed: 0, notConfirmed: 6, disputed: 0 })).toBe('0 confirmed, 6 not confirmed');
    expect(certaintyCountText({ confirmed: 3, notConfirmed: 0, disputed: 1 })).toBe('3 confirmed, 1 disputed');
    expect(certaintyCountText({ confirmed: 7, notConfirmed: 0, disputed: 0 })).toBe('7 confirmed');
  });
});

describe('roleLineLabel', () => {
  it('names the role, and how sure the record is unless confirmed', () => {
    expect(roleLineLabel({ role: 'member', certainty: 'confirmed' })).toBe('Member');
    expect(roleLineLabel({ role: 'member', certainty: 'not-confirmed' })).toBe('Member, not confirmed');
    expect(roleLineLabel({ role: 'invited-absent', certainty: 'disputed' })).toBe('Invited, absent, disputed');
  });
});

describe('deliveryText', () => {
  it('says a paraphrase is not a quote, and who read out a written message', () => {
    expect(deliveryText({ delivery: 'paraphrase' })).toBe('Paraphrase of what the source reports, not a quote');
    expect(deliveryText({ delivery: 'written-message-read', readBy: 'Zamir Kabulov' })).toBe(
      'Written message read out by Zamir Kabulov',
    );
    expect(deliveryText({ delivery: 'spoken' })).toBe('Spoken');
  });
});

describe('formatDate', () => {
  it('shows a day as a day and a date known only to the month as the month', () => {
    expect(formatDate('2024-10-04')).toBe('4 Oct 2024');
    expect(formatDate('2021-09')).toBe('September 2021');
    expect(formatMonth('2026-12')).toBe('December 2026');
  });
});

describe('ageText', () => {
  it('says months and years in words', () => {
    expect(ageText(0)).toBe('under a month');
    expect(ageText(1)).toBe('1 month');
    expect(ageText(12)).toBe('1 year');
    expect(ageText(27)).toBe('2 years 3 months');
  });
});
