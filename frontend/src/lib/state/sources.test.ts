import { describe, expect, it } from 'vitest';
import type { SourceView } from '../../../../data/schema/api.ts';
import { sourceCitation, sourceRank, strongestFirst } from './sources.ts';

const source = (id: string, publisher: string, url: string, extra: Partial<SourceView> = {}): SourceView => ({
  id,
  publisher,
  url,
  title: 'A headline',
  published: '2024-10-04',
  ...extra,
});

describe('sourceRank', () => {
  it('puts the official text first, then agencies, then other outlets, then reference works and mirrors', () => {
    expect(sourceRank(source('a', 'Russian Ministry of Foreign Affairs', 'https://mid.ru/en/x'))).toBe(0);
    expect(sourceRank(source('b', 'Ministry of Foreign Affairs of China', 'https://www.fmprc.gov.cn/x'))).toBe(0);
    expect(sourceRank(source('c', 'CSTO', 'https://en.odkb-csto.org/x'))).toBe(0);
    expect(sourceRank(source('d', 'TASS', 'https://tass.com/x'))).toBe(1);
    expect(sourceRank(source('e', 'NDTV (Reuters)', 'https://www.ndtv.com/x'))).toBe(1);
    expect(sourceRank(source('f', 'Ariana News', 'https://www.ariananews.af/x'))).toBe(2);
    expect(sourceRank(source('g', 'Wikipedia', 'https://en.wikipedia.org/x'))).toBe(3);
    expect(sourceRank(source('h', 'DW (copy via proxy address)', 'http://209.141.35.7/x'))).toBe(3);
  });
});

describe('strongestFirst', () => {
  it('orders by rank, then complete citations, then the earliest; equal ones keep their order', () => {
    const sorted = strongestFirst([
      source('outlet', 'Ariana News', 'https://ariananews.af/1'),
      source('tass-late', 'TASS', 'https://tass.com/2', { published: '2024-10-05' }),
      source('tass-untitled', 'TASS', 'https://tass.com/3', { title: null }),
      source('tass-early', 'TASS', 'https://tass.com/1', { published: '2024-10-04' }),
      source('mfa', 'Russian Ministry of Foreign Affairs', 'https://mid.ru/1'),
      source('outlet-2', 'Ariana News', 'https://ariananews.af/2'),
    ]);
    expect(sorted.map((s) => s.id)).toEqual(['mfa', 'tass-early', 'tass-late', 'tass-untitled', 'outlet', 'outlet-2']);
  });
});

describe('sourceCitation', () => {
  const format = (date: string) => `[${date}]`;
  it('gives the title, with publisher and date after it', () => {
    expect(sourceCitation(source('a', 'TASS', 'https://tass.com/1'), format)).toEqual({ title: 'A headline', byline: 'TASS, [2024-10-04]' });
  });
  it('without a title, the publisher stands in for it, never the hostname; without a date, says so', () => {
    expect(sourceCitation(source('a', 'TASS', 'https://tass.com/1', { title: null }), format)).toEqual({ title: 'TASS', byline: '[2024-10-04]' });
    expect(sourceCitation(source('a', 'TASS', 'https://tass.com/1', { title: null, published: null }), format)).toEqual({
      title: 'TASS',
      byline: 'undated',
    });
    expect(sourceCitation(source('a', 'TASS', 'https://tass.com/1', { published: null }), format).byline).toBe('TASS, undated');
  });
});
