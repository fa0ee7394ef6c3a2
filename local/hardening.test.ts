/**
 * The local server against the unlucky and the hostile: symlinks out of the built folder, clients that send
 * slowly, and `npm start` failing with one clear line (unreachable DynamoDB, busy port, broken data).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DatasetError, readDatasetFiles } from '../data/load.ts';
import { fixtureDataset } from '../data/fixtures/dataset.ts';
import { rawRequest } from '../functions/test-support/raw-http.ts';
import { startSilentEndpoint, type SilentEndpoint } from '../functions/test-support/silent-endpoint.ts';
import { serverTimeouts, startLocalStack, type LocalStack } from './stack.ts';
import { describeStartupFailure } from './startup-failure.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'local-hardening-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Sends `text` on a fresh connection, then waits until the server closes it; returns what came back. */
async function sendAndWaitForClose(url: string, text: string): Promise<{ reply: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {});
  await once(socket, 'connect');
  socket.write(text);
  // A guard against a hang only: the server's own timeout (10 s) closes the connection well before this.
  const guard = setTimeout(() => socket.destroy(), 45_000);
  await once(socket, 'close');
  const closedByServer = socket.readableEnded;
  clearTimeout(guard);
  return { reply: Buffer.concat(chunks).toString('latin1'), closed: closedByServer };
}

describe('static files: only what is really inside the built folder', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    const dist = path.join(scratch, 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>map</title>');
    await writeFile(path.join(dist, 'assets', 'app-1.js'), 'console.log(1);');
    await writeFile(path.join(scratch, 'outside.txt'), 'SECRET outside the site');
    await symlink('/etc/passwd', path.join(dist, 'passwd'));
    await symlink(path.join(scratch, 'outside.txt'), path.join(dist, 'assets', 'leak.js'));
    await symlink(scratch, path.join(dist, 'up')); // a folder link out of dist
    await symlink(path.join(dist, 'assets', 'app-1.js'), path.join(dist, 'assets', 'alias.js')); // stays inside
    stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir: dist });
  });
  afterAll(async () => {
    await stack?.close();
  });

  test.each(['/passwd', '/up/outside.txt', '/up/dist/index.html'])('does not follow %s out of the folder', async (target) => {
    const response = await rawRequest(stack.url, target);
    expect(response.body).not.toMatch(/root:|SECRET/);
    // A page path that names no servable file gets the page itself, as for any unknown path.
    expect(response.body).toBe('<!doctype html><title>map</title>');
  });

  test('answers 404 for an asset whose symlink leads out of the folder', async () => {
    const response = await rawRequest(stack.url, '/assets/leak.js');
    expect(response.status).toBe(404);
    expect(response.body).not.toMatch(/SECRET/);
  });

  test('follows a symlink that stays inside the folder', async () => {
    const response = await rawRequest(stack.url, '/assets/alias.js');
    expect(response.status).toBe(200);
    expect(response.body).toBe('console.log(1);');
  });
});

describe('slow clients', () => {
  test('are closed with a 408 when the headers do not arrive in time (the default timeout)', async () => {
    const stack = await startLocalStack({ port: 0, quiet: true, dataset: fixtureDataset(), staticDir: '/nonexistent' });
    try {
      const { reply, closed } = await sendAndWaitForClose(stack.url, 'GET /api/health HTTP/1.1\r\nHost: x\r\n');
      expect(closed).toBe(true);
      expect(reply).toMatch(/^HTTP\/1\.1 408 /);
      expect(reply).toContain('"code":"request_timeout"');
    } finally {
      await stack.close();
    }
    // Node's own defaults would take 60 s (headers) and 300 s (request); the guard above waits 45 s.
    expect(serverTimeouts.headersTimeoutMs).toBeLessThan(45_000);
  }, 120_000);

  test('are closed with a 408 JSON when the body does not arrive within the request timeout', async () => {
    const stack = await startLocalStack({
      port: 0,
      quiet: true,
      dataset: fixtureDataset(),
      staticDir: '/nonexistent',
      requestTimeoutMs: 2_000,
      headersTimeoutMs: 2_000,
    });
    try {
      const { reply, closed } = await sendAndWaitForClose(
        stack.url,
        'POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"slow":',
      );
      expect(closed).toBe(true);
      expect(reply).toMatch(/^HTTP\/1\.1 408 /);
      expect(reply).toContain('"code":"request_timeout"');
    } finally {
      await stack.close();
    }
  }, 120_000);
});

/** Runs local/main.ts (what `npm start` runs after building) and collects its output. */
async function runMain(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000); // against a hang: a failure, not a wait
  const [status] = (await once(child, 'exit')) as [number | null];
  clearTimeout(guard);
  return { status, stdout, stderr };
}

const oneLine = (text: string) => text.trimEnd().split('\n');

describe('npm start that cannot start', () => {
  let silent: SilentEndpoint;
  let busy: Server;
  beforeAll(async () => {
    silent = await startSilentEndpoint();
    busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
  });
  afterAll(async () => {
    await silent?.close();
    await new Promise<void>((resolve) => (busy ? busy.close(() => resolve()) : resolve()));
  });

  test('gives up on a DynamoDB endpoint that never answers: exit 1, one line', async () => {
    const result = await runMain({ PORT: '0', DYNAMODB_ENDPOINT: silent.url });
    expect(silent.connections).toBeGreaterThan(0);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(oneLine(result.stderr)).toEqual([
      `npm start: DynamoDB at ${silent.url} (DYNAMODB_ENDPOINT) did not answer in time; is it running? Unset DYNAMODB_ENDPOINT to use the embedded one.`,
    ]);
  }, 180_000);

  test('says the port is busy: exit 1, one line, no stack', async () => {
    const { port } = busy.address() as AddressInfo;
    const result = await runMain({ PORT: String(port) });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toEqual([expect.stringMatching(new RegExp(`^npm start: port ${port} on 127\\.0\\.0\\.1 is already in use`))]);
  }, 180_000);

  test('lists each problem of broken data once, without a stack', async () => {
    const dataDir = path.join(scratch, 'broken-data');
    await mkdir(dataDir);
    const error = await readDatasetFiles(dataDir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetError);
    const issues = (error as DatasetError).issues;
    expect(issues.length).toBeGreaterThan(0);

    const message = describeStartupFailure(error, { port: 3000, host: '127.0.0.1' }) ?? '';
    const lines = message.split('\n');
    expect(lines[0]).toBe(`npm start: the data in data/records/ has ${issues.length} problem(s); fix them and start again:`);
    expect(lines).toHaveLength(issues.length + 1);
    expect(new Set(lines).size).toBe(lines.length);
    expect(message).not.toMatch(/^\s+at /m);
  });

  test('leaves anything else (a bug) to be printed whole', () => {
    expect(describeStartupFailure(new TypeError('x is undefined'), { port: 3000, host: '127.0.0.1' })).toBeNull();
  });
});
