/**
 * Small, quick versions of the robustness runs (`npm run bench -- --robustness` runs the full ones): hostile
 * requests against the local stack, and corrupted data against the checker and the seed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { fuzzData } from './data-fuzz.ts';
import { describeRequest, hostileRequest, judge, seededRandom, toWire, type HostileRequest } from './hostile.ts';
import { exchange } from './raw-socket.ts';

describe('hostile requests against the local stack', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, quiet: true, staticDir: '/nonexistent' });
  });
  afterAll(async () => stack?.close());

  const send = (request: HostileRequest) =>
    exchange(stack.url, toWire(request), { abandonAfterMs: request.incomplete ? 500 : undefined });

  test('300 generated ones: each answered, never a 5xx, always JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (seed) => {
        const request = hostileRequest(seededRandom(seed));
        const verdict = judge(request, await send(request));
        expect(verdict.ok, `${describeRequest(request)}: ${verdict.problem}`).toBe(true);
      }),
      { numRuns: 300 },
    );
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
});

test('corrupted data: data:check always reports it, and the seed refuses it before any DynamoDB request', async () => {
  const report = await fuzzData({ datasets: 60, textFiles: 60, seed: Date.now() % 1_000_000 });
  expect(report.failures, `seed ${report.seed}`).toEqual([]);
  expect(report).toMatchObject({ acceptedByChecker: 0, checkerCrashes: 0, acceptedBySeed: 0, requestsBeforeRefusal: 0, passed: true });
  expect(report.refusedBySeed + report.refusedOnlyByDataCheck).toBe(60);
});
