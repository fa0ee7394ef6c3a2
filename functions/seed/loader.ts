/**
 * The seed: dataset → the read model's documents (../read-model/catalogue.ts) → table items (buildItems,
 * pure) → the table (seedTable, idempotent). Used by the local
 * stack, the tests and the CloudFormation custom resource (./custom-resource.ts, which bundles the data),
 * so it reads no files: callers pass a parsed Dataset (data/load.ts).
 *
 * Idempotent without transactions (dynalite has none): it scans the table, puts only items whose content
 * differs and deletes items the data no longer produces. A second run on the same data writes nothing.
 * A data set that `npm run data:check` would refuse is refused before the table is touched.
 *
 * Exact under concurrency: the scan, the diff and the writes happen under the seed lock
 * (../adapters/dynamodb/seed-lock.ts), so two seeds run one after the other and the table ends exactly as
 * the later one's data. A lock, not versioned documents behind a pointer: the API keeps its one GetItem or
 * Query per request (reading a pointer first would double its reads; caching it in the functions would
 * serve an old version for the cache's lifetime and need old versions kept and collected), and the table
 * holds one copy of the data.
 */
import { DatasetError } from '../../data/load/issue.ts';
import { checkRawDataset } from '../../data/check/check.ts';
import type { Dataset } from '../../data/schema/domain.ts';
import type { DynamoDBClient } from '../adapters/dynamodb/client.ts';
import { documentItemKey, seedLockKey, statementPartitions, statementSortKey, type ItemKey } from '../adapters/dynamodb/keys.ts';
import { acquireSeedLock, seedLockDefaults, type SeedLockHolder, type SeedLockOptions } from '../adapters/dynamodb/seed-lock.ts';
import { scanAllItems, writeItems, type TableItem } from '../adapters/dynamodb/table.ts';
import { etagOf } from '../http/etag.ts';
import { renderReadModel } from '../read-model/catalogue.ts';
import { facetsOf } from '../store/statement-list.ts';

export type { TableItem } from '../adapters/dynamodb/table.ts';

export interface SeedCounts {
  /** Items written because they were new or their content changed. */
  readonly put: number;
  /** Items removed because the data no longer produces them. */
  readonly deleted: number;
  readonly unchanged: number;
  /** A seed that was stopped half-way, whose expired lock this one took over. */
  readonly tookOverFrom?: SeedLockHolder;
}

/** DynamoDB's item limit is 400 KB including attribute names; stop well before it with a clear message. */
const maxBodyBytes = 380_000;

export function buildItems(dataset: Dataset): TableItem[] {
  const { documents, statements } = renderReadModel(dataset);
  const items = documents.map(({ key, document }) => documentItem(documentItemKey(key), document));

  // Each statement is copied into the partition of each filter that can name it, so every filter is one Query.
  for (const { record, view } of statements) {
    const document = documentItem({ pk: '', sk: statementSortKey(record) }, view);
    const facts = {
      actors: record.actors,
      facets: facetsOf(record.stances),
      ...(record.meeting === null ? {} : { meeting: record.meeting }),
    };
    const partitions = [
      statementPartitions.all(),
      ...record.actors.map((actor) => statementPartitions.actor(actor)),
      ...(record.meeting === null ? [] : [statementPartitions.meeting(record.meeting)]),
    ];
    for (const pk of partitions) items.push({ ...document, ...facts, pk });
  }

  assertUniqueKeys(items);
  return items;
}

export async function seedTable({
  client,
  tableName,
  dataset,
  lock = seedLockDefaults,
}: {
  client: DynamoDBClient;
  tableName: string;
  dataset: Dataset;
  lock?: SeedLockOptions;
}): Promise<SeedCounts> {
  // The one validator: exactly what `npm run data:check` refuses (references, keys, people and offices,
  // reader text, sizes, ISO codes, the neighbour list) is refused here, before the first request to the table.
  const { issues } = checkRawDataset(dataset);
  if (issues.length > 0) throw new DatasetError(issues);
  const wanted = buildItems(dataset);

  const lease = await acquireSeedLock(client, tableName, lock);
  let counts: SeedCounts;
  try {
    const lockKey = keyOf(seedLockKey);
    const existing = new Map(
      (await scanAllItems(client, tableName)).map((item) => [keyOf(item), item] as const).filter(([key]) => key !== lockKey),
    );
    const puts = wanted.filter((item) => {
      const current = existing.get(keyOf(item));
      return current === undefined || canonicalJson(current) !== canonicalJson(item);
    });
    const wantedKeys = new Set(wanted.map(keyOf));
    const deletes = [...existing.values()].filter((item) => !wantedKeys.has(keyOf(item)));

    await writeItems(client, tableName, { puts, deletes }, { beforeEachCall: lease.renew });
    counts = {
      put: puts.length,
      deleted: deletes.length,
      unchanged: wanted.length - puts.length,
      ...(lease.tookOverFrom === undefined ? {} : { tookOverFrom: lease.tookOverFrom }),
    };
  } catch (error) {
    // The seed's own failure is the one to report; a failed release only leaves a lease that runs out.
    await lease.release().catch(() => {});
    throw error;
  }
  await lease.release();
  return counts;
}

// --------------------------------------------------------------------------------------------------------

function documentItem(key: ItemKey, document: unknown): TableItem {
  // A feed's builder renders its XML itself; every other document is JSON.
  const body = typeof document === 'string' ? document : JSON.stringify(document);
  if (Buffer.byteLength(body) > maxBodyBytes) {
    throw new Error(`${key.pk}/${key.sk}: the document is over ${maxBodyBytes} bytes, too large for one item`);
  }
  return { pk: key.pk, sk: key.sk, body, etag: etagOf(body) };
}

function keyOf(item: ItemKey): string {
  return `${item.pk}\u0000${item.sk}`;
}

function assertUniqueKeys(items: readonly TableItem[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) throw new Error(`Two records produce the item ${item.pk}/${item.sk}: are ids unique?`);
    seen.add(key);
  }
}

/** Attribute order differs between what we build and what a Scan returns; compare with sorted keys. */
function canonicalJson(item: TableItem): string {
  return JSON.stringify(Object.keys(item).sort().map((name) => [name, item[name]]));
}
