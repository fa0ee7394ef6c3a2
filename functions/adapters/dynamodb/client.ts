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
  if (endpoint === undefined) return new DynamoDBClient({});
  const env = process.env;
  const usePlaceholder = placeholderCredentials ?? !isAwsEndpoint(endpoint);
  return new DynamoDBClient({
    endpoint,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(usePlaceholder ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

function isAwsEndpoint(endpoint: string): boolean {
  try {
    return new URL(endpoint).hostname.endsWith('.amazonaws.com');
  } catch {
    return false;
  }
}
