/**
 * Corrupted data never reaches the table (data/fixtures/corrupt.ts makes each data set invalid by
 * construction). For every corrupted copy of data/records/:
 * - the checker behind `npm run data:check` (checkRawDataset) reports at least one issue and never throws;
 * - the seed as deployed (the CloudFormation custom resource handler, the corrupted files as its bundled
 *   data, a client on dynalite that counts requests) answers FAILED before any request to DynamoDB;
 * and every corrupted file text fails the JSON read with a message. Run by functions/seed's test (60 data
 * sets) and by `npm run bench` (1,000).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkRawDataset, formatIssue, validateDataset } from '../../data/check/check.ts';
import { corruptedDataset, corruptedText, corruptionKinds, type CorruptionKind } from '../../data/fixtures/corrupt.ts';
import { describeJsonError, parseJsonText } from '../../data/load/json-text.ts';
import { readRawDataset, recordsDir } from '../../data/load.ts';
import { datasetFiles } from '../../data/schema/domain.ts';
import { startEmbeddedDynamoDb } from '../../local/embedded-dynamodb.ts';
import { createDynamoDbClient } from '../adapters/dynamodb/client.ts';
import { ensureTable } from '../adapters/dynamodb/table.ts';
import { makeHandler, type SeedEvent } from '../seed/custom-resource.ts';
import { countDynamoDbRequests } from './request-counter.ts';

export type DataFuzzReport = Awaited<ReturnType<typeof fuzzData>>;

const createEvent = (tableName: string): SeedEvent => ({
  RequestType: 'Create',
  ServiceToken: 'fuzz',
  ResponseURL: 'http://127.0.0.1:9/unused',
  StackId: 'fuzz',
  RequestId: 'fuzz',
  LogicalResourceId: 'Seed',
  ResourceType: 'Custom::SeedTable',
  ResourceProperties: { ServiceToken: 'fuzz', TableName: tableName },
});

export async function fuzzData({ datasets = 1_000, seed = 20261122, textFiles = 300 } = {}) {
  const original = await readRawDataset();
  const dynamodb = await startEmbeddedDynamoDb();
  const client = createDynamoDbClient({ endpoint: dynamodb.endpoint, placeholderCredentials: true });
  const tableName = 'data-fuzz';
  const silence = console.log;
  try {
    await ensureTable(client, tableName);
    const counter = countDynamoDbRequests(client);
    const corruptionsByKind = Object.fromEntries(corruptionKinds.map((kind) => [kind, 0])) as Record<CorruptionKind, number>;
    /** One checker message per kind, as an example. */
    const exampleMessages: Partial<Record<CorruptionKind, string>> = {};
    /** Up to ten, each naming the data set's number and corruptions. */
    const failures: string[] = [];
    const counts = { acceptedByChecker: 0, checkerCrashes: 0, refusedBySeed: 0, acceptedBySeed: 0, requestsBeforeRefusal: 0 };
    const fail = (message: string) => void (failures.length < 10 && failures.push(message));
    // The seed handler logs a JSON line per event; a thousand refusals would bury the report.
    console.log = () => {};

    for (let index = 0; index < datasets; index++) {
      const { data, applied } = corruptedDataset(original, seed, index);
      for (const kind of applied) corruptionsByKind[kind] += 1;
      const label = `#${index} of seed ${seed} (${applied.join(', ')})`;
      let issues: string[];
      try {
        issues = checkRawDataset(data).issues.map(formatIssue);
      } catch (error) {
        counts.checkerCrashes += 1;
        fail(`${label}: the checker threw ${String(error)}`);
        continue;
      }
      if (issues.length === 0) {
        counts.acceptedByChecker += 1;
        fail(`${label}: data:check found nothing`);
      }
      if (applied.length === 1 && issues[0] !== undefined) exampleMessages[applied[0] as CorruptionKind] ??= issues[0];

      counter.reset();
      const answer = await makeHandler({ client, loadDataset: () => validateDataset(data), respond: async () => {} })(createEvent(tableName));
      if (answer.Status === 'FAILED') {
        counts.refusedBySeed += 1;
        counts.requestsBeforeRefusal += counter.sent.length;
        if (counter.sent.length > 0) fail(`${label}: the seed refused after ${counter.sent.join(', ')}`);
      } else {
        counts.acceptedBySeed += 1;
        fail(`${label}: the seed wrote it`);
      }
    }
    counter.remove();

    const texts = await Promise.all(Object.values(datasetFiles).map(({ file }) => readFile(path.join(recordsDir, file), 'utf8')));
    let rejectedWithMessage = 0;
    for (let index = 0; index < textFiles; index++) {
      const parsed = parseJsonText(corruptedText(texts, seed, index));
      if (!parsed.ok && describeJsonError(parsed).length > 0) rejectedWithMessage += 1;
      else fail(`text #${index} of seed ${seed}: a corrupted file still parsed`);
    }
    const passed =
      counts.acceptedByChecker + counts.checkerCrashes + counts.acceptedBySeed + counts.requestsBeforeRefusal === 0 && rejectedWithMessage === textFiles;
    return { datasets, seed, corruptionsByKind, ...counts, textCorruptions: { files: textFiles, rejectedWithMessage }, exampleMessages, failures, passed };
  } finally {
    console.log = silence;
    client.destroy();
    await dynamodb.close();
  }
}
