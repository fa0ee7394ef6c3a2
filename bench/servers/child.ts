/** Starts a server process (./process.ts) and talks to it; the benchmark's side. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { DynamoDbRequest } from '../api-targets.ts';

/** Messages between the benchmark and a server process. */
export interface MemorySample {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

export type ParentMessage = { type: 'memory' } | { type: 'reset-peak' } | { type: 'gc' } | { type: 'close' };

export type ServerMessage =
  | { type: 'ready'; url: string; pid: number }
  | { type: 'failed'; message: string }
  | { type: 'memory'; now: MemorySample; peak: MemorySample };

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Memory now, and the peak since the start or the last resetPeak. */
  memory(): Promise<{ now: MemorySample; peak: MemorySample }>;
  resetPeak(): Promise<void>;
  /** A full garbage collection in the server, then its memory. */
  collectGarbage(): Promise<{ now: MemorySample; peak: MemorySample }>;
  /** True while the process runs (a crash under load shows here). */
  alive(): boolean;
  close(): Promise<void>;
}

export type ServerMode = { mode: 'stack' } | { mode: 'baseline'; requests: Record<string, DynamoDbRequest> } | { mode: 'static'; dir: string };

const entry = fileURLToPath(new URL('./process.ts', import.meta.url));

export async function startServerProcess(server: ServerMode, { startTimeoutMs = 60_000 } = {}): Promise<ServerProcess> {
  const args = server.mode === 'static' ? [server.mode, server.dir] : [server.mode];
  const child: ChildProcess = fork(entry, args, {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    // stdout is the request log: discarded, as it would go to CloudWatch. stderr stays visible.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...(server.mode === 'baseline' ? { BENCH_BASELINE_REQUESTS: JSON.stringify(server.requests) } : {}),
    },
  });
  let exited = false;
  child.once('exit', () => (exited = true));

  const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${server.mode} server did not start in ${startTimeoutMs} ms`)), startTimeoutMs);
    child.once('exit', (code) => reject(new Error(`${server.mode} server exited with ${code} before it was ready`)));
    child.on('message', function onReady(message: ServerMessage) {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'failed') reject(new Error(`${server.mode} server failed to start:\n${message.message}`));
      else return;
      clearTimeout(timer);
      child.off('message', onReady);
    });
  }).catch((error: unknown) => {
    child.kill();
    throw error;
  });

  const ask = async (message: ParentMessage) => {
    const answer = new Promise<{ now: MemorySample; peak: MemorySample }>((resolve) => {
      child.on('message', function onAnswer(reply: ServerMessage) {
        if (reply.type !== 'memory') return;
        child.off('message', onAnswer);
        resolve({ now: reply.now, peak: reply.peak });
      });
    });
    child.send(message);
    return answer;
  };

  return {
    url: ready.url,
    pid: ready.pid,
    memory: () => ask({ type: 'memory' }),
    resetPeak: async () => void (await ask({ type: 'reset-peak' })),
    collectGarbage: () => ask({ type: 'gc' }),
    alive: () => !exited && child.exitCode === null,
    close: async () => {
      if (exited) return;
      const exit = once(child, 'exit');
      child.send({ type: 'close' });
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(force);
    },
  };
}
