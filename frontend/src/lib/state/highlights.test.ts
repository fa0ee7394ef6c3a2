import { describe, expect, it } from 'vitest';
import { overview, round6, round7 } from '../testing/fixtures.ts';
import { categoriesFor, countByCategory, highlightsFor } from './highlights.ts';

const topic = 'foreign-military-presence';

describe('categoriesFor', () => {
  it('roles: each attending country by role; a disputed attendance as disputed; organisations not drawn', () => {
    expect(Object.fromEntries(categoriesFor(overview, 'roles', round7, topic))).toEqual({
      RUS: 'host',
      AFG: 'member',
      CHN: 'member',
      TKM: 'disputed',
      BLR: 'guest',
      IRN: 'invited-absent',
      PAK: 'member',
    });
  });

  it('roles and changes draw nothing without a meeting; changes nothing without a previous round', () => {
    expect(categoriesFor(overview, 'roles', null, topic).size).toBe(0);
    expect(categoriesFor(overview, 'changes', null, topic).size).toBe(0);
    expect(categoriesFor(overview, 'changes', round6, topic).size).toBe(0);
  });

  it('changes: by difference from the previous round of the series', () => {
    expect(Object.fromEntries(categoriesFor(overview, 'changes', round7, topic))).toEqual({
      BLR: 'joined',
      PAK: 'joined',
      IRN: 'left',
      TKM: 'role-changed',
      AFG: 'unchanged',
      CHN: 'unchanged',
      RUS: 'unchanged',
    });
  });

  it('stance: the latest stance on the topic; countries with no statement get no category', () => {
    expect(Object.fromEntries(categoriesFor(overview, 'stance', round7, topic))).toEqual({
      CHN: 'opposes',
      IRN: 'mixed',
      RUS: 'opposes',
    });
    expect(categoriesFor(overview, 'stance', null, 'narcotics').size).toBe(0);
  });
});

describe('highlightsFor', () => {
  it('always marks Afghanistan and the neighbours, with the layer category on top', () => {
    const highlights = highlightsFor(overview, 'roles', round7, topic);
    expect(highlights.get('AFG')).toEqual({ base: 'afghanistan', cat: 'member' });
    expect(highlights.get('UZB')).toEqual({ base: 'neighbour' });
    expect(highlights.get('IRN')).toEqual({ base: 'neighbour', cat: 'invited-absent' });
    expect(highlights.get('RUS')).toEqual({ cat: 'host' });
    const base = [...highlightsFor(overview, 'roles', null, topic)].filter(([, h]) => h.base === 'neighbour');
    expect(base.map(([iso3]) => iso3).sort()).toEqual(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);
  });

  it('is empty before the overview arrives', () => {
    expect(highlightsFor(null, 'roles', null, topic).size).toBe(0);
  });

  it('counts countries per category for the legend', () => {
    expect(Object.fromEntries(countByCategory(highlightsFor(overview, 'roles', round7, topic)))).toEqual({
      host: 1,
      member: 3,
      disputed: 1,
      guest: 1,
      'invited-absent': 1,
    });
  });
});
