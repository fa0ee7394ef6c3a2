import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFiles } from '../../data/load.ts';
import { validateDataset } from '../../data/check/check.ts';
import { fixtureRecords } from '../../data/fixtures/dataset.ts';
import type { Dataset } from '../../data/schema/domain.ts';
import { checkDraftAgainstText, draftSchema } from '../../data/schema/draft.ts';
import { findDates } from './dates.ts';
import { draftArticle } from './draft.ts';
import { findQuotes } from './text.ts';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readDatasetFiles();
});

const draft = (text: string, published = '2025-10-08', data: Dataset = dataset) => {
  const result = draftArticle(text, data, { published, url: null, publisher: null });
  expect(draftSchema.safeParse(result).success).toBe(true);
  expect(checkDraftAgainstText(result, text)).toEqual([]);
  return result;
};
const quotes = (text: string, published?: string) => draft(text, published).statements.map((s) => [s.quote, s.speaker?.person ?? s.speaker?.name ?? null]);

describe('quotation marks', () => {
  it.each([
    ['“', '”'],
    ['"', '"'],
    ['‘', '’'],
    ['«', '»'],
  ])('finds a quotation in %s %s', (open, close) => {
    const text = `Russian Foreign Minister Sergey Lavrov said on Tuesday: ${open}We reject any foreign bases in Afghanistan.${close}`;
    expect(quotes(text)).toEqual([['We reject any foreign bases in Afghanistan.', 'sergey-lavrov']]);
  });

  it('keeps apostrophes inside a quotation and does not open one at an apostrophe', () => {
    expect(findQuotes('Afghanistan’s neighbours said ‘we don’t accept bases’ today.').map((q) => q.end - q.start)).toEqual(['we don’t accept bases'.length]);
  });

  it('gives a quote split around "he said" as two quotations by one speaker', () => {
    const text = 'Zamir Kabulov spoke in Moscow on Tuesday. “We are ready,” he said, “to talk to Kabul about the base in Bagram.”';
    expect(quotes(text)).toEqual([
      ['We are ready,', 'zamir-kabulov'],
      ['to talk to Kabul about the base in Bagram.', 'zamir-kabulov'],
    ]);
  });

  it('keeps a quotation that spans sentences whole', () => {
    const text = '“Afghanistan’s history is full of examples. Everyone should have drawn conclusions,” Lavrov said on Tuesday.';
    expect(quotes(text)).toEqual([['Afghanistan’s history is full of examples. Everyone should have drawn conclusions,', 'sergey-lavrov']]);
  });

  it('ends an unclosed quotation at the end of its paragraph, with low confidence only for the cut', () => {
    const text = 'Lavrov spoke about Afghanistan on Tuesday.\n“Russia fully agrees wit';
    const [statement] = draft(text).statements;
    expect(statement?.quote).toBe('Russia fully agrees wit');
    expect(statement?.confidence.reason).toMatch(/cut off/);
  });

  it('attributes a quote-only paragraph to the speaker named in the previous sentence or paragraph', () => {
    const text = 'Chinese Foreign Minister Qin Gang said on Thursday that Afghanistan needs help.\n\n"All parties should speak with one voice on supporting Afghanistan."';
    expect(quotes(text, '2023-04-14')).toEqual([['All parties should speak with one voice on supporting Afghanistan.', 'qin-gang']]);
  });

  it('leaves scare quotes and names in quotation marks out', () => {
    const text = 'The so-called "Moscow format" met on Tuesday. Muttaqi, the "guest of honor," led the Afghan delegation to the "Kazan Declaration" talks.';
    expect(quotes(text)).toEqual([]);
  });

  it('keeps a short fragment when someone is said to have said it', () => {
    expect(quotes('Lavrov said on Friday that Western countries inflicted “irreparable damage” on Afghanistan.', '2023-09-29')).toEqual([['irreparable damage', 'sergey-lavrov']]);
  });

  it('gives each statement once when the article text is repeated', () => {
    const once = 'Lavrov said on Tuesday: “We reject foreign military bases in Afghanistan.”\n';
    expect(quotes(once + once)).toHaveLength(1);
  });
});

describe('speakers', () => {
  it('resolves other spellings through the people table, with the office held on the date', () => {
    const [statement] = draft('Sergei Lavrov said on Tuesday: “Foreign bases in Afghanistan are unacceptable.”').statements;
    expect(statement?.speaker).toEqual({ name: 'Sergey Lavrov', office: 'Foreign Minister of Russia', person: 'sergey-lavrov' });
    expect(statement?.stances[0]).toMatchObject({ topic: 'foreign-military-presence', stance: 'opposes' });
  });

  it('never guesses: a quote nobody is said to have said has a null speaker and low confidence', () => {
    const [statement] = draft('Afghanistan was discussed on Tuesday.\n“Foreign troops must never come back to Afghanistan or its neighbours,” a source close to the talks in Kabul whispered.').statements;
    expect(statement?.speaker).toBeNull();
    expect(statement?.confidence.level).toBe('unconfirmed');
  });

  it('does not take a surname that is part of another name ("Wang" in "Wang Wenbin")', () => {
    expect(quotes('Chinese spokesman Wang Wenbin said on Tuesday: “China supports Afghanistan’s neighbours.”')).toEqual([['China supports Afghanistan’s neighbours.', 'Wang Wenbin']]);
  });
});

describe('dates look back from the publication date', () => {
  it('resolves a weekday to the one before publication, not after', () => {
    expect(findDates('Lavrov said on Thursday', 0, '2021-08-16')[0]?.date).toBe('2021-08-12');
    expect(findDates('late on Sunday', 0, '2021-08-19')[0]?.date).toBe('2021-08-15');
    expect(findDates('on September 8', 0, '2021-08-19')[0]?.date).toBe('2020-09-08');
  });

  it('dates a statement from its sentence and leaves "repeatedly" undated', () => {
    const text = 'Trump said on Saturday: “We want Bagram back, we want it back right away.” Trump has repeatedly criticized Biden for his "gross incompetence" in Afghanistan.';
    expect(draft(text, '2025-09-21').statements.map((s) => s.date)).toEqual(['2025-09-20', null]);
  });
});

describe('meetings', () => {
  it('matches no meeting for words said elsewhere, long after any meeting', () => {
    const result = draft('The Moscow format on Afghanistan has potential, Lavrov said on Thursday at a press conference.', '2021-08-19');
    expect(result.meeting.id).toBeNull();
  });

  it('drafts from a data set with no statements and no participations: quotes come from the text', () => {
    const fixture = fixtureRecords();
    const bare = validateDataset({ ...fixture, statements: [], participations: [] } as never);
    const text = 'A meeting of the Moscow format on Afghanistan opened in Kazan on Friday, attended by Russia, China and Pakistan. “We consider unacceptable the return of NATO military infrastructure to Afghanistan,” Lavrov said.';
    const result = draftArticle(text, bare, { published: '2023-09-29', url: null, publisher: null });
    expect(result.meeting.id).toBe('moscow-format-5-kazan-2023');
    expect(result.statements.map((s) => s.quote)).toEqual(['We consider unacceptable the return of NATO military infrastructure to Afghanistan,']);
    expect(result.participations.map((p) => p.actor).sort()).toEqual(['CHN', 'PAK', 'RUS']);
  });

  it('returns an empty draft with the reason for an article about something else', () => {
    const result = draft('The city council approved a new budget for parks and libraries on Monday, the mayor said.');
    expect(result.emptyBecause).toMatch(/does not mention Afghanistan/);
    expect(result.statements).toEqual([]);
  });
});
