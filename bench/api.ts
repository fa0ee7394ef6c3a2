/**
 * Load test of the read API on the local stack: autocannon against one representative request per route,
 * reporting p50/p99 latency and requests per second.
 *
 *   npx tsx bench/api.ts [--duration 10] [--connections 20]
 *
 * `benchApi` is the reusable part: give it a running stack's URL, or let it start one on a random loopback
 * port. Numbers measure the whole local path (HTTP server, event adapter, handler, dynalite over HTTP) in
 * one Node process shared with the load generator, so they are a floor for regressions, not AWS latencies.
 */
import autocannon from 'autocannon';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Overview } from '../data/schema/api.ts';
import { routes, type RouteName } from '../functions/http/routes.ts';
import { startLocalStack } from '../local/stack.ts';

export interface ApiBenchOptions {
  /** Seconds per route. */
  readonly durationSeconds?: number;
  readonly connections?: number;
  /** A running stack; when absent one is started (and stopped) on a random port. */
  readonly baseUrl?: string;
}

export interface RouteBenchResult {
  readonly route: RouteName;
  readonly target: string;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requestsPerSecond: number;
  readonly requests: number;
  /** Responses other than 2xx, and connection errors: both should be 0. */
  readonly non2xx: number;
  readonly errors: number;
}

export async function benchApi(options: ApiBenchOptions = {}): Promise<RouteBenchResult[]> {
  const { durationSeconds = 10, connections = 20 } = options;
  const stack = options.baseUrl === undefined ? await startLocalStack({ port: 0, quiet: true }) : null;
  const baseUrl = options.baseUrl ?? (stack as { url: string }).url;
  try {
    const targets = await representativeTargets(baseUrl);
    const results: RouteBenchResult[] = [];
    for (const { route, target } of targets) {
      const url = `${baseUrl}${target}`;
      await autocannon({ url, connections, amount: connections * 20 }); // warm-up: JIT, keep-alive sockets
      const result = await autocannon({ url, connections, duration: durationSeconds });
      results.push({
        route,
        target,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        requestsPerSecond: Math.round(result.requests.average),
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    }
    return results;
  } finally {
    await stack?.close();
  }
}

/** One request per route, with ids taken from the data the stack serves (unfiltered statements too). */
async function representativeTargets(baseUrl: string): Promise<{ route: RouteName; target: string }[]> {
  const response = await fetch(`${baseUrl}/api/overview`);
  if (!response.ok) throw new Error(`GET /api/overview: ${response.status}`);
  const overview = (await response.json()) as Overview;
  const meeting = overview.meetings.find((candidate) => candidate.city === 'Kazan') ?? overview.meetings[0];
  const country = overview.countries.find((candidate) => candidate.iso3 === 'RUS') ?? overview.countries[0];
  const organisation = [...overview.organisations].sort((a, b) => b.statementCount - a.statementCount)[0];
  if (!meeting || !country || !organisation) throw new Error('The data set needs a meeting, a country and an organisation');

  const targets: Record<RouteName, string[]> = {
    getOverview: ['/api/overview'],
    listMeetings: ['/api/meetings'],
    getMeeting: [`/api/meetings/${meeting.id}`],
    listCountries: ['/api/countries'],
    getCountry: [`/api/countries/${country.iso3}`],
    listOrganisations: ['/api/organisations'],
    getOrganisation: [`/api/organisations/${organisation.id}`],
    listStatements: ['/api/statements', `/api/statements?country=${country.iso3}&topic=foreign-military-presence`],
    getHealth: ['/api/health'],
    getOpenApiDocument: ['/api/openapi.json'],
  };
  return routes.flatMap((route) => targets[route.name].map((target) => ({ route: route.name, target })));
}

export function formatBenchTable(results: readonly RouteBenchResult[]): string {
  const header = ['route', 'request', 'p50 ms', 'p99 ms', 'req/s', 'requests', 'non-2xx', 'errors'];
  const rows = results.map((result) => [
    result.route,
    result.target,
    String(result.p50Ms),
    String(result.p99Ms),
    String(result.requestsPerSecond),
    String(result.requests),
    String(result.non2xx),
    String(result.errors),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } },
  });
  const durationSeconds = Number(values.duration);
  const connections = Number(values.connections);
  process.stdout.write(`Benchmarking the local stack: ${durationSeconds} s per request, ${connections} connections…\n`);
  const results = await benchApi({ durationSeconds, connections });
  process.stdout.write(`${formatBenchTable(results)}\n`);
  if (results.some((result) => result.non2xx > 0 || result.errors > 0)) process.exitCode = 1;
}
