/**
 * Fuzz run: thousands of hostile requests (local/test-support/hostile-requests.ts, whose test sends 300)
 * against the local stack in its own process. Passes when every answer was a JSON non-5xx, the process still
 * runs and a final /api/health answers 200.
 */
import { fuzzServer } from '../local/test-support/hostile-requests.ts';
import { startServerProcess } from './servers/child.ts';
import { round } from './stats.ts';

export type FuzzReport = Awaited<ReturnType<typeof fuzzApi>>;

export async function fuzzApi({ requests = 10_000, seed = 20261122, log = (_line: string) => {} } = {}) {
  const server = await startServerProcess({ mode: 'stack' });
  const started = performance.now();
  try {
    const fuzz = await fuzzServer(server.url, { requests, seed, log });
    const health = server.alive() ? await fetch(`${server.url}/api/health`).then((response) => response.status, () => 0) : 0;
    const stillServing = server.alive() && health === 200;
    const passed = stillServing && fuzz.serverErrors === 0 && fuzz.notJson === 0 && fuzz.noResponse === 0;
    return { ...fuzz, seconds: round((performance.now() - started) / 1000), stillServing, passed };
  } finally {
    await server.close();
  }
}
