/**
 * DynamoDB requests per API call: one request per route (the benchmark's targets) through the local stack,
 * with the client instrumented by a middleware step that records each operation it sends.
 */
import { startLocalStack } from '../local/stack.ts';
import { countDynamoDbRequests } from '../functions/test-support/request-counter.ts';
import { apiTargets } from './api-targets.ts';
import { formatTable } from './stats.ts';

export interface DynamoDbCallCount {
  readonly route: string;
  readonly target: string;
  readonly status: number;
  /** Operation names in order, e.g. `['GetItem']`. */
  readonly operations: readonly string[];
}

export interface DynamoDbReport {
  readonly calls: readonly DynamoDbCallCount[];
  /** The most requests any one call made, the fewest, and Scans over all calls. */
  readonly maxRequestsPerCall: number;
  readonly minRequestsPerCall: number;
  readonly scans: number;
}

export async function countDynamoDbRequestsPerRoute(): Promise<DynamoDbReport> {
  const stack = await startLocalStack({ port: 0, quiet: true, staticDir: '/nonexistent' });
  // Counted from here on: seeding the table at start-up scans it, on purpose, and is not an API call.
  const counter = countDynamoDbRequests(stack.client);
  try {
    const calls: DynamoDbCallCount[] = [];
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
