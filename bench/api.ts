/**
 * Load test of the read API: per route, autocannon against the local stack (our whole local path: HTTP
 * server, API Gateway event adapter, handler, DynamoDB client, dynalite) and, in alternating rounds, against
 * the bare baseline (./servers/baseline.ts: the same single DynamoDB request, the stored body returned).
 * Each server runs in a process of its own with dynalite inside it; the load generator runs here, so no two
 * of them share an event loop. Latency percentiles are exact, over every response of every round.
 *
 * Each route is also measured with a single connection (two short rounds): the cost of one request with
 * nobody ahead of it in the queue, closer to what one Lambda container sees.
 *
 * On a shared 2-core machine the absolute figures drift with whatever else runs; the ratio to the baseline,
 * measured in alternating rounds of the same run, is what to compare across runs.
 */
import './quiet-sdk.ts';
import autocannon from 'autocannon';
import { apiTargets, type ApiTarget } from './api-targets.ts';
import { startServerProcess, type ServerProcess } from './servers/child.ts';
import { formatTable, percentile, ratio, round } from './stats.ts';

export type ApiBenchReport = Awaited<ReturnType<typeof benchApi>>;
type RouteBenchResult = Awaited<ReturnType<typeof benchTarget>>;

/**
 * `connections` (10: a busy API behind a CDN, not a stress test) for `rounds` rounds of `roundSeconds` per
 * server, the servers alternating within a round and the order flipping every round; then, unless
 * `singleConnectionSeconds` is 0, two rounds of that many seconds with one connection (service time, no
 * queueing). Errors count connection errors, timeouts and responses other than 2xx: all should be 0.
 */
export async function benchApi({ connections = 10, roundSeconds = 3, rounds = 3, singleConnectionSeconds = 1, log = (_line: string) => {} } = {}) {
  const stack = await startServerProcess({ mode: 'stack' });
  let baseline: ServerProcess | undefined;
  try {
    const targets = await apiTargets(stack.url);
    baseline = await startServerProcess({
      mode: 'baseline',
      requests: Object.fromEntries(targets.map((target) => [target.target, target.dynamodb])),
    });
    const results: RouteBenchResult[] = [];
    const single: RouteBenchResult[] = [];
    for (const target of targets) {
      log(`  ${target.target}`);
      const servers = { ours: stack, baseline };
      results.push(await benchTarget(target, servers, { connections, roundSeconds, rounds }));
      if (singleConnectionSeconds > 0) {
        single.push(await benchTarget(target, servers, { connections: 1, roundSeconds: singleConnectionSeconds, rounds: 2 }));
      }
    }
    return { connections, roundSeconds, rounds, routes: results, singleConnection: single };
  } finally {
    await Promise.all([stack.close(), baseline?.close()]);
  }
}

async function benchTarget(
  target: ApiTarget,
  servers: { ours: ServerProcess; baseline: ServerProcess },
  { connections, roundSeconds, rounds }: { connections: number; roundSeconds: number; rounds: number },
) {
  const runs = { ours: [] as LoadRun[], baseline: [] as LoadRun[] };
  // Warm-up: JIT, keep-alive sockets, dynalite's caches.
  for (const server of [servers.ours, servers.baseline]) await load(`${server.url}${target.target}`, { connections, amount: connections * 50 });
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
    for (const side of order) runs[side].push(await load(`${servers[side].url}${target.target}`, { connections, duration: roundSeconds }));
  }
  const ours = summarise(runs.ours);
  const baseline = summarise(runs.baseline);
  return {
    route: target.route,
    target: target.target,
    ours,
    baseline,
    ratio: {
      p50: ratio(ours.p50Ms, baseline.p50Ms),
      p99: ratio(ours.p99Ms, baseline.p99Ms),
      requestsPerSecond: ratio(ours.requestsPerSecond, baseline.requestsPerSecond),
    },
  };
}

type LoadRun = Awaited<ReturnType<typeof load>>;

/** One autocannon run, keeping every response time (autocannon's own histogram has no p95) and status. */
export async function load(
  url: string,
  options: { connections: number; duration?: number; amount?: number; requests?: { method?: string; path?: string }[]; timeout?: number },
) {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  const run = autocannon({ url, ...options });
  run.on('response', (_client, status, _bytes, responseTimeMs) => {
    latenciesMs.push(responseTimeMs);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await run;
  return { latenciesMs, statuses, seconds: result.duration, connectionErrors: result.errors + result.timeouts, errors: result.errors + result.timeouts + result.non2xx };
}

function summarise(runs: readonly LoadRun[]) {
  const latencies = runs.flatMap((run) => run.latenciesMs);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    requestsPerSecond: Math.round(latencies.length / seconds),
    requests: latencies.length,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

export function formatApiTable(results: readonly RouteBenchResult[]): string {
  return formatTable(
    ['request', 'p50', 'p95', 'p99 ms', 'base p50', 'p95', 'p99 ms', 'p50 ×', 'p99 ×', 'req/s', 'base req/s', 'errors'],
    results.map(({ target, ours, baseline, ratio: r }) => [
      target.length > 52 ? `${target.slice(0, 51)}…` : target,
      ours.p50Ms,
      ours.p95Ms,
      ours.p99Ms,
      baseline.p50Ms,
      baseline.p95Ms,
      baseline.p99Ms,
      r.p50,
      r.p99,
      ours.requestsPerSecond,
      baseline.requestsPerSecond,
      ours.errors,
    ]),
  );
}

