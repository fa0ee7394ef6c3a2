import { describe, expect, it } from 'vitest';
import { overview, round6, round7 } from '../testing/fixtures.ts';
import { categoriesFor, changeCategory, countByCategory, highlightsFor, roleCategory } from './highlights.ts';

const topic = 'foreign-military-presence';

describe('roleCategory', () => {
  it('keeps a confirmed role, marks a role that is not confirmed (partly or unconfirmed), and a disputed one', () => {
    expect(roleCategory({ role: 'member', confidence: { level: 'confirmed' } })).toBe('member');
    expect(roleCategory({ role: 'member', confidence: { level: 'unconfirmed', reason: 'invited' } })).toBe(
      'member-not-confirmed',
    );
    expect(roleCategory({ role: 'guest', confidence: { level: 'partly', reason: 'role not stated' } })).toBe(
      'guest-not-confirmed',
    );
    expect(roleCategory({ role: 'host', confidence: { level: 'disputed', reason: 'reports differ' } })).toBe('disputed');
  });
});

describe('changeCategory', () => {
  it('marks a change that rests on a record that is not confirmed', () => {
    expect(changeCategory({ change: 'joined', confirmed: true })).toBe('joined');
    expect(changeCategory({ change: 'unchanged', confirmed: false })).toBe('unchanged-not-confirmed');
  });
});

describe('categoriesFor', () => {
  it('roles: each attending country by role and certainty; organisations not drawn', () => {
    expect(Object.fromEntries(categoriesFor(overview, 'roles', round7, topic))).toEqual({
      RUS: 'host',
      AFG: 'member',
      CHN: 'member',
      TKM: 'disputed',
      BLR: 'guest',
      IRN: 'invited-absent',
      PAK: 'member',
      KAZ: 'member-not-confirmed',
      UZB: 'member-not-confirmed',
    });
  });

  it('roles and changes draw nothing without a meeting; changes nothing without a previous round', () => {
    expect(categoriesFor(overview, 'roles', null, topic).size).toBe(0);
    expect(categoriesFor(overview, 'changes', null, topic).size).toBe(0);
    expect(categoriesFor(overview, 'changes', round6, topic).size).toBe(0);
  });

  it('changes: by difference from the previous round; not confirmed when either record is not', () => {
    expect(Object.fromEntries(categoriesFor(overview, 'changes', round7, topic))).toEqual({
      BLR: 'joined',
      PAK: 'joined',
      KAZ: 'joined-not-confirmed',
      UZB: 'joined-not-confirmed',
      IRN: 'left',
      TKM: 'role-changed-not-confirmed', // disputed now
      AFG: 'unchanged',
      CHN: 'unchanged-not-confirmed', // unconfirmed at the previous round
      RUS: 'unchanged',
    });
  });

  it('stance: the latest stance on the topic; countries with no statement get no category', () => {
    expect(Object.fromEntries(categoriesFor(overview, 'stance', round7, topic))).toEqual({
      CHN: 'opposes',
      IRN: 'mixed',
      RUS: 'opposes',
    });
    expect(categoriesFor(overview, 'stance', null, 'migration').size).toBe(0);
  });
});

describe('highlightsFor', () => {
  it('always marks Afghanistan and the neighbours, with the layer category on top', () => {
    const highlights = highlightsFor(overview, 'roles', round7, topic);
    expect(highlights.get('AFG')).toEqual({ base: 'afghanistan', cat: 'member' });
    expect(highlights.get('UZB')).toEqual({ base: 'neighbour', cat: 'member-not-confirmed' });
    expect(highlights.get('TJK')).toEqual({ base: 'neighbour' });
    expect(highlights.get('IRN')).toEqual({ base: 'neighbour', cat: 'invited-absent' });
    expect(highlights.get('RUS')).toEqual({ cat: 'host' });
    const base = [...highlightsFor(overview, 'roles', null, topic)].filter(([, h]) => h.base === 'neighbour');
    expect(base.map(([iso3]) => iso3).sort()).toEqual(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);
  });

  it('is empty before the overview arrives', () => {
    expect(highlightsFor(null, 'roles', null, topic).size).toBe(0);
  });

  it('counts countries per category for the legend, not-confirmed apart from confirmed', () => {
    expect(Object.fromEntries(countByCategory(highlightsFor(overview, 'roles', round7, topic)))).toEqual({
      host: 1,
      member: 3,
      'member-not-confirmed': 2,
      disputed: 1,
      guest: 1,
      'invited-absent': 1,
    });
  });
});
