/**
 * The whole product in one Node process, for a laptop, the tests, the browser tests and the benchmark:
 * an embedded DynamoDB (dynalite, or any endpoint you name), the table created from the shared definition
 * and seeded by the same loader as in AWS, the same Lambda handlers behind a local API Gateway stand-in,
 * and the built page.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readDatasetFiles } from '../data/load.ts';
import type { Dataset } from '../data/schema/domain.ts';
import { createDynamoDbClient, type DynamoDBClient } from '../functions/adapters/dynamodb/client.ts';
import { DynamoDbDiplomacyStore } from '../functions/adapters/dynamodb/dynamodb-store.ts';
import { ensureTable } from '../functions/adapters/dynamodb/table.ts';
import { localTableName } from '../functions/adapters/dynamodb/table-definition.ts';
import { makeHandlers } from '../functions/handlers/all.ts';
import { methodNotAllowed } from '../functions/http/errors.ts';
import { jsonLineLogger, silentLogger } from '../functions/http/log.ts';
import { seedLockDefaults, type SeedLockHolder } from '../functions/adapters/dynamodb/seed-lock.ts';
import { seedTable, type SeedCounts } from '../functions/seed/loader.ts';
import { startEmbeddedDynamoDb } from './embedded-dynamodb.ts';
import { invocationContext, routeGroupFor, toHttpApiEvent, writeHttpApiResult } from './api-gateway-event.ts';
import { createStaticSite } from './static-site.ts';

export const defaultStaticDir = fileURLToPath(new URL('../frontend/dist/', import.meta.url));

export interface LocalStackOptions {
  /** Default 3000; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** The built page; default frontend/dist. */
  readonly staticDir?: string;
  /** No request log lines. */
  readonly quiet?: boolean;
  /** Use this DynamoDB-compatible endpoint instead of starting dynalite. */
  readonly dynamodbEndpoint?: string;
  /** Default `afghan-diplomacy`. Created if missing. */
  readonly tableName?: string;
  /** Persist the embedded dynalite in this folder (LevelDB); in memory when unset. */
  readonly dataDir?: string;
  /** What to seed; default data/records/. */
  readonly dataset?: Dataset;
  /** How long a client may take to send a request's headers, and the whole request; defaults: serverTimeouts. */
  readonly headersTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

/**
 * A slow client cannot hold a connection open: headers must arrive within 10 s and the whole request within
 * 30 s (Node's defaults are 60 s and 300 s), checked every second (Node's default is every 30 s). The answer
 * is a 408 in JSON, then the connection closes.
 */
export const serverTimeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, checkIntervalMs: 1_000 } as const;

export interface LocalStack {
  /** e.g. `http://127.0.0.1:3000` (no trailing slash). */
  readonly url: string;
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** What seeding the table at start-up changed. */
  readonly seed: SeedCounts;
  close(): Promise<void>;
}

