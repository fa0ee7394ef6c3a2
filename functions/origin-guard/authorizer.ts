/**
 * The HTTP API's Lambda authorizer (simple responses): allows a request whose origin header
 * (./origin-header.ts) carries the deploy-time secret. API Gateway itself answers 401 to a request without
 * the header (it is the identity source) and caches each answer per header value, so this runs once per
 * distinct value per cache period, never on the API functions' path. The local stack has no API Gateway and
 * no authorizer: its requests reach the handlers as before.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerResult } from 'aws-lambda';

export function makeAuthorizer(secret: string) {
  if (secret.length < 32) throw new Error('ORIGIN_SECRET is missing or shorter than 32 characters');
  const expected = digest(secret);
  return async function authorize(event: APIGatewayRequestAuthorizerEventV2): Promise<APIGatewaySimpleAuthorizerResult> {
    const given = event.identitySource?.[0];
    // Digests have one length, so the comparison takes the same time whatever the value given.
    return { isAuthorized: given !== undefined && timingSafeEqual(digest(given), expected) };
  };
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

let authorize: ReturnType<typeof makeAuthorizer> | undefined;
/** Built on the first request of each instance (so tests can import this module without the variable). */
export const handler = (event: APIGatewayRequestAuthorizerEventV2): Promise<APIGatewaySimpleAuthorizerResult> =>
  (authorize ??= makeAuthorizer(process.env.ORIGIN_SECRET ?? ''))(event);
