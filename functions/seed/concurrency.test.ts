/**
 * Two seeds of one table at the same time, and seeds that meet a lock left behind: the table ends exactly as
 * one data set produces it, never a mix. Runs against dynalite here and against DynamoDB Local in
 * `npm run test:dynamodb-local`.
 */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Dataset } from '../../data/schema/domain.ts';
import { seedLockKey } from '../adapters/dynamodb/keys.ts';
import type { SeedLockOptions } from '../adapters/dynamodb/seed-lock.ts';
import { ensureTable, scanAllItems, type TableItem } from '../adapters/dynamodb/table.ts';
import { useEmbeddedDynamoDb } from '../test-support/embedded-dynamodb.ts';
import { fixtureDataset, LAVROV_STATEMENT } from '../../data/fixtures/dataset.ts';
import { buildItems, seedTable } from './loader.ts';

// The seed's own timeouts: DynamoDB Local on a busy machine can take longer than the API's 1.5 s.
const database = useEmbeddedDynamoDb({ purpose: 'seed' });
let tableNumber = 0;
let tableName: string;

beforeEach(async () => {
  tableName = `seed-race-${++tableNumber}`;
  await ensureTable(database.client, tableName);
});

/** Real lease (it must outlast a write call), short pauses so a waiting seed starts soon after the other. */
const fastLock: SeedLockOptions = { leaseMs: 60_000, waitMs: 30_000, pollMs: 10 };
const seed = (dataset: Dataset, lock: SeedLockOptions = fastLock) =>
  seedTable({ client: database.client, tableName, dataset, lock });

const snapshot = (items: readonly TableItem[]): string =>
  JSON.stringify(
    [...items]
      .sort((a, b) => `${a.pk} ${a.sk}`.localeCompare(`${b.pk} ${b.sk}`))
      .map((item) => Object.keys(item).sort().map((name) => [name, item[name]])),
  );
const tableSnapshot = async () => snapshot(await scanAllItems(database.client, tableName));

/**
 * Three data sets. From `start`, `a` adds a statement and `b` removes another and edits a third: if the two
 * seeds' diffs both ran against `start`, the table would keep what one added and miss what the other removed.
 */
function dataSets() {
  const without = (dataset: Dataset, ...ids: string[]) => {
    dataset.statements = dataset.statements.filter((statement) => !ids.includes(statement.id));
    return dataset;
  };
  const start = without(fixtureDataset(), 'lavrov-tehran-2021-neighbours');
  const a = fixtureDataset();
  const b = without(fixtureDataset(), 'lavrov-tehran-2021-neighbours', 'csto-2022-southern-border');
  const edited = b.statements.find((statement) => statement.id === LAVROV_STATEMENT)!;
  edited.quote = `${edited.quote} (as edited in checkout B)`;
  return { a, b, start };
}

async function putLock(leaseUntil: number, owner = 'a-seed-elsewhere'): Promise<void> {
  await database.client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        pk: { S: seedLockKey.pk },
        sk: { S: seedLockKey.sk },
        owner: { S: owner },
        startedAt: { N: String(Date.now() - 5_000) },
        leaseUntil: { N: String(leaseUntil) },
      },
    }),
  );
}

describe('two seeds with different data at the same time', () => {
  test('always end with the table exactly as one of them produces it (20 runs in a row)', async () => {
    const { a, b, start } = dataSets();
    const expected = { a: snapshot(buildItems(a)), b: snapshot(buildItems(b)) };
    expect(expected.a).not.toBe(expected.b);
    const outcomes: string[] = [];
    for (let run = 1; run <= 20; run += 1) {
      await seed(start);
      // Started in the same tick: both validate, build, then race for the lock.
      const results = await Promise.all([seed(a), seed(b)]);
      const table = await tableSnapshot();
      const winner = table === expected.a ? 'a' : table === expected.b ? 'b' : 'a mix of both';
      outcomes.push(winner);
      expect(winner, `run ${run}`).not.toBe('a mix of both');
      // Both succeeded, one after the other: the second one's diff was against the first one's table.
      expect(results.every((counts) => counts.tookOverFrom === undefined)).toBe(true);
    }
    console.log(`seed race outcomes, 20 runs: ${outcomes.join(' ')}`);
  });
});

describe('a seed that meets the lock', () => {
  test('held by a live seed: waits, then fails with a clear message and writes nothing', async () => {
    const { a, start } = dataSets();
    await seed(start);
    const before = await tableSnapshot();
    const leaseUntil = Date.now() + 60_000;
    await putLock(leaseUntil);
    const waits: string[] = [];
    const startedAt = Date.now();

    await expect(seed(a, { ...fastLock, waitMs: 400, onWait: (holder) => waits.push(holder.owner) })).rejects.toThrow(
      new RegExp(
        `^Another seed \\(a-seed-elsewhere, started .*\\) holds the lock on table ${tableName} until ` +
          `${new Date(leaseUntil).toISOString().replace(/\./g, '\\.')}; this seed gave up after waiting 0\\.4 s and wrote nothing`,
      ),
    );
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(400);
    expect(waits).toEqual(['a-seed-elsewhere']);
    // Nothing written, and the other seed's lock untouched.
    const items = await scanAllItems(database.client, tableName);
    expect(snapshot(items.filter((item) => item.pk !== seedLockKey.pk))).toBe(before);
    expect(items.find((item) => item.pk === seedLockKey.pk)).toMatchObject({ owner: 'a-seed-elsewhere', leaseUntil });
  });

  test('whose lease ran out (a seed killed half-way): takes it over and leaves the table exact', async () => {
    const { a, b } = dataSets();
    await seed(a);
    await putLock(Date.now() - 1);

    const counts = await seed(b);
    expect(counts.tookOverFrom).toMatchObject({ owner: 'a-seed-elsewhere' });
    expect(await tableSnapshot()).toBe(snapshot(buildItems(b)));
  });

  test('whose lease runs out while it waits: takes it over then, well within its budget', async () => {
    const { a, b } = dataSets();
    await seed(a);
    await putLock(Date.now() + 300);
    const counts = await seed(b);
    expect(counts.tookOverFrom).toMatchObject({ owner: 'a-seed-elsewhere' });
    expect(await tableSnapshot()).toBe(snapshot(buildItems(b)));
  });

  test('taken over from this seed mid-way: it stops before its next write', async () => {
    const { b } = dataSets();
    // On an empty table the seed writes in two calls (35 items, 25 a call). After its first, another seed
    // takes the lock, (as if this one had paused past its lease).
    const name = 'takeOverAfterFirstWrite';
    let writes = 0;
    database.client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'BatchWriteItemCommand' && ++writes === 1) await putLock(Date.now() + 60_000, 'the-newer-seed');
        return result;
      },
      { step: 'initialize', name },
    );
    try {
      await expect(seed(b)).rejects.toThrow(/lease on table .* ran out and another seed took the lock over/);
    } finally {
      database.client.middlewareStack.remove(name);
    }
    expect(writes).toBe(1);
    const lock = await database.client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: seedLockKey.pk }, sk: { S: seedLockKey.sk } } }),
    );
    expect(lock.Item?.owner?.S).toBe('the-newer-seed');
  });
});
