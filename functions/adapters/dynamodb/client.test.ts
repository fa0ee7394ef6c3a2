import { describe, expect, it } from 'vitest';
import { createDynamoDbClient, sdkLoggerStep } from './client.ts';

async function accessKeyOf(endpoint: string): Promise<string | undefined> {
  const client = createDynamoDbClient({ endpoint });
  try {
    const credentials = await client.config.credentials();
    return credentials.accessKeyId;
  } catch {
    return undefined; // the default chain found nothing: what a bare test machine has
  } finally {
    client.destroy();
  }
}

describe('createDynamoDbClient', () => {
  it("leaves out the SDK's logger step, which copies every response for a logger we never set", () => {
    for (const endpoint of [undefined, 'http://127.0.0.1:8000']) {
      const client = createDynamoDbClient({ endpoint });
      const steps = client.middlewareStack.identify().join('\n');
      expect(steps).toContain('retryMiddleware'); // the listing works, and holds the other steps
      expect(steps).not.toContain(sdkLoggerStep);
      client.destroy();
    }
  });

  it('signs with placeholder credentials for a local emulator, whatever the environment names', async () => {
    expect(await accessKeyOf('http://127.0.0.1:8000')).toBe('local');
    expect(await accessKeyOf('http://dynamodb-local:8000')).toBe('local');
  });

  it("uses the SDK's own credential chain for AWS's endpoints, never the placeholder", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIATESTONLY', AWS_SECRET_ACCESS_KEY: 'test-only' });
    try {
      expect(await accessKeyOf('https://dynamodb.eu-central-1.amazonaws.com')).toBe('AKIATESTONLY');
    } finally {
      process.env = saved;
    }
  });
});
