/**
 * A server in a process of its own, so the load generator (the parent, bench/servers/child.ts) never shares
 * its event loop. Started with --expose-gc; answers the parent over IPC.
 *
 *   stack              the local stack (local/stack.ts): dynalite, seed, handlers, frontend/dist
 *   baseline           the bare API baseline (./baseline.ts); BENCH_BASELINE_REQUESTS holds its URL → request map
 *   static <dir>       the local stack's static server (local/static-site.ts) for another folder
 *
 * Messages: `memory` (now and the peak since the last reset, sampled every 50 ms), `reset-peak`, `gc` (full
 * collection, then memory), `close`.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalStack } from '../../local/stack.ts';
import { createStaticSite } from '../../local/static-site.ts';
import type { DynamoDbRequest } from '../api-targets.ts';
import { startBaselineServer } from './baseline.ts';
import type { MemorySample, ParentMessage, ServerMessage } from './child.ts';

const [mode, argument] = process.argv.slice(2);

async function start(): Promise<{ url: string; close: () => Promise<void> }> {
  switch (mode) {
    case 'stack':
      // Request logs on: a deployed function writes one line per request too (stdout is /dev/null here).
      return startLocalStack({ port: 0, quiet: false });
    case 'baseline':
      return startBaselineServer(JSON.parse(process.env.BENCH_BASELINE_REQUESTS ?? '{}') as Record<string, DynamoDbRequest>);
    case 'static': {
      if (argument === undefined) throw new Error('static needs a directory');
      const serve = createStaticSite(argument);
      const server = createServer((request, response) => void serve(request, response));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: async () => {
          server.close();
          server.closeAllConnections();
        },
      };
    }
    default:
      throw new Error(`unknown server mode ${mode}`);
  }
}

const sample = (): MemorySample => {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssBytes: rss, heapUsedBytes: heapUsed };
};

let peak = sample();
const sampler = setInterval(() => {
  const now = sample();
  peak = { rssBytes: Math.max(peak.rssBytes, now.rssBytes), heapUsedBytes: Math.max(peak.heapUsedBytes, now.heapUsedBytes) };
}, 50);
sampler.unref();

const send = (message: ServerMessage) => process.send?.(message);

try {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const server = await start();
  process.on('message', (message: ParentMessage) => {
    switch (message.type) {
      case 'memory':
        return void send({ type: 'memory', now: sample(), peak });
      case 'reset-peak':
        peak = sample();
        return void send({ type: 'memory', now: peak, peak });
      case 'gc':
        // Two passes: the first may only schedule finalizers whose memory the second frees.
        globalThis.gc?.();
        globalThis.gc?.();
        return void send({ type: 'memory', now: sample(), peak });
      case 'close':
        clearInterval(sampler);
        void server.close().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: server.url, pid: process.pid });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
