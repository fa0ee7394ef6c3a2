/**
 * The API and seed tests again, against AWS's DynamoDB Local instead of dynalite (`npm run test:dynamodb-local`,
 * run by .ci/run next to `npm test`). The same test files, unchanged: a resolver swaps local/embedded-dynamodb.ts
 * (dynalite) for functions/test-support/dynamodb-local/embedded.ts, which hands out the one emulator that
 * globalSetup starts. Files run one at a time because several seed the same default table with different data.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import base from './vitest.config.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const dynalite = path.join(root, 'local/embedded-dynamodb.ts');
const emulator = path.join(root, 'functions/test-support/dynamodb-local/embedded.ts');

const useDynamoDbLocal: Plugin = {
  name: 'dynamodb-local-instead-of-dynalite',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer === undefined || importer === emulator || !source.endsWith('embedded-dynamodb.ts')) return null;
    return path.resolve(path.dirname(importer), source) === dynalite ? emulator : null;
  },
};

export default defineConfig({
  plugins: [useDynamoDbLocal],
  test: {
    ...base.test,
    include: [
      'functions/handlers/*.test.ts',
      'functions/seed/*.test.ts',
      'functions/adapters/dynamodb/*.test.ts',
      'functions/test-support/dynamodb-local/*.dynamodb-local.ts',
    ],
    // The hung-endpoint tests use no store at all; they run in the dynalite suite.
    exclude: [...(base.test?.exclude ?? []), 'functions/adapters/dynamodb/timeouts.test.ts'],
    globalSetup: ['functions/test-support/dynamodb-local/global-setup.ts'],
    fileParallelism: false,
  },
});
