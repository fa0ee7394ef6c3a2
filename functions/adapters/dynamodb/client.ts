/**
 * The one way to build a DynamoDB client. The endpoint is switchable (DYNAMODB_ENDPOINT) so the same code
 * runs against AWS, dynalite and DynamoDB Local.
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
}

export function createDynamoDbClient({ endpoint, placeholderCredentials }: DynamoDbClientOptions = {}): DynamoDBClient {
  const env = process.env;
  const usePlaceholder = endpoint !== undefined && (placeholderCredentials ?? !isAwsEndpoint(endpoint));
  const client = new DynamoDBClient(
    endpoint === undefined
      ? {}
      : {
          endpoint,
          region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
          ...(usePlaceholder ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
        },
  );
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
