/**
 * Sustained load: the local stack in its own process (with --expose-gc), many connections each cycling
 * through one request per route, for a while. Passes with no errors, no 5xx, and the heap back near where it
 * started once the load stops and a full collection ran: memory held per request would show as growth.
 */
import { load } from './api.ts';
import { apiTargets } from './api-targets.ts';
import { startServerProcess } from './servers/child.ts';
import { percentile, round } from './stats.ts';

export type LoadReport = Awaited<ReturnType<typeof loadApi>>;

/** What "back near its start" allows: some of the heap is caches that fill on first use (SDK, JIT feedback). */
export const heapGrowthAllowance = (before: number): number => Math.max(8 * 1024 * 1024, before * 0.25);

export async function loadApi({ seconds = 30, connections = 50, log = (_line: string) => {} } = {}) {
  const server = await startServerProcess({ mode: 'stack' });
  try {
    const targets = await apiTargets(server.url);
    const requests = targets.map(({ target }) => ({ method: 'GET', path: target }));
    // Warm-up, so the baseline includes what any running server holds (compiled code, client caches).
    await load(server.url, { connections: 10, amount: 2_000, requests });
    // Memory after a warm-up and a full GC; the peak while loaded; after the load and a full GC.
    const before = (await server.collectGarbage()).now;
    await server.resetPeak();

    log(`  ${seconds} s, ${connections} connections over ${targets.length} requests`);
    const run = await load(server.url, { connections, duration: seconds, requests, timeout: 10 });
    const { peak } = await server.memory();
    const after = (await server.collectGarbage()).now;
    const serverErrors = Object.entries(run.statuses).reduce((sum, [status, count]) => sum + (Number(status) >= 500 ? count : 0), 0);
    const heapGrowthBytes = after.heapUsedBytes - before.heapUsedBytes;
    return {
      seconds,
      connections,
      routes: targets.length,
      requests: run.latenciesMs.length,
      requestsPerSecond: Math.round(run.latenciesMs.length / run.seconds),
      p50Ms: round(percentile(run.latenciesMs, 50)),
      p99Ms: round(percentile(run.latenciesMs, 99)),
      /** Connection errors and timeouts. */
      errors: run.connectionErrors,
      serverErrors,
      statuses: run.statuses,
      memory: { before, peak, after },
      heapGrowthBytes,
      passed: server.alive() && run.errors === 0 && heapGrowthBytes <= heapGrowthAllowance(before.heapUsedBytes),
    };
  } finally {
    await server.close();
  }
}
