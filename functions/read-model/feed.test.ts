/** The Atom feeds: valid against RFC 4287's RELAX NG schema, one entry per statement, honest dates. */
import { describe, expect, test } from 'vitest';
import { readDatasetFiles } from '../../data/load.ts';
import { topics } from '../../data/schema/labels.ts';
import { atomErrors } from '../test-support/atom/validate.ts';
import { fixtureDataset } from '../../data/fixtures/dataset.ts';
import { indexDataSet } from './data-set.ts';
import { atomDate, countryFeeds, statementsFeed, topicFeeds, uuidV5 } from './feed.ts';

const realData = indexDataSet(await readDatasetFiles());
const allFeeds = (data = realData): Record<string, string> =>
  Object.fromEntries(
    [
      { id: 'all', document: statementsFeed(data) },
      ...countryFeeds(data).map(({ id, document }) => ({ id: `country ${id}`, document })),
      ...topicFeeds(data).map(({ id, document }) => ({ id: `topic ${id}`, document })),
    ].map(({ id, document }) => [id, document]),
  );
const tags = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((match) => match[1]);

describe('every feed of the real data and of the fixture is valid Atom', () => {
  test('the real data: the whole record, every country, every topic', async () => {
    const feeds = allFeeds();
    expect(Object.keys(feeds)).toHaveLength(1 + realData.dataset.countries.length + topics.length);
    expect(await atomErrors(feeds)).toEqual([]);
  });

  test('the fixture data set', async () => {
    expect(await atomErrors(allFeeds(indexDataSet(fixtureDataset())))).toEqual([]);
  });

  test('the validator refuses a feed without its id or with a malformed date', async () => {
    const xml = statementsFeed(realData);
    const errors = await atomErrors({
      'no id': xml.replace(/<id>[^<]*<\/id>/, ''),
      'a date in words': xml.replace(/<updated>[^<]*<\/updated>/, '<updated>13 January 2026</updated>'),
    });
    expect(errors.some((error) => error.startsWith('no id'))).toBe(true);
    expect(errors.some((error) => error.startsWith('a date in words'))).toBe(true);
  });
});

describe('content', () => {
  test('the whole-record feed has one entry per statement, newest first, each dated the day it was made', () => {
    const xml = statementsFeed(realData);
    const entries = xml.split('<entry>').slice(1);
    expect(entries).toHaveLength(realData.statements.length);
    const updated = entries.map((entry) => tags(entry, 'updated')[0]);
    expect(updated).toEqual(realData.statements.map(({ record }) => atomDate(record.date)));
    expect(tags(xml, 'updated')[0]).toBe(updated[0]);
  });

  test('entry ids are absolute, unique and stable; links open the statement on the page', () => {
    const xml = statementsFeed(realData);
    const ids = tags(xml, 'id');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const first = realData.statements[0]!.record.id;
    expect(ids[1]).toBe(uuidV5(`statement:${first}`));
    expect(xml).toContain(`href="/?statement=${first}"`);
  });

  test('a country feed holds the statements made for it; a topic feed those with a stance on it', () => {
    const russia = countryFeeds(realData).find(({ id }) => id === 'RUS')!.document;
    const forRussia = realData.statements.filter(({ record }) => record.actors.includes('RUS'));
    expect(russia.split('<entry>')).toHaveLength(forRussia.length + 1);
    expect(russia).toContain('href="/api/feeds/countries/RUS"');
    const topicIds = topicFeeds(realData).map(({ id }) => id);
    expect(topicIds).toEqual([...topics]);
  });

  test('an empty feed is dated the day the record was last searched, never an invented day', () => {
    const dataset = fixtureDataset();
    dataset.statements = [];
    const xml = statementsFeed(indexDataSet(dataset));
    const searched = dataset.coverage.map((entry) => entry.searched).sort().at(-1);
    if (searched !== undefined) expect(tags(xml, 'updated')).toEqual([atomDate(searched)]);
    expect(xml).not.toContain('<entry>');
  });

  test('a month-only date is the first of that month', () => {
    expect(atomDate('2023-09')).toBe('2023-09-01T00:00:00Z');
    expect(atomDate('2023-09-29')).toBe('2023-09-29T00:00:00Z');
  });
});
