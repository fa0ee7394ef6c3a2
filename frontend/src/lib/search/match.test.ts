import { describe, expect, it } from 'vitest';
import type { SearchEntry, SearchIndex } from '../../../../data/schema/api.ts';
import { createMatcher, normalise, snippet } from './match.ts';

const entry = (kind: SearchEntry['kind'], id: string, label: string, extra: Partial<SearchEntry> = {}): SearchEntry => ({
  kind,
  id,
  label,
  detail: '',
  aliases: [],
  opens: {},
  ...extra,
});

const index: SearchIndex = {
  dataVersion: 'test',
  entries: [
    entry('country', 'RUS', 'Russia', { aliases: ['RUS'], opens: { country: 'RUS' } }),
    entry('country', 'IRN', 'Iran', { aliases: ['IRN'], opens: { country: 'IRN' } }),
    entry('organisation', 'sco', 'Shanghai Cooperation Organisation', { aliases: ['SCO'] }),
    entry('person', 'sergey-lavrov', 'Sergey Lavrov', { aliases: ['Sergei Lavrov', 'Serguéi Lavrov'], detail: 'Foreign Minister of Russia' }),
    entry('meeting', 'moscow-format-7-moscow-2025', '7th meeting of the Moscow Format', { detail: 'Moscow', date: '2025-10-07' }),
    entry('statement', 'muttaqi-bagram', 'Amir Khan Muttaqi', {
      detail: 'Afghanistan',
      text: 'We will not give Bagram to anyone, not even a metre of our land.',
      opens: { country: 'AFG', statement: 'muttaqi-bagram' },
    }),
  ],
};
const matcher = createMatcher(index);
const labels = (query: string) => matcher.search(query).flatMap((group) => group.entries.map((e) => e.label));

describe('the search matcher', () => {
  it('finds a person under every spelling, with or without accents, and by a prefix', () => {
    for (const query of ['Sergei Lavrov', 'Sergey', 'sergei', 'Serguei', 'SERGUÉI', 'lavr']) expect(labels(query)).toContain('Sergey Lavrov');
  });

  it('finds words inside a quote, grouped as statements', () => {
    expect(matcher.search('Bagram')).toEqual([{ kind: 'statement', entries: [index.entries[5]] }]);
  });

  it('groups results by kind in a fixed order: countries first, statements last', () => {
    const kinds = matcher.search('moscow russia').map((group) => group.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['country', 'organisation', 'person', 'meeting', 'statement'].indexOf(a) - ['country', 'organisation', 'person', 'meeting', 'statement'].indexOf(b)));
    expect(labels('sco')).toEqual(['Shanghai Cooperation Organisation']);
  });

  it('finds nothing for an empty box or unrelated words, and does not confuse short names', () => {
    expect(matcher.search('   ')).toEqual([]);
    expect(labels('zzzzqx')).toEqual([]);
    expect(labels('Oman')).not.toContain('Iran');
  });

  it('normalises accents and case; a snippet shows the words around the match', () => {
    expect(normalise('Serguéi LAVROV')).toBe('serguei lavrov');
    const long = `${'x '.repeat(100)}the Bagram base ${'y '.repeat(100)}`;
    expect(snippet(long, 'bagram')).toContain('Bagram base');
    expect(snippet(long, 'bagram').startsWith('… ')).toBe(false);
    expect(snippet(long, 'bagram')).toMatch(/^…x /);
    expect(snippet('First wording\nThe second, about Bagram', 'bagram')).toBe('The second, about Bagram');
  });
});
