import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayRequestAuthorizerEventV2, CloudFormationCustomResourceEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { putResponse } from '../custom-resource/respond.ts';
import { makeAuthorizer } from './authorizer.ts';
import { makeHandler, newOriginSecret } from './secret-resource.ts';

const secret = newOriginSecret();
const eventWith = (identitySource: string[] | undefined) => ({ identitySource }) as unknown as APIGatewayRequestAuthorizerEventV2;

describe('the authorizer', () => {
  const authorize = makeAuthorizer(secret);

  test.each<[string, string[] | undefined, boolean]>([
    ['the secret', [secret], true],
    ['another value of the same length', [newOriginSecret()], false],
    ['the secret with a character more', [`${secret}x`], false],
    ['an empty value', [''], false],
    ['no identity source at all', undefined, false],
  ])('with %s answers isAuthorized %s', async (_name, identitySource, allowed) => {
    expect(await authorize(eventWith(identitySource))).toEqual({ isAuthorized: allowed });
  });

  test('refuses to start without a secret of at least 32 characters', () => {
    expect(() => makeAuthorizer('')).toThrow(/ORIGIN_SECRET is missing/);
    expect(() => makeAuthorizer('short')).toThrow(/shorter than 32/);
  });
});

describe('the origin secret custom resource', () => {
  let cloudFormation: Server;
  let responseUrl: string;
  const received: unknown[] = [];

  beforeAll(async () => {
    cloudFormation = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.writeHead(200).end();
      });
    });
    cloudFormation.listen(0, '127.0.0.1');
    await once(cloudFormation, 'listening');
    responseUrl = `http://127.0.0.1:${(cloudFormation.address() as AddressInfo).port}/response`;
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(() => new Promise((resolve) => cloudFormation.close(resolve)));

  const event = (RequestType: 'Create' | 'Delete') =>
    ({
      RequestType,
      ResponseURL: responseUrl,
      StackId: 'arn:aws:cloudformation:eu-central-1:123456789012:stack/AfghanDiplomacyMap/1',
      RequestId: 'r1',
      LogicalResourceId: 'OriginSecret',
      PhysicalResourceId: 'OriginSecret-origin-secret',
      ResourceType: 'Custom::OriginSecret',
      ResourceProperties: { ServiceToken: 'arn' },
    }) as unknown as CloudFormationCustomResourceEvent;

  test('Create answers CloudFormation with a new 43-character secret, hidden (NoEcho), and returns it hidden', async () => {
    received.length = 0;
    const handler = makeHandler({ respond: putResponse, newSecret: newOriginSecret });
    const returned = await handler(event('Create'));
    expect(received).toHaveLength(1);
    const answer = received[0] as { Status: string; NoEcho: boolean; Data: { Value: string } };
    expect(answer).toMatchObject({ Status: 'SUCCESS', NoEcho: true, PhysicalResourceId: 'OriginSecret-origin-secret' });
    expect(answer.Data.Value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(returned)).not.toContain(answer.Data.Value);
    // A second stack gets another value.
    expect(newOriginSecret()).not.toBe(answer.Data.Value);
  });

  test('Delete answers SUCCESS with no value', async () => {
    received.length = 0;
    await makeHandler({ respond: putResponse, newSecret: newOriginSecret })(event('Delete'));
    expect(received).toEqual([expect.objectContaining({ Status: 'SUCCESS' })]);
    expect((received[0] as { Data?: unknown }).Data).toBeUndefined();
  });
});
