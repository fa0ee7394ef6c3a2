/**
 * The API's floor: a bare node:http server that answers each benchmarked URL with the same single DynamoDB
 * request our handler makes (same GetItem or Query, same key, same client factory) against the same embedded
 * dynalite, seeded by the same loader, and returns the stored body as it is. No routing, validation, event
 * building, ETags or logging: whatever our path adds on top of this is ours.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { readDatasetFiles } from '../../data/load.ts';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb/client.ts';
import { ensureTable } from '../../functions/adapters/dynamodb/table.ts';
import { localTableName } from '../../functions/adapters/dynamodb/table-definition.ts';
import { seedTable } from '../../functions/seed/loader.ts';
import { startEmbeddedDynamoDb } from '../../local/embedded-dynamodb.ts';
import type { DynamoDbRequest } from '../api-targets.ts';

export interface BaselineServer {
  readonly url: string;
  close(): Promise<void>;
}

/** `requests`: request target (path and query, as the benchmark sends it) → the one DynamoDB request for it. */
export async function startBaselineServer(requests: Readonly<Record<string, DynamoDbRequest>>): Promise<BaselineServer> {
  const embedded = await startEmbeddedDynamoDb();
  const client = createDynamoDbClient({ endpoint: embedded.endpoint, placeholderCredentials: true });
  await ensureTable(client, localTableName);
  await seedTable({ client, tableName: localTableName, dataset: await readDatasetFiles() });

  const answer = async (request: DynamoDbRequest): Promise<string | null> => {
    if (request.operation === 'GetItem') {
      const output = await client.send(
        new GetItemCommand({ TableName: localTableName, Key: { pk: { S: request.pk }, sk: { S: request.sk } } }),
      );
      return output.Item?.body?.S ?? null;
    }
    const output = await client.send(
      new QueryCommand({
        TableName: localTableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: request.pk } },
        ScanIndexForward: false,
      }),
    );
    return `{"statements":[${(output.Items ?? []).map((item) => item.body?.S).join(',')}]}`;
  };

  const server: Server = createServer((incoming, response) => {
    const request = requests[incoming.url ?? ''];
    const reply = request === undefined ? Promise.resolve(null) : answer(request);
    reply.then(
      (body) => {
        response.writeHead(body === null ? 404 : 200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(body ?? '{}');
      },
      () => {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end('{}');
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
      client.destroy();
      await embedded.close();
    },
  };
}
