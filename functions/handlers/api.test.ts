/**
 * The read API over HTTP, end to end: the local stack (real handlers, the API Gateway event adapter,
 * dynalite over the wire) seeded with the fixture dataset. Every response is checked against the OpenAPI
 * document the API itself serves.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { CountryDetail, MeetingDetail, OrganisationDetail, SearchIndex, StatementList } from '../../data/schema/api.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { routes } from '../http/routes.ts';
import { fixtureDataset, KAZAN, TEHRAN } from '../../data/fixtures/dataset.ts';
import { atomErrors } from '../test-support/atom/validate.ts';
import { responseValidator, validateOpenApiDocument } from '../test-support/openapi-responses.ts';
import { rawRequest, type RawResponse } from '../test-support/raw-http.ts';
import { countDynamoDbRequests } from '../test-support/request-counter.ts';

let stack: LocalStack;
let staticDir: string;
let openApi: Record<string, unknown>;
let validator: ReturnType<typeof responseValidator>;
let dynamoDbRequests: ReturnType<typeof countDynamoDbRequests>;

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'api-test-static-'));
  stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir });
  openApi = JSON.parse((await get('/api/openapi.json')).body) as Record<string, unknown>;
  validator = responseValidator(openApi);
  dynamoDbRequests = countDynamoDbRequests(stack.client);
});

afterAll(async () => {
  await stack?.close();
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

beforeEach(() => dynamoDbRequests?.reset());

const get = (target: string, headers: Record<string, string> = {}) => rawRequest(stack.url, target, { headers });
const json = <T>(response: RawResponse): T => JSON.parse(response.body) as T;

/** The route pattern a request target belongs to, for looking up its schema in the OpenAPI document. */
function routePathOf(target: string): string {
  const requestPath = target.split('?')[0] as string;
  const route = routes.find((candidate) =>
    new RegExp(`^${candidate.path.replace(/\{[^}]+\}/g, '[^/]+').replaceAll('.', '\\.')}$`).test(requestPath),
  );
  if (route === undefined) throw new Error(`no route for ${target}`);
  return route.path;
}

function expectJsonError(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(response.headers['cache-control']).toBeDefined();
  expect(json<{ error: { code: string } }>(response).error.code).toBe(code);
}

describe('OpenAPI document', () => {
  test('is a valid OpenAPI 3.1 document describing every route', async () => {
    const result = await validateOpenApiDocument(openApi);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(openApi.openapi).toBe('3.1.0');
    const paths = openApi.paths as Record<string, Record<string, { operationId: string }>>;
    for (const route of routes) expect(paths[route.path]?.get?.operationId).toBe(route.name);
  });
});

describe('every route answers with its documented shape, from exactly one DynamoDB request', () => {
  const examples: [target: string, dynamoDbOperations: string[]][] = [
    ['/api/overview', ['GetItem']],
    ['/api/meetings', ['GetItem']],
    [`/api/meetings/${KAZAN}`, ['GetItem']],
    ['/api/countries', ['GetItem']],
    ['/api/countries/TJK', ['GetItem']],
    ['/api/organisations', ['GetItem']],
    ['/api/organisations/csto', ['GetItem']],
    ['/api/statements', ['Query']],
    ['/api/statements?country=RUS&topic=foreign-military-presence&stance=opposes', ['Query']],
    [`/api/statements?meeting=${TEHRAN}&country=PAK`, ['Query']],
    ['/api/search-index', ['GetItem']],
    ['/api/health', ['GetItem']],
    ['/api/coverage', ['GetItem']],
    ['/api/openapi.json', ['GetItem']], // rendered from the code at seed time
  ];
  /** Atom, not JSON: checked against RFC 4287's schema instead. */
  const feeds: [target: string, dynamoDbOperations: string[]][] = [
    ['/api/feeds/statements.atom', ['GetItem']],
    ['/api/feeds/countries/RUS', ['GetItem']],
    ['/api/feeds/topics/foreign-military-presence', ['GetItem']],
  ];

  test('the examples cover every route', () => {
    expect(new Set([...examples, ...feeds].map(([target]) => routePathOf(target)))).toEqual(new Set(routes.map((route) => route.path)));
  });

  test.each(examples)('GET %s', async (target, operations) => {
    const response = await get(target);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    validator.assertValid(routePathOf(target), 200, JSON.parse(response.body));
    expect(dynamoDbRequests.sent).toEqual(operations);
  });

  test.each(feeds)('GET %s: a valid Atom feed, cached with an ETag like the rest', async (target, operations) => {
    const response = await get(target);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=86400');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(await atomErrors({ [target]: response.body })).toEqual([]);
    expect(dynamoDbRequests.sent).toEqual(operations);
    const revalidated = await get(target, { 'if-none-match': response.headers.etag as string });
    expect(revalidated.status).toBe(304);
  });

  test.each(['/api/feeds/countries/ZZZ', '/api/feeds/topics/no-such-topic'])('GET %s: 404 in JSON', async (target) => {
    expectJsonError(await get(target), 404, 'not_found');
  });

  test('GET a feed with a malformed code: 400 in JSON', async () => {
    expectJsonError(await get('/api/feeds/countries/russia'), 400, 'bad_request');
  });

  test('the search index finds every person under each of their names, and says what each result opens', async () => {
    const index = json<SearchIndex>(await get('/api/search-index'));
    const dataset = fixtureDataset();
    for (const person of dataset.people) {
      const entry = index.entries.find((candidate) => candidate.kind === 'person' && candidate.id === person.id);
      expect(entry?.label).toBe(person.name);
      expect(entry?.aliases).toEqual(person.aliases);
    }
    const statements = index.entries.filter((entry) => entry.kind === 'statement');
    expect(statements.map((entry) => entry.id).sort()).toEqual(dataset.statements.map((statement) => statement.id).sort());
    for (const entry of statements) expect(entry.opens.statement).toBe(entry.id);
  });

  test('data is cacheable by the CDN; health is not', async () => {
    expect((await get('/api/overview')).headers['cache-control']).toBe(
      'public, max-age=60, s-maxage=300, stale-while-revalidate=86400',
    );
    expect((await get('/api/health')).headers['cache-control']).toBe('no-store');
  });

  test('rejected requests never reach DynamoDB, and none ever scans', async () => {
    await get('/api/countries/xx');
    await get('/api/overview?unknown=1');
    expect(dynamoDbRequests.sent).toEqual([]);
    await get('/api/countries/ZZZ');
    expect(dynamoDbRequests.sent).toEqual(['GetItem']);
  });
});

