/**
 * The `handler` exports as Lambda runs them: each function bundled with esbuild exactly as the CDK app's
 * NodejsFunction does (infra/constructs/lambda-bundling.ts), configured only through the environment, called
 * with an API Gateway event.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { esbuildOptions } from '../../infra/constructs/lambda-bundling.ts';
import { toHttpApiEvent } from '../../local/api-gateway-event.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import type { ApiHandler } from '../http/route-group-handler.ts';
import { routeGroups } from '../http/routes.ts';
import { fixtureDataset, KAZAN } from '../../data/fixtures/dataset.ts';
import { ConfigurationError, dependenciesFromEnvironment } from './dependencies.ts';

let stack: LocalStack;
let outdir: string;
const bundles = new Map<string, string>();
const savedEnvironment = { ...process.env };

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir: '/nonexistent' });
  outdir = await mkdtemp(path.join(tmpdir(), 'lambda-bundles-'));
  for (const group of routeGroups) {
    const outfile = path.join(outdir, `${group}.mjs`);
    // The CDK construct's own settings (minified, for Lambda's Node 24; nothing in them needs more than 20).
    await build({ ...esbuildOptions(new URL(`./${group}.ts`, import.meta.url).pathname, outfile), logLevel: 'silent' });
    bundles.set(group, outfile);
  }
});

afterAll(async () => {
  process.env = savedEnvironment;
  await stack?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

let importCount = 0;
/** A fresh module instance each time, so its module scope reads the environment as it is now. */
async function importHandler(group: string): Promise<ApiHandler> {
  const module = (await import(`${pathToFileURL(bundles.get(group) as string).href}?instance=${++importCount}`)) as {
    handler: ApiHandler;
  };
  return module.handler;
}

describe('bundled Lambda entry points', () => {
  test.each([
    ['overview', '/api/overview'],
    ['meetings', `/api/meetings/${KAZAN}`],
    ['countries', '/api/organisations/csto'],
    ['statements', '/api/statements?country=RUS'],
    ['meta', '/api/health'],
  ])('%s answers %s from TABLE_NAME and DYNAMODB_ENDPOINT', async (group, url) => {
    process.env.TABLE_NAME = stack.tableName;
    process.env.DYNAMODB_ENDPOINT = await dynamoDbEndpointOf(stack);
    const handler = await importHandler(group);
    const result = await handler(toHttpApiEvent({ method: 'GET', url, headers: {} }), { awsRequestId: 'test' });
    expect(result.statusCode).toBe(200);
  });

  test('in Lambda, a missing TABLE_NAME fails the cold start', async () => {
    delete process.env.TABLE_NAME;
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'overview-test';
    await expect(importHandler('overview')).rejects.toThrow(/TABLE_NAME/);
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
  });
});

test('configuration is read from the environment and checked', () => {
  expect(() => dependenciesFromEnvironment({})).toThrow(ConfigurationError);
  expect(dependenciesFromEnvironment({ TABLE_NAME: 't', DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' }).store).toBeDefined();
});

/** The stack's client knows its endpoint; the bundled handler must reach the same dynalite. */
async function dynamoDbEndpointOf(running: LocalStack): Promise<string> {
  const endpoint = await running.client.config.endpoint?.();
  if (endpoint === undefined) throw new Error('the local stack client has no endpoint');
  return `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`;
}
