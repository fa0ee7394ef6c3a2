/**
 * `npm start`: the local stack on PORT (default 3000) and HOST (default 127.0.0.1).
 *
 * Environment:
 * - DYNAMODB_DATA_DIR: keep the embedded DynamoDB in this folder (e.g. `.local-data`); in memory otherwise.
 * - DYNAMODB_ENDPOINT (+ TABLE_NAME): use this DynamoDB-compatible endpoint instead of the embedded one; the
 *   table is created if missing and seeded either way.
 */
import { startLocalStack, type LocalStack } from './stack.ts';
import { describeStartupFailure } from './startup-failure.ts';

const env = process.env;
const port = env.PORT === undefined ? 3000 : Number(env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`PORT must be a port number, not ${JSON.stringify(env.PORT)}\n`);
  process.exit(1);
}

const settings = { port, host: env.HOST || '127.0.0.1', dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined };
let stack: LocalStack;
try {
  stack = await startLocalStack({
    ...settings,
    tableName: env.TABLE_NAME || undefined,
    dataDir: env.DYNAMODB_DATA_DIR || undefined,
  });
} catch (error) {
  const message = describeStartupFailure(error, settings);
  process.stderr.write(`${message ?? `npm start failed: ${error instanceof Error ? error.stack : String(error)}`}\n`);
  // exit, not return: a pending timer or socket of a half-started stack must not keep the process alive.
  process.exit(1);
}

const { put, deleted, unchanged } = stack.seed;
process.stdout.write(
  `Seeded table ${stack.tableName}: ${put} written, ${deleted} deleted, ${unchanged} unchanged.\n` +
    `Ready: ${stack.url}/  (API: ${stack.url}/api/overview, ${stack.url}/api/openapi.json)\n`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Could not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
