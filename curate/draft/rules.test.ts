/**
 * The drafting rules for institutions as speakers, countries talked about, and month-dated articles, each on
 * a short made-up text (none taken from the evaluation set, so the held-out articles stay unseen).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFiles } from '../../data/load.ts';
import type { Dataset } from '../../data/schema/domain.ts';
import { checkDraftAgainstText, draftSchema } from '../../data/schema/draft.ts';
import { findDates } from './dates.ts';
import { draftArticle } from './draft.ts';
import { findQuotes, sentences } from './text.ts';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readDatasetFiles();
});

const draft = (text: string, published: string) => {
  const result = draftArticle(text, dataset, { published, url: null, publisher: null });
  expect(draftSchema.safeParse(result).success).toBe(true);
  expect(checkDraftAgainstText(result, text)).toEqual([]);
  return result;
};
const speakers = (text: string, published = '2024-05-20') =>
  draft(text, published).statements.map((statement) => ({ speaker: statement.speaker, actors: statement.actors, level: statement.confidence.level }));

describe('an institution as the speaker', () => {
  it('reads "according to the ministry" as the ministry named before, with its country', () => {
    const text =
      'The Iranian Foreign Ministry said the talks on Afghanistan in Tehran were useful.\n\nAccording to the ministry, the envoys agreed “to keep meeting until the border is calm again.”';
    expect(speakers(text)).toEqual([{ speaker: { name: 'Iranian Foreign Ministry', office: null, person: null }, actors: ['IRN'], level: 'partly' }]);
  });

  it('takes the country from the institution\'s own words: "the Chinese foreign ministry said"', () => {
    const text = '“Kabul must not become a base for terrorists again,” the Chinese foreign ministry said on Monday about Afghanistan.';
    expect(speakers(text)).toEqual([{ speaker: { name: 'Chinese Foreign Ministry', office: null, person: null }, actors: ['CHN'], level: 'confirmed' }]);
  });

  it('reads "X\'s Ministry of Foreign Affairs", "the Ministry of Foreign Affairs of X" and "the Kremlin"', () => {
    const own = (text: string) => speakers(text)[0];
    expect(own('Kazakhstan’s Ministry of Foreign Affairs said: “Trade with Afghanistan will grow this year.”')).toMatchObject({ speaker: { name: 'Kazakhstan’s Ministry of Foreign Affairs' }, actors: ['KAZ'] });
    expect(own('The Ministry of Foreign Affairs of Uzbekistan said: “The railway to Afghanistan is our priority.”')).toMatchObject({ speaker: { name: 'Ministry of Foreign Affairs of Uzbekistan' }, actors: ['UZB'] });
    expect(own('According to the Kremlin, “no foreign troops belong in Afghanistan or around it.”')).toMatchObject({ speaker: { name: 'Kremlin' }, actors: ['RUS'] });
  });

  it('reads past "according to" to the speaker the sentence introduces for a quote-only paragraph', () => {
    const text = 'According to a news agency, Sergey Lavrov said on Monday that the talks on Afghanistan went well.\n\n“We agreed on every point that matters for the region.”';
    expect(speakers(text)[0]?.speaker).toMatchObject({ person: 'sergey-lavrov' });
  });

  it('names nobody when the institution has no country in the text: null, never a guess', () => {
    const text = 'Talks on Afghanistan ended on Monday.\n\n“The border will stay open for trade and for people,” the foreign ministry said.';
    expect(speakers(text)).toEqual([{ speaker: null, actors: [], level: 'unconfirmed' }]);
  });

  it('does not lend a ministry named before to one of an unknown country ("the Taliban’s Foreign Ministry")', () => {
    const text = 'The Russian Foreign Ministry welcomed the talks on Afghanistan.\n\n“We want good relations with everyone,” the Taliban’s Foreign Ministry said.';
    expect(speakers(text)[0]?.speaker).toBeNull();
  });

  it('leaves "the ministry" unresolved when two ministries were named and neither is near', () => {
    const text = [
      'The Russian Foreign Ministry and the Chinese Foreign Ministry both commented on Afghanistan on Monday.',
      'Trade across the border grew in the spring.',
      'Flights between the capitals resumed.',
      'Aid deliveries continued through the winter.',
      'The ministry said: “Security in the region depends on Afghanistan’s neighbours.”',
    ].join('\n\n');
    expect(speakers(text)[0]?.speaker).toBeNull();
  });
});

describe('a country talked about is not an attendee', () => {
  const attendees = (text: string) => draft(text, '2024-05-20').participations.map((participation) => participation.actor).sort();

  it('leaves out "cooperation with X", "relations with X" and "the situation in X"', () => {
    expect(attendees('Envoys of Kazakhstan and Kyrgyzstan attended the meeting in Almaty on Monday on cooperation with war-torn Afghanistan.')).toEqual(['KAZ', 'KGZ']);
    expect(attendees('Diplomats from India and Qatar took part in the conference on Monday, which discussed relations with Turkmenistan and the situation in Afghanistan.')).toEqual(['IND', 'QAT']);
    expect(attendees('Delegations of China and Russia attended the talks on Monday about trade ties between Uzbekistan and Afghanistan.')).toEqual(['CHN', 'RUS']);
  });

  it('still counts a country the same words name as taking part', () => {
    expect(attendees('Turkmenistan and Afghanistan attended the meeting in Ashgabat on Monday.')).toEqual(['AFG', 'TKM']);
  });
});

describe('an article dated only to its month', () => {
  const dates = (text: string, published: string) => draft(text, published).statements.map((statement) => statement.date);

  it('dates "on Tuesday" to the month (YYYY-MM), and to the day when the day is known', () => {
    const text = 'Sergey Lavrov said on Tuesday in Moscow: “Foreign bases in Afghanistan are unacceptable to us.”';
    expect(dates(text, '2024-03')).toEqual(['2024-03']);
    expect(dates(text, '2024-03-14')).toEqual(['2024-03-12']);
  });

  it('keeps a calendar date a day', () => {
    expect(findDates('The envoys met in Kabul on March 5.', 0, '2024-03')).toMatchObject([{ date: '2024-03-05', explicit: true }]);
  });

  it('dates a quote from the lead past a headline, until the story moves to another time', () => {
    const text = [
      'Kabul Rejects Talk of Bases',
      'Afghan officials on Thursday rejected calls for foreign bases in Afghanistan.',
      'Zabihullah Mujahid said the government “will not allow any foreign troops on our soil.”',
      'The airfield was built in the 1950s and was abandoned in 2021.',
      '“We have said this many times before,” Mujahid added.',
    ].join('\n\n');
    expect(dates(text, '2024-03')).toEqual(['2024-03', null]);
    expect(dates(text, '2024-03-16')).toEqual(['2024-03-14', null]);
  });
});

describe('sentences', () => {
  it('does not end a sentence at a middle initial', () => {
    const text = 'Officials dismissed President Donald J. Trump’s call on Thursday. They met later.';
    expect(sentences(text, findQuotes(text)).map((segment) => text.slice(segment.start, segment.end))).toEqual([
      'Officials dismissed President Donald J. Trump’s call on Thursday.',
      'They met later.',
    ]);
  });
});
