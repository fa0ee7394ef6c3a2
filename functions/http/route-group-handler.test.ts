/**
 * The shared handler shell with a fake store: what the client sees when the store fails or is empty,
 * what gets logged, and how paths API Gateway has already decoded are treated.
 */
import { describe, expect, test } from 'vitest';
import { toHttpApiEvent } from '../../local/api-gateway-event.ts';
import { makeHandler as makeMeetingsHandler } from '../handlers/meetings.ts';
import { makeHandler as makeMetaHandler } from '../handlers/meta.ts';
import { makeHandler as makeOverviewHandler } from '../handlers/overview.ts';
import { StoreUnavailableError, type DiplomacyStore, type StoredDocument } from '../store/diplomacy-store.ts';
import { statementListDocument } from '../store/statement-list.ts';
import { etagOf } from './etag.ts';
import type { RequestLogLine } from './log.ts';

const document = (body: string): StoredDocument => ({ body, etag: etagOf(body) });

function fakeStore(overrides: Partial<DiplomacyStore> = {}): DiplomacyStore {
  return {
    getDocument: async () => null,
    findStatements: async () => statementListDocument([]),
    ...overrides,
  };
}

const event = (url: string, method = 'GET', headers: Record<string, string[]> = {}) =>
  toHttpApiEvent({ method, url, headers });

describe('when the store cannot answer', () => {
  test('a store failure is a 503 that says nothing about the store', async () => {
    const log: RequestLogLine[] = [];
    const failing = fakeStore({
      getDocument: () => Promise.reject(new StoreUnavailableError('DynamoDB GetItem failed: ResourceNotFoundException')),
    });
    const result = await makeOverviewHandler({ store: failing, log: (line) => log.push(line) })(event('/api/overview'), {
      awsRequestId: 'lambda-1',
    });
    expect(result.statusCode).toBe(503);
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result.headers['retry-after']).toBe('5');
    expect(JSON.parse(result.body)).toEqual({
      error: { code: 'service_unavailable', message: 'The data store is unavailable; try again shortly.' },
    });
    expect(log).toEqual([
      expect.objectContaining({
        route: 'getOverview',
        status: 503,
        requestId: 'lambda-1',
        error: 'StoreUnavailableError: DynamoDB GetItem failed: ResourceNotFoundException',
      }),
    ]);
  });

  test('an unexpected error is a 500 with a fixed message', async () => {
    const broken = fakeStore({ getDocument: () => Promise.reject(new TypeError('x is undefined')) });
    const result = await makeOverviewHandler({ store: broken, log: () => {} })(event('/api/overview'));
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('undefined');
  });

  test('an unseeded table: lists are 503, health says so with a null data version', async () => {
    expect((await makeOverviewHandler({ store: fakeStore(), log: () => {} })(event('/api/overview'))).statusCode).toBe(503);
    const health = await makeMetaHandler({ store: fakeStore(), log: () => {} })(event('/api/health'));
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', dataVersion: null });
  });
});

describe('request log', () => {
  test('one JSON-ready line per request, with no path, query or body in it', async () => {
    const log: RequestLogLine[] = [];
    const handler = makeMeetingsHandler({ store: fakeStore(), log: (line) => log.push(line) });
    await handler(event('/api/meetings/secret-looking-id?token=abc'), { awsRequestId: 'r-1' });
    await handler(event('/api/meetings', 'POST'), { awsRequestId: 'r-2' });
    expect(log.map(({ route, method, status, requestId }) => ({ route, method, status, requestId }))).toEqual([
      { route: 'getMeeting', method: 'GET', status: 400, requestId: 'r-1' },
      { route: 'listMeetings', method: 'POST', status: 405, requestId: 'r-2' },
    ]);
    for (const line of log) {
      expect(Object.keys(line).sort()).toEqual(['apiRequestId', 'durationMs', 'method', 'requestId', 'route', 'status']);
      expect(JSON.stringify(line)).not.toMatch(/secret|token/);
    }
  });
});

describe('paths as API Gateway may deliver them, already decoded', () => {
  const store = fakeStore({
    getDocument: async (key) =>
      key.document === 'MEETING' && key.id === 'kazan' ? document('{"id":"kazan"}') : null,
  });
  const handler = makeMeetingsHandler({ store, log: () => {} });

  test.each([
    ['/api/meetings/kaz\0an', 400],
    ['/api/meetings/kazän', 400],
    ['/api/meetings/..', 400],
    ['/api/meetings/../overview', 404],
    ['/api/meetings/a/b', 404],
    ['/api/meetings/kazan', 200],
    ['/api/meetings/%6Bazan', 200], // still encoded: the same id
  ])('%j → %i', async (rawPath, status) => {
    const decoded = { ...event('/'), rawPath };
    expect((await handler(decoded)).statusCode).toBe(status);
  });
});

describe('a handler only serves its own routes', () => {
  test("another group's path is a 404 here (API Gateway never sends it)", async () => {
    const result = await makeMeetingsHandler({ store: fakeStore(), log: () => {} })(event('/api/overview'));
    expect(result.statusCode).toBe(404);
  });
});
