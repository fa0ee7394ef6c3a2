/**
 * Against an endpoint that accepts connections and never answers: the API answers its documented 503 within
 * the function's timeout, and the seed reports a failure to CloudFormation well within its wait. Both go
 * through the production wiring (the Lambda modules' own client construction), not hand-built clients.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudFormationCustomResourceCreateEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionDefaults } from '../../../infra/constructs/table-function.ts';
import { toHttpApiEvent } from '../../../local/api-gateway-event.ts';
import { makeHandlers } from '../../handlers/all.ts';
import { dependenciesFromEnvironment } from '../../handlers/dependencies.ts';
import type { RequestLogLine } from '../../http/log.ts';
import type { SeedResponse } from '../../seed/custom-resource.ts';
import { startSilentEndpoint, type SilentEndpoint } from '../../test-support/silent-endpoint.ts';
import { clientTimeouts, worstCaseCallMs } from './client.ts';

/** The API functions' timeout; past it API Gateway answers its own 500, not our JSON. */
const apiBudgetMs = functionDefaults.timeout.toMilliseconds();
/** The seed function has 5 minutes and CloudFormation waits 6 (infra/constructs/seed.ts); a hung seed must
 * answer long before either: within a fifth of the function's time. */
const seedBudgetMs = 60_000;

let silent: SilentEndpoint;
beforeAll(async () => {
  silent = await startSilentEndpoint();
});
afterAll(async () => {
  await silent?.close();
});

describe('client timeouts', () => {
  it('bound every call below its budget on paper: all attempts timing out, plus backoff', () => {
    expect(worstCaseCallMs('api')).toBeLessThan(apiBudgetMs);
    expect(worstCaseCallMs('seed')).toBeLessThan(seedBudgetMs);
    for (const timeouts of Object.values(clientTimeouts)) {
      expect(timeouts.connectionTimeoutMs).toBeLessThanOrEqual(timeouts.requestTimeoutMs);
    }
  });
});

describe('an API function whose DynamoDB endpoint never answers', () => {
  it.each([
    ['/api/overview', 'overview'],
    ['/api/statements?country=RUS', 'statements'],
  ] as const)('answers %s with the 503 JSON within its timeout', async (url, group) => {
    const lines: RequestLogLine[] = [];
    const { store } = dependenciesFromEnvironment({ TABLE_NAME: 'hung', DYNAMODB_ENDPOINT: silent.url });
    const handler = makeHandlers({ store, log: (line) => lines.push(line) })[group];
    const connectionsBefore = silent.connections;

    const started = performance.now();
    const result = await handler(toHttpApiEvent({ method: 'GET', url, headers: { host: ['example.test'] } }));
    const elapsed = performance.now() - started;

    expect(silent.connections).toBeGreaterThan(connectionsBefore); // it reached the endpoint, then gave up
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(result.body ?? '')).toEqual({
      error: { code: 'service_unavailable', message: expect.any(String) },
    });
    expect(lines).toEqual([expect.objectContaining({ status: 503, error: expect.stringMatching(/TimeoutError/) })]);
    expect(elapsed).toBeLessThan(apiBudgetMs);
  }, 6 * apiBudgetMs); // without client timeouts the call would wait forever: fail instead
});

describe('the seed custom resource whose DynamoDB endpoint never answers', () => {
  let cloudFormation: Server;
  let responseUrl: string;
  const received: SeedResponse[] = [];

  beforeAll(async () => {
    cloudFormation = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SeedResponse);
        response.writeHead(200).end();
      });
    });
    cloudFormation.listen(0, '127.0.0.1');
    await once(cloudFormation, 'listening');
    responseUrl = `http://127.0.0.1:${(cloudFormation.address() as AddressInfo).port}/response`;
  });
  afterAll(() => new Promise<void>((resolve) => (cloudFormation ? cloudFormation.close(() => resolve()) : resolve())));

  it('answers FAILED to CloudFormation, naming the timeout, well within its wait', async () => {
    // The module builds its client from the environment when loaded, as in Lambda.
    const saved = process.env.DYNAMODB_ENDPOINT;
    process.env.DYNAMODB_ENDPOINT = silent.url;
    const { handler } = await import('../../seed/custom-resource.ts');
    if (saved === undefined) delete process.env.DYNAMODB_ENDPOINT;
    else process.env.DYNAMODB_ENDPOINT = saved;

    const event: CloudFormationCustomResourceCreateEvent = {
      RequestType: 'Create',
      ServiceToken: 'arn:aws:lambda:eu-central-1:123456789012:function:seed',
      ResponseURL: responseUrl,
      StackId: 'arn:aws:cloudformation:eu-central-1:123456789012:stack/test/1',
      RequestId: 'request-1',
      LogicalResourceId: 'Seed',
      ResourceType: 'Custom::SeedTable',
      ResourceProperties: { ServiceToken: 'x', TableName: 'hung-table' },
    };
    const connectionsBefore = silent.connections;
    const started = performance.now();
    const response = await handler(event);
    const elapsed = performance.now() - started;

    expect(silent.connections).toBeGreaterThan(connectionsBefore);
    expect(response.Status).toBe('FAILED');
    // The first call is the seed lock's conditional PutItem.
    expect(response.Reason).toMatch(/^StoreUnavailableError: DynamoDB PutItem \(seed lock\) on table hung-table failed: TimeoutError/);
    expect(response.Reason).toMatch(/requestTimeout|timeout/);
    expect(received).toEqual([response]);
    expect(elapsed).toBeLessThan(seedBudgetMs);
  }, 3 * seedBudgetMs);
});
