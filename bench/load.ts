/**
 * Sustained load: the local stack in its own process (with --expose-gc), many connections each cycling
 * through one request per route, for a while. Passes with no errors, no 5xx, and the heap back near where it
 * started once the load stops and a full collection ran: memory held per request would show as growth.
 */
import autocannon from 'autocannon';
import { apiTargets } from './api-targets.ts';
import { startServerProcess } from './servers/child.ts';
import type { MemorySample } from './servers/child.ts';
import { percentile, round } from './stats.ts';

export interface LoadReport {
  readonly seconds: number;
  readonly connections: number;
  readonly routes: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly serverErrors: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** After a warm-up and a full GC; the peak while loaded; after the load and a full GC. */
  readonly memory: { readonly before: MemorySample; readonly peak: MemorySample; readonly after: MemorySample };
  /** after − before, heap used. */
  readonly heapGrowthBytes: number;
  readonly passed: boolean;
}

/** What "back near its start" allows: some of the heap is caches that fill on first use (SDK, JIT feedback). */
export const heapGrowthAllowance = (before: number): number => Math.max(8 * 1024 * 1024, before * 0.25);

export async function loadApi({ seconds = 30, connections = 50, log = (_line: string) => {} } = {}): Promise<LoadReport> {
  const server = await startServerProcess({ mode: 'stack' });
  try {
    const targets = await apiTargets(server.url);
    const requests = targets.map(({ target }) => ({ method: 'GET', path: target }));
    // Warm-up, so the baseline includes what any running server holds (compiled code, client caches).
    await autocannon({ url: server.url, connections: 10, amount: 2_000, requests });
    const before = (await server.collectGarbage()).now;
    await server.resetPeak();

    log(`  ${seconds} s, ${connections} connections over ${targets.length} requests`);
    const statuses: Record<string, number> = {};
    const latencies: number[] = [];
    const run = autocannon({ url: server.url, connections, duration: seconds, requests, timeout: 10 });
    run.on('response', (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      latencies.push(ms);
    });
    const result = await run;
    const { peak } = await server.memory();
    const after = (await server.collectGarbage()).now;
    const serverErrors = Object.entries(statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0);
    const errors = result.errors + result.timeouts;
    const heapGrowthBytes = after.heapUsedBytes - before.heapUsedBytes;
    return {
      seconds,
      connections,
      routes: targets.length,
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / result.duration),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      errors,
      serverErrors,
      statuses,
      memory: { before, peak, after },
      heapGrowthBytes,
      passed:
        server.alive() &&
        errors === 0 &&
        serverErrors === 0 &&
        result.non2xx === 0 &&
        heapGrowthBytes <= heapGrowthAllowance(before.heapUsedBytes),
    };
  } finally {
    await server.close();
  }
}
