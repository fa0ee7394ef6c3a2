/**
 * A small data fuzz (`npm run bench` runs 1,000 data sets): whatever the corruption, data:check reports it
 * and the seed refuses it before any DynamoDB request. The seed is fixed, so a failure replays as it is.
 */
import { expect, test } from 'vitest';
import { fuzzData } from './data-fuzz.ts';

test('corrupted data: data:check always reports it, and the seed refuses it before any DynamoDB request', async () => {
  const report = await fuzzData({ datasets: 60, textFiles: 60, seed: 20261122 });
  expect(report.failures, `seed ${report.seed}`).toEqual([]);
  expect(report).toMatchObject({ acceptedByChecker: 0, checkerCrashes: 0, acceptedBySeed: 0, requestsBeforeRefusal: 0, passed: true });
  expect(report.refusedBySeed).toBe(60);
});
