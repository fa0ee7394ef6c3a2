/**
 * Corrupted data never reaches the table: whatever the corruption of data/records/, data:check reports it
 * and the seed refuses it before any DynamoDB request (functions/test-support/data-fuzz.ts; `npm run bench`
 * runs 1,000 data sets). The seed is fixed, so a failure replays as it is.
 */
import { expect, test } from 'vitest';
import { fuzzData } from '../test-support/data-fuzz.ts';

test('corrupted data: data:check always reports it, and the seed refuses it before any DynamoDB request', async () => {
  const report = await fuzzData({ datasets: 60, textFiles: 60, seed: 20261122 });
  expect(report.failures).toEqual([]);
  expect(report).toMatchObject({ acceptedByChecker: 0, checkerCrashes: 0, acceptedBySeed: 0, requestsBeforeRefusal: 0, refusedBySeed: 60, passed: true });
});
