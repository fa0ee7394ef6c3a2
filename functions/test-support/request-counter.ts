/**
 * Counts the DynamoDB operations a client sends, by adding a step to its middleware stack (the SDK's own
 * extension point), so tests can assert "exactly one GetItem or Query per API call, never a Scan".
 */
import type { DynamoDBClient } from '../adapters/dynamodb/client.ts';

export function countDynamoDbRequests(client: DynamoDBClient) {
  const sent: string[] = [];
  const name = 'testRequestCounter';
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    /** Operation names since the last reset, e.g. `['GetItem']`. */
    get sent(): readonly string[] {
      return [...sent];
    },
    reset: () => void sent.splice(0),
    remove: () => void client.middlewareStack.remove(name),
  };
}
