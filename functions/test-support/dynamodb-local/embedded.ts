/**
 * Stands in for local/embedded-dynamodb.ts when the tests run against DynamoDB Local
 * (vitest.dynamodb-local.config.ts swaps the module): every "embedded" store is the one DynamoDB Local of
 * the run. The test files run one at a time, and each creates or re-seeds its own tables, so they do not
 * see each other's data. Closing is a no-op: the run's global setup stops the emulator.
 */
import { inject } from 'vitest';
import type { EmbeddedDynamoDb } from '../../../local/embedded-dynamodb.ts';

export type { EmbeddedDynamoDb } from '../../../local/embedded-dynamodb.ts';

export async function startEmbeddedDynamoDb({ dataDir }: { dataDir?: string } = {}): Promise<EmbeddedDynamoDb> {
  if (dataDir !== undefined) throw new Error('DynamoDB Local runs in memory here; a test that needs dataDir stays on dynalite');
  return { endpoint: inject('dynamodbLocalEndpoint'), close: async () => {} };
}
