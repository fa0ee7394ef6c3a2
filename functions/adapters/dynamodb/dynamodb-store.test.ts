import { expect, test } from 'vitest';
import { StoreUnavailableError } from '../../store/diplomacy-store.ts';
import { useEmbeddedDynamoDb } from '../../test-support/embedded-dynamodb.ts';
import { DynamoDbDiplomacyStore, mostSelectivePartition } from './dynamodb-store.ts';

const database = useEmbeddedDynamoDb();

test('SDK errors leave the adapter as StoreUnavailableError, named but without the SDK message', async () => {
  const store = new DynamoDbDiplomacyStore(database.client, 'no-such-table');
  const failure = store.getDocument({ document: 'OVERVIEW' });
  await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(failure).rejects.toThrow('DynamoDB GetItem failed: ResourceNotFoundException');
  await expect(store.findStatements({})).rejects.toThrow('DynamoDB Query failed: ResourceNotFoundException');
});

test('statement filters query the smallest partition they name, and say whether others remain', () => {
  expect(mostSelectivePartition({})).toEqual({ pk: 'STATEMENTS#ALL', othersGiven: false });
  expect(mostSelectivePartition({ topic: 'narcotics' })).toEqual({ pk: 'STATEMENTS#ALL', othersGiven: true });
  expect(mostSelectivePartition({ country: 'RUS' })).toEqual({ pk: 'STATEMENTS#ACTOR#RUS', othersGiven: false });
  expect(mostSelectivePartition({ country: 'RUS', topic: 'narcotics' })).toEqual({ pk: 'STATEMENTS#ACTOR#RUS', othersGiven: true });
  expect(mostSelectivePartition({ country: 'RUS', organisation: 'csto' })).toEqual({ pk: 'STATEMENTS#ACTOR#csto', othersGiven: true });
  expect(mostSelectivePartition({ meeting: 'm' })).toEqual({ pk: 'STATEMENTS#MEETING#m', othersGiven: false });
  expect(mostSelectivePartition({ country: 'RUS', meeting: 'm' })).toEqual({ pk: 'STATEMENTS#MEETING#m', othersGiven: true });
});
