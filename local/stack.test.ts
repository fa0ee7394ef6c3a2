import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureDataset, KAZAN } from '../data/fixtures/dataset.ts';
import { contentSecurityPolicy } from '../frontend/security-headers.ts';
import { rawRequest } from '../functions/test-support/raw-http.ts';
import { toHttpApiEvent } from './api-gateway-event.ts';
import { startEmbeddedDynamoDb } from './embedded-dynamodb.ts';
import { startLocalStack, type LocalStack } from './stack.ts';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'local-stack-test-'));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('API Gateway event adapter', () => {
  test('builds the payload 2.0 event API Gateway would send', () => {
    const event = toHttpApiEvent({
      method: 'GET',
      url: `/api/meetings/${KAZAN}?topic=a%20b&topic=c&empty`,
      headers: { host: ['localhost:3000'], accept: ['application/json', 'text/plain'], cookie: ['a=1; b=2'] },
    });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'ANY /api/meetings/{id}',
      rawPath: `/api/meetings/${KAZAN}`,
      rawQueryString: 'topic=a%20b&topic=c&empty',
      headers: { host: 'localhost:3000', accept: 'application/json,text/plain' },
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { topic: 'a b,c', empty: '' },
      pathParameters: { id: KAZAN },
      requestContext: { http: { method: 'GET', path: `/api/meetings/${KAZAN}` }, stage: '$default' },
      isBase64Encoded: false,
    });
  });

  test('unknown /api paths take the fallback route, with the rest of the path as `proxy`', () => {
    const event = toHttpApiEvent({ method: 'POST', url: '/api/no/such%20thing', headers: {} });
    expect(event.routeKey).toBe('ANY /api/{proxy+}');
    expect(event.pathParameters).toEqual({ proxy: 'no/such thing' });
    expect(event.queryStringParameters).toBeUndefined();
  });
});

describe('local stack with a built page', () => {
  let stack: LocalStack;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;

  beforeAll(async () => {
    const dist = path.join(scratch, 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>map</title>');
    await writeFile(path.join(dist, 'assets', 'index-AbC123.js'), script);
    await writeFile(path.join(scratch, 'secret.txt'), 'outside the site');
    stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir: dist });
  });

  afterAll(async () => {
    await stack?.close();
  });

  test('serves index.html at / and for unknown page paths (the page routes itself)', async () => {
    for (const target of ['/', '/meetings/kazan', '/country/TJK?x=1']) {
      const response = await rawRequest(stack.url, target);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>map</title>');
    }
  });

  test('hashed assets are immutable, typed and compressed on request', async () => {
    const plain = await rawRequest(stack.url, '/assets/index-AbC123.js');
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(script);

    const { request } = await import('node:http');
    const fetchEncoded = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; data: Buffer }>((resolve, reject) => {
        const { hostname, port } = new URL(stack.url);
        request({ hostname, port, path: '/assets/index-AbC123.js', headers: { 'accept-encoding': encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, data: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    const brotli = await fetchEncoded('gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.data).toString()).toBe(script);
    const gzip = await fetchEncoded('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.data).toString()).toBe(script);
  });

  test("sends CloudFront's security headers with the page, its assets and its errors (no HSTS on http)", async () => {
    for (const target of ['/', '/country/TJK', '/assets/index-AbC123.js', '/assets/missing-123.js']) {
      const { headers } = await rawRequest(stack.url, target);
      expect(headers, target).toMatchObject({
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'strict-origin-when-cross-origin',
      });
      expect(headers, target).not.toHaveProperty('strict-transport-security');
    }
  });

  test('a missing asset is a 404, not the page', async () => {
    expect((await rawRequest(stack.url, '/assets/missing-123.js')).status).toBe(404);
  });

  test('never serves a file outside the folder', async () => {
    for (const target of ['/../secret.txt', '/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt']) {
      const response = await rawRequest(stack.url, target);
      expect(response.body).not.toContain('outside the site');
    }
  });

  test('answers malformed HTTP with a JSON 400 and keeps serving', async () => {
    const { hostname, port } = new URL(stack.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write('GARBAGE / HTTP/9\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('{"error":{"code":"bad_request"');
    expect((await rawRequest(stack.url, '/api/health')).status).toBe(200);
  });

  test('a request line over the header limit gets a JSON 431 (no body for HEAD)', async () => {
    const huge = `/api/meetings/${'a'.repeat(20_000)}`;
    const get = await rawRequest(stack.url, huge);
    expect(get.status).toBe(431);
    expect(JSON.parse(get.body).error.code).toBe('bad_request');
    const head = await rawRequest(stack.url, huge, { method: 'HEAD' });
    expect(head.status).toBe(431);
    expect(head.body).toBe('');
  });
});

describe('local stack without a build', () => {
  test('serves a "page not built" note at / and the API as usual', async () => {
    const stack = await startLocalStack({
      port: 0,
      quiet: true,
      dataset: fixtureDataset(),
      staticDir: path.join(scratch, 'no-such-dist'),
    });
    try {
      const page = await rawRequest(stack.url, '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('npm run build');
      expect((await rawRequest(stack.url, '/api/overview')).status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});

describe('where the data lives', () => {
  test('DYNAMODB_DATA_DIR: a restart finds the seeded table and writes nothing', async () => {
    const dataDir = path.join(scratch, 'dynamodb-data');
    const options = { port: 0, quiet: true, dataset: fixtureDataset(), staticDir: scratch, dataDir };
    const first = await startLocalStack(options);
    await first.close();
    const second = await startLocalStack(options);
    try {
      expect(first.seed.put).toBeGreaterThan(0);
      expect(second.seed).toEqual({ put: 0, deleted: 0, unchanged: first.seed.put });
    } finally {
      await second.close();
    }
  });

  test('DYNAMODB_ENDPOINT: another endpoint gets its table created and seeded', async () => {
    const external = await startEmbeddedDynamoDb();
    try {
      const stack = await startLocalStack({
        port: 0,
        quiet: true,
        dataset: fixtureDataset(),
        staticDir: scratch,
        dynamodbEndpoint: external.endpoint,
        tableName: 'elsewhere',
      });
      try {
        expect(stack.tableName).toBe('elsewhere');
        expect((await rawRequest(stack.url, '/api/countries/TJK')).status).toBe(200);
      } finally {
        await stack.close();
      }
    } finally {
      await external.close();
    }
  });

  test('close() releases the port', async () => {
    const stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir: scratch });
    await rawRequest(stack.url, '/api/health');
    await stack.close();
    await expect(rawRequest(stack.url, '/api/health')).rejects.toThrow();
  });
});
