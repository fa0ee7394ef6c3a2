/**
 * The one way to build a DynamoDB client. The endpoint is switchable (DYNAMODB_ENDPOINT) so the same code
 * runs against AWS, dynalite and DynamoDB Local.
 *
 * Every client has timeouts: the SDK's defaults have none, so an endpoint that accepts a connection and never
 * answers would hold a call until the Lambda function itself times out (API Gateway then answers its own 500,
 * CloudFormation waits for the seed). Here a call gives up after a bounded time (`worstCaseCallMs`) with a
 * TimeoutError, which the adapter turns into StoreUnavailableError: the documented 503.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoDbClientOptions {
  /** e.g. `http://127.0.0.1:8000`; unset in AWS. */
  readonly endpoint?: string;
  /**
   * Sign with placeholder credentials (local emulators accept any signature). Defaults to true for any
   * endpoint that is not AWS's own (`*.amazonaws.com`), so a laptop without AWS configuration works; AWS
   * endpoints get the SDK's default credential chain (profiles, SSO, environment).
   */
  readonly placeholderCredentials?: boolean;
  /** Whose time budget the timeouts fit: `api` (default) or `seed`. */
  readonly purpose?: ClientPurpose;
}

export type ClientPurpose = keyof typeof clientTimeouts;

/**
 * Per purpose: how long connecting may take, how long one attempt may take in all (connecting included), and
 * how many attempts a call makes (the SDK retries timeouts, with a backoff under a second in all).
 * - api: a function has 5 s (infra/constructs/table-function.ts); a GetItem or Query normally takes a few ms,
 *   so two attempts of 1.5 s leave time to answer 503 before Lambda's timeout.
 * - seed: BatchWriteItem carries up to 25 documents; three attempts of 8 s fail a hung seed in about 25 s,
 *   far within its 5-minute function timeout and CloudFormation's 6-minute wait.
 */
export const clientTimeouts = {
  api: { connectionTimeoutMs: 1_000, requestTimeoutMs: 1_500, maxAttempts: 2 },
  seed: { connectionTimeoutMs: 2_000, requestTimeoutMs: 8_000, maxAttempts: 3 },
} as const satisfies Record<string, { connectionTimeoutMs: number; requestTimeoutMs: number; maxAttempts: number }>;

/** The SDK's backoff between attempts is random, at most 100 ms × 2^retry: under a second for these counts. */
const maxBackoffMs = 1_000;

/** The longest one call can take before it fails: every attempt timing out, plus the backoff between them. */
export function worstCaseCallMs(purpose: ClientPurpose): number {
  const { requestTimeoutMs, maxAttempts } = clientTimeouts[purpose];
  return maxAttempts * requestTimeoutMs + maxBackoffMs;
}

export function createDynamoDbClient({
  endpoint,
  placeholderCredentials,
  purpose = 'api',
}: DynamoDbClientOptions = {}): DynamoDBClient {
  const env = process.env;
  const usePlaceholder = endpoint !== undefined && (placeholderCredentials ?? !isAwsEndpoint(endpoint));
  const timeouts = clientTimeouts[purpose];
  const client = new DynamoDBClient({
    maxAttempts: timeouts.maxAttempts,
    requestHandler: {
      connectionTimeout: timeouts.connectionTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      // Without this the request timeout only logs a warning and the call keeps waiting.
      throwOnRequestTimeout: true,
    },
    ...(endpoint === undefined
      ? {}
      : {
          endpoint,
          region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
          ...(usePlaceholder ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
        }),
  });
  // The SDK's logger step runs every output through its sensitive-data filter, a copy that walks every
  // attribute of every item, and hands it to the logger, even to the default no-op one. We configure no
  // logger, so the step only costs: about 4% of the API's CPU under load, most of it on statement Queries.
  client.middlewareStack.remove(sdkLoggerStep);
  return client;
}

/** The name the SDK registers its logger middleware under (@aws-sdk/core, middleware-logger). */
export const sdkLoggerStep = 'loggerMiddleware';

function isAwsEndpoint(endpoint: string): boolean {
  try {
    return new URL(endpoint).hostname.endsWith('.amazonaws.com');
  } catch {
    return false;
  }
}
