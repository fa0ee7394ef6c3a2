/**
 * What the local HTTP server (./stack.ts) owes any client, however hostile on the wire (methods Node would
 * drop, no Host, floods of headers or parameters, bodies announced and never sent): an answer, never a 5xx,
 * always JSON, and it keeps serving. Generated requests replay from their seed (fixed; a failure names the
 * request's number). `npm run bench` sends 10,000 of them to a stack in its own process.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureDataset } from '../data/fixtures/dataset.ts';
import { startLocalStack, type LocalStack } from './stack.ts';
import { fuzzServer, judge, toWire, type HostileRequest } from './test-support/hostile-requests.ts';
import { exchange } from './test-support/raw-socket.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir: '/nonexistent' });
});
afterAll(async () => stack?.close());

const send = (request: HostileRequest) => exchange(stack.url, toWire(request), { abandonAfterMs: request.incomplete ? 500 : undefined });

test('300 generated requests: each answered, never a 5xx, always JSON', async () => {
  const report = await fuzzServer(stack.url, { requests: 300, seed: 20261122, abandonAfterMs: 500 });
  expect(report.failures).toEqual([]);
});

test.each<[string, HostileRequest, number]>([
  ['CONNECT, which Node would drop unanswered', { category: 'method', method: 'CONNECT', target: '127.0.0.1:22', headers: [] }, 405],
  ['no Host header, which Node would refuse with an empty body', { category: 'header', method: 'GET', target: '/api/overview', headers: [], noHost: true }, 400],
  ['a 20 kB If-None-Match', { category: 'header', method: 'GET', target: '/api/overview', headers: [['if-none-match', `"${'x'.repeat(20_000)}"`]] }, 431],
  ['500 repeated parameters', { category: 'flood', method: 'GET', target: `/api/statements?${'country=RUS&'.repeat(500)}`, headers: [] }, 400],
])('%s gets a JSON %i', async (_name, request, status) => {
  const response = await send(request);
  expect(response.status).toBe(status);
  expect(judge(request, response)).toEqual({ ok: true });
});

test('the stack still answers afterwards', async () => {
  expect((await fetch(`${stack.url}/api/health`)).status).toBe(200);
});
