import { beforeEach, describe, expect, test } from 'vitest';
import type { Dataset } from '../../data/schema/domain.ts';
import { useEmbeddedDynamoDb } from '../test-support/embedded-dynamodb.ts';
import { ensureTable, scanAllItems, type TableItem } from '../adapters/dynamodb/table.ts';
import { etagOf } from '../http/etag.ts';
import { fixtureDataset } from '../../data/fixtures/dataset.ts';
import { countDynamoDbRequests } from '../test-support/request-counter.ts';
import { buildItems, seedTable } from './loader.ts';

const sortedByKey = (items: readonly TableItem[]) =>
  [...items].sort((a, b) => `${a.pk} ${a.sk}`.localeCompare(`${b.pk} ${b.sk}`));

describe('buildItems', () => {
  test('is deterministic and stores each body with the ETag of exactly its bytes', () => {
    const first = buildItems(fixtureDataset());
    expect(buildItems(fixtureDataset())).toEqual(first);
    for (const item of first) {
      if (typeof item.body === 'string') expect(item.etag).toBe(etagOf(item.body));
    }
  });

  test('copies a joint statement into the partition of every actor and of its meeting', () => {
    const copies = buildItems(fixtureDataset()).filter((item) => item.sk.endsWith('#tehran-2021-joint-statement'));
    expect(copies.map((item) => item.pk).sort()).toEqual([
      'STATEMENTS#ACTOR#IRN',
      'STATEMENTS#ACTOR#PAK',
      'STATEMENTS#ACTOR#TJK',
      'STATEMENTS#ALL',
      'STATEMENTS#MEETING#neighbours-fm-2-tehran-2021',
    ]);
    expect(copies[0]).toMatchObject({ actors: ['IRN', 'PAK', 'TJK'], facets: ['reconstruction-responsibility:supports'] });
  });

  test('fails with the missing id when a record refers to one that is not there', () => {
    const dataset = fixtureDataset();
    dataset.participations.push({ ...dataset.participations[0]!, actor: 'XKX' });
    expect(() => buildItems(dataset)).toThrow(/country XKX/);
  });

  test('fails when two records produce the same item', () => {
    const dataset = fixtureDataset();
    dataset.meetings.push({ ...dataset.meetings[0]! });
    expect(() => buildItems(dataset)).toThrow(/Two records produce the item MEETING#/);
  });
});

describe('seedTable against the embedded DynamoDB', () => {
  const database = useEmbeddedDynamoDb();
  let tableNumber = 0;
  let tableName: string;

  beforeEach(async () => {
    tableName = `seed-test-${++tableNumber}`;
    await ensureTable(database.client, tableName);
  });

  const seed = (dataset: Dataset) => seedTable({ client: database.client, tableName, dataset });

  test('a second run on the same data changes nothing', async () => {
    const first = await seed(fixtureDataset());
    const afterFirst = sortedByKey(await scanAllItems(database.client, tableName));
    expect(first).toEqual({ put: afterFirst.length, deleted: 0, unchanged: 0 });
    expect(afterFirst).toEqual(sortedByKey(buildItems(fixtureDataset())));

    const second = await seed(fixtureDataset());
    expect(second).toEqual({ put: 0, deleted: 0, unchanged: afterFirst.length });
    expect(sortedByKey(await scanAllItems(database.client, tableName))).toEqual(afterFirst);
  });

  test('a record removed from the data disappears from every item it produced', async () => {
    await seed(fixtureDataset());
    const withoutCsto = fixtureDataset();
    withoutCsto.statements = withoutCsto.statements.filter((statement) => statement.id !== 'csto-2022-southern-border');

    const counts = await seed(withoutCsto);
    const items = await scanAllItems(database.client, tableName);
    expect(items.filter((item) => item.sk.endsWith('#csto-2022-southern-border'))).toEqual([]);
    expect(counts.deleted).toBe(2); // STATEMENTS#ALL and STATEMENTS#ACTOR#csto
    // The documents that listed or counted it are rewritten, and nothing else is.
    const rewritten = ['OVERVIEW', 'HEALTH', 'COVERAGE', 'ORGANISATIONS', 'ORGANISATION#csto', 'SEARCH_INDEX', 'FEED', 'FEED_TOPIC#regional-security'];
    expect(counts.put).toBe(rewritten.length);
    expect(sortedByKey(items)).toEqual(sortedByKey(buildItems(withoutCsto)));
  });

  test.each<[string, (dataset: Dataset) => void, RegExp]>([
    ['a dangling reference', (dataset) => void (dataset.meetings[0]!.host = 'ZZZ'), /host: unknown country "ZZZ"/],
    ['a duplicate source', (dataset) => void dataset.sources.push({ ...dataset.sources[0]! }), /duplicate key/],
  ])('%s passes the schema parse but is refused before any request to the table', async (_name, corrupt, message) => {
    const dataset = fixtureDataset();
    corrupt(dataset);
    const requests = countDynamoDbRequests(database.client);
    try {
      await expect(seed(dataset)).rejects.toThrow(message);
      expect(requests.sent).toEqual([]);
    } finally {
      requests.remove();
    }
  });

  test('an edited quote rewrites only the items that show it', async () => {
    await seed(fixtureDataset());
    const edited = fixtureDataset();
    const statement = edited.statements.find((candidate) => candidate.id === 'lavrov-tehran-2021-neighbours')!;
    statement.quote = `${statement.quote} (edited)`;

    const counts = await seed(edited);
    // Three statement copies (ALL, ACTOR#RUS, MEETING#tehran), the Tehran meeting, Russia, the search index,
    // the three feeds that carry it (all, Russia's, its topic's), and the three documents carrying the data
    // version (overview, health, coverage).
    expect(counts).toMatchObject({ put: 12, deleted: 0 });
  });
});
