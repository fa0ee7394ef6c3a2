/**
 * Property: no request, however hostile, gets a 5xx, and every answer other than 2xx/304 is a JSON error.
 * Per route, 1,000 generated paths and query strings (unicode, `%00`, `../`, 10 kB values, malformed
 * percent-encoding, repeated and unknown parameters, other methods) go through the local HTTP server;
 * then the same through the handlers directly with a decoded `rawPath`, as HTTP APIs may deliver it.
 */
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiErrorSchema } from '../../data/schema/api.ts';
import { routeGroupFor, toHttpApiEvent } from '../../local/api-gateway-event.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { DynamoDbDiplomacyStore } from '../adapters/dynamodb/dynamodb-store.ts';
import { silentLogger } from '../http/log.ts';
import type { ApiHandler } from '../http/route-group-handler.ts';
import { routes, type Route, type RouteGroup } from '../http/routes.ts';
import { fixtureDataset, KAZAN } from '../../data/fixtures/dataset.ts';
import { asRequestTarget, rawRequest } from '../test-support/raw-http.ts';
import { makeHandlers } from './all.ts';

const runsPerRoute = Number(process.env.PROPERTY_RUNS ?? 1_000);

let stack: LocalStack;
let staticDir: string;
let handlers: Record<RouteGroup, ApiHandler>;

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'api-property-static-'));
  stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir });
  handlers = makeHandlers({ store: new DynamoDbDiplomacyStore(stack.client, stack.tableName), log: silentLogger });
});

afterAll(async () => {
  await stack?.close();
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------ generators

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('%00', '../', '..%2F', '%2e%2e%2f', '%E0%A4%A', '%', '%zz', '%C0%AF', '%FF', '+', '=', '&', '//', '\0'),
  },
  // Valid values, so the success paths are exercised too.
  { weight: 3, arbitrary: fc.constantFrom('AFG', 'RUS', 'TJK', 'csto', KAZAN, 'foreign-military-presence', 'opposes') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 10_000, maxLength: 10_240 }) },
);

const piece = fc.array(hostileText, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));

function queryFor(route: Route) {
  const name = fc.oneof(fc.constantFrom(...route.queryParameters, 'country', 'unknown'), piece);
  const pair = fc.tuple(name, piece, fc.boolean()).map(([key, value, withEquals]) => (withEquals ? `${key}=${value}` : key));
  return fc.oneof(fc.constant(''), fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`));
}

function pathFor(route: Route) {
  const parameterised = fc
    .tuple(piece, fc.option(piece, { nil: undefined }))
    .map(([value, extra]) => route.path.replace(/\{[^}]+\}/, value) + (extra === undefined ? '' : `/${extra}`));
  return route.path.includes('{') ? parameterised : fc.oneof(fc.constant(route.path), parameterised, piece.map((extra) => `${route.path}${extra}`));
}

const method = fc.oneof(
  { weight: 8, arbitrary: fc.constant('GET') },
  { weight: 1, arbitrary: fc.constant('HEAD') },
  { weight: 1, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') },
);

// ---------------------------------------------------------------------------------------------- checks

function expectWellFormed(result: { status: number; contentType: unknown; body: string }, requestMethod: string) {
  expect(result.status).toBeLessThan(500);
  if (result.status === 200 || result.status === 304) return;
  expect(result.status).toBeGreaterThanOrEqual(400);
  expect(result.contentType).toBe('application/json; charset=utf-8');
  if (requestMethod !== 'HEAD') expect(apiErrorSchema.safeParse(JSON.parse(result.body)).success).toBe(true);
}

describe.each(routes.map((route) => [route.name, route] as const))('%s', (_name, route) => {
  test(`${runsPerRoute} hostile requests through the HTTP server: no 5xx, JSON errors`, async () => {
    await fc.assert(
      fc.asyncProperty(pathFor(route), queryFor(route), method, async (requestPath, query, requestMethod) => {
        const response = await rawRequest(stack.url, asRequestTarget(requestPath + query), { method: requestMethod });
        expectWellFormed(
          { status: response.status, contentType: response.headers['content-type'], body: response.body },
          requestMethod,
        );
      }),
      { numRuns: runsPerRoute },
    );
  });

  test(`${runsPerRoute} hostile events with a decoded rawPath, straight to the handlers: no 5xx, JSON errors`, async () => {
    await fc.assert(
      fc.asyncProperty(pathFor(route), queryFor(route), method, async (requestPath, query, requestMethod) => {
        // The decoded path as API Gateway may hand it over: raw unicode, NUL, `/` from `%2F`.
        const event = toHttpApiEvent({ method: requestMethod, url: asRequestTarget(requestPath + query), headers: {} });
        event.rawPath = requestPath.split('?')[0] as string;
        const result = await handlers[routeGroupFor(event.rawPath)](event);
        expectWellFormed({ status: result.statusCode, contentType: result.headers['content-type'], body: result.body }, requestMethod);
      }),
      { numRuns: runsPerRoute },
    );
  });
});

test('the server still answers after all that', async () => {
  expect((await rawRequest(stack.url, '/api/health')).status).toBe(200);
});