/** Largest request body accepted (the API reads none; API Gateway's own limit is 10 MB). */
const maxBodyBytes = 1024 * 1024;

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  // The SDK warns once per process that its 2027 releases need Node 22. The variable is AWS's documented
  // switch for exactly this warning (aws-sdk-js-v3#7983); other warnings still print. An explicit value wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const tableName = options.tableName ?? localTableName;
  const embedded = options.dynamodbEndpoint === undefined ? await startEmbeddedDynamoDb({ dataDir: options.dataDir }) : null;
  // The API's client has the Lambda functions' timeouts, so a hung endpoint gives the same 503 here, and a
  // start against an unreachable endpoint fails within seconds (the first call is ensureTable's). Seeding
  // writes in bulk and gets the seed's longer timeouts, as in AWS.
  const endpoint =
    embedded === null
      ? { endpoint: options.dynamodbEndpoint }
      : { endpoint: embedded.endpoint, placeholderCredentials: true };
  const client = createDynamoDbClient({ ...endpoint, purpose: 'api' });

  let server: Server | undefined;
  try {
    await ensureTable(client, tableName);
    const dataset = options.dataset ?? (await readDatasetFiles());
    const seedClient = createDynamoDbClient({ ...endpoint, purpose: 'seed' });
    const lock = {
      ...seedLockDefaults,
      // An earlier start stopped while seeding a persisted table: its lease runs out within a minute.
      onWait: (holder: SeedLockHolder) =>
        console.error(`Waiting for the seed lock of table ${tableName}, held until ${new Date(holder.leaseUntil).toISOString()}.`),
    };
    const seed = await seedTable({ client: seedClient, tableName, dataset, lock }).finally(() => seedClient.destroy());

    const handlers = makeHandlers({
      store: new DynamoDbDiplomacyStore(client, tableName),
      log: options.quiet ? silentLogger : jsonLineLogger,
    });
    const serveStatic = createStaticSite(options.staticDir ?? defaultStaticDir);

    const serveApi = async (request: IncomingMessage, response: ServerResponse, body: string) => {
      const event = toHttpApiEvent({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headersDistinct,
        sourceIp: request.socket.remoteAddress,
        body,
      });
      const handler = handlers[routeGroupFor(event.rawPath)];
      writeHttpApiResult(response, await handler(event, invocationContext()));
    };

    // Host is checked in handleRequest instead of by Node, whose own 400 has no body (API Gateway's is JSON).
    const serverOptions = {
      requireHostHeader: false,
      headersTimeout: options.headersTimeoutMs ?? serverTimeouts.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs ?? serverTimeouts.requestTimeoutMs,
      connectionsCheckingInterval: serverTimeouts.checkIntervalMs,
    };
    server = createServer(serverOptions, (request, response) => {
      handleRequest(request, response, serveApi, serveStatic).catch((error: unknown) => {
        // The client went away before sending its whole body: nobody to answer.
        if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') return void response.destroy();
        // Only a bug in this file gets here (the handlers answer every error themselves).
        process.stderr.write(`local stack: ${error instanceof Error ? error.stack : String(error)}\n`);
        if (!response.headersSent) writeJsonError(response, 500, 'internal_error', 'Local server error.');
        else response.destroy();
      });
    });
    // Malformed HTTP (a bad request line, oversized headers) never reaches a handler; still answer in JSON.
    server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
      if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
      const [status, reason, code, message] =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Request Header Fields Too Large', 'bad_request', 'Malformed HTTP request.']
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.']
            : [400, 'Bad Request', 'bad_request', 'Malformed HTTP request.'];
      const isHead = error.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
      const body = isHead ? '' : JSON.stringify({ error: { code, message } });
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    });
    // Without a listener Node drops a CONNECT request's connection unanswered; this API answers every method.
    server.on('connect', (_request: IncomingMessage, socket: Socket) => {
      const error = methodNotAllowed();
      const body = JSON.stringify({ error: { code: error.code, message: error.message } });
      socket.end(
        `HTTP/1.1 405 Method Not Allowed\r\nallow: ${error.headers.allow}\r\ncontent-type: application/json; charset=utf-8\r\n` +
          `cache-control: no-store\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    });
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1');
    await once(server, 'listening');

    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const listening = server;
    return {
      url: `http://${host}:${address.port}`,
      client,
      tableName,
      seed,
      close: async () => {
        await closeServer(listening);
        client.destroy();
        await embedded?.close();
      },
    };
  } catch (error) {
    if (server?.listening) await closeServer(server);
    client.destroy();
    await embedded?.close();
    throw error;
  }
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  serveApi: (request: IncomingMessage, response: ServerResponse, body: string) => Promise<void>,
  serveStatic: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Promise<void> {
  if (request.httpVersion === '1.1' && request.headers.host === undefined) {
    return writeJsonError(response, 400, 'bad_request', 'Malformed HTTP request.');
  }
  const body = await readBody(request);
  if (body === null) return writeJsonError(response, 413, 'payload_too_large', 'The request body is too large.');
  const url = request.url ?? '/';
  if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) return serveApi(request, response, body);
  return serveStatic(request, response);
}

/** The whole body as text, or null past the limit. */
async function readBody(request: IncomingMessage): Promise<string | null> {
  // No Content-Length and no Transfer-Encoding: HTTP/1.1 says there is no body (RFC 9112 §6.3).
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function writeJsonError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ error: { code, message } }));
}

/** Stops accepting, lets in-flight requests finish, and drops idle keep-alive connections (browsers, autocannon). */
async function closeServer(server: Server): Promise<void> {
  const closed = once(server, 'close');
  server.close();
  server.closeIdleConnections();
  const forceAfter = setTimeout(() => server.closeAllConnections(), 2_000);
  await closed;
  clearTimeout(forceAfter);
}