describe('content', () => {
  test('Kazan 2023 lists its attendees with roles; Tajikistan is disputed and did not endorse', async () => {
    const meeting = json<MeetingDetail>(await get(`/api/meetings/${KAZAN}`));
    expect(meeting.hostName).toBe('Russia');
    expect(meeting.outcome?.name).toBe('Kazan Declaration of the Moscow format');
    expect(meeting.attendees.map((attendee) => [attendee.actor.id, attendee.role])).toEqual([
      ['RUS', 'host'],
      ['CHN', 'member'],
      ['IND', 'member'],
      ['IRN', 'member'],
      ['PAK', 'member'],
      ['TJK', 'member'],
      ['UZB', 'member'],
      ['AFG', 'guest'],
    ]);
    const tajikistan = meeting.attendees.find((attendee) => attendee.actor.id === 'TJK');
    expect(tajikistan).toMatchObject({ endorsedOutcome: 'no', confidence: { level: 'disputed' } });
    expect(tajikistan?.sources.map((source) => source.id)).toEqual(['tass-1682301']);
    const russia = meeting.attendees[0];
    expect(russia?.headOfDelegation?.name).toBe('Zamir Kabulov');
    expect(russia?.level).toBe('special-representative');
    const lavrov = meeting.statements.find((statement) => statement.id === 'lavrov-kazan-2023-unacceptable');
    expect(lavrov).toMatchObject({ delivery: 'written-message-read', readBy: 'Zamir Kabulov' });
  });

  test('a country shows its participation oldest first and its statements newest first', async () => {
    const country = json<CountryDetail>(await get('/api/countries/TJK'));
    expect(country.participations.map((participation) => participation.meeting.id)).toEqual([
      TEHRAN,
      KAZAN,
    ]);
    expect(country.memberships[0]?.organisation).toEqual({
      id: 'csto',
      kind: 'organisation',
      name: 'Collective Security Treaty Organization',
    });
    expect(country.neighbourOfAfghanistan?.borderKm).toBe(1357);
    const russia = json<CountryDetail>(await get('/api/countries/RUS'));
    const dates = russia.statements.map((statement) => statement.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test("an organisation's statements are reachable", async () => {
    const csto = json<OrganisationDetail>(await get('/api/organisations/csto'));
    expect(csto.statements.map((statement) => statement.id)).toEqual(['csto-2022-southern-border']);
  });

  test.each([
    ['', ['lavrov-kazan-2023-unacceptable', 'kabulov-kazan-2023-tajikistan', 'csto-2022-southern-border', 'tehran-2021-joint-statement', 'lavrov-tehran-2021-neighbours']],
    ['country=RUS', ['lavrov-kazan-2023-unacceptable', 'kabulov-kazan-2023-tajikistan', 'lavrov-tehran-2021-neighbours']],
    ['organisation=csto', ['csto-2022-southern-border']],
    [`meeting=${TEHRAN}`, ['tehran-2021-joint-statement', 'lavrov-tehran-2021-neighbours']],
    [`meeting=${TEHRAN}&country=PAK`, ['tehran-2021-joint-statement']],
    ['topic=foreign-military-presence', ['lavrov-kazan-2023-unacceptable', 'lavrov-tehran-2021-neighbours']],
    ['stance=mixed', ['csto-2022-southern-border']],
    ['topic=regional-dialogue&stance=opposes', []],
    ['country=TJK&topic=reconstruction-responsibility&stance=supports', ['tehran-2021-joint-statement']],
    ['country=ZZZ', []],
  ])('statements?%s', async (query, ids) => {
    const list = json<StatementList>(await get(`/api/statements${query ? `?${query}` : ''}`));
    expect(list.statements.map((statement) => statement.id)).toEqual(ids);
  });
});

describe('conditional requests', () => {
  test.each(['/api/overview', `/api/meetings/${KAZAN}`, '/api/statements?country=RUS', '/api/openapi.json'])(
    '%s: If-None-Match with the ETag gives 304 without a body',
    async (target) => {
      const first = await get(target);
      const etag = first.headers.etag as string;
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const revalidated = await get(target, { 'if-none-match': ifNoneMatch });
        expect(revalidated.status).toBe(304);
        expect(revalidated.body).toBe('');
        expect(revalidated.headers.etag).toBe(etag);
        expect(revalidated.headers['cache-control']).toBe(first.headers['cache-control']);
      }
      expect((await get(target, { 'if-none-match': '"stale"' })).status).toBe(200);
    },
  );

  test('the same statements give the same ETag; different ones a different ETag', async () => {
    const rus = await get('/api/statements?country=RUS');
    const rusAgain = await get('/api/statements?country=RUS&organisation=');
    const tjk = await get('/api/statements?country=TJK');
    expect(rusAgain.status).toBe(400); // an empty value is not a valid id
    expect((await get('/api/statements?country=RUS')).headers.etag).toBe(rus.headers.etag);
    expect(tjk.headers.etag).not.toBe(rus.headers.etag);
  });

  test('HEAD gives the headers of GET and no body', async () => {
    const head = await rawRequest(stack.url, '/api/overview', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe((await get('/api/overview')).headers.etag);
  });
});

describe('errors', () => {
  test.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('%s on a route is 405 with Allow', async (method) => {
    const response = await rawRequest(stack.url, '/api/overview', { method, body: method === 'POST' ? '{}' : undefined });
    expectJsonError(response, 405, 'method_not_allowed');
    expect(response.headers.allow).toBe('GET, HEAD');
    validator.assertValid('/api/overview', 405, json(response));
  });

  const tenKilobytes = 10_240;
  test.each([
    ['/api/nothing-here', 404, 'not_found'],
    ['/api/meetings/no-such-meeting', 404, 'not_found'],
    ['/api/countries/ZZZ', 404, 'not_found'],
    ['/api/organisations/no-such-organisation', 404, 'not_found'],
    [`/api/meetings/${KAZAN}/extra`, 404, 'not_found'],
    ['/api/countries/xx', 400, 'bad_request'],
    ['/api/countries/%00', 400, 'bad_request'],
    ['/api/countries/afg', 400, 'bad_request'],
    ['/api/meetings/Kazan', 400, 'bad_request'],
    ['/api/meetings/%E0%A4%A', 400, 'bad_request'],
    ['/api/meetings/..%2F..%2Fetc%2Fpasswd', 400, 'bad_request'],
    [`/api/meetings/${'a'.repeat(tenKilobytes)}`, 400, 'bad_request'],
    ['/api/overview?unknown=1', 400, 'bad_request'],
    ['/api/statements?colour=red', 400, 'bad_request'],
    ['/api/statements?country=RUS&country=CHN', 400, 'bad_request'],
    ['/api/statements?topic=weather', 400, 'bad_request'],
    ['/api/statements?stance=maybe', 400, 'bad_request'],
    ['/api/statements?country=%E0%A4%A', 400, 'bad_request'],
    [`/api/statements?meeting=${'x'.repeat(tenKilobytes)}`, 400, 'bad_request'],
  ])('GET %.60s is %i', async (target, status, code) => {
    const response = await get(target);
    expectJsonError(response, status, code);
    const knownRoute = !target.startsWith('/api/nothing') && !target.endsWith('/extra');
    if (knownRoute) validator.assertValid(routePathOf(target), status, json(response));
    // Messages are fixed text: a 10 kB value is never echoed back.
    expect(json<{ error: { message: string } }>(response).error.message.length).toBeLessThan(500);
  });

  test('the process keeps serving after bad requests', async () => {
    await get('/api/countries/%00');
    await rawRequest(stack.url, '/api/overview', { method: 'POST' });
    expect((await get('/api/health')).status).toBe(200);
  });
});
