/**
 * The seed custom resource against an embedded DynamoDB (dynalite), with the events CloudFormation sends and
 * a local HTTP server standing in for the pre-signed ResponseURL.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDataset } from '../../data/load.ts';
import type { Dataset } from '../../data/schema/domain.ts';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../local/embedded-dynamodb.ts';
import { createDynamoDbClient, type DynamoDBClient } from '../adapters/dynamodb/client.ts';
import { ensureTable, scanAllItems, writeItems } from '../adapters/dynamodb/table.ts';
import { fixtureDataset } from '../../data/fixtures/dataset.ts';
import { bundledRawDataset, makeHandler, putResponse, type SeedEvent, type SeedResponse } from './custom-resource.ts';
import { buildItems } from './loader.ts';

const tableName = 'seed-custom-resource-test';

interface ReceivedResponse {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: SeedResponse;
}

let database: EmbeddedDynamoDb;
let client: DynamoDBClient;
let cloudFormation: Server;
let responseUrlBase: string;
let received: ReceivedResponse[] = [];
/** What the stand-in for CloudFormation's S3 endpoint answers; 200 unless a test says otherwise. */
let responseStatus = 200;

beforeAll(async () => {
  database = await startEmbeddedDynamoDb();
  client = createDynamoDbClient({ endpoint: database.endpoint });
  await ensureTable(client, tableName);

  cloudFormation = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SeedResponse,
      });
      response.writeHead(responseStatus).end();
    });
  });
  cloudFormation.listen(0, '127.0.0.1');
  await once(cloudFormation, 'listening');
  responseUrlBase = `http://127.0.0.1:${(cloudFormation.address() as AddressInfo).port}`;
});

afterAll(async () => {
  client?.destroy();
  await database?.close();
  await new Promise((resolve) => cloudFormation?.close(resolve));
});

beforeEach(() => {
  received = [];
  responseStatus = 200;
  // The handler logs one JSON line per event; keep the test output to the results.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

function handlerWith(loadDataset: () => Dataset = fixtureDataset) {
  return makeHandler({ client, loadDataset, respond: putResponse });
}

/** Events as CloudFormation sends them for Custom::SeedTable. */
function event(requestType: 'Create' | 'Update' | 'Delete', overrides: Record<string, unknown> = {}): SeedEvent {
  const properties = { ServiceToken: 'arn:aws:lambda:eu-central-1:123456789012:function:seed', TableName: tableName, DataHash: 'abc' };
  return {
    RequestType: requestType,
    ServiceToken: properties.ServiceToken,
    ResponseURL: `${responseUrlBase}/cloudformation-response?X-Amz-Signature=secret`,
    StackId: 'arn:aws:cloudformation:eu-central-1:123456789012:stack/AfghanDiplomacyMap/guid',
    RequestId: `request-${requestType}`,
    LogicalResourceId: 'SeedResource',
    ResourceType: 'Custom::SeedTable',
    ResourceProperties: properties,
    ...(requestType === 'Create' ? {} : { PhysicalResourceId: `seed-${tableName}` }),
    ...(requestType === 'Update' ? { OldResourceProperties: { ...properties, DataHash: 'old' } } : {}),
    ...overrides,
  } as SeedEvent;
}

const itemsInTable = async () => (await scanAllItems(client, tableName)).length;

describe('seed custom resource', () => {
  it('Create seeds the table and answers SUCCESS at the ResponseURL', async () => {
    const expected = buildItems(fixtureDataset()).length;

    const response = await handlerWith()(event('Create'));

    expect(response).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: `seed-${tableName}`,
      StackId: event('Create').StackId,
      RequestId: 'request-Create',
      LogicalResourceId: 'SeedResource',
      Data: { put: String(expected), deleted: '0', unchanged: '0' },
    });
    expect(await itemsInTable()).toBe(expected);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'PUT', url: '/cloudformation-response?X-Amz-Signature=secret', body: response });
    // CloudFormation's pre-signed URL is signed without a content type; sending one would break the signature.
    expect(received[0]!.headers['content-type']).toBe('');
  });

  it('Update with the same data writes nothing', async () => {
    const before = await scanAllItems(client, tableName);

    const response = await handlerWith()(event('Update'));

    expect(response.Status).toBe('SUCCESS');
    expect(response.PhysicalResourceId).toBe(`seed-${tableName}`);
    expect(response.Data).toEqual({ put: '0', deleted: '0', unchanged: String(before.length) });
    expect(await scanAllItems(client, tableName)).toEqual(before);
  });

  it('Update removes items the data no longer produces', async () => {
    await writeItems(client, tableName, { puts: [{ pk: 'MEETING#withdrawn', sk: 'DOC', body: '{}', etag: '"x"' }], deletes: [] });
    const expected = buildItems(fixtureDataset()).length;

    const response = await handlerWith()(event('Update'));

    expect(response.Data).toEqual({ put: '0', deleted: '1', unchanged: String(expected) });
    expect(await itemsInTable()).toBe(expected);
  });

  it('Delete answers SUCCESS and leaves the data alone', async () => {
    const before = await itemsInTable();
    let datasetLoaded = false;

    const response = await handlerWith(() => {
      datasetLoaded = true;
      return fixtureDataset();
    })(event('Delete'));

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `seed-${tableName}` });
    expect(datasetLoaded).toBe(false);
    expect(await itemsInTable()).toBe(before);
    expect(received.map((entry) => entry.body.Status)).toEqual(['SUCCESS']);
  });

  it('answers FAILED with the reason when the data does not validate, without throwing', async () => {
    const before = await itemsInTable();
    const invalid = () => parseDataset({ ...bundledRawDataset, meetings: [{ id: 42 }] });

    const response = await handlerWith(invalid)(event('Update'));

    expect(response.Status).toBe('FAILED');
    expect(response.PhysicalResourceId).toBe(`seed-${tableName}`);
    expect(response.Reason).toMatch(/\S/);
    expect(response.Reason!.length).toBeLessThanOrEqual(3_000);
    expect(received.map((entry) => entry.body)).toEqual([response]);
    expect(await itemsInTable()).toBe(before);
  });

  it('answers FAILED when the table does not exist, so a failed Create rolls back instead of hanging', async () => {
    const response = await handlerWith()(event('Create', { ResourceProperties: { ServiceToken: 'x', TableName: 'missing-table' } }));

    expect(response.Status).toBe('FAILED');
    expect(response.PhysicalResourceId).toBe('seed-missing-table');
    expect(response.Reason).toMatch(/ResourceNotFound|non-existent|not found/i);
    expect(received).toHaveLength(1);
  });

  it('answers FAILED when the TableName property is missing', async () => {
    const response = await handlerWith()(event('Create', { ResourceProperties: { ServiceToken: 'x' } }));
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'Error: The TableName property is missing' });
  });

  it('rejects when CloudFormation refuses the answer, so the failure shows in the function log', async () => {
    responseStatus = 403;
    await expect(handlerWith()(event('Delete'))).rejects.toThrow(/HTTP 403/);
  });

  it('bundles data/records, and that data validates', () => {
    expect(() => parseDataset(bundledRawDataset)).not.toThrow();
  });
});
