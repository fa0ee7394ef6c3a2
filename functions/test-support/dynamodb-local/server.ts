/**
 * AWS's DynamoDB Local (the Java emulator) for the second run of the API and seed tests. The jar comes from
 * the npm package `amplify-dynamodb-simulator` (a pinned devDependency: `npm ci` puts it on disk, nothing is
 * downloaded at run time); Java 17+ runs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const emulatorDir = fileURLToPath(new URL('../../../node_modules/amplify-dynamodb-simulator/emulator/', import.meta.url));

/** Why DynamoDB Local cannot run here (no Java, no jar), or null when it can. */
export function dynamoDbLocalUnavailable(): string | null {
  if (!existsSync(path.join(emulatorDir, 'DynamoDBLocal.jar'))) {
    return `no DynamoDBLocal.jar under ${emulatorDir} (run npm ci: it comes with amplify-dynamodb-simulator)`;
  }
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error !== undefined || java.status !== 0) return 'java is not on PATH (DynamoDB Local needs Java 17+)';
  return null;
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  /** e.g. `1.25.1`, from the emulator's start-up banner. */
  readonly version: string;
  close(): Promise<void>;
}

/** Starts `java -jar DynamoDBLocal.jar -inMemory -sharedDb` on a free port and waits until it answers. */
export async function startDynamoDbLocal({ startTimeoutMs = 180_000 } = {}): Promise<DynamoDbLocal> {
  const unavailable = dynamoDbLocalUnavailable();
  if (unavailable !== null) throw new Error(`DynamoDB Local cannot run: ${unavailable}`);
  const port = await freePort();
  const java: ChildProcess = spawn(
    'java',
    ['-Djava.library.path=./DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', '-inMemory', '-sharedDb', '-port', String(port)],
    { cwd: emulatorDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  java.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  java.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(java, 'exit');

  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  // Ready when it answers HTTP at all (an unsigned GET gets a 400): the JVM takes seconds to start.
  while (!(await answers(endpoint))) {
    if (java.exitCode !== null) throw new Error(`DynamoDB Local exited with ${java.exitCode} before answering:\n${output}`);
    if (Date.now() > deadline) {
      java.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not answer within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    endpoint,
    version: /Version:\s*(\S+)/.exec(output)?.[1] ?? 'unknown version',
    close: async () => {
      if (java.exitCode !== null) return;
      java.kill('SIGTERM');
      const timer = setTimeout(() => java.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
