/**
 * Fuzz run: thousands of hostile requests (local/test-support/hostile-requests.ts) against the local stack in its own process, a few
 * connections at a time, each over a fresh socket. Passes when no request got a 5xx, every answer was JSON,
 * the process is still running and a final /api/health answers 200.
 */
import { startServerProcess } from './servers/child.ts';
import { categories, describeRequest, hostileRequest, judge, seededRandom, toWire, type Category } from '../local/test-support/hostile-requests.ts';
import { exchange } from '../local/test-support/raw-socket.ts';

export interface FuzzReport {
  readonly requests: number;
  readonly seed: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly byCategory: Readonly<Record<Category, number>>;
  /** Status code → count. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly serverErrors: number;
  readonly notJson: number;
  readonly noResponse: number;
  /** Up to ten failing requests, described. */
  readonly failures: readonly string[];
  readonly stillServing: boolean;
  readonly passed: boolean;
}

export async function fuzzApi({ requests = 10_000, seed = 20261122, concurrency = 8, log = (_line: string) => {} } = {}): Promise<FuzzReport> {
  const server = await startServerProcess({ mode: 'stack' });
  const started = performance.now();
  try {
    const byCategory = Object.fromEntries(categories.map((category) => [category, 0])) as Record<Category, number>;
    const statuses: Record<string, number> = {};
    const failures: string[] = [];
    let serverErrors = 0;
    let notJson = 0;
    let noResponse = 0;
    let next = 0;

    const worker = async () => {
      while (next < requests) {
        const index = next++;
        // One generator per request: request N is the same in every run with this seed.
        const request = hostileRequest(seededRandom(seed + index));
        const response = await exchange(server.url, toWire(request), { abandonAfterMs: request.incomplete ? 1_000 : undefined });
        byCategory[request.category] += 1;
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        const verdict = judge(request, response);
        if (verdict.ok) continue;
        if (response.status === 0) noResponse += 1;
        else if (response.status >= 500) serverErrors += 1;
        else notJson += 1;
        if (failures.length < 10) failures.push(`#${index} ${describeRequest(request)}: ${verdict.problem}`);
      }
    };
    const progress = setInterval(() => log(`  ${next} of ${requests} sent`), 10_000);
    await Promise.all(Array.from({ length: concurrency }, worker)).finally(() => clearInterval(progress));

    const health = server.alive() ? await fetch(`${server.url}/api/health`).then((response) => response.status, () => 0) : 0;
    const stillServing = server.alive() && health === 200;
    return {
      requests,
      seed,
      concurrency,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      byCategory,
      statuses,
      serverErrors,
      notJson,
      noResponse,
      failures,
      stillServing,
      passed: stillServing && serverErrors === 0 && notJson === 0 && noResponse === 0,
    };
  } finally {
    await server.close();
  }
}
