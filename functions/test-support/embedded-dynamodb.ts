/**
 * One embedded DynamoDB (dynalite) and a client for it per test file: started before the file's tests,
 * stopped after. Read `.client` inside tests or hooks, not at import time.
 */
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../local/embedded-dynamodb.ts';
import { createDynamoDbClient, type ClientPurpose, type DynamoDBClient } from '../adapters/dynamodb/client.ts';

/** `purpose` picks the client's timeouts (../adapters/dynamodb/client.ts): `seed` for tests of the seed's own calls. */
export function useEmbeddedDynamoDb({ purpose = 'api' }: { purpose?: ClientPurpose } = {}): { readonly client: DynamoDBClient } {
  let dynamodb: EmbeddedDynamoDb | undefined;
  let client: DynamoDBClient | undefined;
  beforeAll(async () => {
    dynamodb = await startEmbeddedDynamoDb();
    client = createDynamoDbClient({ endpoint: dynamodb.endpoint, placeholderCredentials: true, purpose });
  });
  afterAll(async () => {
    client?.destroy();
    await dynamodb?.close();
  });
  return {
    get client(): DynamoDBClient {
      if (client === undefined) throw new Error('useEmbeddedDynamoDb: the client exists only once beforeAll has run');
      return client;
    },
  };
}
