/**
 * The CloudFormation custom resource that seeds the table on deploy (infra/constructs/seed.ts). CloudFormation
 * invokes this function directly and waits for the answer at the event's ResponseURL, so every outcome,
 * failures included, is sent there: a crash would leave the stack waiting until the resource's timeout.
 *
 * - Create and Update: seedTable with the data bundled into this function (idempotent: unchanged items are
 *   not written, stale ones are deleted). CloudFormation sends Update only when a property changed: the data
 *   hash or the bundle.
 * - Delete: nothing. The table is deleted with the stack, or kept on purpose (retainData); emptying it here
 *   would destroy retained data.
 */
import type {
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceResponse,
} from 'aws-lambda';
import type { RawDataset } from '../../data/load.ts';
import { validateDataset } from '../../data/check/check.ts';
import type { Dataset } from '../../data/schema/domain.ts';
import { createDynamoDbClient, type DynamoDBClient } from '../adapters/dynamodb/client.ts';
import { seedLockDefaults } from '../adapters/dynamodb/seed-lock.ts';
import { seedTable } from './loader.ts';
import { putResponse } from '../custom-resource/respond.ts';
import countries from '../../data/records/countries.json' with { type: 'json' };
import organisations from '../../data/records/organisations.json' with { type: 'json' };
import meetings from '../../data/records/meetings.json' with { type: 'json' };
import participations from '../../data/records/participations.json' with { type: 'json' };
import statements from '../../data/records/statements.json' with { type: 'json' };
import people from '../../data/records/people.json' with { type: 'json' };
import coverage from '../../data/records/coverage.json' with { type: 'json' };
import sources from '../../data/records/sources.json' with { type: 'json' };

/** The data files, bundled into the function by esbuild. */
export const bundledRawDataset: RawDataset = { countries, organisations, meetings, participations, statements, people, sources, coverage };

export type SeedEvent = CloudFormationCustomResourceEvent;
export type SeedResponse = CloudFormationCustomResourceResponse;
export { putResponse };

export interface SeedResourceDeps {
  readonly client: DynamoDBClient;
  /** Validates the bundled data; called per Create/Update so a bad record answers FAILED with the reason. */
  readonly loadDataset: () => Dataset;
  /** Sends the answer to CloudFormation (a PUT to the pre-signed ResponseURL). */
  readonly respond: (responseUrl: string, response: SeedResponse) => Promise<void>;
}

/** CloudFormation shows at most 4 KiB of a reason; keep the start, which names the problem. */
const maxReasonLength = 3_000;

export function makeHandler(deps: SeedResourceDeps) {
  return async function handler(event: SeedEvent): Promise<SeedResponse> {
    const tableName: unknown = event.ResourceProperties.TableName;
    const physicalResourceId =
      event.RequestType === 'Create' ? `seed-${String(tableName)}`.slice(0, 1024) : event.PhysicalResourceId;
    const common = {
      PhysicalResourceId: physicalResourceId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
    };

    let response: SeedResponse;
    try {
      if (event.RequestType === 'Delete') {
        log('seed: delete, data left as it is', { tableName });
        response = { ...common, Status: 'SUCCESS' };
      } else {
        if (typeof tableName !== 'string' || tableName === '') throw new Error('The TableName property is missing');
        const counts = await seedTable({
          client: deps.client,
          tableName,
          dataset: deps.loadDataset(),
          lock: { ...seedLockDefaults, onWait: (holder) => log('seed: waiting for the seed lock', { tableName, holder }) },
        });
        log(`seed: ${event.RequestType.toLowerCase()} done`, { tableName, ...counts });
        response = {
          ...common,
          Status: 'SUCCESS',
          Data: { put: String(counts.put), deleted: String(counts.deleted), unchanged: String(counts.unchanged) },
        };
      }
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      log('seed: failed', { tableName, reason });
      response = { ...common, Status: 'FAILED', Reason: reason.slice(0, maxReasonLength) };
    }

    await deps.respond(event.ResponseURL, response);
    return response;
  };
}

function log(message: string, details: Record<string, unknown>): void {
  console.log(JSON.stringify({ message, ...details }));
}

export const handler = makeHandler({
  client: createDynamoDbClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined, purpose: 'seed' }),
  loadDataset: () => validateDataset(bundledRawDataset),
  respond: putResponse,
});
