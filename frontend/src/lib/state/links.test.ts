import { describe, expect, it } from 'vitest';
import { missingLinks, missingLinksText, type Known } from './links.ts';

const known: Known = {
  meeting: (id) => id === 'moscow-format-7-moscow-2025',
  country: (iso3) => iso3 === 'RUS' || iso3 === 'AFG',
  organisation: (id) => id === 'csto',
  compare: (id) => id === 'moscow-format-7-moscow-2025',
  statement: (id) => id === 'lavrov-2025-10-07',
};

describe('missingLinks', () => {
  it('finds nothing missing in a link to known ids, whatever their case', () => {
    expect(missingLinks('?meeting=moscow-format-7-moscow-2025&country=afg', known)).toEqual([]);
    expect(missingLinks('?org=CSTO&layer=stance', known)).toEqual([]);
    expect(missingLinks('', known)).toEqual([]);
  });

  it('names unknown and malformed ids as they were written', () => {
    expect(missingLinks('?country=ZZZ', known)).toEqual([{ kind: 'country', asked: 'ZZZ' }]);
    expect(missingLinks('?org=nope', known)).toEqual([{ kind: 'organisation', asked: 'nope' }]);
    expect(missingLinks('?meeting=x&country=Russia', known)).toEqual([
      { kind: 'meeting', asked: 'x' },
      { kind: 'country', asked: 'Russia' },
    ]);
    expect(missingLinks('?meeting=Not%20a%20slug', known)).toEqual([{ kind: 'meeting', asked: 'Not a slug' }]);
    expect(missingLinks('?meeting=moscow-format-7-moscow-2025&compare=x', known)).toEqual([{ kind: 'compare', asked: 'x' }]);
    // Without a meeting there is nothing to compare, so the parameter is not read.
    expect(missingLinks('?compare=x', known)).toEqual([]);
  });

  it('waits while a country cannot be told yet', () => {
    expect(missingLinks('?country=FRA', { ...known, country: () => null })).toBeNull();
    expect(missingLinks('?meeting=x', { ...known, country: () => null })).toEqual([{ kind: 'meeting', asked: 'x' }]);
  });

  it('checks a statement permalink, waiting until the statements are known', () => {
    expect(missingLinks('?statement=lavrov-2025-10-07', known)).toEqual([]);
    expect(missingLinks('?statement=no-such-statement', known)).toEqual([{ kind: 'statement', asked: 'no-such-statement' }]);
    expect(missingLinks('?statement=x', { ...known, statement: () => null })).toBeNull();
    expect(missingLinksText([{ kind: 'statement', asked: 'x' }])).toContain('no statement “x”');
  });
});

describe('missingLinksText', () => {
  it('says what was asked for, shortened when long', () => {
    expect(missingLinksText([{ kind: 'country', asked: 'ZZZ' }])).toBe(
      'The link asked for something that is not here: there is no country with the code “ZZZ” in the data.',
    );
    expect(missingLinksText([{ kind: 'meeting', asked: 'x' }, { kind: 'organisation', asked: 'nope' }])).toContain(
      'no meeting “x” and no organisation “nope”',
    );
    expect(missingLinksText([{ kind: 'meeting', asked: 'a'.repeat(60) }])).toContain(`“${'a'.repeat(40)}…”`);
  });
});
