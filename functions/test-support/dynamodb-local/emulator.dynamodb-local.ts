/**
 * Proof that this run talks to AWS's DynamoDB Local and not to dynalite, both where tests start the store
 * themselves and where the local stack does: a transaction, which dynalite does not implement. Runs only in
 * vitest.dynamodb-local.config.ts.
 */
import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import { startEmbeddedDynamoDb } from '../../../local/embedded-dynamodb.ts';
import { startLocalStack } from '../../../local/stack.ts';
import { createDynamoDbClient } from '../../adapters/dynamodb/client.ts';
import { ensureTable, scanAllItems } from '../../adapters/dynamodb/table.ts';
import { fixtureDataset } from '../../../data/fixtures/dataset.ts';

async function transactionWorks(client: DynamoDBClient, tableName: string): Promise<void> {
  await ensureTable(client, tableName);
  await client.send(
    new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: tableName, Item: { pk: { S: 'a' }, sk: { S: 'b' } } } }] }),
  );
  expect(await scanAllItems(client, tableName)).toEqual([{ pk: 'a', sk: 'b' }]);
}

test('the "embedded" store the tests start is DynamoDB Local (it runs a transaction; dynalite cannot)', async () => {
  const dynamodb = await startEmbeddedDynamoDb();
  const client = createDynamoDbClient({ endpoint: dynamodb.endpoint, placeholderCredentials: true });
  try {
    await transactionWorks(client, 'emulator-check');
  } finally {
    client.destroy();
    await dynamodb.close();
  }
});

test("the local stack's store is DynamoDB Local too", async () => {
  const stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir: '/nonexistent' });
  try {
    await transactionWorks(stack.client, 'emulator-check-stack');
  } finally {
    await stack.close();
  }
});
