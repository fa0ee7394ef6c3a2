import { describe, expect, it } from 'vitest';
import type { StatementView } from '../../../../data/schema/api.ts';
import { filterStatements, noFilter, statementFacets, topicSummaries } from './statements.ts';

const source = { id: 'src', publisher: 'TASS', url: 'https://tass.com/1', title: 'A headline', published: '2024-10-04' };
function statement(id: string, date: string, extra: Partial<StatementView> = {}): StatementView {
  return {
    id,
    speaker: { name: 'Sergey Lavrov', office: 'Foreign Minister', person: null },
    actors: [{ id: 'RUS', kind: 'country', name: 'Russia' }],
    date,
    meeting: null,
    quote: 'Words.',
    quoteSource: source,
    extent: 'full',
    variants: [],
    delivery: 'spoken',
    official: true,
    stances: [],
    confidence: { level: 'confirmed' },
    sources: [source],
    ...extra,
  };
}

const presence = (stance: 'opposes' | 'supports' | 'mixed') => ({ topic: 'foreign-military-presence' as const, stance, summary: 'x' });
const round7 = { id: 'moscow-format-7-moscow-2025', title: 'Moscow Format round 7' };
const statements = [
  statement('old', '2021-10', { stances: [presence('mixed')] }),
  statement('joint', '2025-10-07', { stances: [presence('opposes')], delivery: 'joint-statement', meeting: round7 }),
  statement('analyst', '2026-01-01', { stances: [presence('supports'), { topic: 'narcotics', stance: 'opposes', summary: 'y' }], official: false }),
  statement('plain', '2024-01-01'),
];

describe('filterStatements', () => {
  it('keeps all, newest first, with no filter', () => {
    expect(filterStatements(statements, noFilter).map((s) => s.id)).toEqual(['analyst', 'joint', 'plain', 'old']);
  });
  it('narrows by topic and by meeting, together', () => {
    expect(filterStatements(statements, { topic: 'foreign-military-presence', meeting: null }).map((s) => s.id)).toEqual(['analyst', 'joint', 'old']);
    expect(filterStatements(statements, { topic: 'foreign-military-presence', meeting: round7.id }).map((s) => s.id)).toEqual(['joint']);
    expect(filterStatements(statements, { topic: 'narcotics', meeting: round7.id })).toEqual([]);
  });
});

describe('statementFacets', () => {
  it('counts statements per topic and per meeting', () => {
    expect(statementFacets(statements)).toEqual({
      topics: [
        { value: 'foreign-military-presence', count: 3 },
        { value: 'narcotics', count: 1 },
      ],
      meetings: [{ value: round7.id, label: round7.title, count: 1 }],
    });
  });
});

describe('topicSummaries', () => {
  it('gives each topic the newest official stance, its date and the count; a commentator never sets it', () => {
    expect(topicSummaries(statements)).toEqual([
      {
        topic: 'foreign-military-presence',
        count: 3,
        latest: { stance: 'opposes', date: '2025-10-07', statementId: 'joint', words: 'joint-statement' },
      },
      { topic: 'narcotics', count: 1, latest: null },
    ]);
  });
});
