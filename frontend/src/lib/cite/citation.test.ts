import { describe, expect, it } from 'vitest';
import type { StatementView } from '../../../../data/schema/api.ts';
import { statementCitation, statementPermalink, today, viewCitation } from './citation.ts';

const statement: StatementView = {
  id: 'lavrov-2025-10-07-bases',
  speaker: { name: 'Sergey Lavrov', office: 'Foreign Minister of Russia', person: 'sergey-lavrov' },
  actors: [{ id: 'RUS', kind: 'country', name: 'Russia' }],
  date: '2025-10-07',
  meeting: null,
  quote: 'We oppose 100% of {new} bases & more',
  quoteSource: { id: 'tass-1', publisher: 'TASS', url: 'https://tass.com/politics/1', title: 'Lavrov on bases', published: '2025-10-07' },
  extent: 'full',
  variants: [],
  delivery: 'spoken',
  official: true,
  stances: [],
  confidence: { level: 'confirmed' },
  sources: [],
};
const context = { dataVersion: 'abc123def4567890', accessed: '2026-12-01', origin: 'https://example.org' };

describe('citations', () => {
  it('a statement names its speaker, words, original publisher and URL, the product, data version and access date', () => {
    const { text, bibtex } = statementCitation(statement, context);
    expect(text).toBe(
      'Sergey Lavrov, Foreign Minister of Russia, 7 Oct 2025: “We oppose 100% of {new} bases & more”. Quoted in TASS, “Lavrov on bases”, 7 Oct 2025: ' +
        "https://tass.com/politics/1. Via Afghanistan's neighbours: meetings and statements, https://example.org/?statement=lavrov-2025-10-07-bases, " +
        'data version abc123def4567890, accessed 1 Dec 2026.',
    );
    expect(bibtex).toMatch(/^@misc\{lavrov-2025-10-07-bases,\n/);
    expect(bibtex).toContain('  author = {{Sergey Lavrov}},');
    expect(bibtex).toContain('  title = {“We oppose 100\\% of \\{new\\} bases \\& more”},');
    expect(bibtex).toContain('  url = {https://tass.com/politics/1},');
    expect(bibtex).toContain('  urldate = {2026-12-01},');
    expect(bibtex).toContain('data version abc123def4567890');
    expect(bibtex.split('{').length).toBe(bibtex.split('}').length);
  });

  it('a view names its title, URL, data version and access date', () => {
    const { text, bibtex } = viewCitation('Russia', 'https://example.org/?country=RUS', context);
    expect(text).toContain('https://example.org/?country=RUS');
    expect(text).toContain('Data version abc123def4567890, accessed 1 Dec 2026.');
    expect(bibtex).toContain('  url = {https://example.org/?country=RUS},');
  });

  it('permalinks and dates', () => {
    expect(statementPermalink('https://example.org', 'a-b')).toBe('https://example.org/?statement=a-b');
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
