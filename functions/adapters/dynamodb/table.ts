/**
 * Table administration and bulk writes for the seed and the local stack: never on a request path (the Scan
 * here reads the whole table to find what the seed must delete).
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  ScanCommand,
  waitUntilTableExists,
  type AttributeValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { StoreUnavailableError } from '../../store/diplomacy-store.ts';
import { storeUnavailable } from './dynamodb-store.ts';
import { tableDefinition } from './table-definition.ts';

/** A table item as plain data: string attributes and lists of strings (what the seed writes). */
export type TableItem = { readonly pk: string; readonly sk: string } & Readonly<Record<string, string | readonly string[]>>;

/** Creates the table from the shared definition unless it exists, and waits until it is ACTIVE. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existed'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existed';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw storeUnavailable('DescribeTable', error);
  }
  const { partitionKey, sortKey } = tableDefinition;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: partitionKey.name, KeyType: 'HASH' },
        { AttributeName: sortKey.name, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
        { AttributeName: sortKey.name, AttributeType: sortKey.type },
      ],
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
  return 'created';
}

/** Every item in the table, paginated. For the seed's diff and for tests; never for a request. */
export async function scanAllItems(client: DynamoDBClient, tableName: string): Promise<TableItem[]> {
  const items: TableItem[] = [];
  let exclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const output = await client
      .send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: exclusiveStartKey }))
      .catch((error: unknown) => Promise.reject(tableCallFailed('Scan', tableName, error)));
    items.push(...(output.Items ?? []).map((item) => unmarshall(item) as TableItem));
    exclusiveStartKey = output.LastEvaluatedKey;
  } while (exclusiveStartKey !== undefined);
  return items;
}

/** BatchWriteItem takes at most 25 requests; unprocessed ones are retried with backoff. */
const batchSize = 25;
const maxAttempts = 8;

/**
 * Deletes go first: a seed stopped half-way (killed, timed out) leaves no item its data no longer produces.
 * `beforeEachCall` runs before every BatchWriteItem call, retries included (the seed renews its lock there).
 */
export async function writeItems(
  client: DynamoDBClient,
  tableName: string,
  changes: { readonly puts: readonly TableItem[]; readonly deletes: readonly TableItem[] },
  { beforeEachCall }: { readonly beforeEachCall?: () => Promise<void> } = {},
): Promise<void> {
  const requests: WriteRequest[] = [
    ...changes.deletes.map(({ pk, sk }) => ({ DeleteRequest: { Key: marshall({ pk, sk }) } })),
    ...changes.puts.map((item) => ({ PutRequest: { Item: marshall(item) } })),
  ];
  for (let start = 0; start < requests.length; start += batchSize) {
    let pending = requests.slice(start, start + batchSize);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > maxAttempts) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
      if (attempt > 1) await sleep(Math.min(50 * 2 ** attempt, 2_000));
      await beforeEachCall?.();
      const output = await client
        .send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }))
        .catch((error: unknown) => Promise.reject(tableCallFailed('BatchWriteItem', tableName, error)));
      pending = output.UnprocessedItems?.[tableName] ?? [];
    }
  }
}

/**
 * What the seed reports (to CloudFormation, or on `npm start`): the operation, the table and the SDK's own
 * words, e.g. `DynamoDB Scan on table t failed: TimeoutError: … exceeded the configured 8000 ms requestTimeout.`
 */
export function tableCallFailed(operation: string, tableName: string, error: unknown): StoreUnavailableError {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StoreUnavailableError(`DynamoDB ${operation} on table ${tableName} failed: ${cause}`, { cause: error });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
