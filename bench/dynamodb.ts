/**
 * DynamoDB requests per API call: one request per route (the benchmark's targets) through the local stack,
 * with the client instrumented by a middleware step that records each operation it sends.
 */
import { startLocalStack } from '../local/stack.ts';
import { countDynamoDbRequests } from '../functions/test-support/request-counter.ts';
import { apiTargets } from './api-targets.ts';
import { formatTable } from './stats.ts';

export type DynamoDbReport = Awaited<ReturnType<typeof countDynamoDbRequestsPerRoute>>;

export async function countDynamoDbRequestsPerRoute() {
  const stack = await startLocalStack({ port: 0, quiet: true, staticDir: '/nonexistent' });
  // Counted from here on: seeding the table at start-up scans it, on purpose, and is not an API call.
  const counter = countDynamoDbRequests(stack.client);
  try {
    // Operation names in order, e.g. `['GetItem']`.
    const calls: { route: string; target: string; status: number; operations: readonly string[] }[] = [];
    for (const { route, target } of await apiTargets(stack.url)) {
      counter.reset();
      const response = await fetch(`${stack.url}${target}`);
      await response.arrayBuffer();
      calls.push({ route, target, status: response.status, operations: counter.sent });
    }
    const counts = calls.map((call) => call.operations.length);
    return {
      calls,
      maxRequestsPerCall: Math.max(...counts),
      minRequestsPerCall: Math.min(...counts),
      scans: calls.flatMap((call) => call.operations).filter((operation) => operation === 'Scan').length,
    };
  } finally {
    counter.remove();
    await stack.close();
  }
}

export function formatDynamoDbTable(report: DynamoDbReport): string {
  return formatTable(
    ['request', 'status', 'DynamoDB requests'],
    report.calls.map((call) => [call.target, call.status, call.operations.join(', ') || '(none)']),
  );
}
